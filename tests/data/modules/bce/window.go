// Package bce keeps a few bounds checks the compiler cannot prove away, for -d=ssa/check_bce/debug=1.
package bce

// Window sums the n bytes of b from i: one index check per element, one slice check for the window.
func Window(b []byte, i, n int) int {
	w := b[i : i+n]
	total := 0
	for k := 0; k < n; k++ {
		total += int(w[k])
	}
	return total + int(b[i])
}

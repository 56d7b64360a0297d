// Package newer asks for Go 1.22 in its go.mod although its code is valid Go 1.21: a Go 1.21
// toolchain refuses it (GOTOOLCHAIN=local) unless the language version is overridden.
package newer

// Collect keeps the address of each loop variable: per-iteration variables (1.22) are moved to
// the heap, one shared variable (1.21) likewise, but the compiler says so differently.
func Collect(n int) []*int {
	var out []*int
	for i := 0; i < n; i++ {
		out = append(out, &i)
	}
	return out
}

// Package twoblocks puts two explanation blocks and two heap verdicts on one position: a helper whose
// large local array is too big for the caller's frame once inlined (moved to heap), and which also
// converts that array to an interface (a heap copy escapes).
package twoblocks

var retained any

func stash() {
	var frame [1 << 21]byte
	frame[3] = 9
	retained = frame
}

// Use inlines stash: both verdicts land on stash's call position in Use.
func Use() {
	stash()
}

// Two locals of one call: each block must explain its own verdict.
func pair() (*int, *[1 << 17]int) {
	small := 1
	var big [1 << 17]int
	return &small, &big
}

func UsePair() int {
	a, b := pair()
	return *a + b[0]
}

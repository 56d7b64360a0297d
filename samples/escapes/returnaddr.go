package main

// newCounter returns the address of a local variable. The pointer outlives the
// call, so the compiler cannot keep x in newCounter's stack frame: it reports
// "moved to heap: x" and explains the flow x -> &x -> ~r0 (the result).
func newCounter() *int {
	x := 0
	return &x
}

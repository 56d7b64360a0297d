package main

// squares makes a slice whose length is only known at run time. A stack frame
// has a fixed size, so the compiler allocates it on the heap: "make([]int, n)
// escapes to heap" with the reason "non-constant size".
func squares(n int) int {
	s := make([]int, n)
	total := 0
	for i := range s {
		s[i] = i * i
		total += s[i]
	}
	return total
}

package main

// makeAccumulator returns a closure that keeps updating sum after
// makeAccumulator has returned. The closure captures sum by reference, so sum
// must live on the heap ("moved to heap: sum"), and the func literal itself
// escapes because it is returned.
func makeAccumulator() func(int) int {
	sum := 0
	return func(n int) int {
		sum += n
		return sum
	}
}

package main

import "sync"

// launchWorkers runs one goroutine per iteration, each capturing the loop variable
// (and waited for before the next, so the program is correct either way). Under
// go 1.21 semantics all closures share one i that the loop keeps incrementing:
// captured by reference, "moved to heap: i". Under go 1.22 each iteration has its
// own i, never changed after the capture: captured by value, i stays put.
func launchWorkers(n int) []int {
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
		wg.Wait()
	}
	return results
}

// addresses keeps &i of every iteration. With go 1.21 semantics all pointers
// point at one shared variable (a classic bug); with go 1.22 each iteration's
// variable is distinct and moved to the heap separately.
func addresses(n int) []*int {
	var out []*int
	for i := 0; i < n; i++ {
		out = append(out, &i)
	}
	return out
}

package main

import "sync"

// launchWorkers starts one goroutine per loop iteration, each capturing the loop
// variable. Under go 1.21 semantics all closures share one i, which the loop
// keeps incrementing, so the closures capture it by reference and i is moved to
// the heap. Under go 1.22 each iteration has its own i that is never changed
// after the closure captures it: captured by value, nothing moves to the heap.
func launchWorkers(n int) []int {
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
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

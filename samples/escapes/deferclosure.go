package main

// withCleanup defers a closure that reads and writes count. Deferred closures
// that run at function exit are kept on the stack ("func literal does not
// escape"), and count is captured by reference but need not move to the heap.
func withCleanup() (count int) {
	defer func() {
		count++
	}()
	count = 41
	return count
}

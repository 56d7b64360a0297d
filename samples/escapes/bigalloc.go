package main

// bigBuffer allocates 1 MiB. Go keeps implicit allocations on the stack only up
// to 64 KiB, so make([]byte, 1<<20) escapes with the reason "too large for
// stack", even though the slice never leaves the function.
func bigBuffer() int {
	buf := make([]byte, 1<<20)
	buf[0] = 1
	return len(buf)
}

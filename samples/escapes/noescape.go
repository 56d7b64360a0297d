package main

type point struct{ x, y int }

// manhattan builds a struct and takes its address, but the pointer never leaves
// the function: escape analysis keeps p on the stack ("&point{...} does not
// escape"). This is the contrast to returnaddr.go.
func manhattan(a, b int) int {
	p := &point{x: a, y: b}
	return abs(p.x) + abs(p.y)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Package good compiles: its findings must survive the failure of its sibling package.
package good

// Box returns the address of a local, so v is moved to the heap.
func Box(n int) *int {
	v := n
	return &v
}

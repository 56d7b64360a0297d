package main

// ptr returns the address of its argument for any type. Each instantiation is
// compiled from a shape (go.shape.int, go.shape.string), and v is moved to the
// heap in every one of them.
func ptr[T any](v T) *T {
	return &v
}

type stack[T any] struct {
	items []T
}

// push appends to the receiver's slice; the receiver's contents leak.
func (s *stack[T]) push(v T) {
	s.items = append(s.items, v)
}

// Generic code and range-over-func iterators: the compiler explains the leaks of generic
// instantiations and of the closures a range-over-func loop becomes.
package main

import (
	"fmt"
	"iter"
)

// Stack is a generic container; its instantiations are compiled as shapes.
type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

// All yields every item, newest first.
func (s *Stack[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := len(s.items) - 1; i >= 0; i-- {
			if !yield(s.items[i]) {
				return
			}
		}
	}
}

// Map applies f to every value of seq.
func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

type point struct{ x, y int }

func collect(s *Stack[*point]) []*point {
	var out []*point
	for p := range s.All() {
		out = append(out, p)
	}
	return out
}

// counters captures each iteration's own i (Go 1.22+ semantics): the compiler logs the loop variable.
func counters() []func() int {
	var out []func() int
	for i := 0; i < 3; i++ {
		out = append(out, func() int { return i })
	}
	return out
}

func main() {
	var s Stack[*point]
	for i := range 4 {
		s.Push(&point{i, i * i})
	}
	var names Stack[string]
	names.Push("a")
	names.Push("b")
	for n := range Map(names.All(), func(v string) string { return v + "!" }) {
		fmt.Println(n)
	}
	fmt.Println(len(collect(&s)), len(counters()))
}

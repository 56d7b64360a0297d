package main

import "fmt"

type user struct {
	name string
	age  int
}

// describe passes u to fmt.Sprintf through a ...any parameter. Converting a
// struct to an interface needs a pointer to a copy, and fmt's parameters leak
// to the heap, so "u escapes to heap" (interface-converted, then call parameter).
func describe(u user) string {
	return fmt.Sprintf("%v", u)
}

// sink stores its argument in a package variable: anything passed as an any
// value escapes.
var last any

func remember(v any) {
	last = v
}

func rememberCount(n int) {
	remember(n)
}

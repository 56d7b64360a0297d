// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Package assertions holds assertions of the three directive styles heapsight-cli assert reads
// (Heapsight's, gcassert's and go-escape-lint's), some that hold and some that the compiler breaks.
package assertions

type point struct{ x, y int }

var sink *point

// Sum keeps its point on the stack: holds.
func Sum(a, b int) int {
	p := point{a, b} //heapsight:noescape
	return p.x + p.y
}

// Leak returns the address of its local: the directive above the line breaks.
func Leak(a int) *int {
	//heapsight:noescape
	n := a
	return &n
}

// Quiet allocates nothing in its body: holds.
//
//heapsight:noescape
func Quiet(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// Loud converts a string to an interface in its body: broken.
//
//heapsight:noescape
func Loud(s string) any {
	t := s + "!"
	return t
}

// Keep stores a pointer in a package variable: go-escape-lint's directive, broken.
func Keep(a int) {
	q := &point{a, a} //no-escape
	sink = q
}

// Local keeps its buffer on the stack: go-escape-lint's directive, holds.
func Local() byte {
	buf := make([]byte, 8) //no-escape
	buf[0] = 1
	return buf[0]
}

// Stored moves its point to the heap: gcassert's directive, broken.
func Stored(a int) {
	//gcassert:noescape
	var v point
	v.x = a
	sink = &v
}

// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

package assertions

// add is small and every call of it is inlined: holds.
//
//heapsight:inline
func add(a, b int) int {
	return a + b
}

// slow is marked go:noinline, so none of its calls is inlined: broken, at both callers.
//
//gcassert:inline
//go:noinline
func slow(a int) int {
	return a * 3
}

// Twice calls both.
func Twice(a int) int {
	x := add(a, 1) //gcassert:inline
	y := slow(x)
	return add(x, y)
}

// Thrice calls slow where go-escape-lint asserts the call is inlined: broken.
func Thrice(a int) int {
	return slow(a) + 1 //must-inline
}

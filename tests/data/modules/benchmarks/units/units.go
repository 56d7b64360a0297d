// Package units has no tests: `go test -c` alone would not compile it.
package units

import "strconv"

// Bytes formats n with a unit.
func Bytes(n int64) string {
	s := strconv.FormatInt(n, 10) + " B"
	return s
}

// Scaled returns the address of a new scaled value.
func Scaled(n int64, k int64) *int64 {
	v := n * k
	return &v
}

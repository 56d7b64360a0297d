package main

import "testing"

// Benchmarks that allocate, for ranking findings by real allocations with a heap profile
// (go test -bench . -memprofile mem.out).
func BenchmarkNewCounter(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = newCounter()
	}
}

func BenchmarkDescribe(b *testing.B) {
	u := user{name: "gopher", age: 13}
	for i := 0; i < b.N; i++ {
		_ = describe(u)
	}
}

func BenchmarkSquares(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = squares(64)
	}
}

// sink keeps results alive so that inlined calls still allocate on the heap.
var sink any

func BenchmarkBigBuffer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = bigBuffer()
	}
}

func BenchmarkCollect(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = collect(16)
	}
}

func BenchmarkAccumulator(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = makeAccumulator()
	}
}

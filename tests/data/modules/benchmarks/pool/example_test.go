package pool_test

import (
	"fmt"
	"testing"

	"example.com/benchmarks/pool"
)

func BenchmarkJoin(b *testing.B) {
	parts := []string{"x", "y", "z"}
	var sink string
	for i := 0; i < b.N; i++ {
		sink = pool.Join(parts, '/')
	}
	_ = sink
}

func ExampleJoin() {
	fmt.Println(pool.Join([]string{"1", "2"}, '+'))
	// Output: 1+2
}

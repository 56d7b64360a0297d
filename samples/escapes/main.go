// Command escapes collects small programs whose escape-analysis decisions Heapsight explains. Every
// file shows one scenario, with a comment that says what the compiler decides and why.
package main

import (
	"fmt"

	"example.com/escapes/store"
)

func main() {
	c := newCounter()
	acc := makeAccumulator()
	acc(*c)
	fmt.Println(len(launchWorkers(4)), len(addresses(3)))
	fmt.Println(describe(user{name: "gopher", age: 13}))
	rememberCount(7)
	fmt.Println(bigBuffer(), squares(10), len(collect(3)))
	fmt.Println(knownShape(), methodValue(), kindOf(1), withCleanup(), manhattan(3, -4))
	p := ptr(1)
	s := ptr("s")
	var st stack[int]
	st.push(*p)
	cache := store.New()
	cache.Put(*s, &store.Entry{Value: len(st.items)})
	fmt.Println(cache.Len())
}

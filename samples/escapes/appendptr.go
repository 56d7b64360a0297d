package main

type item struct {
	id   int
	name string
}

// add appends through a pointer to a slice: the stored pointer flows into the
// slice's backing array, which the caller owns, so "leaking param: it" and the
// caller's &item{...} escapes to the heap.
func add(dst *[]*item, it *item) {
	*dst = append(*dst, it)
}

func collect(n int) []*item {
	var items []*item
	for i := 0; i < n; i++ {
		add(&items, &item{id: i})
	}
	return items
}

// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Values whose way to the heap crosses functions: into another package of the module (two calls deep,
// a method's second parameter) and into the standard library (fmt.Sprintf, sync.Pool.Put).
package main

import (
	"fmt"
	"sync"

	"example.com/whypath/internal/store"
)

var buffers = sync.Pool{New: func() any { return new([]byte) }}

func main() {
	item := store.Item{Name: "kept"}
	store.Keep(&item)

	cache := store.NewCache()
	entry := store.Item{Name: "cached"}
	cache.Add("entry", &entry)

	count := 42
	fmt.Println(describe(&count))

	buf := make([]byte, 0, 64)
	buffers.Put(&buf)
}

//go:noinline
func describe(n *int) string {
	return fmt.Sprintf("count %d", n)
}

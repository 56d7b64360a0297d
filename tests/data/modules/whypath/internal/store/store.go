// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Package store keeps what it is given, so its callers' values go to the heap.
package store

// Item is what the store keeps.
type Item struct {
	Name string
}

var registry []*Item

// Keep remembers it for good.
//
//go:noinline
func Keep(it *Item) {
	remember(it)
}

//go:noinline
func remember(it *Item) {
	registry = append(registry, it)
}

// Cache maps keys to items.
type Cache struct {
	items map[string]*Item
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{items: map[string]*Item{}}
}

// Add stores it under key.
//
//go:noinline
func (c *Cache) Add(key string, it *Item) {
	c.items[key] = it
}

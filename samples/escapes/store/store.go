// Package store is a tiny cache. Put keeps the pointer it is given in a map, so
// the parameter leaks ("leaking param: e") and callers' entries move to the heap.
package store

type Entry struct {
	Value int
}

type Cache struct {
	entries map[string]*Entry
}

// New returns a pointer to a fresh cache: the composite literal escapes.
func New() *Cache {
	return &Cache{entries: map[string]*Entry{}}
}

func (c *Cache) Put(key string, e *Entry) {
	c.entries[key] = e
}

func (c *Cache) Len() int {
	return len(c.entries)
}

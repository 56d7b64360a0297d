// Package pool keeps reusable byte buffers: the kind of code whose allocations only a benchmark shows.
package pool

import "bytes"

// Buffers hands out buffers and takes them back.
type Buffers struct {
	free []*bytes.Buffer
}

// Get returns a free buffer or a new one.
func (p *Buffers) Get() *bytes.Buffer {
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	return new(bytes.Buffer)
}

// Put keeps b for the next Get.
func (p *Buffers) Put(b *bytes.Buffer) {
	b.Reset()
	p.free = append(p.free, b)
}

// Join writes the parts into one new string.
func Join(parts []string, sep byte) string {
	var b bytes.Buffer
	for i, s := range parts {
		if i > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(s)
	}
	return b.String()
}

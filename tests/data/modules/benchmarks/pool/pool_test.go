package pool

import "testing"

func BenchmarkGetPut(b *testing.B) {
	var p Buffers
	for i := 0; i < b.N; i++ {
		buf := p.Get()
		buf.WriteString("payload")
		p.Put(buf)
	}
}

func TestJoin(t *testing.T) {
	parts := []string{"a", "b", "c"}
	if got := Join(parts, ','); got != "a,b,c" {
		t.Fatalf("Join = %q", got)
	}
}

package main

type shape interface {
	area() float64
}

type square struct{ side float64 }

func (s *square) area() float64 { return s.side * s.side }

// knownShape calls a method through an interface whose dynamic type the
// compiler can see (*square): it devirtualizes the call, inlines it, and the
// square no longer needs to escape ("&square{...} does not escape").
func knownShape() float64 {
	var s shape = &square{side: 2}
	return s.area()
}

// methodValue binds a method to its receiver; the bound function value is a
// closure over sq, used only here.
func methodValue() float64 {
	sq := square{side: 3}
	f := sq.area
	return f()
}

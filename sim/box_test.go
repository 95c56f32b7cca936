package sim

import (
	"math"
	"testing"
)

func TestWrapKeepsUnwrapped(t *testing.T) {
	b := NewPeriodicBox(3, 4, 5)
	for _, p := range []Vec3{{-0.1, 4.0, 12.3}, {-7.9, -8, 0}, {2.9999999999, 3.9999999, 4.99999}, {1e3, -1e3, 5}} {
		q, img := p, [3]int32{}
		b.Wrap(&q, &img)
		for k := 0; k < 3; k++ {
			if q[k] < 0 || q[k] >= b.L[k] {
				t.Errorf("Wrap(%v) = %v outside the box", p, q)
			}
		}
		if u := b.Unwrap(q, img); u.Sub(p).Norm() > 1e-9 {
			t.Errorf("Unwrap(Wrap(%v)) = %v", p, u)
		}
	}
}

func TestMinImage(t *testing.T) {
	b := NewPeriodicBox(10, 10, 10)
	d := b.Delta(Vec3{0.5, 9.5, 5}, Vec3{9.5, 0.5, 5})
	if math.Abs(d[0]+1) > 1e-12 || math.Abs(d[1]-1) > 1e-12 || d[2] != 0 {
		t.Errorf("Delta = %v, want (-1, 1, 0)", d)
	}
	open := NewOpenBox(Vec3{10, 10, 10})
	if d := open.Delta(Vec3{0.5, 0, 0}, Vec3{9.5, 0, 0}); d[0] != 9 {
		t.Errorf("open Delta = %v, want 9", d)
	}
	if err := b.CheckCutoff(5.1); err == nil {
		t.Error("CheckCutoff(5.1) in a box of 10 gave no error")
	}
	if err := b.CheckCutoff(4.3); err != nil {
		t.Errorf("CheckCutoff(4.3): %v", err)
	}
}

package sim

import (
	"math"
	"testing"
)

// The FCC lattice has the requested density and every site has exactly 12
// nearest neighbours at a/√2 (a the cubic lattice constant).
func TestFCCCoordination(t *testing.T) {
	const rho = 0.8442
	s := FCC(3, 3, 3, rho)
	if got := float64(s.N()) / s.Box.Volume(); math.Abs(got-rho) > 1e-12 {
		t.Fatalf("density %g, want %g", got, rho)
	}
	a := math.Cbrt(4 / rho)
	nn := a / math.Sqrt2
	for i := 0; i < s.N(); i++ {
		count := 0
		for j := 0; j < s.N(); j++ {
			if j != i && math.Abs(s.Box.Delta(s.Pos[i], s.Pos[j]).Norm()-nn) < 1e-9 {
				count++
			}
			if j != i && s.Box.Delta(s.Pos[i], s.Pos[j]).Norm() < nn-1e-9 {
				t.Fatalf("particles %d and %d closer than the nearest-neighbour distance", i, j)
			}
		}
		if count != 12 {
			t.Fatalf("site %d has %d nearest neighbours, want 12", i, count)
		}
	}
}

func TestFCCFill(t *testing.T) {
	s, err := FCCFill(600, 0.6)
	if err != nil {
		t.Fatal(err)
	}
	if s.N() != 600 || math.Abs(s.Box.L[0]-10) > 1e-12 {
		t.Fatalf("N=%d L=%g, want 600 and 10", s.N(), s.Box.L[0])
	}
	for i := 0; i < s.N(); i++ {
		for j := i + 1; j < s.N(); j++ {
			if s.Box.Delta(s.Pos[i], s.Pos[j]).Norm() < 0.9 {
				t.Fatalf("sites %d and %d overlap", i, j)
			}
		}
	}
	if _, err := FCCFill(0, 0.6); err == nil {
		t.Error("FCCFill(0) gave no error")
	}
	if _, err := FCCFill(10, -1); err == nil {
		t.Error("FCCFill with negative density gave no error")
	}
}

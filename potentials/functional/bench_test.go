package functional

import "testing"

func benchFunctional(b *testing.B, f Functional) {
	g := f.Grid()
	rho := smoothProfile(g, 0.6, 0.5)
	dF := make([]float64, g.N)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.ExcessFreeEnergy(rho, dF); err != nil {
			b.Fatal(err)
		}
	}
}

// The DDFT main job's grid: L = 10σ periodic, dz = 0.01 (1000 cells).
var benchGrid = Grid{N: 1000, Dz: 0.01, Periodic: true}

func BenchmarkWhiteBearII1000(b *testing.B) {
	benchFunctional(b, mustFMT(b, benchGrid, WhiteBearII, 0.95695))
}

func BenchmarkMeanField1000(b *testing.B) {
	m, err := NewMeanField(benchGrid, MeanFieldSettings{Cutoff: 4, KT: 2})
	if err != nil {
		b.Fatal(err)
	}
	benchFunctional(b, m)
}

func BenchmarkWhiteBearIIPlusMeanField1000(b *testing.B) {
	f, err := New(benchGrid, Spec{HardSpheres: "wb2", Attraction: "bh", Cutoff: 4, KT: 2})
	if err != nil {
		b.Fatal(err)
	}
	benchFunctional(b, f)
}

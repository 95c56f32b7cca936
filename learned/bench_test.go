package learned

import (
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// benchFunctional is the default architecture on the bd-vs-ddft grid
// (1000 cells of 0.01σ).
func benchFunctional(b *testing.B) (*Functional, []float64) {
	g := functional.Grid{N: 1000, Dz: 0.01, Periodic: true}
	a, _ := Architecture{}.withDefaults()
	f, err := newFunctional(g, a, initParams(a, g.Dz, 1))
	if err != nil {
		b.Fatal(err)
	}
	return f, testProfile(g)
}

// BenchmarkC1 is one evaluation of βF_exc and −c1 on 1000 points (the
// issue's budget: 2 ms on one core).
func BenchmarkC1(b *testing.B) {
	f, rho := benchFunctional(b)
	dF := make([]float64, len(rho))
	b.ReportAllocs()
	for b.Loop() {
		f.ExcessFreeEnergy(rho, dF)
	}
}

// BenchmarkHessianVector is one Hessian-vector product on 1000 points.
func BenchmarkHessianVector(b *testing.B) {
	f, rho := benchFunctional(b)
	hv := make([]float64, len(rho))
	b.ReportAllocs()
	for b.Loop() {
		f.HessianVector(rho, rho, hv)
	}
}

// BenchmarkDefaultC1 is one evaluation of the shipped model (White Bear II
// + mean field + network) on its 1000-cell grid.
func BenchmarkDefaultC1(b *testing.B) {
	f, err := Default(defaultGrid, 2)
	if err != nil {
		b.Fatal(err)
	}
	rho := testProfile(defaultGrid)
	dF := make([]float64, len(rho))
	b.ReportAllocs()
	for b.Loop() {
		f.ExcessFreeEnergy(rho, dF)
	}
}

package potentials

import (
	"fmt"
	"testing"

	"github.com/physim/physim/sim"
)

// BenchmarkPairLJ times one LJ force evaluation (r_c = 2.5, skin 0.3, no
// list rebuild) on the in.lj state of 32,000 atoms, serial and with two
// workers; ns/atom is the cost per atom of one step's pair forces.
func BenchmarkPairLJ(b *testing.B) {
	s := inLJState()
	f := make([]sim.Vec3, s.N())
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			benchCompute(b, s, f, PairSettings{Workers: w})
		})
	}
}

// BenchmarkPairLJBuild times the neighbour-list build plus one evaluation
// for the in.lj state.
func BenchmarkPairLJBuild(b *testing.B) {
	s := inLJState()
	f := make([]sim.Vec3, s.N())
	for b.Loop() {
		p, err := NewPair(LJ{}, PairSettings{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Compute(s, f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPairLJSize times one LJ force evaluation (no list rebuild) of
// a disordered fcc state (displacements up to 0.2σ) at ρ = 0.8442 from
// 4,000 to 256,000 atoms, serial; ns/atom should not grow with N.
func BenchmarkPairLJSize(b *testing.B) {
	for _, cells := range []int{10, 20, 40} {
		s := perturbedState(5, cells, 0.8442, 0.2)
		f := make([]sim.Vec3, s.N())
		b.Run(fmt.Sprintf("atoms=%d", s.N()), func(b *testing.B) {
			benchCompute(b, s, f, PairSettings{})
		})
	}
}

// benchCompute times repeated LJ force evaluations of s (the list is built
// before the timer loop) and reports ns per atom.
func benchCompute(b *testing.B, s *sim.State, f []sim.Vec3, set PairSettings) {
	p, err := NewPair(LJ{}, set)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := p.Compute(s, f); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		clear(f)
		if _, err := p.Compute(s, f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(s.N()), "ns/atom")
}

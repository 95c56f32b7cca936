package kuramoto

import (
	"testing"

	"github.com/physim/physim/sim"
)

func BenchmarkPhasesAllToAllHeun1000(b *testing.B) {
	om, _ := Frequencies{Width: 0.5, Quantiles: true}.Generate(1000)
	p, _ := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: 2}, Dt: 0.01}, RandomPhases(1000, 1))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Advance(1)
	}
}

func BenchmarkPhasesLattice128x128NoisyEuler(b *testing.B) {
	n := 128 * 128
	om, _ := Frequencies{Dist: "gaussian", Width: 0.1, Seed: 1}.Generate(n)
	p, _ := NewPhases(PhasesConfig{Omega: om, Coupling: Lattice{Nx: 128, Ny: 128, K: 1}, Noise: 0.05, Dt: 0.01, Scheme: "euler"}, RandomPhases(n, 1))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Advance(1)
	}
}

func BenchmarkSphere256x4(b *testing.B) {
	const n, d = 256, 4
	s, _ := NewSphere(SphereConfig{N: n, Dim: d, J: randomCoupling(n*d, true, 1), Dt: 0.01}, RandomUnitVectors(n, d, 1))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Advance(1)
	}
}

func BenchmarkOscillatorLattice64x64(b *testing.B) {
	l := &OscillatorLattice{Nx: 64, Ny: 64, Omega0: 1, K: 1, Coupling: "cos"}
	s := l.NewState()
	f := make([]sim.Vec3, s.N())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clear(f)
		l.Compute(s, f)
	}
}

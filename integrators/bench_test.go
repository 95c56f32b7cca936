package integrators

import (
	"fmt"
	"testing"

	"github.com/physim/physim/sim"
)

// benchState is 1000 particles in a periodic box, initialised for g.
func benchState(b *testing.B, g sim.Integrator) *sim.State {
	s := uniformPositions(1000, sim.NewPeriodicBox(10, 10, 10), 1)
	if err := (MaxwellBoltzmann{KT: 1, Seed: 2}).Assign(s); err != nil {
		b.Fatal(err)
	}
	mustInit(b, g, s)
	return s
}

// benchStep times one step of g on 1000 particles with a zero force, so the
// integrator's own cost is measured.
func benchStep(b *testing.B, g sim.Integrator) {
	s := benchState(b, g)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := g.Step(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVelocityVerletStep(b *testing.B) {
	benchStep(b, &VelocityVerlet{Force: zeroForce, Dt: 0.005})
}

func BenchmarkLangevinBAOABStep(b *testing.B) {
	benchStep(b, &LangevinBAOAB{Force: zeroForce, Dt: 0.005, KT: 1, Gamma: 1, Seed: 3})
}

func BenchmarkBrownianStep(b *testing.B) {
	benchStep(b, &Brownian{Force: zeroForce, Dt: 0.001, KT: 1, Gamma: 1, Seed: 3})
}

// A step allocates nothing (with a force that allocates nothing).
func TestStepAllocatesNothing(t *testing.T) {
	for _, g := range []sim.Integrator{
		&VelocityVerlet{Force: zeroForce, Dt: 0.005},
		&LangevinBAOAB{Force: zeroForce, Dt: 0.005, KT: 1, Gamma: 1, Seed: 3},
		&Brownian{Force: zeroForce, Dt: 0.001, KT: 1, Gamma: 1, Seed: 3},
	} {
		s := uniformPositions(100, sim.NewPeriodicBox(3, 3, 3), 1)
		mustInit(t, g, s)
		if a := testing.AllocsPerRun(20, func() { g.Step(s) }); a != 0 {
			t.Errorf("%T.Step allocates %v times per step", g, a)
		}
	}
}

// BenchmarkStepWorkers times a step of each integrator on 32,000 particles
// (the in.lj size) with a zero force, on 1 and 2 workers.
func BenchmarkStepWorkers(b *testing.B) {
	for _, c := range []struct {
		name string
		make func(w int) sim.Integrator
	}{
		{"VelocityVerlet", func(w int) sim.Integrator { return &VelocityVerlet{Force: zeroForce, Dt: 0.005, Workers: w} }},
		{"LangevinBAOAB", func(w int) sim.Integrator {
			return &LangevinBAOAB{Force: zeroForce, Dt: 0.005, KT: 1, Gamma: 1, Seed: 3, Workers: w}
		}},
		{"Brownian", func(w int) sim.Integrator {
			return &Brownian{Force: zeroForce, Dt: 0.001, KT: 1, Gamma: 1, Seed: 3, Workers: w}
		}},
	} {
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", c.name, w), func(b *testing.B) {
				g := c.make(w)
				s := uniformPositions(32000, sim.NewPeriodicBox(34, 34, 34), 1)
				mustInit(b, g, s)
				b.ReportAllocs()
				for b.Loop() {
					if err := g.Step(s); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

package integrators

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/physim/physim/sim"
)

// fluid is 64 soft spheres in a small periodic box with thermal velocities,
// so that trajectories are chaotic and cross the boundaries.
func fluid(t *testing.T) *sim.State {
	s := uniformPositions(64, sim.NewPeriodicBox(3.5, 3.5, 3.5), 71)
	if err := (MaxwellBoltzmann{KT: 1, Seed: 72}).Assign(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// makers builds a fresh integrator of each kind with the given seed.
var makers = map[string]func(seed uint64) sim.Integrator{
	"VelocityVerlet": func(uint64) sim.Integrator { return &VelocityVerlet{Force: softPair(5, 1.5), Dt: 0.01} },
	"LangevinBAOAB": func(seed uint64) sim.Integrator {
		return &LangevinBAOAB{Force: softPair(5, 1.5), Dt: 0.01, KT: 1, Gamma: 1, Seed: seed}
	},
	"Brownian": func(seed uint64) sim.Integrator {
		return &Brownian{Force: softPair(5, 1.5), Dt: 0.001, KT: 1, Gamma: 1, Seed: seed}
	},
}

// sameBits reports whether two states are bit for bit identical in every
// dynamical array, the step and the time.
func sameBits(a, b *sim.State) bool {
	eq := func(x, y []sim.Vec3) bool {
		for i := range x {
			for c := 0; c < 3; c++ {
				if math.Float64bits(x[i][c]) != math.Float64bits(y[i][c]) {
					return false
				}
			}
		}
		return true
	}
	if a.Step != b.Step || math.Float64bits(a.Time) != math.Float64bits(b.Time) {
		return false
	}
	for i := range a.Image {
		if a.Image[i] != b.Image[i] {
			return false
		}
	}
	return eq(a.Pos, b.Pos) && eq(a.Vel, b.Vel) && eq(a.Force, b.Force) &&
		math.Float64bits(a.PotentialEnergy) == math.Float64bits(b.PotentialEnergy)
}

// Same seed ⇒ bit-identical trajectory; another seed ⇒ a different one
// (for the stochastic integrators).
func TestSeedDeterminism(t *testing.T) {
	const n = 200
	for name, mk := range makers {
		run := func(seed uint64) *sim.State {
			s := fluid(t)
			g := mk(seed)
			mustInit(t, g, s)
			steps(t, g, s, n)
			return s
		}
		a, b, c := run(5), run(5), run(6)
		if !sameBits(a, b) {
			t.Errorf("%s: two runs with the same seed differ", name)
		}
		if name != "VelocityVerlet" && sameBits(a, c) {
			t.Errorf("%s: runs with seeds 5 and 6 are identical", name)
		}
		crossed := false
		for _, img := range a.Image {
			crossed = crossed || img != [3]int32{}
		}
		if !crossed {
			t.Errorf("%s: no particle crossed the periodic boundary; the test does not exercise wrapping", name)
		}
	}
}

// A checkpoint written at step k and restarted with a fresh integrator
// continues bit-identically to the uninterrupted run.
func TestCheckpointRestart(t *testing.T) {
	const k, n = 70, 150
	for name, mk := range makers {
		ref := fluid(t)
		g := mk(9)
		mustInit(t, g, ref)
		steps(t, g, ref, n)

		s := fluid(t)
		g = mk(9)
		mustInit(t, g, s)
		steps(t, g, s, k)
		path := filepath.Join(t.TempDir(), name+".ckpt")
		if err := sim.WriteCheckpoint(path, sim.Checkpoint{State: s}); err != nil {
			t.Fatal(err)
		}
		ck, err := sim.ReadCheckpoint(path)
		if err != nil {
			t.Fatal(err)
		}
		r := ck.State
		g = mk(9)
		mustInit(t, g, r)
		steps(t, g, r, n-k)
		if !sameBits(ref, r) {
			t.Errorf("%s: restart from the step-%d checkpoint differs from the uninterrupted run", name, k)
		}
	}
}

// The parallel particle loops give the serial trajectory bit for bit:
// 200,000 particles (three chunks of the plain updates, up to three of the
// noisy ones) on springs in a periodic box, with masses that vary, for 1, 2
// and 3 workers; and a step with several workers allocates nothing.
func TestWorkersBitIdentical(t *testing.T) {
	const n = 200000
	mk := map[string]func(w int) sim.Integrator{
		"VelocityVerlet": func(w int) sim.Integrator { return &VelocityVerlet{Force: spring(0.1), Dt: 0.01, Workers: w} },
		"LangevinBAOAB": func(w int) sim.Integrator {
			return &LangevinBAOAB{Force: spring(0.1), Dt: 0.01, KT: 1, Gamma: 1, Seed: 4, Workers: w}
		},
		"Brownian": func(w int) sim.Integrator {
			return &Brownian{Force: spring(0.1), Dt: 0.001, KT: 1, Gamma: 1, Seed: 4, Workers: w}
		},
	}
	for name, make := range mk {
		var ref *sim.State
		for _, w := range []int{1, 2, 3} {
			s := uniformPositions(n, sim.NewPeriodicBox(16, 16, 16), 81)
			for i := range s.Mass {
				s.Mass[i] = 1 + float64(i%3)
			}
			if err := (MaxwellBoltzmann{KT: 1, Seed: 82}).Assign(s); err != nil {
				t.Fatal(err)
			}
			g := make(w)
			mustInit(t, g, s)
			steps(t, g, s, 5)
			if ref == nil {
				ref = s
				continue
			}
			if !sameBits(ref, s) {
				t.Errorf("%s: %d workers differ from 1", name, w)
			}
			if a := testing.AllocsPerRun(2, func() { g.Step(s) }); a != 0 {
				t.Errorf("%s: a step with %d workers allocates %v times", name, w, a)
			}
		}
	}
}

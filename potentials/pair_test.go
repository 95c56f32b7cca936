package potentials

import (
	"math"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// bruteForce sums law over all pairs i < j with the O(N²) loop.
func bruteForce(law PairLaw, s *sim.State) ([]sim.Vec3, sim.ForceResult) {
	f := make([]sim.Vec3, s.N())
	var r sim.ForceResult
	rc2 := law.Range() * law.Range()
	for i := range s.Pos {
		for j := i + 1; j < s.N(); j++ {
			d := s.Box.Delta(s.Pos[i], s.Pos[j])
			r2 := d.Norm2()
			if r2 >= rc2 {
				continue
			}
			u, fr := law.EnergyForce(r2)
			r.Energy += u
			r.Virial += fr * r2
			f[i] = f[i].Sub(d.Scale(fr))
			f[j] = f[j].Add(d.Scale(fr))
		}
	}
	return f, r
}

// pairTestStates returns configurations for the brute-force comparison: a
// disordered fluid, a box barely larger than 2(r_c + skin), a slab open in
// z, a fully open cluster, and (for soft laws) overlapping random points.
func pairTestStates(law PairLaw) map[string]*sim.State {
	rc := law.Range()
	scale := rc / 2.5 // lattice spacing in units of the law's range
	out := map[string]*sim.State{}
	out["fluid"] = perturbedState(1, 5, 0.8/(scale*scale*scale), 0.3*scale)
	l := 2*(rc+0.3) + 1e-9
	out["small box"] = randomState(2, 40, sim.NewPeriodicBox(l, l, l))
	slab := perturbedState(3, 5, 0.7/(scale*scale*scale), 0.3*scale)
	slab.Box.Periodic[2] = false
	out["slab"] = slab
	cluster := perturbedState(4, 3, 0.7/(scale*scale*scale), 0.3*scale)
	cluster.Box.Periodic = [3]bool{}
	out["open cluster"] = cluster
	switch law.(type) {
	case SoftHarmonic, PowerLaw:
		out["random"] = randomState(5, 300, sim.NewPeriodicBox(4*rc, 3*rc, 5*rc))
	}
	return out
}

// TestPairEqualsBruteForce compares the Verlet-list pair force with the
// O(N²) sum: energy and virial to 1e-12 relative, forces to 1e-11 of the
// largest force.
func TestPairEqualsBruteForce(t *testing.T) {
	for _, law := range testLaws() {
		for name, s := range pairTestStates(law) {
			p, err := NewPair(law, PairSettings{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			f, r := evaluate(t, p, s)
			fb, rb := bruteForce(law, s)
			var fmax float64
			for _, v := range fb {
				fmax = math.Max(fmax, math.Sqrt(v.Norm2()))
			}
			if rb.Virial == 0 || fmax == 0 {
				t.Fatalf("%#v %s: no interacting pairs; the test would prove nothing", law, name)
			}
			if relErr(r.Energy, rb.Energy) > 1e-12 || relErr(r.Virial, rb.Virial) > 1e-12 {
				t.Errorf("%#v %s: (E, W) = (%.15g, %.15g), brute force (%.15g, %.15g)", law, name, r.Energy, r.Virial, rb.Energy, rb.Virial)
			}
			for i := range f {
				if d := f[i].Sub(fb[i]).Norm(); d > 1e-11*fmax {
					t.Errorf("%#v %s: particle %d force %v, brute force %v", law, name, i, f[i], fb[i])
					break
				}
			}
		}
	}
}

// TestPairFiniteDifferences checks F = −∇E for the pair force of every law
// on a disordered configuration (12 random coordinates each, rtol 1e-6).
func TestPairFiniteDifferences(t *testing.T) {
	for _, law := range testLaws() {
		s := pairTestStates(law)["fluid"]
		p, err := NewPair(law, PairSettings{})
		if err != nil {
			t.Fatal(err)
		}
		checkFiniteDifferences(t, p, s, picks(7, s.N(), 12), 1e-5*law.Range(), 1e-6)
	}
}

// TestPairDeterministicAcrossWorkers checks that 1, 2, 3 and 7 workers give
// bit-identical forces, energy and virial.
func TestPairDeterministicAcrossWorkers(t *testing.T) {
	s := perturbedState(11, 7, 0.8442, 0.2)
	var ref []sim.Vec3
	var rref sim.ForceResult
	for _, w := range []int{1, 2, 3, 7} {
		p, err := NewPair(LJ{}, PairSettings{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		f, r := evaluate(t, p, s)
		if ref == nil {
			ref, rref = f, r
			continue
		}
		if r != rref {
			t.Errorf("workers %d: result %+v, serial %+v", w, r, rref)
		}
		for i := range f {
			if f[i] != ref[i] {
				t.Fatalf("workers %d: particle %d force %v, serial %v", w, i, f[i], ref[i])
			}
		}
	}
}

// TestPairNoAllocations checks that Compute does not allocate after the
// first call, serial and parallel.
func TestPairNoAllocations(t *testing.T) {
	s := perturbedState(12, 4, 0.8442, 0.1)
	f := make([]sim.Vec3, s.N())
	for _, w := range []int{1, 3} {
		p, err := NewPair(LJ{}, PairSettings{Workers: w, Tail: true})
		if err != nil {
			t.Fatal(err)
		}
		compute := func() {
			if _, err := p.Compute(s, f); err != nil {
				t.Fatal(err)
			}
		}
		compute()
		if a := testing.AllocsPerRun(10, compute); a != 0 {
			t.Errorf("workers %d: %g allocations per call", w, a)
		}
	}
}

// TestPairNeighborStats checks the list counters: one build, no rebuild for
// a move below half the skin, a rebuild for a larger one.
func TestPairNeighborStats(t *testing.T) {
	s := perturbedState(13, 4, 0.8442, 0.1)
	p, err := NewPair(LJ{}, PairSettings{Skin: 0.4})
	if err != nil {
		t.Fatal(err)
	}
	evaluate(t, p, s)
	s.Pos[5][0] += 0.19
	evaluate(t, p, s)
	if st := p.NeighborStats(); st.Builds != 1 || st.Dangerous != 0 || st.Pairs == 0 {
		t.Errorf("after a 0.19σ move: %+v, want 1 build", st)
	}
	s.Pos[5][0] += 0.02
	evaluate(t, p, s)
	if st := p.NeighborStats(); st.Builds != 2 {
		t.Errorf("after a 0.21σ move: %+v, want 2 builds", st)
	}
}

// TestPairErrors checks the errors for a box too small for r_c + skin,
// tail corrections in a non-periodic box and negative settings.
func TestPairErrors(t *testing.T) {
	p, err := NewPair(LJ{}, PairSettings{})
	if err != nil {
		t.Fatal(err)
	}
	s := randomState(1, 10, sim.NewPeriodicBox(5, 5, 5.5))
	if _, err := p.Compute(s, make([]sim.Vec3, s.N())); err == nil || !strings.Contains(err.Error(), "box") {
		t.Errorf("box 5 < 2(2.5 + 0.3): error %v", err)
	}
	pt, err := NewPair(LJ{}, PairSettings{Tail: true})
	if err != nil {
		t.Fatal(err)
	}
	s = perturbedState(1, 4, 0.8, 0.1)
	s.Box.Periodic[1] = false
	if _, err := pt.Compute(s, make([]sim.Vec3, s.N())); err == nil || !strings.Contains(err.Error(), "periodic") {
		t.Errorf("tail in an open box: error %v", err)
	}
	for _, set := range []PairSettings{{Workers: -1}, {Skin: -0.1}, {Every: -2}} {
		if _, err := NewPair(LJ{}, set); err == nil {
			t.Errorf("settings %+v: no error", set)
		}
	}
}

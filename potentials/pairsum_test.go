package potentials

import (
	"math"
	"slices"
	"testing"

	"github.com/physim/physim/sim"
)

// forcesEqual reports whether two force sets and results are bit-identical.
func forcesEqual(f, g []sim.Vec3, r, q sim.ForceResult) bool {
	if r != q || len(f) != len(g) {
		return false
	}
	for i := range f {
		if f[i] != g[i] {
			return false
		}
	}
	return true
}

// The half-list sum gives bit-identical results for any split of the
// particles into worker ranges, including empty and one-particle ranges,
// not only for the even splits that Workers produces.
func TestPairAnySplitIsIdentical(t *testing.T) {
	s := perturbedState(21, 6, 0.8442, 0.25) // 864 particles
	n := s.N()
	ref, rref := evaluate(t, mustPair(t, PairSettings{}), s)
	for _, split := range [][]int{
		{0, 1, n},
		{0, n - 1, n},
		{0, n / 3, n / 3, n},
		{0, 7, 300, 301, 700, n},
		{0, 0, n / 2, n, n},
	} {
		p := mustPair(t, PairSettings{Workers: len(split) - 1})
		evaluate(t, p, s) // builds the list and the default split
		copy(p.split, split)
		f, r := evaluate(t, p, s)
		if !forcesEqual(f, ref, r, rref) {
			t.Errorf("split %v: result differs from the serial one", split)
		}
	}
}

// Forces do not depend on when the list was built: a list built on an
// earlier configuration (particles since moved by up to 0.14σ < skin/2,
// some across the periodic boundary) gives the same bits as a fresh one,
// for 1 and 3 workers.
func TestPairIndependentOfListBuild(t *testing.T) {
	s := perturbedState(22, 6, 0.8442, 0.2)
	l := s.Box.L[0]
	// Put some particles on the faces so that the moves below wrap them.
	for i := 0; i < s.N(); i += 17 {
		s.Pos[i][i%3] = math.Nextafter(l, 0)
	}
	for _, w := range []int{1, 3} {
		old := mustPair(t, PairSettings{Workers: w})
		moved := s.Clone()
		evaluate(t, old, moved)
		for i := range moved.Pos {
			u := float64(i%7)/6 - 0.5 // in [−0.5, 0.5]
			moved.Pos[i] = moved.Pos[i].Add(sim.Vec3{0.16 * u, -0.1 * u, 0.05})
			moved.Box.Wrap(&moved.Pos[i], &moved.Image[i])
		}
		f, r := evaluate(t, old, moved)
		if st := old.NeighborStats(); st.Builds != 1 {
			t.Fatalf("workers %d: %d builds, want 1 (the moves should not trigger a rebuild)", w, st.Builds)
		}
		g, q := evaluate(t, mustPair(t, PairSettings{Workers: w}), moved)
		if !forcesEqual(f, g, r, q) {
			t.Errorf("workers %d: the list built before the moves gives other bits than a fresh one", w)
		}
	}
}

// Positions outside the primary cell (unwrapped coordinates) are imaged
// per pair: the forces equal the wrapped configuration's to round-off.
func TestPairUnwrappedPositions(t *testing.T) {
	s := perturbedState(23, 5, 0.8442, 0.2)
	ref, rref := evaluate(t, mustPair(t, PairSettings{}), s)
	u := s.Clone()
	for i := range u.Pos {
		u.Pos[i][i%3] += float64(i%5-2) * u.Box.L[i%3]
	}
	f, r := evaluate(t, mustPair(t, PairSettings{Workers: 2}), u)
	var fmax float64
	for _, v := range ref {
		fmax = math.Max(fmax, v.Norm())
	}
	if relErr(r.Energy, rref.Energy) > 1e-12 || relErr(r.Virial, rref.Virial) > 1e-12 {
		t.Errorf("unwrapped: (E, W) = (%.15g, %.15g), wrapped (%.15g, %.15g)", r.Energy, r.Virial, rref.Energy, rref.Virial)
	}
	for i := range f {
		if d := f[i].Sub(ref[i]).Norm(); d > 1e-11*fmax {
			t.Fatalf("particle %d: unwrapped force %v, wrapped %v", i, f[i], ref[i])
		}
	}
}

// The prepared LJ and WCA evaluators reproduce the laws' EnergyForces bit
// for bit in every cut mode.
func TestBatchOfMatchesLaw(t *testing.T) {
	for _, law := range testLaws() {
		rc := law.Range()
		var r2, u, fr, u2, fr2 [200]float64
		for k := range r2 {
			r := rc * (0.3 + 0.7*float64(k)/float64(len(r2)))
			r2[k] = r * r
		}
		law.EnergyForces(r2[:], u[:], fr[:])
		batchOf(law).EnergyForces(r2[:], u2[:], fr2[:])
		if u != u2 || fr != fr2 {
			t.Errorf("%#v: prepared evaluator differs from EnergyForces", law)
		}
	}
}

// mustPair returns the LJ pair force with settings set.
func mustPair(t *testing.T, set PairSettings) *Pair {
	t.Helper()
	p, err := NewPair(LJ{}, set)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The workers' ranges share the work evenly: each worker's pairs and
// particles plus the pairs it evaluates a second time differ by less than
// 1% between workers, and the ranges tile the particles.
func TestPairBalance(t *testing.T) {
	s := perturbedState(24, 10, 0.8442, 0.2) // 4000 particles
	for _, nw := range []int{2, 3, 5} {
		p := mustPair(t, PairSettings{Workers: nw})
		evaluate(t, p, s)
		work := make([]int, nw)
		for w := range nw {
			lo, hi := p.split[w], p.split[w+1]
			if lo > hi || (w == 0 && lo != 0) || (w == nw-1 && hi != s.N()) {
				t.Fatalf("%d workers: split %v does not tile [0, %d]", nw, p.split, s.N())
			}
			for i := lo; i < hi; i++ {
				work[w] += len(p.list.Lower(i)) + 1
				for _, a := range p.list.Lower(i) {
					if int(a) < lo { // evaluated again by a's worker
						for v := range w {
							if int(a) >= p.split[v] && int(a) < p.split[v+1] {
								work[v]++
							}
						}
					}
				}
			}
		}
		if p.tails[nw-1] != 0 || p.tails[0] == 0 {
			t.Errorf("%d workers: tails %v; the first has some, the last none", nw, p.tails)
		}
		lo, hi := slices.Min(work), slices.Max(work)
		if float64(hi-lo) > 0.01*float64(hi) {
			t.Errorf("%d workers: work %v differs by more than 1%%", nw, work)
		}
	}
}

package neighbor

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// listCase is a configuration whose Verlet list must equal brute force.
type listCase struct {
	name         string
	s            *sim.State
	cutoff, skin float64
	cells        [3]int // expected Cells(), to prove which code path ran; zero: any
	imaged       bool   // expected minimum image per pair
}

func listCases() []listCase {
	var cases []listCase
	add := func(name string, s *sim.State, cutoff, skin float64, cells [3]int, imaged bool) {
		cases = append(cases, listCase{name, s, cutoff, skin, cells, imaged})
	}
	add("cubic", uniform(600, sim.NewPeriodicBox(10, 10, 10), 1), 1.5, 0.3, [3]int{11, 11, 11}, false)
	add("non-cubic", uniform(800, sim.NewPeriodicBox(7.5, 11, 16.3), 2), 1.2, 0.4, [3]int{9, 13, 20}, false)
	// r = 1.8: an edge of exactly 2r, the smallest the list accepts, and
	// one an ulp longer.
	add("edge 2r", uniform(300, sim.NewPeriodicBox(3.6, 9, 9), 3), 1.5, 0.3, [3]int{1, 9, 9}, true)
	add("edge 2r+ulp", uniform(300, sim.NewPeriodicBox(9, 9, math.Nextafter(3.6, 4)), 3), 1.5, 0.3, [3]int{9, 9, 1}, true)
	// Edges of 3 and 4 cells of r/2 are too short for a stencil of distinct
	// cells and fall back to the minimum image per pair.
	add("3 short cells", uniform(300, sim.NewPeriodicBox(3.7, 9, 9), 4), 1.5, 0.3, [3]int{1, 9, 9}, true)
	add("4 short cells", uniform(300, sim.NewPeriodicBox(4.4999, 9, 9), 4), 1.5, 0.3, [3]int{1, 9, 9}, true)
	// Fewer than 3 cells of r (L < 3r) still fits 5 cells of r/2.
	add("under 3r", uniform(300, sim.NewPeriodicBox(5.0, 9, 9), 4), 1.5, 0.3, [3]int{5, 9, 9}, false)
	// Five cells along x: the stencil wraps on both sides of every cell.
	add("five cells", uniform(300, sim.NewPeriodicBox(4.5001, 9, 9), 5), 1.5, 0.3, [3]int{5, 9, 9}, false)
	add("fcc 256", fcc(4, 0.8442, 0.05, 6), 2.5, 0.3, [3]int{1, 1, 1}, true)
	add("fcc 500", fcc(5, 0.8442, 0.05, 7), 2.5, 0.3, [3]int{5, 5, 5}, false)
	add("cell boundaries", boundaryState(), 1.7, 0.3, [3]int{11, 11, 11}, false)
	add("dyadic lattice", dyadicLattice(), 0.75, 0.25, [3]int{11, 11, 11}, false)
	add("one cell", cluster(sim.Vec3{3, 3, 3}), 1.5, 0.3, [3]int{5, 5, 5}, false)
	add("corner cluster", cluster(sim.Vec3{9.8, 9.8, 9.8}), 1.5, 0.3, [3]int{5, 5, 5}, false)
	add("open", openState(), 1.5, 0.3, [3]int{}, false)
	add("open sparse", sparseState(), 1.5, 0.3, [3]int{}, false)
	slab := uniform(500, sim.Box{L: sim.Vec3{9, 9, 6}, Periodic: [3]bool{true, true, false}}, 9)
	add("slab", slab, 1.5, 0.3, [3]int{9, 9, 6}, false)
	add("N=0", sim.NewState(0, sim.NewPeriodicBox(5, 5, 5)), 1, 0.3, [3]int{}, false)
	add("N=1", uniform(1, sim.NewPeriodicBox(5, 5, 5), 10), 1, 0.3, [3]int{}, false)
	add("N=0 open", sim.NewState(0, sim.NewOpenBox(sim.Vec3{})), 1, 0.3, [3]int{1, 1, 1}, false)
	return cases
}

// boundaryState puts particles on the cell boundaries of an L = 12 box
// binned for r = 2 (11 cells of 12/11 per axis), one ulp either side of
// them, at 0 and just below L; coincident particles occur too.
func boundaryState() *sim.State {
	const l, n = 12.0, 11
	var xs []float64
	for k := 0; k < n; k++ {
		x := float64(k) * l / n
		xs = append(xs, x, math.Nextafter(x, l), math.Nextafter(x, -1))
	}
	xs = append(xs, 0, math.Nextafter(l, 0), l/2)
	xs = slices.DeleteFunc(xs, func(x float64) bool { return x < 0 })
	s := sim.NewState(500, sim.NewPeriodicBox(l, l, l))
	rng := rand.New(rand.NewPCG(11, 0))
	for i := range s.Pos {
		for k := 0; k < 3; k++ {
			s.Pos[i][k] = xs[rng.IntN(len(xs))]
		}
	}
	return s
}

// dyadicLattice is a simple cubic lattice of spacing 1/2 in an L = 6 box:
// every distance is exact, and many pairs lie at exactly r = 1, which the
// list must exclude as brute force does.
func dyadicLattice() *sim.State {
	s := sim.NewState(12*12*12, sim.NewPeriodicBox(6, 6, 6))
	for i := range s.Pos {
		s.Pos[i] = sim.Vec3{float64(i%12) / 2, float64(i/12%12) / 2, float64(i/144) / 2}
	}
	return s
}

// cluster puts 60 particles within 0.4 σ of corner c of a periodic L = 10
// box, wrapped (so a cluster at 9.8 straddles the periodic corner).
func cluster(c sim.Vec3) *sim.State {
	s := sim.NewState(60, sim.NewPeriodicBox(10, 10, 10))
	rng := rand.New(rand.NewPCG(12, 0))
	for i := range s.Pos {
		for k := 0; k < 3; k++ {
			s.Pos[i][k] = c[k] + 0.4*rng.Float64()
		}
		s.Box.Wrap(&s.Pos[i], &s.Image[i])
	}
	return s
}

// sparseState is two small open clusters 10⁴ σ apart: the grid must stay
// small (its cell count is capped) and still exact.
func sparseState() *sim.State {
	s := uniform(60, sim.NewOpenBox(sim.Vec3{3, 3, 3}), 8)
	for i := 30; i < 60; i++ {
		s.Pos[i] = s.Pos[i].Add(sim.Vec3{1e4, -1e4, 1e4})
	}
	return s
}

// openState is a non-periodic cloud with a few far outliers.
func openState() *sim.State {
	s := uniform(500, sim.NewOpenBox(sim.Vec3{8, 8, 8}), 13)
	s.Pos[0] = sim.Vec3{-30, 4, 4}
	s.Pos[1] = sim.Vec3{-30, 4.5, 4}
	s.Pos[2] = sim.Vec3{50, 50, -20}
	return s
}

func TestVerletMatchesBruteForce(t *testing.T) {
	for _, tc := range listCases() {
		t.Run(tc.name, func(t *testing.T) {
			v := &Verlet{Cutoff: tc.cutoff, Skin: tc.skin}
			if err := v.Build(tc.s); err != nil {
				t.Fatal(err)
			}
			n := v.cells.Cells()
			if tc.cells != [3]int{} && n != tc.cells {
				t.Errorf("cells %v, want %v", n, tc.cells)
			}
			if n[0]*n[1]*n[2] > max(minCells, cellsPerParticle*tc.s.N()) {
				t.Errorf("cells %v exceed the cap", n)
			}
			if v.cells.imaged != tc.imaged {
				t.Errorf("minimum image per pair = %v, want %v", v.cells.imaged, tc.imaged)
			}
			checkVerlet(t, v, tc.s)
			if tc.s.N() > 1 && v.Pairs() == 0 {
				t.Errorf("no pairs: the case tests nothing")
			}
		})
	}
}

func TestCellListQueryMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 0))
	for _, tc := range listCases() {
		t.Run(tc.name, func(t *testing.T) {
			s, r := tc.s, tc.cutoff+tc.skin
			var c CellList
			c.Build(s, r)
			var got []int32
			for q := 0; q < 50; q++ {
				// Query points inside the box, on particles, and (for open
				// axes) outside the binned region.
				var p sim.Vec3
				for k := 0; k < 3; k++ {
					p[k] = (1.4*rng.Float64() - 0.2) * s.Box.L[k]
				}
				if q%5 == 0 && s.N() > 0 {
					p = s.Pos[rng.IntN(s.N())]
				}
				s.Box.Wrap(&p, &[3]int32{})
				got = c.Query(p, got[:0])
				slices.Sort(got)
				var want []int32
				for j, x := range s.Pos {
					if s.Box.Delta(p, x).Norm2() < r*r {
						want = append(want, int32(j))
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("query at %v: got %v, brute force %v", p, got, want)
				}
			}
		})
	}
}

func TestVerletRebuildRule(t *testing.T) {
	s := uniform(400, sim.NewPeriodicBox(9, 9, 9), 15)
	v := &Verlet{Cutoff: 1.5, Skin: 0.3}
	mustUpdate(t, v, s, true)
	rng := rand.New(rand.NewPCG(16, 0))
	for step := 0; step < 5; step++ {
		randomStep(s, 0.02, rng) // at most 0.1 in all: below skin/2
		mustUpdate(t, v, s, false)
	}
	move(s, 7, sim.Vec3{0.16, 0, 0}) // now beyond skin/2 = 0.15
	mustUpdate(t, v, s, true)
	checkVerlet(t, v, s)
	move(s, 3, sim.Vec3{0, 0.149, 0})
	mustUpdate(t, v, s, false)
	// Two particles at 0.16 each (together beyond the skin) trigger a
	// rebuild, which is not dangerous with a check on every call.
	move(s, 3, sim.Vec3{0, 0.011, 0})
	move(s, 4, sim.Vec3{0, 0, -0.16})
	mustUpdate(t, v, s, true)
	if v.Builds != 3 || v.Dangerous != 0 {
		t.Fatalf("Builds = %d, Dangerous = %d; want 3, 0", v.Builds, v.Dangerous)
	}
	// A change of particle count, box or radius forces a rebuild.
	v.Skin = 0.4
	mustUpdate(t, v, s, true)
	s.Box.L[2] = 9.5
	mustUpdate(t, v, s, true)
	checkVerlet(t, v, s)
	if v.Builds != 5 {
		t.Fatalf("Builds = %d, want 5", v.Builds)
	}
}

func TestVerletDangerousWithEvery(t *testing.T) {
	s := uniform(400, sim.NewPeriodicBox(9, 9, 9), 17)
	v := &Verlet{Cutoff: 1.5, Skin: 0.3, Every: 3}
	mustUpdate(t, v, s, true) // call 1 builds
	// One particle beyond skin/2 alone is not dangerous: rebuilt at the
	// next check (call 3).
	move(s, 5, sim.Vec3{0.2, 0, 0})
	mustUpdate(t, v, s, false) // call 2: no check
	mustUpdate(t, v, s, true)  // call 3: check
	if v.Builds != 2 || v.Dangerous != 0 {
		t.Fatalf("Builds = %d, Dangerous = %d; want 2, 0", v.Builds, v.Dangerous)
	}
	// Two particles approaching each other by 0.4 > skin between checks:
	// the stale list misses their pair on the unchecked call, and the next
	// check counts a dangerous build.
	i, j, d := farPair(s, v.Cutoff+0.3, v.Cutoff+0.35)
	dir := s.Box.Delta(s.Pos[i], s.Pos[j]).Scale(1 / d)
	move(s, i, dir.Scale(0.2))
	move(s, j, dir.Scale(-0.2))
	mustUpdate(t, v, s, false) // call 4: no check
	if s.Box.Delta(s.Pos[i], s.Pos[j]).Norm() >= v.Cutoff {
		t.Fatal("test set-up: the pair did not come within the cutoff")
	}
	if slices.Contains(v.Neighbors(i), int32(j)) {
		t.Fatal("test set-up: the stale list already holds the pair")
	}
	mustUpdate(t, v, s, false) // call 5: no check
	mustUpdate(t, v, s, true)  // call 6: check
	if v.Builds != 3 || v.Dangerous != 1 {
		t.Fatalf("Builds = %d, Dangerous = %d; want 3, 1", v.Builds, v.Dangerous)
	}
	checkVerlet(t, v, s)
}

// farPair returns a pair (i, j) at a distance d in [lo, hi).
func farPair(s *sim.State, lo, hi float64) (i, j int, d float64) {
	for i := range s.Pos {
		for j := i + 1; j < s.N(); j++ {
			d := s.Box.Delta(s.Pos[i], s.Pos[j]).Norm()
			if d >= lo && d < hi {
				return i, j, d
			}
		}
	}
	panic("no pair in range")
}

func move(s *sim.State, i int, d sim.Vec3) {
	s.Pos[i] = s.Pos[i].Add(d)
	s.Box.Wrap(&s.Pos[i], &s.Image[i])
}

func mustUpdate(t *testing.T, v *Verlet, s *sim.State, want bool) {
	t.Helper()
	got, err := v.Update(s)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("Update rebuilt = %v, want %v (Builds = %d)", got, want, v.Builds)
	}
}

func TestVerletKeepsPairsWithinCutoff(t *testing.T) {
	// Dense LJ liquid-like state; every particle moves by up to skin/2 in
	// small steps, and after each step every pair within Cutoff must be in
	// the list without a rebuild.
	s := fcc(5, 0.8442, 0.1, 18)
	v := &Verlet{Cutoff: 2.5, Skin: 0.3}
	mustUpdate(t, v, s, true)
	start := append([]sim.Vec3(nil), s.Pos...)
	rng := rand.New(rand.NewPCG(19, 0))
	entered := 0
	for step := 0; step < 30; step++ {
		for i := range s.Pos {
			d := sim.Vec3{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}.Scale(0.03)
			next := s.Box.Delta(start[i], s.Pos[i].Add(d))
			if next.Norm() < 0.1499 { // keep within skin/2 of the build
				move(s, i, d)
			}
		}
		mustUpdate(t, v, s, false)
		for i, p := range s.Pos {
			nb := v.Neighbors(i)
			for j, q := range s.Pos {
				if j == i || s.Box.Delta(p, q).Norm() >= v.Cutoff {
					continue
				}
				if _, ok := slices.BinarySearch(nb, int32(j)); !ok {
					t.Fatalf("step %d: pair (%d, %d) within the cutoff is missing", step, i, j)
				}
				if s.Box.Delta(start[i], start[j]).Norm() >= v.Cutoff {
					entered++
				}
			}
		}
	}
	// The test means something only if pairs crossed into the cutoff.
	if entered == 0 {
		t.Fatal("no pair entered the cutoff: the test cannot fail")
	}
	t.Logf("%d (pair, step) entries came from outside the cutoff", entered)
}

func TestVerletCheck(t *testing.T) {
	s := uniform(10, sim.NewPeriodicBox(5, 5, 5), 20)
	for _, tc := range []struct {
		v    Verlet
		box  sim.Box
		want string
	}{
		{Verlet{Cutoff: 2.3, Skin: 0.3}, sim.NewPeriodicBox(5, 5, 5), "shorter than 2 × (cutoff + skin)"},
		{Verlet{Cutoff: 1, Skin: 0.3}, sim.NewPeriodicBox(5, 2.5, 5), "box edge y"},
		{Verlet{Cutoff: 0}, sim.NewPeriodicBox(5, 5, 5), "cutoff must be positive"},
		{Verlet{Cutoff: -1}, sim.NewPeriodicBox(5, 5, 5), "cutoff must be positive"},
		{Verlet{Cutoff: math.NaN()}, sim.NewPeriodicBox(5, 5, 5), "cutoff must be positive"},
		{Verlet{Cutoff: math.Inf(1)}, sim.NewPeriodicBox(5, 5, 5), "cutoff must be positive"},
		{Verlet{Cutoff: 1, Skin: -0.1}, sim.NewPeriodicBox(5, 5, 5), "skin must be non-negative"},
		{Verlet{Cutoff: 1, Skin: math.NaN()}, sim.NewPeriodicBox(5, 5, 5), "skin must be non-negative"},
	} {
		s.Box = tc.box
		for name, err := range map[string]error{
			"Check": tc.v.Check(&s.Box), "Build": tc.v.Build(s), "Update": second(tc.v.Update(s)),
		} {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s(cutoff %g, skin %g, box %v) = %v; want an error containing %q", name, tc.v.Cutoff, tc.v.Skin, tc.box.L, err, tc.want)
			}
		}
	}
	s.Box = sim.NewPeriodicBox(5, 5, 5)
	s.Pos[4][1] = math.Inf(-1)
	v0 := Verlet{Cutoff: 1}
	for name, err := range map[string]error{"Build": v0.Build(s), "Update": second(v0.Update(s))} {
		if err == nil || !strings.Contains(err.Error(), "position of particle 4 is not finite") {
			t.Errorf("%s with an infinite position: error %v", name, err)
		}
	}
	// An open axis accepts any extent.
	v := Verlet{Cutoff: 2.3}
	if err := v.Check(&sim.Box{L: sim.Vec3{6, 6, 1}, Periodic: [3]bool{true, true, false}}); err != nil {
		t.Errorf("open z with a short extent: %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

func TestVerletAllocationFree(t *testing.T) {
	for _, w := range []int{1, 2} {
		testVerletAllocationFree(t, w)
	}
}

func testVerletAllocationFree(t *testing.T, workers int) {
	s := fcc(11, 0.8442, 0.05, 21) // 5324 atoms: 2 workers possible
	v := &Verlet{Cutoff: 2.5, Skin: 0.3, Workers: workers}
	if err := v.Build(s); err != nil {
		t.Fatal(err)
	}
	if v.par.nw != workers {
		t.Fatalf("%d workers used, want %d", v.par.nw, workers)
	}
	rng := rand.New(rand.NewPCG(22, 0))
	if a := testing.AllocsPerRun(5, func() {
		randomStep(s, 0.05, rng)
		if err := v.Build(s); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Build with %d workers allocates %v times per call", workers, a)
	}
	if a := testing.AllocsPerRun(5, func() {
		if _, err := v.Update(s); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Update allocates %v times per call", a)
	}
	buf := make([]int32, 0, s.N())
	if a := testing.AllocsPerRun(5, func() { buf = v.cells.Query(sim.Vec3{1, 2, 3}, buf[:0]) }); a != 0 {
		t.Errorf("Query allocates %v times per call", a)
	}
}

func TestVerletWorkersGiveIdenticalLists(t *testing.T) {
	for _, s := range []*sim.State{
		fcc(12, 0.8442, 0.1, 23), // 6912 atoms: up to 3 workers
		uniform(9000, sim.Box{L: sim.Vec3{30, 30, 10}, Periodic: [3]bool{true, false, true}}, 24),
	} {
		ref := &Verlet{Cutoff: 2.5, Skin: 0.3}
		if err := ref.Build(s); err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{2, 3, 4, 8} {
			v := &Verlet{Cutoff: 2.5, Skin: 0.3, Workers: w}
			if err := v.Build(s); err != nil {
				t.Fatal(err)
			}
			if want := min(w, s.N()/minPerWorker); v.par.nw != want {
				t.Fatalf("%d workers asked: %d used, want %d", w, v.par.nw, want)
			}
			if !slices.Equal(v.idx, ref.idx) || !slices.Equal(v.start, ref.start) || !slices.Equal(v.upper, ref.upper) {
				t.Fatalf("%d workers: list differs from the serial one", w)
			}
		}
	}
	// The serial list itself against brute force, on a sample of particles.
	s := fcc(12, 0.8442, 0.1, 23)
	v := &Verlet{Cutoff: 2.5, Skin: 0.3, Workers: 3}
	if err := v.Build(s); err != nil {
		t.Fatal(err)
	}
	r2 := v.Radius() * v.Radius()
	for i := 0; i < s.N(); i += 97 {
		var want []int32
		for j, q := range s.Pos {
			if j != i && s.Box.Delta(s.Pos[i], q).Norm2() < r2 {
				want = append(want, int32(j))
			}
		}
		if !slices.Equal(v.Neighbors(i), want) {
			t.Fatalf("particle %d: %v, brute force %v", i, v.Neighbors(i), want)
		}
	}
}

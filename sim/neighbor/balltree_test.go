package neighbor

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// edges are coordinates on and around the faces of the 6 σ boxes of
// clouds: exactly on them, an ulp inside and outside, beyond a whole edge,
// and a few inside.
var edges = []float64{0, math.Copysign(0, -1), 5e-324, -1e-300, math.Nextafter(6, 0), 6, math.Nextafter(6, 7),
	-6, 12, 3, 1.5, 4.5, math.Nextafter(3, 0), 5.999, 0.001}

// cloud is a named point set in a box.
type cloud struct {
	name string
	pts  []sim.Vec3
	box  sim.Box
	// The points wrapped into the primary cell, as the tree and the cell
	// list see them (brute force on the unwrapped points can differ in the
	// last bit of a distance).
	wrapped []sim.Vec3
}

// clouds returns point sets of n points: uniform, with exact duplicates,
// on a line, on a plane, all identical, a dyadic lattice with exact
// distance ties, and on the faces of the box (edges); in an open box, a
// periodic box of edge 6 σ and a slab.
func clouds(n int, seed uint64) []cloud {
	rng := rand.New(rand.NewPCG(seed, 3))
	u := func() float64 { return 6 * rng.Float64() }
	gen := map[string]func(i int) sim.Vec3{
		"uniform":   func(int) sim.Vec3 { return sim.Vec3{u(), u(), u()} },
		"line":      func(int) sim.Vec3 { x := u(); return sim.Vec3{x, x / 2, 1} },
		"plane":     func(int) sim.Vec3 { return sim.Vec3{u(), u(), 3} },
		"identical": func(int) sim.Vec3 { return sim.Vec3{1, 2, 3} },
		"lattice":   func(i int) sim.Vec3 { return sim.Vec3{float64(i % 8), float64(i / 8 % 8), float64(i / 64)}.Scale(0.5) },
		"boundary": func(int) sim.Vec3 {
			var p sim.Vec3
			for k := range p {
				p[k] = edges[rng.IntN(len(edges))]
			}
			return p
		},
		"duplicates": nil,
	}
	boxes := []sim.Box{
		{},
		sim.NewPeriodicBox(6, 6, 6),
		{L: sim.Vec3{6, 6, 6}, Periodic: [3]bool{true, false, true}},
	}
	var out []cloud
	for _, name := range []string{"uniform", "duplicates", "line", "plane", "identical", "lattice", "boundary"} {
		pts := make([]sim.Vec3, n)
		for i := range pts {
			if name == "duplicates" {
				if i%3 == 0 {
					pts[i] = gen["uniform"](i)
				} else {
					pts[i] = pts[i-i%3]
				}
				continue
			}
			pts[i] = gen[name](i)
		}
		for _, b := range boxes {
			w := slices.Clone(pts)
			for i := range w {
				b.Wrap(&w[i], &[3]int32{})
			}
			out = append(out, cloud{name, pts, b, w})
		}
	}
	return out
}

func TestBallTreeStructure(t *testing.T) {
	// Sizes up to and beyond full subtrees of buildSmall (32 slots) and
	// nodes large enough for the sampled pivots of selectAxis (> 600).
	// Each leaf size reuses one tree throughout, which also checks that a
	// build leaves nothing of the previous one behind.
	leaves := []int{0, 2, 4, 16, 32, 64}
	trees := make([]BallTree, len(leaves))
	for _, n := range []int{0, 1, 2, 3, 5, 16, 17, 32, 33, 64, 100, 700, 1024, 2500, 5} {
		for _, c := range clouds(n, uint64(n)) {
			for i, leaf := range leaves {
				tr := &trees[i]
				tr.LeafSize = leaf
				if err := tr.Build(c.pts, c.box); err != nil {
					t.Fatal(err)
				}
				checkStructure(t, tr, c)
			}
		}
	}
}

// checkStructure verifies the layout of a built tree: padded sizes,
// the permutation, the padding, bounding balls, and the median split.
func checkStructure(t *testing.T, tr *BallTree, c cloud) {
	t.Helper()
	n, slots := len(c.pts), tr.Slots()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s n=%d leaf=%d box=%v: "+format, append([]any{c.name, n, tr.LeafSize, c.box.Periodic}, args...)...)
	}
	if tr.Len() != n || len(tr.Perm()) != slots {
		fail("Len %d, %d slots in Perm; want %d, %d", tr.Len(), len(tr.Perm()), n, slots)
	}
	if n == 0 {
		if slots != 0 || tr.Levels() != 0 {
			fail("empty tree has %d slots, %d levels", slots, tr.Levels())
		}
		return
	}
	if slots&(slots-1) != 0 || slots < n || slots >= 2*n && n > 1 {
		fail("%d slots is not the power of two in [n, 2n)", slots)
	}
	seen := make([]int, n)
	for s, i := range tr.Perm() {
		if !tr.Padding(s) {
			seen[i]++
		}
	}
	for i, k := range seen {
		if k != 1 {
			fail("point %d occupies %d non-padding slots", i, k)
		}
	}
	pts := c.wrapped
	leaf := slots >> (tr.Levels() - 1)
	if want := max(tr.LeafSize, DefaultLeafSize); leaf != min(want, slots) {
		fail("leaves of %d slots, want %d", leaf, min(want, slots))
	}
	// A leaf holds its c points first, then copies of its first points.
	for lo := 0; lo < slots; lo += leaf {
		c := 0
		for c < leaf && !tr.Padding(lo+c) {
			c++
		}
		for s := lo + c; s < lo+leaf; s++ {
			if !tr.Padding(s) || tr.Perm()[s] != tr.Perm()[s-c] {
				fail("leaf at slot %d with %d points: slot %d holds %d (padding %v), want a copy of slot %d (%d)",
					lo, c, s, tr.Perm()[s], tr.Padding(s), s-c, tr.Perm()[s-c])
			}
		}
	}
	for l := 0; l < tr.Levels(); l++ {
		size := slots >> l
		for j := 0; j < 1<<l; j++ {
			b := tr.Ball(l, j)
			if b.Lo != j*size || b.Hi != (j+1)*size {
				fail("ball (%d, %d) spans %d:%d, want %d:%d", l, j, b.Lo, b.Hi, j*size, (j+1)*size)
			}
			real := 0
			for s := b.Lo; s < b.Hi; s++ {
				p := pts[tr.Perm()[s]]
				if d := p.Sub(b.Center).Norm(); d > b.Radius {
					fail("ball (%d, %d): point at %g from the centre, radius %g", l, j, d, b.Radius)
				}
				if !tr.Padding(s) {
					real++
				}
			}
			if 2*real < size {
				fail("ball (%d, %d) holds %d points in %d slots", l, j, real, size)
			}
			if size > leaf {
				checkSplit(t, tr, pts, b, fail)
			}
		}
	}
}

// checkSplit verifies that ball b was split at the median along the axis
// of largest spread of its points.
func checkSplit(t *testing.T, tr *BallTree, pts []sim.Vec3, b Ball, fail func(string, ...any)) {
	t.Helper()
	var left, right []sim.Vec3
	mid := (b.Lo + b.Hi) / 2
	for s := b.Lo; s < b.Hi; s++ {
		if tr.Padding(s) {
			continue
		}
		if p := pts[tr.Perm()[s]]; s < mid {
			left = append(left, p)
		} else {
			right = append(right, p)
		}
	}
	if len(right) != len(left) && len(right) != len(left)+1 {
		fail("unbalanced split %d + %d", len(left), len(right))
	}
	all := append(slices.Clone(left), right...)
	axis, spread := 0, -1.0
	for a := 0; a < 3; a++ {
		lo := slices.MinFunc(all, func(p, q sim.Vec3) int { return cmp.Compare(p[a], q[a]) })[a]
		hi := slices.MaxFunc(all, func(p, q sim.Vec3) int { return cmp.Compare(p[a], q[a]) })[a]
		if hi-lo > spread {
			axis, spread = a, hi-lo
		}
	}
	maxLeft := slices.MaxFunc(left, func(p, q sim.Vec3) int { return cmp.Compare(p[axis], q[axis]) })[axis]
	minRight := slices.MinFunc(right, func(p, q sim.Vec3) int { return cmp.Compare(p[axis], q[axis]) })[axis]
	if maxLeft > minRight {
		fail("split along %c is not at the median: left max %g > right min %g", "xyz"[axis], maxLeft, minRight)
	}
}

// TestBallTreeQueriesMatchBruteForce compares Within and Nearest with a
// brute-force search, index for index and bit for bit, on every cloud. The
// radii straddle the switch from per-image searches to per-point minimum
// images at 0.4 edges (2.4 σ) and reach beyond half an edge (3.1 σ) and the
// whole box (10 σ); the query points lie on points, at random (also outside
// the box), and on the faces and corners of the box.
func TestBallTreeQueriesMatchBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 0))
	for _, n := range []int{1, 7, 300, 2000} {
		for _, c := range clouds(n, 31+uint64(n)) {
			for _, leaf := range []int{2, 8, 64} {
				tr := BallTree{LeafSize: leaf}
				if err := tr.Build(c.pts, c.box); err != nil {
					t.Fatal(err)
				}
				fail := func(format string, args ...any) {
					t.Helper()
					t.Fatalf("%s n=%d leaf=%d box=%v: "+format, append([]any{c.name, n, leaf, c.box.Periodic}, args...)...)
				}
				var within []int32
				var hits []Hit
				for q := 0; q < 12; q++ {
					var p sim.Vec3
					switch q % 3 {
					case 0:
						p = c.pts[rng.IntN(n)]
					case 1:
						p = sim.Vec3{8*rng.Float64() - 1, 8*rng.Float64() - 1, 8*rng.Float64() - 1}
					default:
						for k := range p {
							p[k] = edges[rng.IntN(len(edges))]
						}
					}
					all := brute(c, p)
					for _, r := range []float64{0.3, 1, 2.3, 2.4, 2.5, 3.1, 10} {
						// Within appends: a sentinel before its results must
						// survive its use of the spare capacity.
						within = tr.Within(p, r, append(within[:0], -1))
						if within[0] != -1 {
							fail("Within(%v, %g) overwrote out[0] = -1 with %d", p, r, within[0])
						}
						within = within[1:]
						slices.Sort(within)
						var want []int32
						for _, h := range all {
							if h.Dist < r*r {
								want = append(want, h.Index)
							}
						}
						slices.Sort(want)
						if !slices.Equal(within, want) {
							fail("Within(%v, %g) = %v, brute force %v", p, r, within, want)
						}
					}
					for _, k := range []int{1, 5, 17, n + 3} {
						hits = tr.Nearest(p, k, hits)
						want := slices.Clone(all[:min(k, n)])
						for i := range want {
							want[i].Dist = math.Sqrt(want[i].Dist)
						}
						if !slices.Equal(hits, want) {
							fail("Nearest(%v, %d) = %v, brute force %v", p, k, hits, want)
						}
					}
				}
			}
		}
	}
}

// TestBallTreeWithinMatchesCellList compares Within with CellList.Query in
// an fcc liquid-like state at ρ = 0.8442 (edge 10.1 σ), on random points
// and on atoms, for the radii of the benchmark: the two structures must
// return the same sets for the comparison to be fair.
func TestBallTreeWithinMatchesCellList(t *testing.T) {
	s := fcc(6, 0.8442, 0.05, 43)
	var tr BallTree
	if err := tr.Build(s.Pos, s.Box); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(44, 0))
	var got, want []int32
	for _, r := range []float64{1, 2.5, 2.8} {
		var c CellList
		c.Build(s, r)
		for q := 0; q < 200; q++ {
			p := s.Pos[rng.IntN(s.N())]
			if q%2 == 0 {
				p = sim.Vec3{s.Box.L[0] * rng.Float64(), s.Box.L[1] * rng.Float64(), s.Box.L[2] * rng.Float64()}
			}
			got, want = tr.Within(p, r, got[:0]), c.Query(p, want[:0])
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("r = %g, q = %v: ball tree %v, cell list %v", r, p, got, want)
			}
		}
	}
}

// brute returns every point of c with its squared minimum-image distance
// from q (wrapped), sorted by distance and then by index.
func brute(c cloud, q sim.Vec3) []Hit {
	c.box.Wrap(&q, &[3]int32{})
	all := make([]Hit, len(c.pts))
	for i, p := range c.wrapped {
		all[i] = Hit{int32(i), c.box.Delta(q, p).Norm2()}
	}
	slices.SortFunc(all, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(a.Dist, b.Dist), cmp.Compare(a.Index, b.Index))
	})
	return all
}

func TestSelectAxis(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 0))
	for _, depth := range []int{0, 1, 64} { // 0 and 1 force the sorting fallback
		for _, n := range []int{1, 2, 17, 18, 100, 1000} {
			a := make([]record, n)
			for i := range a {
				a[i] = record{sim.Vec3{0, float64(rng.IntN(n/3 + 1)), 0}, int32(i)} // many ties
			}
			k := rng.IntN(n)
			selectAxis(a, k, 1, depth)
			for i := range a {
				if i < k && a[i].p[1] > a[k].p[1] || i > k && a[i].p[1] < a[k].p[1] {
					t.Fatalf("depth %d n %d: element %d = %g on the wrong side of rank %d (%g)", depth, n, i, a[i].p[1], k, a[k].p[1])
				}
			}
		}
	}
}

func TestBallTreeErrors(t *testing.T) {
	pts := []sim.Vec3{{0, 0, 0}, {1, 1, 1}}
	for _, leaf := range []int{1, 3, 12, -2} {
		tr := BallTree{LeafSize: leaf}
		if err := tr.Build(pts, sim.Box{}); err == nil || !strings.Contains(err.Error(), "power of two") {
			t.Errorf("leaf size %d: error %v", leaf, err)
		}
	}
	var tr BallTree
	if err := tr.Build(pts, sim.Box{}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []float64{0, -2, math.NaN()} {
		if got := tr.Within(sim.Vec3{}, r, nil); len(got) != 0 {
			t.Errorf("Within radius %g found %v", r, got)
		}
	}
	err := tr.Build([]sim.Vec3{{0, 0, 0}, {1, math.NaN(), 0}}, sim.Box{})
	if err == nil || !strings.Contains(err.Error(), "point 1 is not finite") {
		t.Errorf("NaN point: error %v", err)
	}
	if tr.Len() != 0 || len(tr.Within(sim.Vec3{}, 5, nil)) != 0 || len(tr.Nearest(sim.Vec3{}, 3, nil)) != 0 {
		t.Error("a failed build left points in the tree")
	}
}

func TestBallTreeAllocationFree(t *testing.T) {
	c := clouds(1000, 33)[0]
	var tr BallTree
	if err := tr.Build(c.pts, c.box); err != nil {
		t.Fatal(err)
	}
	if a := testing.AllocsPerRun(5, func() {
		if err := tr.Build(c.pts, c.box); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Errorf("Build allocates %v times per call", a)
	}
	within := make([]int32, 0, len(c.pts))
	hits := make([]Hit, 0, 10)
	if a := testing.AllocsPerRun(5, func() {
		within = tr.Within(sim.Vec3{3, 3, 3}, 1.5, within[:0])
		hits = tr.Nearest(sim.Vec3{3, 3, 3}, 10, hits)
	}); a != 0 {
		t.Errorf("queries allocate %v times per call", a)
	}
}

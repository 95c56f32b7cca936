package neighbor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/physim/physim/sim"
)

// The in.lj state of LAMMPS's bench/ directory: 32,000 atoms on an fcc
// lattice at ρ = 0.8442 (box 33.59 σ), here with displacements of up to
// 0.05 σ, r_c = 2.5 σ and skin 0.3 σ.
func lammpsLJ() *sim.State { return fcc(20, 0.8442, 0.05, 40) }

// BenchmarkVerletBuild measures a rebuild of the in.lj list (2.5 million
// ordered pairs; a half list stores 1.25 million) for 1 and 2 workers.
func BenchmarkVerletBuild(b *testing.B) {
	s := lammpsLJ()
	for _, c := range []struct {
		w    int
		half bool
	}{{1, false}, {2, false}, {1, true}, {2, true}} {
		b.Run(fmt.Sprintf("half=%v/workers=%d", c.half, c.w), func(b *testing.B) {
			v := &Verlet{Cutoff: 2.5, Skin: 0.3, Workers: c.w, Half: c.half}
			if err := v.Build(s); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := v.Build(s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(v.Pairs()), "pairs")
		})
	}
}

// BenchmarkVerletCheck measures Update when no rebuild is due (the
// displacement check run on every step).
func BenchmarkVerletCheck(b *testing.B) {
	s := lammpsLJ()
	v := &Verlet{Cutoff: 2.5, Skin: 0.3}
	if _, err := v.Update(s); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if rebuilt, err := v.Update(s); err != nil || rebuilt {
			b.Fatal("unexpected rebuild", err)
		}
	}
}

// BenchmarkCellListBuild measures binning the in.lj state.
func BenchmarkCellListBuild(b *testing.B) {
	s := lammpsLJ()
	var c CellList
	c.Build(s, 2.8)
	b.ReportAllocs()
	for b.Loop() {
		c.Build(s, 2.8)
	}
}

// randomCloud returns n uniform points in a cube at number density rho.
func randomCloud(n int, rho float64, seed uint64) ([]sim.Vec3, sim.Box) {
	l := math.Cbrt(float64(n) / rho)
	s := uniform(n, sim.NewPeriodicBox(l, l, l), seed)
	return s.Pos, s.Box
}

// BenchmarkBallTreeBuild measures building the tree over 10⁵ uniform 3-D
// points (target: ≤ 40 ms on one core at the default leaf size) for the
// default and larger leaf sizes.
func BenchmarkBallTreeBuild(b *testing.B) {
	pts, _ := randomCloud(100_000, 1, 41)
	for _, leaf := range []int{0, 8, 16, 32} {
		name := fmt.Sprintf("leaf=%d", leaf)
		if leaf == 0 {
			name = fmt.Sprintf("leaf=default(%d)", DefaultLeafSize)
		}
		b.Run(name, func(b *testing.B) {
			t := BallTree{LeafSize: leaf}
			if err := t.Build(pts, sim.Box{}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := t.Build(pts, sim.Box{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRadiusQuery compares radius queries in the in.lj state between
// the cell list and the ball tree (default leaf size), both periodic, on the
// same 1000 random points with the same radius: the cutoff 2.5 σ (about 55
// hits) and the cutoff plus the skin, 2.8 σ (about 78), the Verlet-list
// radius. The cell list is built for that radius, the tree for any. Both
// must return the same sets, which the setup checks, and neither may
// allocate; ns/op is per query.
func BenchmarkRadiusQuery(b *testing.B) {
	s := lammpsLJ()
	rng := rand.New(rand.NewPCG(42, 0))
	queries := make([]sim.Vec3, 1000)
	for i := range queries {
		for k := 0; k < 3; k++ {
			queries[i][k] = s.Box.L[k] * rng.Float64()
		}
	}
	var t BallTree
	if err := t.Build(s.Pos, s.Box); err != nil {
		b.Fatal(err)
	}
	for _, r := range []float64{2.5, 2.8} {
		var c CellList
		c.Build(s, r)
		methods := []struct {
			name  string
			query func(p sim.Vec3, out []int32) []int32
		}{
			{"cells", c.Query},
			{"balltree", func(p sim.Vec3, out []int32) []int32 { return t.Within(p, r, out) }},
		}
		var a, z []int32
		for _, q := range queries {
			a, z = methods[0].query(q, a[:0]), methods[1].query(q, z[:0])
			slices.Sort(a)
			slices.Sort(z)
			if !slices.Equal(a, z) {
				b.Fatalf("r = %g, q = %v: the cell list finds %v, the ball tree %v", r, q, a, z)
			}
		}
		for _, m := range methods {
			b.Run(fmt.Sprintf("r=%g/%s", r, m.name), func(b *testing.B) {
				out := make([]int32, 0, 1024)
				hits, i := 0, 0
				b.ReportAllocs()
				for b.Loop() {
					out = m.query(queries[i%len(queries)], out[:0])
					hits += len(out)
					i++
				}
				b.ReportMetric(float64(hits)/float64(i), "hits/op")
			})
		}
	}
}

// BenchmarkNearest measures 16-nearest-neighbour queries in the in.lj
// state at the atoms (ns/op per query).
func BenchmarkNearest(b *testing.B) {
	s := lammpsLJ()
	var t BallTree
	if err := t.Build(s.Pos, s.Box); err != nil {
		b.Fatal(err)
	}
	hits := make([]Hit, 0, 16)
	i := 0
	for b.Loop() {
		hits = t.Nearest(s.Pos[i%s.N()], 16, hits)
		i++
	}
}

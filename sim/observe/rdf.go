package observe

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/neighbor"
	"github.com/physim/physim/sim/stats"
)

// DefaultRDFBins is the number of g(r) bins used when RDF.Bins is zero.
const DefaultRDFBins = 100

// RDF accumulates the radial distribution function g(r) of a box periodic
// in all three directions, over all pairs (whatever their types) at
// minimum-image distances r < RMax, in Bins equal shells.
//
// Each observation gives, for shell k between r_k and r_{k+1},
//
//	g_k = 2 n_k / (N (N−1)/V · 4π/3 (r_{k+1}³ − r_k³)),
//
// where n_k is the number of unordered pairs in the shell: the ratio of the
// pair count to that of an ideal gas at the same density, with exact shell
// volumes. An ideal gas gives g = 1 in every shell. Results are averaged
// over observations. Set the settings before the first Observe; the zero
// value is ready to use.
type RDF struct {
	// RMax is the outer radius in σ; it must not exceed half the shortest
	// box edge. Zero means half the shortest edge of the first box seen.
	RMax float64
	// Bins is the number of shells; zero means DefaultRDFBins.
	Bins int
	// Independent declares the observed states statistically independent
	// (separate trials): the standard errors are then those of the mean of
	// independent samples instead of block averages over a time series.
	Independent bool

	rmax, dr   float64
	g          binSeries
	densitySum float64 // Σ over observations of (N−1)/V
	frame      []float64
	counts     []int64
	cells      neighbor.CellList
	near       []int32
}

// Observe adds the pair distances of s. It returns an error if the box is
// not periodic in every direction, RMax exceeds half a box edge, or s has
// fewer than two particles.
func (g *RDF) Observe(s *sim.State) error {
	b := &s.Box
	if !(b.Periodic[0] && b.Periodic[1] && b.Periodic[2]) {
		return fmt.Errorf("observe: g(r) needs a box periodic in x, y and z, got periodic %v", b.Periodic)
	}
	half := 0.5 * min(b.L[0], b.L[1], b.L[2])
	if g.frame == nil {
		if err := g.init(half); err != nil {
			return err
		}
	}
	if g.rmax > half {
		return fmt.Errorf("observe: g(r) r_max = %g σ exceeds half the shortest box edge, %g σ", g.rmax, half)
	}
	n := s.N()
	if n < 2 {
		return fmt.Errorf("observe: g(r) needs at least two particles, got %d", n)
	}
	g.countPairs(s)
	v := b.Volume()
	ideal := float64(n) * float64(n-1) / v
	for k, c := range g.counts {
		r0, r1 := float64(k)*g.dr, float64(k+1)*g.dr
		shell := 4 * math.Pi / 3 * (r1*r1*r1 - r0*r0*r0)
		g.frame[k] = 2 * float64(c) / (ideal * shell)
	}
	g.g.add(g.frame)
	g.densitySum += float64(n-1) / v
	return nil
}

// init fixes the radius and the shells from the settings; half is half the
// shortest box edge.
func (g *RDF) init(half float64) error {
	rmax := g.RMax
	if rmax == 0 {
		rmax = half
	}
	if !(rmax > 0) || math.IsInf(rmax, 0) {
		return fmt.Errorf("observe: g(r) r_max = %g σ must be positive and finite", g.RMax)
	}
	bins := g.Bins
	if bins == 0 {
		bins = DefaultRDFBins
	}
	if bins < 1 {
		return fmt.Errorf("observe: g(r) needs at least one bin, got %d", g.Bins)
	}
	g.rmax, g.dr = rmax, rmax/float64(bins)
	g.frame = make([]float64, bins)
	g.counts = make([]int64, bins)
	return nil
}

// countPairs fills g.counts with the number of unordered pairs of s in each
// shell.
func (g *RDF) countPairs(s *sim.State) {
	clear(g.counts)
	g.cells.Build(s, g.rmax)
	inv := 1 / g.dr
	for i, p := range s.Pos {
		g.near = g.cells.Query(p, g.near[:0])
		for _, j := range g.near {
			if int(j) <= i {
				continue
			}
			r := s.Box.Delta(p, s.Pos[j]).Norm()
			if k := int(r * inv); r < g.rmax && k < len(g.counts) {
				g.counts[k]++
			}
		}
	}
}

// Frames returns the number of observations.
func (g *RDF) Frames() int64 { return g.g.count() }

// R returns the shell centres in σ (nil before the first observation).
func (g *RDF) R() []float64 {
	if g.frame == nil {
		return nil
	}
	r := make([]float64, len(g.frame))
	for k := range r {
		r[k] = (float64(k) + 0.5) * g.dr
	}
	return r
}

// G returns g(r) of every shell averaged over the observations, with its
// standard error (NaN with fewer than two observations).
func (g *RDF) G() []stats.MeanErr { return g.g.result(g.Independent) }

// Coordination returns the mean number of neighbours at distances in
// [r0, r1), summed over the whole shells whose centres lie in that range:
// Σ_k ρ′ g_k · 4π/3 (r_{k+1}³ − r_k³), with ρ′ = (N−1)/V averaged over the
// observations (the density of the other particles). At constant volume it
// is exactly the average number of neighbours per particle in those shells.
func (g *RDF) Coordination(r0, r1 float64) float64 {
	if g.Frames() == 0 {
		return 0
	}
	rho := g.densitySum / float64(g.Frames())
	var n float64
	for k, e := range g.G() {
		lo, hi := float64(k)*g.dr, float64(k+1)*g.dr
		if c := 0.5 * (lo + hi); c >= r0 && c < r1 {
			n += rho * e.Mean * 4 * math.Pi / 3 * (hi*hi*hi - lo*lo*lo)
		}
	}
	return n
}

// WriteCSV writes the columns r, g, stderr to path atomically.
func (g *RDF) WriteCSV(path string) error {
	r, res := g.R(), g.G()
	return writeCSV(path, "r,g,stderr", len(r), func(b []byte, k int) []byte {
		return appendFloats(b, r[k], res[k].Mean, res[k].StdErr)
	})
}

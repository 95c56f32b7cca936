package learned

import (
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/sim/rng"
)

// testArch is a small network on a coarse grid, for fast exact checks.
var testArch = Architecture{Kernels: 3, Hidden: [2]int{5, 4}, Radius: 1.2, KnotSpacing: 0.2}

// testParams returns parameters of arch drawn from seed with every weight
// and bias perturbed by a normal of standard deviation 0.5, so that the
// network is far from linear.
func testParams(t *testing.T, a Architecture, dz float64, seed uint64) (Architecture, *Params) {
	t.Helper()
	a, err := a.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	p := initParams(a, dz, seed)
	k := 0
	for _, v := range [][]float64{p.Kernels, p.W1, p.B1, p.W2, p.B2, p.W3} {
		for i := range v {
			v[i] += 0.5 * rng.Key{Seed: seed, Step: uint64(k), Stream: 77}.Normal4()[0]
			k++
		}
	}
	return a, p
}

// testProfile is a smooth positive periodic profile of mean about 0.6 σ⁻³.
func testProfile(g functional.Grid) []float64 {
	rho := make([]float64, g.N)
	l := g.Length()
	for i := range rho {
		z := g.Z(i)
		rho[i] = 0.6 + 0.25*math.Sin(2*math.Pi*z/l) + 0.1*math.Cos(6*math.Pi*z/l+0.3)
	}
	return rho
}

// relErr returns |a − b| / max(|b|, floor).
func relErr(a, b, floor float64) float64 { return math.Abs(a-b) / math.Max(math.Abs(b), floor) }

// clone returns a deep copy of p.
func (p *Params) clone() *Params {
	c := func(v []float64) []float64 { return append([]float64(nil), v...) }
	return &Params{Kernels: c(p.Kernels), W1: c(p.W1), B1: c(p.B1), W2: c(p.W2), B2: c(p.B2), W3: c(p.W3)}
}

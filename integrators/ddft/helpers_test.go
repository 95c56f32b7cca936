package ddft

import (
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// planarFunc adapts a function to potentials.Planar (tests must not depend
// on the potentials engineer's implementations).
type planarFunc func(z, t float64) (v, dv float64)

func (f planarFunc) VdV(z, t float64) (float64, float64) { return f(z, t) }

// wall returns V = +Inf for z < lo or z > hi, else base(z, t).
func wall(lo, hi float64, base planarFunc) planarFunc {
	return func(z, t float64) (float64, float64) {
		if z < lo || z > hi {
			return math.Inf(1), 0
		}
		if base == nil {
			return 0, 0
		}
		return base(z, t)
	}
}

// gaussianSum is V(z) = Σ U_i exp(−Δ_i²/(2s_i²)) with Δ_i the periodic
// minimum image of z − μ_i in a box of length L (ε, σ): the seed paper's
// random potential with pot_seed = 1 (notes §1.6).
func gaussianSum(L float64) planarFunc {
	mu := []float64{9.9718, 9.3256, 1.2812, 9.9904, 2.3609, 3.9658, 3.8791, 6.6975, 9.3554, 8.4631}
	s := []float64{0.4133, 0.6245, 0.5435, 0.3296, 0.6344, 1.0140, 0.5572, 0.5307, 1.0391, 0.8784}
	u := []float64{0.7847, 0.3993, 0.0016, 0.8156, 0.0307, 0.0378, 0.2865, 0.6043, 0.0294, 0.1961}
	return func(z, t float64) (float64, float64) {
		v, dv := 0.0, 0.0
		for i := range mu {
			d := z - mu[i]
			d -= L * math.Round(d/L)
			e := u[i] * math.Exp(-d*d/(2*s[i]*s[i]))
			v += e
			dv -= e * d / (s[i] * s[i])
		}
		return v, dv
	}
}

func mustGrid(t testing.TB, length, dz float64, periodic bool) functional.Grid {
	t.Helper()
	g, err := functional.GridFor(length, dz, periodic)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func mustFunctional(t testing.TB, g functional.Grid, s functional.Spec) functional.Functional {
	t.Helper()
	f, err := functional.New(g, s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func maxAbsDiff(a, b []float64) float64 {
	m := 0.0
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

// contact extrapolates the first two cell averages next to a hard wall to
// the contact plane at the cell edge: (3ρ_0 − ρ_1)/2.
func contact(r0, r1 float64) float64 { return (3*r0 - r1) / 2 }

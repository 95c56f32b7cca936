package flows

import (
	"math"
	"testing"

	"github.com/physim/physim/integrators/ode"
)

func TestFixedPointsAreEquilibria(t *testing.T) {
	for _, l := range []Lorenz{ClassicLorenz(), {Sigma: 10, Rho: 28, Beta: 8.0 / 3, LFADSCompat: true}} {
		d := make([]float64, 3)
		for _, p := range l.FixedPoints() {
			l.Eval(0, p[:], d)
			if n := math.Sqrt(d[0]*d[0] + d[1]*d[1] + d[2]*d[2]); n > 1e-12 {
				t.Errorf("compat=%v: |f| = %.3e at fixed point %v", l.LFADSCompat, n, p)
			}
		}
	}
}

// TestDivergence compares the stated divergence with the trace of the
// Jacobian from central finite differences at a generic point.
func TestDivergence(t *testing.T) {
	for _, l := range []Lorenz{ClassicLorenz(), {Sigma: 10, Rho: 28, Beta: 8.0 / 3, LFADSCompat: true}} {
		y := []float64{1.3, -2.7, 20.1}
		p, m := make([]float64, 3), make([]float64, 3)
		const h = 1e-5
		var tr float64
		for k := 0; k < 3; k++ {
			yp := append([]float64(nil), y...)
			ym := append([]float64(nil), y...)
			yp[k] += h
			ym[k] -= h
			l.Eval(0, yp, p)
			l.Eval(0, ym, m)
			tr += (p[k] - m[k]) / (2 * h)
		}
		if math.Abs(tr-l.Divergence()) > 1e-8 {
			t.Errorf("compat=%v: trace of Jacobian %.10f, Divergence() %.10f", l.LFADSCompat, tr, l.Divergence())
		}
	}
}

// TestAttractorSumRules integrates a long trajectory on the attractor and
// checks exact identities for time averages of a bounded orbit, which
// follow from ⟨d(·)/dt⟩ = 0: ⟨ż⟩ = 0 gives ⟨xy⟩ = β⟨z⟩ and ⟨ẋ⟩ = 0 gives
// ⟨x⟩ = ⟨y⟩; ⟨d(z²)/dt⟩ = 0 gives ⟨xyz⟩ = β⟨z²⟩. The boundary terms are
// O(range/T), so with T = 2000 the identities hold to about 1e-3
// relative. Both variants share these identities.
func TestAttractorSumRules(t *testing.T) {
	for _, l := range []Lorenz{ClassicLorenz(), {Sigma: 10, Rho: 28, Beta: 8.0 / 3, LFADSCompat: true}} {
		y := []float64{1, 1, 25}
		var rk ode.RK4
		const h = 0.002
		ode.Integrate(&rk, l.Eval, 0, h, 10000, y) // transient
		n := 1_000_000
		var sx, sy, sz, sxy, sz2, sxyz float64
		lo, hi := [3]float64{1e9, 1e9, 1e9}, [3]float64{-1e9, -1e9, -1e9}
		for i := 0; i < n; i++ {
			rk.Step(l.Eval, 0, h, y)
			sx += y[0]
			sy += y[1]
			sz += y[2]
			sxy += y[0] * y[1]
			sz2 += y[2] * y[2]
			sxyz += y[0] * y[1] * y[2]
			for k := range 3 {
				lo[k], hi[k] = math.Min(lo[k], y[k]), math.Max(hi[k], y[k])
			}
		}
		N := float64(n)
		t.Logf("compat=%v: ⟨z⟩ = %.4f, ⟨xy⟩/β⟨z⟩ = %.5f, ⟨xyz⟩/β⟨z²⟩ = %.5f, ⟨x⟩ − ⟨y⟩ = %.2e, range x [%.1f, %.1f] y [%.1f, %.1f] z [%.1f, %.1f]",
			l.LFADSCompat, sz/N, sxy/(l.Beta*sz), sxyz/(l.Beta*sz2), (sx-sy)/N, lo[0], hi[0], lo[1], hi[1], lo[2], hi[2])
		if r := sxy / (l.Beta * sz); math.Abs(r-1) > 2e-3 {
			t.Errorf("compat=%v: ⟨xy⟩/β⟨z⟩ = %.5f, want 1", l.LFADSCompat, r)
		}
		if r := sxyz / (l.Beta * sz2); math.Abs(r-1) > 2e-3 {
			t.Errorf("compat=%v: ⟨xyz⟩/β⟨z²⟩ = %.5f, want 1", l.LFADSCompat, r)
		}
		if d := (sx - sy) / N; math.Abs(d) > 0.05 {
			t.Errorf("compat=%v: ⟨x⟩ − ⟨y⟩ = %.3e, want 0", l.LFADSCompat, d)
		}
	}
}

// TestLargestLyapunovExponent measures the largest Lyapunov exponent of the
// classic system by Benettin's renormalised two-trajectory method; the
// reference value is 0.9056 (Sprott, Chaos and Time-Series Analysis, 2003,
// Table A.1). A finite-time estimate over T = 2000 fluctuates by about
// 0.01, so the tolerance is 0.03.
func TestLargestLyapunovExponent(t *testing.T) {
	l := ClassicLorenz()
	var rk1, rk2 ode.RK4
	const h = 0.005
	a := []float64{1, 1, 25}
	ode.Integrate(&rk1, l.Eval, 0, h, 4000, a)
	const d0 = 1e-8
	b := []float64{a[0] + d0, a[1], a[2]}
	var sum float64
	steps, every := 400_000, 10
	for i := 1; i <= steps; i++ {
		rk1.Step(l.Eval, 0, h, a)
		rk2.Step(l.Eval, 0, h, b)
		if i%every == 0 {
			d := math.Sqrt((b[0]-a[0])*(b[0]-a[0]) + (b[1]-a[1])*(b[1]-a[1]) + (b[2]-a[2])*(b[2]-a[2]))
			sum += math.Log(d / d0)
			for k := range 3 {
				b[k] = a[k] + (b[k]-a[k])*d0/d
			}
		}
	}
	lambda := sum / (float64(steps) * h)
	t.Logf("largest Lyapunov exponent %.4f (reference 0.9056)", lambda)
	if math.Abs(lambda-0.9056) > 0.03 {
		t.Errorf("largest Lyapunov exponent %.4f, want 0.9056 ± 0.03", lambda)
	}
}

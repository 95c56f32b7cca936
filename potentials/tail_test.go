package potentials

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"
)

// TestTailCorrectionsEqualIntegrals compares the analytic tails with
// numerical integrals e = 2π∫_{r_c}^∞ r²u dr and p = −(2π/3)∫_{r_c}^∞ r³u′ dr
// (gonum quad, [r_c, ∞) mapped to [0, 1], 200-point Gauss–Legendre) of u
// written out independently here, to 1e-8 relative.
func TestTailCorrectionsEqualIntegrals(t *testing.T) {
	lj := func(eps, sig float64) (func(float64) float64, func(float64) float64) {
		return func(r float64) float64 { x := math.Pow(sig/r, 6); return 4 * eps * (x*x - x) },
			func(r float64) float64 { x := math.Pow(sig/r, 6); return 4 * eps * (-12*x*x + 6*x) / r }
	}
	pow := func(eps, sig, n float64) (func(float64) float64, func(float64) float64) {
		return func(r float64) float64 { return eps * math.Pow(sig/r, n) },
			func(r float64) float64 { return -n * eps * math.Pow(sig/r, n) / r }
	}
	type tailCase struct {
		law   TailCorrector
		rc    float64
		u, du func(float64) float64
	}
	var cases []tailCase
	u, du := lj(1, 1)
	cases = append(cases, tailCase{LJ{}, 2.5, u, du})
	u, du = lj(0.7, 1.3)
	cases = append(cases, tailCase{LJ{Epsilon: 0.7, Sigma: 1.3, Cutoff: 3.2}, 3.2, u, du})
	u, du = pow(1, 1, 12)
	cases = append(cases, tailCase{PowerLaw{}, 2.5, u, du})
	u, du = pow(0.5, 0.9, 6)
	cases = append(cases, tailCase{PowerLaw{Epsilon: 0.5, Sigma: 0.9, N: 6, Cutoff: 2}, 2, u, du})
	for _, c := range cases {
		e, p, err := c.law.TailCorrection()
		if err != nil {
			t.Fatal(err)
		}
		ei := 2 * math.Pi * quad.Fixed(func(r float64) float64 { return r * r * c.u(r) }, c.rc, math.Inf(1), 200, nil, 0)
		pi := -2 * math.Pi / 3 * quad.Fixed(func(r float64) float64 { return r * r * r * c.du(r) }, c.rc, math.Inf(1), 200, nil, 0)
		t.Logf("%#v: rel. errors e %.2g, p %.2g", c.law, relErr(e, ei), relErr(p, pi))
		if relErr(e, ei) > 1e-8 || relErr(p, pi) > 1e-8 {
			t.Errorf("%#v: e = %.12g (integral %.12g), p = %.12g (integral %.12g)", c.law, e, ei, p, pi)
		}
	}
	// The σ = ε = 1 closed forms of VALIDATION.md at r_c = 2.5.
	e, p, _ := LJ{}.TailCorrection()
	rc := 2.5
	if we := 8.0 / 3 * math.Pi * (math.Pow(rc, -9)/3 - math.Pow(rc, -3)); relErr(e, we) > 1e-14 {
		t.Errorf("e = %g, VALIDATION.md %g", e, we)
	}
	if wp := 16.0 / 3 * math.Pi * (2*math.Pow(rc, -9)/3 - math.Pow(rc, -3)); relErr(p, wp) > 1e-14 {
		t.Errorf("p = %g, VALIDATION.md %g", p, wp)
	}
}

// TestTailCorrectionErrors checks the modes and exponents without a tail.
func TestTailCorrectionErrors(t *testing.T) {
	for _, law := range []TailCorrector{LJ{Mode: CutShifted}, LJ{Mode: CutForceShifted}, PowerLaw{Mode: CutShifted}, PowerLaw{N: 3}} {
		if _, _, err := law.TailCorrection(); err == nil {
			t.Errorf("%#v: no error", law)
		}
		if _, err := NewPair(law.(PairLaw), PairSettings{Tail: true}); err == nil {
			t.Errorf("NewPair(%#v, Tail): no error", law)
		}
	}
	for _, law := range []TailCorrector{WCA{}, SoftHarmonic{}} {
		if e, p, err := law.TailCorrection(); e != 0 || p != 0 || err != nil {
			t.Errorf("%#v: tail (%g, %g, %v), want zeros", law, e, p, err)
		}
	}
}

package pcmdata

import (
	"math"
	"testing"
)

// JZG at kT = 2 against the values of the project notes (computed from the
// published coefficients; P and U also in VALIDATION.md).
func TestJZG(t *testing.T) {
	for _, c := range []struct{ rho, p, mu, kappa float64 }{
		{0.3, 0.49093, -0.47184, 0.8910},
		{0.6, 1.76675, 0.17444, 4.6608},
		{0.8, 5.31174, 2.36939, 14.5745},
	} {
		e := JZG(c.rho, 2)
		if math.Abs(e.Pressure-c.p) > 6e-6 || math.Abs(e.BetaMuEx-c.mu) > 6e-6 || math.Abs(e.Compressibility-c.kappa) > 6e-5 {
			t.Errorf("ρ = %g: JZG P = %.6f, βμ_ex = %.6f, β∂P/∂ρ = %.5f; want %.5f, %.5f, %.4f", c.rho, e.Pressure, e.BetaMuEx, e.Compressibility, c.p, c.mu, c.kappa)
		}
		// β∂P/∂ρ = 1 + ρ dβμ_ex/dρ (Gibbs–Duhem) within the equation.
		const h = 1e-6
		dmu := (JZG(c.rho+h, 2).BetaMuEx - JZG(c.rho-h, 2).BetaMuEx) / (2 * h)
		if k := 1 + c.rho*dmu; math.Abs(k-e.Compressibility) > 1e-6 {
			t.Errorf("ρ = %g: 1 + ρ dβμ/dρ = %.8f, β∂P/∂ρ = %.8f", c.rho, k, e.Compressibility)
		}
	}
}

// Truncating and shifting at r_c = 4 changes βP by −βP_tail = +0.04712 and
// βμ_ex by −2βP_tail/ρ = +0.15706 at ρ = 0.6 (the plain cut alone would
// shift βμ_ex by −βμ_tail = +0.0785, the notes' number; the shift of the
// potential adds as much again).
func TestShiftedJZG(t *testing.T) {
	full, ts := JZG(0.6, 2), ShiftedJZG(0.6, 2, 4)
	if d := (ts.Pressure - full.Pressure) / 2; math.Abs(d-0.04712) > 5e-5 {
		t.Errorf("βP shift %.5f, want 0.04712", d)
	}
	if d := ts.BetaMuEx - full.BetaMuEx; math.Abs(d-0.15706) > 5e-5 {
		t.Errorf("βμ_ex shift %.5f, want 0.15706", d)
	}
	const h = 1e-6
	dmu := (ShiftedJZG(0.6+h, 2, 4).BetaMuEx - ShiftedJZG(0.6-h, 2, 4).BetaMuEx) / (2 * h)
	if k := 1 + 0.6*dmu; math.Abs(k-ts.Compressibility) > 1e-6 {
		t.Errorf("shifted: 1 + ρ dβμ/dρ = %.8f, β∂P/∂ρ = %.8f", k, ts.Compressibility)
	}
}

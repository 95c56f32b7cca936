package pcmdata

import (
	"math"
	"testing"
)

// Noise-free data from a polynomial equation of state are fitted exactly,
// and the fit's compressibility and pressure obey Gibbs–Duhem:
// β∂P/∂ρ = 1 + ρ dβμ_ex/dρ = dβP/dρ.
func TestFitEOS(t *testing.T) {
	coef := []float64{-2.6, 1.5, 3.0, -1.2}
	truth := &EOSFit{Coef: coef}
	var rho, mu, mue, bp, bpe []float64
	for i := 0; i < 10; i++ {
		r := 0.05 + 0.09*float64(i)
		rho = append(rho, r)
		mu = append(mu, truth.BetaMuEx(r))
		mue = append(mue, 0.01)
		bp = append(bp, truth.BetaPressure(r))
		bpe = append(bpe, 0.02)
	}
	f, err := FitEOS(rho, mu, mue, bp, bpe, len(coef))
	if err != nil {
		t.Fatal(err)
	}
	for m, c := range coef {
		if math.Abs(f.Coef[m]-c) > 1e-9 {
			t.Errorf("a_%d = %.12g, want %g", m+1, f.Coef[m], c)
		}
	}
	if f.ChiSquare > 1e-12 || f.Dof != 2*len(rho)-len(coef) {
		t.Errorf("χ² = %g with %d dof, want 0 with %d", f.ChiSquare, f.Dof, 2*len(rho)-len(coef))
	}
	const h = 1e-6
	for _, r := range []float64{0.2, 0.6} {
		dmu := (f.BetaMuEx(r+h) - f.BetaMuEx(r-h)) / (2 * h)
		dp := (f.BetaPressure(r+h) - f.BetaPressure(r-h)) / (2 * h)
		if k := f.Compressibility(r); math.Abs(k-1-r*dmu) > 1e-7 || math.Abs(k-dp) > 1e-7 {
			t.Errorf("ρ = %g: β∂P/∂ρ = %.9f, 1 + ρ dβμ/dρ = %.9f, dβP/dρ = %.9f", r, k, 1+r*dmu, dp)
		}
	}
}

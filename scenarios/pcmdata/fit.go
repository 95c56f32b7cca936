package pcmdata

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// EOSFit is a smooth equation of state fitted to the measured excess
// chemical potential and pressure together: βμ_ex(ρ) = Σ_{m=1}^{D} a_m ρ^m
// (no constant: βμ_ex vanishes with ρ) and, by Gibbs–Duhem,
// βP = ρ + ∫₀^ρ ρ' dβμ_ex/dρ' dρ' = ρ + Σ a_m m/(m+1) ρ^{m+1}, by weighted
// least squares over both data. Widom insertion is precise at low density
// and the virial pressure at high density, where insertions rarely find a
// cavity. The fit supplies β∂P/∂ρ = 1 + ρ dβμ_ex/dρ.
type EOSFit struct {
	// Coef holds a_1 … a_D (a_m multiplies ρ^m).
	Coef []float64
	// ChiSquare is Σ((fit − data)/σ)² over both data and Dof the degrees
	// of freedom.
	ChiSquare float64
	Dof       int
}

// FitEOS fits βμ_ex values mu ± muErr and βP values betaP ± betaPErr (σ⁻³;
// all errors positive) at densities rho with a polynomial of the given
// degree (at most twice the number of points).
func FitEOS(rho, mu, muErr, betaP, betaPErr []float64, degree int) (*EOSFit, error) {
	n := len(rho)
	if len(mu) != n || len(muErr) != n || len(betaP) != n || len(betaPErr) != n {
		panic("pcmdata: FitEOS needs as many values and errors as densities")
	}
	if degree < 1 || degree > 2*n {
		return nil, fmt.Errorf("pcmdata: cannot fit a degree-%d polynomial to %d states", degree, n)
	}
	a := mat.NewDense(2*n, degree, nil)
	b := mat.NewVecDense(2*n, nil)
	for i, r := range rho {
		for _, v := range []float64{mu[i], muErr[i], betaP[i], betaPErr[i]} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("pcmdata: βμ_ex = %g ± %g, βP = %g ± %g at ρ = %g cannot be fitted", mu[i], muErr[i], betaP[i], betaPErr[i], r)
			}
		}
		if !(muErr[i] > 0 && betaPErr[i] > 0) {
			return nil, fmt.Errorf("pcmdata: the errors of βμ_ex and βP at ρ = %g must be positive", r)
		}
		p := 1.0
		for m := 0; m < degree; m++ {
			p *= r // ρ^{m+1}
			k := float64(m + 1)
			a.Set(2*i, m, p/muErr[i])
			a.Set(2*i+1, m, k/(k+1)*p*r/betaPErr[i])
		}
		b.SetVec(2*i, mu[i]/muErr[i])
		b.SetVec(2*i+1, (betaP[i]-r)/betaPErr[i])
	}
	var x mat.VecDense
	if err := x.SolveVec(a, b); err != nil {
		return nil, fmt.Errorf("pcmdata: fitting the equation of state: %w", err)
	}
	f := &EOSFit{Coef: append([]float64(nil), x.RawVector().Data...), Dof: 2*n - degree}
	for i, r := range rho {
		dm := (f.BetaMuEx(r) - mu[i]) / muErr[i]
		dp := (f.BetaPressure(r) - betaP[i]) / betaPErr[i]
		f.ChiSquare += dm*dm + dp*dp
	}
	return f, nil
}

// BetaMuEx returns the fitted βμ_ex at density rho (σ⁻³).
func (f *EOSFit) BetaMuEx(rho float64) float64 {
	s, p := 0.0, 1.0
	for _, a := range f.Coef {
		p *= rho
		s += a * p
	}
	return s
}

// Compressibility returns β∂P/∂ρ = 1 + ρ dβμ_ex/dρ.
func (f *EOSFit) Compressibility(rho float64) float64 {
	s, p := 1.0, 1.0
	for m, a := range f.Coef {
		p *= rho // ρ^{m+1}
		s += float64(m+1) * a * p
	}
	return s
}

// BetaPressure returns βP = ρ + Σ a_m m/(m+1) ρ^{m+1} (σ⁻³).
func (f *EOSFit) BetaPressure(rho float64) float64 {
	s, p := rho, rho
	for m, a := range f.Coef {
		p *= rho // ρ^{m+2}
		k := float64(m + 1)
		s += a * k / (k + 1) * p
	}
	return s
}

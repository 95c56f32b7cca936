package learned

import (
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/scenarios/pcmdata"
)

// shippedBulk and shippedProfiles are the shipped data sets.
const (
	shippedBulk     = "../scenarios/pcmdata/data/bulk-v1"
	shippedProfiles = "../scenarios/pcmdata/data/profiles-v2"
)

var defaultGrid = functional.Grid{N: 1000, Dz: 0.01, Periodic: true}

// The shipped model obeys the bulk sum rules against the data on every
// state, trained or held out: −c1(ρ_b) = βμ_ex within 0.01 (the equation-
// of-state fit is good to about 0.005–0.01) and 1 − ρ_b ĉ(0) = β∂P/∂ρ
// within 2%; it refuses another grid or temperature.
func TestDefaultModelBulkSumRules(t *testing.T) {
	f, err := Default(defaultGrid, 2)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := pcmdata.Read(shippedBulk)
	if err != nil {
		t.Fatal(err)
	}
	rho := make([]float64, defaultGrid.N)
	dF := make([]float64, defaultGrid.N)
	worstMu, worstK := 0.0, 0.0
	for _, s := range d.States {
		for i := range rho {
			rho[i] = s.Density
		}
		if _, err := f.ExcessFreeEnergy(rho, dF); err != nil {
			t.Fatal(err)
		}
		dmu := math.Abs(dF[0] - s.FitBetaMuEx)
		kappa := bulkCompressibility(t, f, s.Density)
		dk := math.Abs(kappa-s.Compressibility) / s.Compressibility
		worstMu, worstK = math.Max(worstMu, dmu), math.Max(worstK, dk)
		if dmu > 0.01 || dk > 0.02 {
			t.Errorf("ρ = %g: −c1 = %.4f vs βμ_ex %.4f; 1 − ρĉ(0) = %.4f vs β∂P/∂ρ %.4f", s.Density, dF[0], s.FitBetaMuEx, kappa, s.Compressibility)
		}
	}
	t.Logf("max |−c1 − βμ_ex| = %.4f, max relative compressibility error %.4f", worstMu, worstK)
	for _, c := range []struct {
		g  functional.Grid
		kT float64
	}{{functional.Grid{N: 2000, Dz: 0.01, Periodic: true}, 2}, {functional.Grid{N: 1000, Dz: 0.005, Periodic: true}, 2}, {defaultGrid, 1.5}} {
		if _, err := Default(c.g, c.kT); err == nil {
			t.Errorf("the default model loaded for %+v at kT %g", c.g, c.kT)
		}
	}
}

// On every held-out random potential of the shipped test set, canonical
// cDFT with the shipped model matches the equilibrium simulation profile
// with at most half the RMSE of White Bear II + mean field. (The simulated
// profiles carry a noise floor, reported, that bounds every RMSE from
// below; the mixed counting/force-sampling estimator keeps it well below
// the neural RMSE.)
func TestDefaultModelProfiles(t *testing.T) {
	f, err := Default(defaultGrid, 2)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := functional.New(defaultGrid, functional.Spec{HardSpheres: "whitebear2", Attraction: "barker-henderson", KT: 2, Cutoff: 4})
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := pcmdata.Read(shippedProfiles)
	if err != nil {
		t.Fatal(err)
	}
	nn, err := CompareProfiles(f, d, 5)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := CompareProfiles(ref, d, 5)
	if err != nil {
		t.Fatal(err)
	}
	var sumNN, sumMF, sumNoise float64
	for i := range nn {
		t.Logf("potential %d: RMSE neural %.4f, WBII+MF %.4f (ratio %.2f), noise floor %.4f", nn[i].Seed, nn[i].RMSE, mf[i].RMSE, nn[i].RMSE/mf[i].RMSE, nn[i].NoiseFloor)
		if nn[i].RMSE > 0.5*mf[i].RMSE {
			t.Errorf("potential %d: neural RMSE %.4f exceeds half of WBII+MF's %.4f", nn[i].Seed, nn[i].RMSE, mf[i].RMSE)
		}
		sumNN += nn[i].RMSE
		sumMF += mf[i].RMSE
		sumNoise += nn[i].NoiseFloor
	}
	n := float64(len(nn))
	t.Logf("mean RMSE: neural %.4f, WBII+MF %.4f (ratio %.2f), noise floor %.4f", sumNN/n, sumMF/n, sumNN/sumMF, sumNoise/n)
}

// bulkCompressibility returns 1 − ρĉ(0) of f at the uniform density rho:
// the Hessian applied to a uniform v is −ĉ(0)·v.
func bulkCompressibility(t *testing.T, f functional.Functional, rho float64) float64 {
	g := f.Grid()
	r, v, hv := make([]float64, g.N), make([]float64, g.N), make([]float64, g.N)
	for i := range r {
		r[i], v[i] = rho, 1
	}
	if err := f.(functional.SecondDerivative).HessianVector(r, v, hv); err != nil {
		t.Fatal(err)
	}
	return 1 + rho*hv[0]
}

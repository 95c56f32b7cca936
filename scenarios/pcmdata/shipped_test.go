package pcmdata

import (
	"flag"
	"math"
	"testing"

	"github.com/physim/physim/sim/stats"
)

// ShippedDir is the shipped bulk data set; FixtureDir a five-state subset
// of it for fast tests elsewhere (rewritten by go test -run Fixture
// -update-fixture).
const (
	shippedDir = "data/bulk-v1"
	fixtureDir = "testdata/bulk-fixture"
	// profilesDir is the shipped test set of equilibrium profiles.
	profilesDir = "data/profiles-v2"
)

var updateFixture = flag.Bool("update-fixture", false, "rewrite testdata/bulk-fixture from data/bulk-v1")

// The shipped data set is consistent: its planar kernels integrate to its
// compressibility (1 − ρ∫c2 dz = β∂P/∂ρ, the identity ∫c2 dz = ĉ(0)); its
// equation of state agrees with JZG for the truncated and shifted fluid
// (β∂P/∂ρ within 2.5%, P within 2.5%, Widom βμ_ex within 0.025 or 4
// standard errors — JZG's own accuracy is about 1–2%); the fitted offset
// of g − 1 matches the Lebowitz–Percus value (1 − S(0))/N within the
// noise the fit absorbs (2·10⁻⁴) where that value dominates (ρ ≥ 0.6).
func TestShippedBulkData(t *testing.T) {
	d, prov, err := Read(shippedDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.States) < 30 || prov.Recipe.KT != 2 || prov.Recipe.Cutoff != 4 {
		t.Fatalf("shipped data set has %d states at kT %g, r_c %g", len(d.States), prov.Recipe.KT, prov.Recipe.Cutoff)
	}
	dz := d.Z[1] - d.Z[0]
	for _, s := range d.States {
		integral := 0.0
		for i, v := range s.C2 {
			w := 2.0
			if i == 0 || i == len(s.C2)-1 {
				w = 1
			}
			integral += w * v * dz
		}
		if k := 1 - s.Density*integral; math.Abs(k-s.Compressibility) > 2e-3*s.Compressibility {
			t.Errorf("ρ = %g: 1 − ρ∫c2 dz = %.5f, β∂P/∂ρ = %.5f", s.Density, k, s.Compressibility)
		}
		j := s.JZG
		if math.Abs(s.Compressibility-j.Compressibility) > 0.025*j.Compressibility {
			t.Errorf("ρ = %g: β∂P/∂ρ = %.4f, JZG %.4f", s.Density, s.Compressibility, j.Compressibility)
		}
		if math.Abs(s.Pressure.Mean-j.Pressure) > 0.025*j.Pressure {
			t.Errorf("ρ = %g: P = %v, JZG %.4f", s.Density, s.Pressure, j.Pressure)
		}
		if d := math.Abs(s.BetaMuEx.Mean - j.BetaMuEx); d > math.Max(0.025, 4*s.BetaMuEx.StdErr) {
			t.Errorf("ρ = %g: βμ_ex = %v, JZG %.4f", s.Density, s.BetaMuEx, j.BetaMuEx)
		}
		if s.Density >= 0.6 && math.Abs(s.Offset-s.OffsetLP) > 2e-4 {
			t.Errorf("ρ = %g: fitted offset %.3g, Lebowitz–Percus %.3g", s.Density, s.Offset, s.OffsetLP)
		}
	}
}

// The fixture is the subset of the shipped data set it claims to be.
func TestFixture(t *testing.T) {
	full, _, err := Read(shippedDir)
	if err != nil {
		t.Fatal(err)
	}
	pick := []float64{0.1, 0.3, 0.5, 0.7, 0.85}
	if *updateFixture {
		sub := *full
		sub.States = nil
		for _, s := range full.States {
			for _, r := range pick {
				if s.Density == r {
					sub.States = append(sub.States, s)
				}
			}
		}
		_, prov, _ := Read(shippedDir)
		if err := sub.Write(fixtureDir, *prov); err != nil {
			t.Fatal(err)
		}
	}
	fx, _, err := Read(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fx.States) != len(pick) {
		t.Fatalf("fixture has %d states, want %d", len(fx.States), len(pick))
	}
	for i, s := range fx.States {
		if s.Density != pick[i] || s.C2[0] != full.States[int(math.Round((pick[i]-0.05)/0.025))].C2[0] {
			t.Errorf("fixture state %d (ρ = %g) is not the shipped state ρ = %g", i, s.Density, pick[i])
		}
	}
}

// The shipped test profiles are what DefaultProfileRecipe makes (so the
// remake command in doc.go reproduces them); each mixed profile holds
// exactly N particles; its counted and force-sampled estimates agree
// (mean over bins of their squared difference over the summed squared
// errors below 1.6: the estimates share frames and their noise is
// correlated across bins); and the mixture's noise floor (RMS standard
// error) is at least 1.25 times below force sampling's and 1.5 times below
// counting's (measured 1.39–1.80 and 1.76–1.89).
func TestShippedProfiles(t *testing.T) {
	d, prov, err := Read(profilesDir)
	if err != nil {
		t.Fatal(err)
	}
	pr := DefaultProfileRecipe()
	if prov.ProfileRecipe != pr || len(d.Profiles) != pr.Potentials {
		t.Fatalf("shipped profile recipe %+v with %d profiles, default %+v", prov.ProfileRecipe, len(d.Profiles), pr)
	}
	dz, area := pr.Box/float64(pr.Bins), pr.Box*pr.Box
	rms := func(v []stats.MeanErr) float64 {
		var s float64
		for _, e := range v {
			s += e.StdErr * e.StdErr
		}
		return math.Sqrt(s / float64(len(v)))
	}
	for _, p := range d.Profiles {
		var mass, chi2 float64
		for k, m := range p.Rho {
			c, f := p.Counting[k], p.Force[k]
			mass += m.Mean * dz * area
			chi2 += (c.Mean - f.Mean) * (c.Mean - f.Mean) / (c.StdErr*c.StdErr + f.StdErr*f.StdErr)
		}
		chi2 /= float64(len(p.Rho))
		nm, nc, nf := rms(p.Rho), rms(p.Counting), rms(p.Force)
		t.Logf("seed %d: N = %.10f, counting vs force χ²/bin %.3f, noise floor mixed %.4f, counting %.4f, force %.4f", p.Seed, mass, chi2, nm, nc, nf)
		if math.Abs(mass-float64(pr.Particles)) > 1e-9 || chi2 > 1.6 || 1.25*nm > nf || 1.5*nm > nc {
			t.Errorf("seed %d: N = %.12g, χ²/bin %.3f, noise floor mixed %.4f, counting %.4f, force %.4f", p.Seed, mass, chi2, nm, nc, nf)
		}
	}
}

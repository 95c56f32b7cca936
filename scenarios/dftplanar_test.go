package scenarios

import (
	"context"
	"math"
	"strings"
	"testing"
)

// dft-planar between hard walls obeys the contact theorem: the contact
// density equals the bulk βP of the functional used (Carnahan–Starling for
// White Bear II, Percus–Yevick compressibility for Rosenfeld) up to the
// O(dz) error of the linear extrapolation to the wall.
func TestDFTPlanarContactTheorem(t *testing.T) {
	for _, c := range []struct {
		hs  string
		eta float64
	}{{"whitebear2", 0.4}, {"rosenfeld", 0.3}} {
		sc := DFTPlanar{}
		cfg := sc.DefaultConfig().(*DFTPlanarConfig)
		cfg.Functional.HardSpheres = c.hs
		rho := c.eta * 6 / math.Pi
		cfg.BulkDensity = rho
		env := testEnv(t, sc, cfg)
		if err := sc.Run(context.Background(), env, cfg); err != nil {
			t.Fatal(err)
		}
		e := c.eta
		p := rho * (1 + e + e*e) / math.Pow(1-e, 3) // Percus–Yevick (compressibility)
		if c.hs == "whitebear2" {
			p = rho * (1 + e + e*e - e*e*e) / math.Pow(1-e, 3) // Carnahan–Starling
		}
		got := env.Summary.Observables["contact_density"].(float64)
		if math.Abs(got-p)/p > 5e-3 {
			t.Errorf("%s η = %g: contact density %.5f, βP = %.5f", c.hs, c.eta, got, p)
		}
	}
}

// ddft-planar conserves mass to round-off and lowers the free energy.
func TestDDFTPlanarConservesMass(t *testing.T) {
	cfg := DDFTPlanar{}.DefaultConfig().(*DDFTPlanarConfig)
	cfg.Duration, cfg.Snapshots = 0.5, []float64{0, 0.5}
	checkDDFTPlanarRun(t, cfg)
}

// checkDDFTPlanarRun runs cfg and checks that mass is conserved to
// round-off and the free energy fell.
func checkDDFTPlanarRun(t *testing.T, cfg *DDFTPlanarConfig) {
	t.Helper()
	env := testEnv(t, DDFTPlanar{}, cfg)
	if err := (DDFTPlanar{}).Run(context.Background(), env, cfg); err != nil {
		t.Fatal(err)
	}
	obs := env.Summary.Observables
	if m := obs["mass_relative_change"].(float64); math.Abs(m) > 1e-12 {
		t.Errorf("relative mass change %g", m)
	}
	if f0, f1 := obs["free_energy_start"].(float64), obs["free_energy_end"].(float64); !(f1 < f0) {
		t.Errorf("free energy rose from %g to %g", f0, f1)
	}
}

// Bad planar configurations are refused with the key named.
func TestPlanarConfigErrors(t *testing.T) {
	for _, c := range []struct {
		set  func(*DDFTPlanarConfig)
		want string
	}{
		{func(c *DDFTPlanarConfig) { c.Dz = 0.3 }, "length"},
		{func(c *DDFTPlanarConfig) { c.Potential = []PlanarTerm{{Kind: "gaussians", Heights: []float64{1}}} }, "heights"},
		{func(c *DDFTPlanarConfig) { c.Potential = []PlanarTerm{{Kind: "magnetic"}} }, "unknown kind"},
		{func(c *DDFTPlanarConfig) { c.Periodic = false }, "spectral"},
		{func(c *DDFTPlanarConfig) { c.Gamma = 0 }, "gamma"},
		{func(c *DDFTPlanarConfig) { c.Functional.KT = 3 }, "functional.kT"},
	} {
		cfg := DDFTPlanar{}.DefaultConfig().(*DDFTPlanarConfig)
		c.set(cfg)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want it to mention %q", err, c.want)
		}
	}
	// A grid too coarse for the hard spheres is refused when the run starts.
	cfg := DDFTPlanar{}.DefaultConfig().(*DDFTPlanarConfig)
	cfg.Dz = 0.1
	if err := (DDFTPlanar{}).Run(context.Background(), testEnv(t, DDFTPlanar{}, cfg), cfg); err == nil || !strings.Contains(err.Error(), "too coarse") {
		t.Errorf("coarse grid: err = %v", err)
	}
}

// model = "neural" runs the shipped learned functional in ddft-planar (mass
// conserved, free energy lowered) and is refused on a grid it was not
// trained for.
func TestDDFTPlanarNeuralModel(t *testing.T) {
	sc := DDFTPlanar{}
	cfg := sc.DefaultConfig().(*DDFTPlanarConfig)
	cfg.Model, cfg.Duration, cfg.Snapshots = "neural", 0.2, []float64{0, 0.2}
	checkDDFTPlanarRun(t, cfg)
	cfg.Dz = 0.02
	if err := sc.Run(context.Background(), testEnv(t, sc, cfg), cfg); err == nil {
		t.Error("the neural model accepted a grid it was not trained for")
	}
}

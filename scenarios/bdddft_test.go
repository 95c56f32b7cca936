package scenarios

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testEnv returns an Env with seed 5 and two workers writing into a
// temporary directory, with no progress output.
func testEnv(t *testing.T, sc Scenario, cfg Config) *Env {
	t.Helper()
	return &Env{Out: t.TempDir(), Seed: 5, Workers: 2, Summary: NewSummary(sc.Name(), 5, cfg),
		Progress: func(string, int64) Progress { return nopProgress{} }}
}

// A shrunken bd-vs-ddft run (LJ on) writes every output, conserves mass in
// BD and DDFT, gives finite RMSEs, and its BD profile before the potential
// acts is flat within the noise.
func TestBDvsDDFTShrunken(t *testing.T) {
	sc := BDvsDDFT{}
	c := sc.DefaultConfig().(*BDvsDDFTConfig)
	c.Trials, c.Chains, c.Equilibration, c.Spacing, c.Duration, c.Dz = 4, 2, 0.3, 0.05, 0.1, 0.04
	c.Snapshots = []float64{0, 0.05}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	env := testEnv(t, sc, c)
	if err := sc.Run(context.Background(), env, c); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"bd_profiles.npz", "ddft_wbii-mf.npz", "ddft_ideal.npz", "rmse.csv", "snapshots.csv", "profiles.png", "rmse.png"} {
		if st, err := os.Stat(filepath.Join(env.Out, f)); err != nil || st.Size() == 0 {
			t.Errorf("output %s missing or empty", f)
		}
	}
	obs := env.Summary.Observables
	mass := float64(c.Particles) / (c.Box * c.Box)
	for _, k := range []string{"mass_bd_t0", "mass_bd_end", "mass_ddft_end_wbii_mf", "mass_ddft_end_ideal"} {
		if m := obs[k].(float64); math.Abs(m-mass) > 1e-9*mass {
			t.Errorf("%s = %.12g, want %g", k, m, mass)
		}
	}
	for _, k := range []string{"rmse_wbii_mf_t0.05", "rmse_ideal_t0.05", "bd_noise_floor"} {
		if v := obs[k].(float64); !(v > 0) || math.IsInf(v, 0) {
			t.Errorf("%s = %g, want positive and finite", k, v)
		}
	}
}

// With the interactions off, BD is an ideal gas and the ideal-gas DDFT (the
// Smoluchowski equation) must agree with it within the BD noise at every
// time: the mean squared normalised residual is 1 within its sampling
// error. Trials each have their own chain, so they are independent.
func TestBDvsDDFTIdealGasAgrees(t *testing.T) {
	sc := BDvsDDFT{}
	c := sc.DefaultConfig().(*BDvsDDFTConfig)
	c.Interactions = false
	c.Functionals = []string{"ideal"}
	c.Trials, c.Chains, c.Equilibration, c.Spacing = 40, 40, 0.5, 0
	c.Duration, c.Dz, c.Frame = 1, 0.1, 0.05
	c.Snapshots = []float64{0}
	if testing.Short() {
		c.Trials, c.Chains = 24, 24
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	env := testEnv(t, sc, c)
	v, err := c.potential()
	if err != nil {
		t.Fatal(err)
	}
	bd, err := runBD(context.Background(), env, c, v)
	if err != nil {
		t.Fatal(err)
	}
	cmp := &comparison{cfg: c, bd: bd, v: v}
	if err := cmp.runDDFT(context.Background(), env, "ideal"); err != nil {
		t.Fatal(err)
	}
	rho := cmp.runs[0].rho
	nb := len(bd.z)
	for _, k := range []int{2, 5, 10, 19} {
		var z2 float64
		for i := 0; i < nb; i++ {
			d := (rho[k][i] - bd.mean[k][i]) / bd.stderr[k][i]
			z2 += d * d
		}
		z2 /= float64(nb)
		// For Gaussian residuals the mean of nb squared z-scores has a
		// standard deviation of √(2/nb) ≈ 0.14; the standard errors come from
		// ≥ 24 trials, which inflates z² by about n/(n−3). Allow 4σ.
		if math.Abs(z2-1) > 0.2+4*math.Sqrt(2/float64(nb)) {
			t.Errorf("t = %g: mean squared normalised residual %.3f, want 1", bd.t[k], z2)
		}
		t.Logf("t = %.2f: ⟨z²⟩ = %.3f, RMSE %.4f, noise floor %.4f", bd.t[k], z2, cmp.runs[0].rmse[k], cmp.noiseFloor(k))
	}
	// The potential must actually have shaped the profile, or the test
	// could not fail: the final profile departs from uniform by many
	// standard errors.
	var dev float64
	mean := float64(c.Particles) / (c.Box * c.Box * c.Box)
	for i := 0; i < nb; i++ {
		d := (bd.mean[19][i] - mean) / bd.stderr[19][i]
		dev += d * d
	}
	if dev/float64(nb) < 4 {
		t.Errorf("final BD profile is flat (⟨z²⟩ = %.2f against uniform): the potential did nothing", dev/float64(nb))
	}
}

// A NaN observable (for example the trial correlation when every trial has
// its own chain) is written as null instead of breaking summary.json.
func TestSummaryWritesNaNAsNull(t *testing.T) {
	s := NewSummary("x", 1, BDvsDDFT{}.DefaultConfig())
	s.Observe("nan", math.NaN())
	if err := s.Write(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if v, ok := s.Observables["nan"]; !ok || v != nil {
		t.Errorf("NaN recorded as %v", v)
	}
}

// The shipped neural functional plugs into bd-vs-ddft: from a uniform
// start it conserves mass and, with V on, builds structure; on a grid it
// was not trained for it is refused by name.
func TestBDvsDDFTNeuralFunctional(t *testing.T) {
	sc := BDvsDDFT{}
	c := sc.DefaultConfig().(*BDvsDDFTConfig)
	c.Duration, c.Snapshots = 0.2, []float64{0}
	v, err := c.potential()
	if err != nil {
		t.Fatal(err)
	}
	nf, _ := c.frames()
	nb := int(c.Box/c.Dz + 0.5)
	bd := &bdResult{t: make([]float64, nf), z: make([]float64, nb), mean: make([][]float64, nf), stderr: make([][]float64, nf)}
	for k := range bd.mean {
		bd.t[k] = float64(k) * c.Frame
		bd.mean[k] = make([]float64, nb)
		for i := range bd.mean[k] {
			bd.mean[k][i] = 0.6
		}
	}
	cmp := &comparison{cfg: c, bd: bd, v: v}
	if err := cmp.runDDFT(context.Background(), testEnv(t, sc, c), "neural"); err != nil {
		t.Fatal(err)
	}
	last := cmp.runs[0].rho[nf-1]
	if m := massOf(last, c.Dz); math.Abs(m-6) > 1e-9 {
		t.Errorf("mass %g, want 6", m)
	}
	if cmp.runs[0].rmse[nf-1] < 1e-3 {
		t.Errorf("profile stayed uniform (RMSE against uniform %g)", cmp.runs[0].rmse[nf-1])
	}
	c.Dz = 0.02
	if err := cmp.runDDFT(context.Background(), testEnv(t, sc, c), "neural"); err == nil {
		t.Error("the neural functional accepted a grid it was not trained for")
	}
}

// The BD profiles do not depend on the worker count, which also sets the
// batches in which chain sums are merged (4 per worker): ten chains on 1
// and on 3 workers give bit-identical RMSEs, masses and noise floor.
func TestBDvsDDFTSameForAnyWorkerCount(t *testing.T) {
	sc := BDvsDDFT{}
	run := func(workers int) map[string]any {
		c := sc.DefaultConfig().(*BDvsDDFTConfig)
		c.Trials, c.Chains, c.Equilibration, c.Spacing, c.Duration, c.Dz = 10, 10, 0.02, 0.01, 0.06, 0.04
		c.Snapshots = []float64{0, 0.05}
		c.Functionals = []string{"ideal"}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		env := testEnv(t, sc, c)
		env.Workers = workers
		if err := sc.Run(context.Background(), env, c); err != nil {
			t.Fatal(err)
		}
		return env.Summary.Observables
	}
	a, b := run(1), run(3)
	n := 0
	for k, v := range a {
		if !strings.HasPrefix(k, "rmse_") && !strings.HasPrefix(k, "mass_") && !strings.HasPrefix(k, "bd_noise") {
			continue
		}
		n++
		if x, ok := v.(float64); !ok || math.Float64bits(x) != math.Float64bits(b[k].(float64)) {
			t.Errorf("%s: %v on 1 worker, %v on 3", k, v, b[k])
		}
	}
	if n < 4 {
		t.Fatalf("only %d comparable observables", n)
	}
}

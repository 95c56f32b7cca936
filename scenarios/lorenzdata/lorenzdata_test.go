package lorenzdata

import (
	"math"
	"strings"
	"testing"

	"github.com/physim/physim/integrators/ode"
	"github.com/physim/physim/sim/rng"
)

// small returns a reduced recipe for fast tests.
func small() *Config {
	c := DefaultConfig()
	c.Conditions, c.TrialsPerCondition, c.Neurons = 4, 6, 9
	return c
}

// TestDefaultDataset generates the default recipe and checks what the issue
// specifies: shapes, split, readout, normalisation, truth, and the spike
// statistics. The expected binarised count of a bin is Σ(1 − e^{−λ}) over
// its 20 samples, with variance Σ e^{−λ}(1 − e^{−λ}); the total over all
// bins must match within 4 standard deviations. It then writes lorenz.h5
// and lorenz.npz and reads them back (see readBack).
func TestDefaultDataset(t *testing.T) {
	cfg := DefaultConfig()
	d, err := Generate(cfg, 2024)
	if err != nil {
		t.Fatal(err)
	}
	const trials, bins, neurons = 65 * 24, 50, 29
	if len(d.TrainInds) != 1248 || len(d.ValidInds) != 312 {
		t.Fatalf("split %d train / %d valid, want 1248 / 312", len(d.TrainInds), len(d.ValidInds))
	}
	if len(d.TrainData) != 1248*bins*neurons || len(d.ValidTruth) != 312*bins*neurons || len(d.Latents) != 65*1000*3 {
		t.Fatalf("array sizes %d %d %d", len(d.TrainData), len(d.ValidTruth), len(d.Latents))
	}
	seen := make([]bool, trials)
	for k, g := range d.ValidInds {
		if g != int64(5*k) || d.ValidCondition[k] != g/24 {
			t.Fatalf("valid trial %d is %d (condition %d), want %d (condition %d)", k, g, d.ValidCondition[k], 5*k, 5*k/24)
		}
		seen[g] = true
	}
	for k, g := range d.TrainInds {
		if g%5 == 0 || seen[g] || d.TrainCondition[k] != g/24 {
			t.Fatalf("train trial %d is %d (condition %d)", k, g, d.TrainCondition[k])
		}
		seen[g] = true
	}
	for g, s := range seen {
		if !s {
			t.Fatalf("trial %d is in neither split", g)
		}
	}

	for n := 0; n < neurons; n++ {
		if d.Bias[n] != math.Log(0.005) {
			t.Fatalf("bias %g, want ln(5 Hz × 1 ms)", d.Bias[n])
		}
		for c := 0; c < 3; c++ {
			w := d.Weights[3*n+c]
			if a := math.Abs(w); a < 1 || a > 2 {
				t.Fatalf("weight %g not in ±[1, 2]", w)
			}
			if n > 0 && w < d.Weights[3*(n-1)+c] {
				t.Fatalf("weight column %d not sorted", c)
			}
		}
	}
	for c := 0; c < 65; c++ {
		for dim := 0; dim < 3; dim++ {
			mean, top := 0.0, math.Inf(-1)
			for k := 0; k < 1000; k++ {
				x := d.Normalized[(c*1000+k)*3+dim]
				mean += x / 1000
				top = math.Max(top, x)
			}
			if math.Abs(mean) > 1e-12 || top != 1 {
				t.Fatalf("condition %d latent %d: normalised mean %g, max %g; want 0 and 1", c, dim, mean, top)
			}
		}
	}

	// Truth and spike statistics, recomputing the per-sample rates from the
	// normalised latents and the readout.
	var spikes, expect, variance, truthSum float64
	var zeros int
	lam := make([]float64, 1000*neurons)
	check := func(data []int32, truth []float64, conds []int64) {
		last := int64(-1)
		for k, cond := range conds {
			for s := 0; s < 1000 && cond != last; s++ {
				x := d.Normalized[(int(cond)*1000+s)*3:]
				for n := 0; n < neurons; n++ {
					lr := d.Bias[n] + d.Weights[3*n]*x[0] + d.Weights[3*n+1]*x[1] + d.Weights[3*n+2]*x[2]
					lam[s*neurons+n] = math.Exp(math.Max(-20, math.Min(20, lr)))
				}
			}
			last = cond
			for b := 0; b < bins; b++ {
				for n := 0; n < neurons; n++ {
					var sum float64
					for s := 20 * b; s < 20*b+20; s++ {
						l := lam[s*neurons+n]
						sum += l
						p := -math.Expm1(-l)
						expect += p
						variance += p * (1 - p)
					}
					i := (k*bins+b)*neurons + n
					if math.Abs(truth[i]-sum) > 1e-12*sum {
						t.Fatalf("truth %g, want Σλ = %g", truth[i], sum)
					}
					if data[i] < 0 || data[i] > 20 {
						t.Fatalf("count %d outside 0..20", data[i])
					}
					spikes += float64(data[i])
					truthSum += truth[i]
					if data[i] == 0 {
						zeros++
					}
				}
			}
		}
	}
	check(d.TrainData, d.TrainTruth, d.TrainCondition)
	check(d.ValidData, d.ValidTruth, d.ValidCondition)
	z := (spikes - expect) / math.Sqrt(variance)
	nb := float64(trials * bins * neurons)
	t.Logf("spikes %.0f, expected %.1f ± %.1f (z = %.2f); mean count per 20 ms bin %.4f (%.2f Hz), mean truth %.4f per bin (%.2f Hz), zero bins %.1f%%",
		spikes, expect, math.Sqrt(variance), z, spikes/nb, spikes/nb*50, truthSum/nb, truthSum/nb*50, 100*float64(zeros)/nb)
	if math.Abs(z) > 4 {
		t.Errorf("total spike count off its expectation by %.2f standard deviations", z)
	}

	readBack(t, d)
}

// TestIntegratorsAgree: the default adaptive integration (tolerance 1e-12)
// and RK4 with 10 substeps (h = 6e-4) both reproduce a reference (RK4 with
// 200 substeps, whose own error is ~1e-10) to 1e-4 over the 9 Lorenz time
// units of burn-in and trial, despite the chaos (largest Lyapunov exponent
// 0.91, amplification e^{8} ≈ 3000). The latents span ±50, so the
// normalised latents the readout sees agree to ~1e-5: the data do not
// depend on the step size.
func TestIntegratorsAgree(t *testing.T) {
	ref := small()
	ref.Integrator, ref.RK4Substeps = "rk4", 200
	lr, err := latents(ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	rk := small()
	rk.Integrator = "rk4"
	for _, c := range []*Config{small(), rk} {
		l, err := latents(c, 1)
		if err != nil {
			t.Fatal(err)
		}
		var worst float64
		for i := range l {
			worst = math.Max(worst, math.Abs(l[i]-lr[i]))
		}
		t.Logf("%s: max deviation from the reference over %d conditions: %.2e", c.Integrator, c.Conditions, worst)
		if worst > 1e-4 {
			t.Errorf("%s latents deviate from the reference by %.3e", c.Integrator, worst)
		}
	}
}

// TestLFADSCompat: with lfads_compat the first latent sample is the
// initial state after BurnIn − 1 = 499 forward-Euler steps and every later
// sample is one Euler step of dt = 0.006 of the field without −y, as in
// generateDemoDatasets.m; the classic field does not fit. The attractor of
// that variant spans roughly x ∈ [−20, 21], y ∈ [−28, 28], z ∈ [4, 52]
// (research notes; checked with a margin of 3).
func TestLFADSCompat(t *testing.T) {
	c := small()
	c.LFADSCompat = true
	raw, err := latents(c, 5)
	if err != nil {
		t.Fatal(err)
	}
	f := c.lorenz()
	classic := f
	classic.LFADSCompat = false
	var eu ode.Euler
	lo, hi := [3]float64{1e9, 1e9, 1e9}, [3]float64{-1e9, -1e9, -1e9}
	for cond := 0; cond < c.Conditions; cond++ {
		g := rng.Key{Seed: 5, Particle: uint32(cond), Stream: streamInitial}.Normal3()
		y := []float64{g[0], g[1], g[2] + 25}
		ode.Integrate(&eu, f.Eval, 0, c.Dt, 499, y)
		tr := raw[cond*c.Steps*3 : (cond+1)*c.Steps*3]
		for k := 0; k < c.Steps; k++ {
			for i := 0; i < 3; i++ {
				if tr[3*k+i] != y[i] {
					t.Fatalf("condition %d sample %d: %v, want %v", cond, k, tr[3*k:3*k+3], y)
				}
				lo[i], hi[i] = math.Min(lo[i], y[i]), math.Max(hi[i], y[i])
			}
			if k == 1 {
				prev := append([]float64(nil), tr[0:3]...)
				eu.Step(classic.Eval, 0, c.Dt, prev)
				if math.Abs(prev[1]-tr[4]) < 1e-6 {
					t.Error("compat trajectory also fits the classic Lorenz field")
				}
			}
			eu.Step(f.Eval, 0, c.Dt, y)
		}
	}
	t.Logf("compat attractor: x [%.1f, %.1f], y [%.1f, %.1f], z [%.1f, %.1f]", lo[0], hi[0], lo[1], hi[1], lo[2], hi[2])
	if lo[0] < -23 || hi[0] > 24 || lo[1] < -31 || hi[1] > 31 || lo[2] < 1 || hi[2] > 55 {
		t.Error("compat trajectories leave the expected attractor box")
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := Generate(small(), 3)
	b, _ := Generate(small(), 3)
	c, _ := Generate(small(), 4)
	same, differ := true, false
	for i := range a.TrainData {
		same = same && a.TrainData[i] == b.TrainData[i]
		differ = differ || a.TrainData[i] != c.TrainData[i]
	}
	if !same || !differ {
		t.Errorf("same seed identical: %v; different seed differs: %v", same, differ)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		mod  func(c *Config)
		want string
	}{
		{func(c *Config) { c.Neurons = 0 }, "neurons must be positive"},
		{func(c *Config) { c.TrialsPerCondition = 0 }, "trials_per_condition must be positive"},
		{func(c *Config) { c.Conditions = 0 }, "conditions must be positive"},
		{func(c *Config) { c.Dt = 0 }, "dt must be positive"},
		{func(c *Config) { c.Dt = -0.006 }, "dt must be positive"},
		{func(c *Config) { c.BinMs = 30 }, "bin_ms = 30 does not divide steps = 1000"},
		{func(c *Config) { c.ValidEvery = 1 }, "leaves no training trial"},
		{func(c *Config) { c.Integrator = "euler" }, "unknown integrator"},
		{func(c *Config) { c.Tolerance = 0 }, "tolerance"},
		{func(c *Config) { c.BurnIn = -1 }, "burn_in"},
		{func(c *Config) { c.BaselineHz = 0 }, "baseline_hz"},
	} {
		c := DefaultConfig()
		tc.mod(c)
		_, err := Generate(c, 1)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want one containing %q", err, tc.want)
		}
	}
}

// Package lorenzdata generates the LFADS "Lorenz" synthetic spiking data
// set: latent trajectories of the Lorenz system read out by a population of
// Poisson neurons, in the layout of the LFADS run manager and the Neural
// Data Transformer benchmark (65 conditions × 24 trials, 29 neurons,
// 1000 × 1 ms binned to 50 × 20 ms; 1248 training and 312 validation
// trials). The recipe follows lfads-run-manager,
// src/+LFADS/+Utils/generateDemoDatasets.m and seq_to_lfads.m; the random
// draws come from sim/rng, so the numbers differ from MATLAB's while the
// statistics are the same. Files are written as HDF5 (lorenz.h5) and NPZ
// (lorenz.npz) that h5py and numpy read unchanged.
package lorenzdata

import (
	"fmt"
	"math"
)

// Config is the recipe of the data set. Start from DefaultConfig: zero
// counts and steps are errors, not defaults. The toml names are the keys of
// the scenario configuration.
type Config struct {
	// Conditions is the number of Lorenz initial states (65).
	Conditions int `toml:"conditions"`
	// TrialsPerCondition is the number of spike-train repeats per condition (24).
	TrialsPerCondition int `toml:"trials_per_condition"`
	// Neurons is the number of readout neurons (29).
	Neurons int `toml:"neurons"`
	// Steps is the number of 1 ms samples per trial (1000).
	Steps int `toml:"steps"`
	// BurnIn is the length in samples of the burn-in trajectory run from
	// each initial state N(0, I) + (0, 0, 25) (500); as in the MATLAB
	// generator its last sample is the trial's first, so the trial starts
	// (BurnIn − 1)·Dt after the initial state. 0 or 1 means no burn-in.
	BurnIn int `toml:"burn_in"`
	// Dt is the Lorenz time per 1 ms sample (0.006).
	Dt float64 `toml:"dt"`
	// BinMs is the number of 1 ms samples summed into one bin (20); it must
	// divide Steps.
	BinMs int `toml:"bin_ms"`
	// BaselineHz is the firing rate (spikes/s) at zero latent input (5);
	// the bias is ln(BaselineHz/1000) per 1 ms.
	BaselineHz float64 `toml:"baseline_hz"`
	// ValidEvery puts trials 0, ValidEvery, 2·ValidEvery, … into the
	// validation split (5, as LFADS's trainToTestRatio = 4).
	ValidEvery int `toml:"valid_every"`
	// Sigma, Rho and Beta are the Lorenz parameters (10, 28, 8/3).
	Sigma float64 `toml:"sigma"`
	Rho   float64 `toml:"rho"`
	Beta  float64 `toml:"beta"`
	// Integrator is "dopri5" (adaptive Dormand–Prince 5(4) with dense
	// output at the samples; the default) or "rk4" (RK4Substeps classical
	// Runge–Kutta steps per sample). Ignored when LFADSCompat is set.
	Integrator string `toml:"integrator"`
	// Tolerance is the relative and absolute tolerance of dopri5 (1e-12; the
	// latents are then within ~1e-5 of the exact trajectory after the 9
	// Lorenz time units of burn-in and trial, despite the chaos).
	Tolerance float64 `toml:"tolerance"`
	// RK4Substeps is the number of RK4 steps per sample (10).
	RK4Substeps int `toml:"rk4_substeps"`
	// LFADSCompat reproduces the original generator: one forward-Euler step
	// per sample and the y equation without its −y term (see
	// flows.Lorenz.LFADSCompat).
	LFADSCompat bool `toml:"lfads_compat"`
}

// DefaultConfig returns the LFADS/NDT recipe.
func DefaultConfig() *Config {
	return &Config{
		Conditions:         65,
		TrialsPerCondition: 24,
		Neurons:            29,
		Steps:              1000,
		BurnIn:             500,
		Dt:                 0.006,
		BinMs:              20,
		BaselineHz:         5,
		ValidEvery:         5,
		Sigma:              10,
		Rho:                28,
		Beta:               8.0 / 3,
		Integrator:         "dopri5",
		Tolerance:          1e-12,
		RK4Substeps:        10,
	}
}

// Validate returns an error naming the first invalid key.
func (c *Config) Validate() error {
	positive := []struct {
		key string
		v   int
	}{
		{"conditions", c.Conditions},
		{"trials_per_condition", c.TrialsPerCondition},
		{"neurons", c.Neurons},
		{"steps", c.Steps},
		{"bin_ms", c.BinMs},
		{"valid_every", c.ValidEvery},
	}
	for _, p := range positive {
		if p.v <= 0 {
			return fmt.Errorf("lorenzdata: %s must be positive, got %d", p.key, p.v)
		}
	}
	finitePositive := []struct {
		key string
		v   float64
	}{
		{"dt", c.Dt},
		{"baseline_hz", c.BaselineHz},
		{"sigma", c.Sigma},
		{"beta", c.Beta},
	}
	for _, p := range finitePositive {
		if !(p.v > 0) || math.IsInf(p.v, 0) {
			return fmt.Errorf("lorenzdata: %s must be positive and finite, got %g", p.key, p.v)
		}
	}
	switch {
	case c.BurnIn < 0:
		return fmt.Errorf("lorenzdata: burn_in must be ≥ 0, got %d", c.BurnIn)
	case math.IsNaN(c.Rho) || math.IsInf(c.Rho, 0):
		return fmt.Errorf("lorenzdata: rho must be finite, got %g", c.Rho)
	case c.Steps%c.BinMs != 0:
		return fmt.Errorf("lorenzdata: bin_ms = %d does not divide steps = %d", c.BinMs, c.Steps)
	case c.trials()-c.validTrials() == 0:
		return fmt.Errorf("lorenzdata: valid_every = %d leaves no training trial among %d", c.ValidEvery, c.trials())
	case c.BaselineHz >= 1000:
		return fmt.Errorf("lorenzdata: baseline_hz = %g is not below one spike per 1 ms sample", c.BaselineHz)
	}
	if n := uint64(c.Conditions) * uint64(c.TrialsPerCondition) * uint64((c.Neurons+3)/4); n > math.MaxUint32 {
		return fmt.Errorf("lorenzdata: %d conditions × %d trials × %d neurons exceed the random-stream index range", c.Conditions, c.TrialsPerCondition, c.Neurons)
	}
	if c.LFADSCompat {
		return nil
	}
	switch c.Integrator {
	case "dopri5":
		if !(c.Tolerance > 0) || c.Tolerance >= 1 {
			return fmt.Errorf("lorenzdata: tolerance must be in (0, 1), got %g", c.Tolerance)
		}
	case "rk4":
		if c.RK4Substeps <= 0 {
			return fmt.Errorf("lorenzdata: rk4_substeps must be positive, got %d", c.RK4Substeps)
		}
	default:
		return fmt.Errorf("lorenzdata: unknown integrator %q (want dopri5 or rk4)", c.Integrator)
	}
	return nil
}

// trials returns the total number of trials.
func (c *Config) trials() int { return c.Conditions * c.TrialsPerCondition }

// validTrials returns the number of validation trials: every ValidEvery-th
// trial, starting with the first.
func (c *Config) validTrials() int { return (c.trials() + c.ValidEvery - 1) / c.ValidEvery }

// bins returns the number of bins per trial.
func (c *Config) bins() int { return c.Steps / c.BinMs }

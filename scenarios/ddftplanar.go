package scenarios

import (
	"context"
	"fmt"
	"math"
	"path/filepath"

	"github.com/physim/physim/integrators/ddft"
	"github.com/physim/physim/internal/arrayio"
	"github.com/physim/physim/viz"
)

// DDFTPlanarConfig configures ddft-planar.
type DDFTPlanarConfig struct {
	PlanarFluidConfig
	// MeanDensity is ρ̄ in σ⁻³ (mass is conserved).
	MeanDensity float64 `toml:"mean_density"`
	// Initial is "uniform", or "equilibrium": the canonical equilibrium in
	// InitialPotential (for example the state before a potential is
	// switched), from which the profile then evolves in Potential.
	Initial          string       `toml:"initial"`
	InitialPotential []PlanarTerm `toml:"initial_potential"`
	// Gamma is the drag (mass/time); D = kT/γ.
	Gamma float64 `toml:"gamma"`
	// Duration and Frame (output interval) in τ.
	Duration float64 `toml:"duration"`
	Frame    float64 `toml:"frame"`
	// Scheme is "explicit" (fixed Dt) or "spectral" (adaptive
	// exponential integrator; periodic grids only).
	Scheme string  `toml:"scheme"`
	Dt     float64 `toml:"dt"`
	// Snapshots are the times (τ) drawn in the figure.
	Snapshots []float64 `toml:"snapshots"`
}

// DDFTPlanar evolves a planar density profile by DDFT.
type DDFTPlanar struct{}

// Name implements Scenario.
func (DDFTPlanar) Name() string { return "ddft-planar" }

// Describe implements Scenario.
func (DDFTPlanar) Describe() string {
	return "time evolution of a planar density profile by dynamical DFT"
}

// DefaultConfig implements Scenario: the main job's DDFT half on its own,
// the LJ fluid at kT = 2 (WBII + mean field) relaxing from uniform in the
// study's seed-1 potential.
func (DDFTPlanar) DefaultConfig() Config {
	return &DDFTPlanarConfig{
		PlanarFluidConfig: PlanarFluidConfig{Length: 10, Dz: 0.01, Periodic: true, KT: 2,
			Functional: functional4LJ(), Potential: []PlanarTerm{seed1Potential()}},
		MeanDensity: 0.6, Initial: "uniform", Gamma: 8, Duration: 4, Frame: 0.01,
		Scheme: "spectral", Dt: 1e-4, Snapshots: []float64{0, 0.75, 1.5, 3},
	}
}

// Validate implements Config.
func (c *DDFTPlanarConfig) Validate() error {
	if err := c.validate("ddft-planar"); err != nil {
		return err
	}
	bad := func(key string, v any, want string) error { return configErr("ddft-planar", key, v, want) }
	for _, kv := range []struct {
		k string
		v float64
	}{{"mean_density", c.MeanDensity}, {"gamma", c.Gamma}, {"duration", c.Duration}, {"frame", c.Frame}, {"dt", c.Dt}} {
		if !positiveFinite(kv.v) {
			return bad(kv.k, kv.v, "must be positive and finite")
		}
	}
	switch {
	case c.Initial != "uniform" && c.Initial != "equilibrium":
		return bad("initial", c.Initial, `want "uniform" or "equilibrium"`)
	case c.Scheme != "explicit" && c.Scheme != "spectral":
		return bad("scheme", c.Scheme, `want "explicit" or "spectral"`)
	case c.Scheme == "spectral" && !c.Periodic:
		return bad("scheme", c.Scheme, "the spectral stepper needs a periodic grid")
	}
	for _, t := range c.Snapshots {
		if t < 0 || t > c.Duration {
			return bad("snapshots", t, "times must lie in [0, duration]")
		}
	}
	if _, err := BuildPlanar(c.InitialPotential, c.Length); err != nil {
		return fmt.Errorf("ddft-planar: initial_potential: %w", err)
	}
	return nil
}

// Run implements Scenario.
func (DDFTPlanar) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*DDFTPlanarConfig)
	g, sys, err := c.system("ddft-planar")
	if err != nil {
		return err
	}
	rho := make([]float64, g.N)
	for i := range rho {
		rho[i] = c.MeanDensity
	}
	if c.Initial == "equilibrium" {
		init := sys
		if init.V, err = BuildPlanar(c.InitialPotential, c.Length); err != nil {
			return err
		}
		eq, err := ddft.Canonical(init, c.MeanDensity, ddft.EquilibriumSettings{})
		if err != nil {
			return fmt.Errorf("ddft-planar: initial equilibrium: %w", err)
		}
		copy(rho, eq.Rho)
	}
	sys.Static = true
	set := ddft.Settings{D: c.KT / c.Gamma, Dt: c.Dt}
	if c.Scheme == "spectral" {
		set.Scheme, set.Adaptive = ddft.Spectral, true
	}
	d, err := ddft.New(sys, set)
	if err != nil {
		return fmt.Errorf("ddft-planar: %w", err)
	}
	f0, err := d.FreeEnergy(rho, 0)
	if err != nil {
		return fmt.Errorf("ddft-planar: %w", err)
	}
	m0 := g.Integral(rho)
	var ts []float64
	var frames [][]float64
	nf := int64(math.Round(c.Duration/c.Frame)) + 1
	bar := env.Progress("ddft", nf)
	st, err := d.Run(ctx, rho, 0, c.Duration, ddft.Frames{Every: c.Frame, Observe: func(t float64, p []float64) error {
		ts = append(ts, t)
		frames = append(frames, append([]float64(nil), p...))
		bar.Add(1)
		return nil
	}})
	bar.Done()
	if err != nil {
		return fmt.Errorf("ddft-planar: %w", err)
	}
	f1, err := d.FreeEnergy(rho, c.Duration)
	if err != nil {
		return fmt.Errorf("ddft-planar: %w", err)
	}
	sum := env.Summary
	sum.Observe("free_energy_start", f0)
	sum.Observe("free_energy_end", f1)
	sum.Observe("mass_relative_change", (g.Integral(rho)-m0)/m0)
	sum.Observe("steps", st.Steps)
	sum.Observe("rejected_steps", st.Rejected)
	z := make([]float64, g.N)
	for i := range z {
		z[i] = g.Z(i)
	}
	npz := filepath.Join(env.Out, "profiles.npz")
	if err := arrayio.WriteNPZ(npz, []arrayio.Array{
		{Name: "z", Shape: []int{g.N}, Data: z},
		{Name: "t", Shape: []int{len(ts)}, Data: ts},
		{Name: "rho", Shape: []int{len(ts), g.N}, Data: flat(frames)},
	}); err != nil {
		return err
	}
	sum.Output(npz)
	var series []viz.Series
	for _, t := range c.Snapshots {
		k := 0
		for j := range ts {
			if math.Abs(ts[j]-t) < math.Abs(ts[k]-t) {
				k = j
			}
		}
		series = append(series, viz.Series{Label: fmt.Sprintf("t = %g τ", ts[k]), X: z, Y: frames[k]})
	}
	if v := scaledPotential(sys.V, z, frames[len(frames)-1]); v != nil {
		series = append(series, *v)
	}
	png := filepath.Join(env.Out, "snapshots.png")
	fig := viz.Figure{Title: "DDFT snapshots", XLabel: "z / σ", YLabel: "ρ(z) σ³", Series: series}
	if err := fig.Save(png); err != nil {
		return err
	}
	sum.Output(png)
	env.Logf("ddft-planar: %d steps; βF/A %.6g → %.6g; mass change %.2g", st.Steps, f0, f1, (g.Integral(rho)-m0)/m0)
	return nil
}

package scenarios

import (
	"context"
	"path/filepath"
	"runtime"
	"time"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/scenarios/pcmdata"
	"github.com/physim/physim/sim"
)

// PCMDataConfig configures the pcm-data scenario: the recipe of the bulk
// training set of the neural functional (keys of pcmdata.Recipe).
type PCMDataConfig struct {
	pcmdata.Recipe
	// Profiles is the recipe of the inhomogeneous test set.
	Profiles pcmdata.ProfileRecipe `toml:"profiles"`
}

// Validate implements Config (the profile recipe is checked by Generate).
func (c *PCMDataConfig) Validate() error { return c.Recipe.Validate() }

// PCMData generates the bulk data set of the pair-correlation-matched
// neural functional: g(r), c(r), c2(z) and βμ_ex of the truncated LJ fluid
// over a density sweep.
type PCMData struct{}

// Name implements Scenario.
func (PCMData) Name() string { return "pcm-data" }

// Describe implements Scenario.
func (PCMData) Describe() string {
	return "bulk LJ data set for the neural functional: g(r), OZ c(r), planar c2(z), Widom βμ_ex over densities"
}

// DefaultConfig implements Scenario: the recipes of the shipped data set
// (pcmdata.DefaultRecipe, pcmdata.DefaultProfileRecipe).
func (PCMData) DefaultConfig() Config {
	return &PCMDataConfig{Recipe: *pcmdata.DefaultRecipe(), Profiles: pcmdata.DefaultProfileRecipe()}
}

// Run implements Scenario.
func (PCMData) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*PCMDataConfig)
	r, pr := &c.Recipe, c.Profiles
	start, cpu0 := time.Now(), ProcessCPUSeconds()
	if len(r.Densities) > 0 {
		env.Logf("pcm-data: %d bulk states, ρ = %g … %g σ⁻³, kT %g, r_c %g, %d particles, %d + %d steps each",
			len(r.Densities), r.Densities[0], r.Densities[len(r.Densities)-1], r.KT, r.Cutoff, r.Particles, r.EquilibrationSteps, r.Steps)
	}
	if pr.Potentials > 0 {
		env.Logf("pcm-data: %d test profiles (random potentials, seeds %d …), %d particles in a %gσ box, %d + %d steps each",
			pr.Potentials, pr.FirstSeed, pr.Particles, pr.Box, pr.EquilibrationSteps, pr.Steps)
	}
	total := int64(len(r.Densities))*(r.EquilibrationSteps+r.Steps) + int64(pr.Potentials)*(pr.EquilibrationSteps+pr.Steps)
	bar := env.Progress("pcm-data", total)
	defer bar.Done()
	lj := func(n int, rho float64) *LJFluidConfig {
		// Forces cut at r_c; "shift" only changes the reported energy to
		// that of the truncated and shifted potential the dynamics samples.
		return &LJFluidConfig{Particles: n, Density: rho, KT: r.KT, Cutoff: r.Cutoff, CutoffMode: "shift",
			Skin: r.Skin, Dynamics: "langevin", Dt: r.Dt, Gamma: r.Gamma}
	}
	build := func(rho float64, seed uint64) (*sim.State, sim.Integrator, error) {
		s, _, integ, err := NewLJSystem(lj(r.Particles, rho), seed, env.Workers)
		if err != nil {
			return nil, nil, err
		}
		return s, integ, integ.Init(s)
	}
	buildPlanar := func(v potentials.Planar, seed uint64) (*sim.State, sim.Integrator, error) {
		s, pair, _, err := NewLJSystem(lj(pr.Particles, float64(pr.Particles)/(pr.Box*pr.Box*pr.Box)), seed, env.Workers)
		if err != nil {
			return nil, nil, err
		}
		integ := &integrators.LangevinBAOAB{Force: sim.Sum{pair, potentials.External{P: v}}, Dt: r.Dt, KT: r.KT, Gamma: r.Gamma, Seed: seed, Workers: env.Workers}
		return s, integ, integ.Init(s)
	}
	d, err := pcmdata.Generate(ctx, r, pr, env.Seed, build, buildPlanar, bar.Add)
	if err != nil {
		return err
	}
	prov := pcmdata.Provenance{PhysimVersion: Version, Created: time.Now().UTC().Format(time.RFC3339),
		GoVersion: runtime.Version(), WallSeconds: time.Since(start).Seconds(), CPUSeconds: ProcessCPUSeconds() - cpu0}
	if err := d.Write(env.Out, prov); err != nil {
		return err
	}
	env.Summary.Output(filepath.Join(env.Out, pcmdata.ArraysFile))
	env.Summary.Output(filepath.Join(env.Out, pcmdata.ProvenanceFile))
	if len(d.Profiles) > 0 {
		env.Summary.Output(filepath.Join(env.Out, pcmdata.ProfilesFile))
	}
	plots, err := d.SavePlots(env.Out)
	for _, p := range plots {
		env.Summary.Output(p)
	}
	if err != nil {
		return err
	}
	for _, p := range d.Profiles {
		env.Logf("pcm-data: profile of potential seed %d: %d samples", p.Seed, p.Samples)
	}
	for _, s := range d.States {
		env.Logf("pcm-data: ρ = %.3f: βμ_ex = %v (EOS fit %.4f, JZG(TS) %.4f), β∂P/∂ρ = %.4f (JZG(TS) %.4f), P = %v (EOS fit %.4f, JZG(TS) %.4f), δ = %.3g (LP %.3g)",
			s.Density, s.BetaMuEx, s.FitBetaMuEx, s.JZG.BetaMuEx, s.Compressibility, s.JZG.Compressibility, s.Pressure, s.FitPressure, s.JZG.Pressure, s.Offset, s.OffsetLP)
	}
	env.Summary.Observe("states", len(d.States))
	env.Summary.Observe("profiles", len(d.Profiles))
	if d.Fit != nil {
		env.Summary.Observe("eos_fit_chi2_per_dof", d.Fit.ChiSquare/float64(max(d.Fit.Dof, 1)))
	}
	return nil
}

package pcmdata

import (
	"context"
	"fmt"
	"math"

	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/observe"
	"github.com/physim/physim/sim/stats"
)

// ProfileRecipe is how the inhomogeneous test set is made: equilibrium
// density profiles of the LJ fluid (the bulk recipe's kT, cutoff, skin, dt,
// gamma) in random planar potentials (potentials.RandomGaussians, the
// neural-DDFT study's generator), which no network trains on. The toml
// names are keys of the pcm-data scenario's [profiles] table.
type ProfileRecipe struct {
	// Potentials is the number of random potentials (0: no test set); they
	// use the seeds FirstSeed, FirstSeed+1, ….
	Potentials int    `toml:"potentials"`
	FirstSeed  uint64 `toml:"first_seed"`
	// Particles in a cubic periodic box of edge Box (σ).
	Particles int     `toml:"particles"`
	Box       float64 `toml:"box"`
	// Bins is the number of ρ(z) bins across the box; the profiles are
	// given at the bin centres.
	Bins int `toml:"bins"`
	// Estimator selects Profile.Rho: "mixed" (counting and force sampling
	// combined per Fourier mode, observe.MixedProfile), "force" (force
	// sampling) or "counting" (cloud-in-cell). All three are measured on
	// the same frames and stored. Data sets made before this key hold ""
	// and counted profiles only.
	Estimator string `toml:"estimator"`
	// EquilibrationSteps run with the potential on before sampling; Steps
	// are sampled every SampleEvery steps.
	EquilibrationSteps int64 `toml:"equilibration_steps"`
	Steps              int64 `toml:"steps"`
	SampleEvery        int64 `toml:"sample_every"`
}

// DefaultProfileRecipe returns the recipe of the shipped test set
// (data/profiles-v2): 6 potentials (seeds 1001 …) for 600 particles in a
// 10σ box (ρ̄ = 0.6σ⁻³, the bd-vs-ddft state), 1000 bins, 10000 + 300000
// Langevin steps sampled every 2, the mixed estimator.
func DefaultProfileRecipe() ProfileRecipe {
	return ProfileRecipe{Potentials: 6, FirstSeed: 1001, Particles: 600, Box: 10, Bins: 1000, Estimator: "mixed",
		EquilibrationSteps: 10000, Steps: 300000, SampleEvery: 2}
}

// estimateOf returns the estimate of r that an Estimator value names, and
// false for an unknown name.
func estimateOf(name string, r *observe.MixedResult) ([]stats.MeanErr, bool) {
	switch name {
	case "mixed":
		return r.Mixed, true
	case "force":
		return r.Force, true
	case "counting":
		return r.Counting, true
	}
	return nil, false
}

// validate returns an error naming the first invalid key.
func (p *ProfileRecipe) validate(r *Recipe) error {
	bad := func(key string, v any, want string) error {
		return fmt.Errorf("pcm-data: config key %s = %v: %s", key, v, want)
	}
	_, known := estimateOf(p.Estimator, &observe.MixedResult{})
	switch {
	case p.Potentials < 0:
		return bad("profiles.potentials", p.Potentials, "must not be negative")
	case p.Potentials == 0:
		return nil
	case p.Particles < 2:
		return bad("profiles.particles", p.Particles, "need at least 2")
	case !(p.Box >= 2*(r.Cutoff+r.Skin)) || math.IsInf(p.Box, 0):
		return bad("profiles.box", p.Box, fmt.Sprintf("must be finite and at least 2 × (cutoff + skin) = %g", 2*(r.Cutoff+r.Skin)))
	case p.Bins < 2:
		return bad("profiles.bins", p.Bins, "need at least 2")
	case !known:
		return bad("profiles.estimator", fmt.Sprintf("%q", p.Estimator), `must be "mixed", "force" or "counting"`)
	case p.EquilibrationSteps < 0 || p.Steps < 1 || p.SampleEvery < 1 || p.SampleEvery > p.Steps:
		return bad("profiles.steps", p.Steps, "need steps ≥ 1, 1 ≤ sample_every ≤ steps and no negative counts")
	}
	return nil
}

// PlanarBuilder makes the system of one test profile: Particles particles
// in a periodic cube of edge Box at the recipe's kT with the LJ force plus
// the external potential v, initialised and keyed on seed.
type PlanarBuilder func(v potentials.Planar, seed uint64) (*sim.State, sim.Integrator, error)

// Profile is one equilibrium density profile of the test set.
type Profile struct {
	// Seed is the potentials.RandomGaussians seed of V(z); Samples the
	// number of configurations averaged.
	Seed    uint64
	Samples int64
	// V is the potential (ε) and Rho the density (σ⁻³) by the recipe's
	// estimator with its block-averaged standard error, on
	// Dataset.ProfileZ.
	V   []float64
	Rho []stats.MeanErr
	// Counting and Force are the cloud-in-cell and the force-sampled
	// estimates from the same frames, and Weight the weight of counting
	// per Fourier mode in the mixed one (observe.MixedResult); nil in data
	// sets made before them.
	Counting, Force []stats.MeanErr
	Weight          []float64
}

// Potential returns V(z) of the profile's seed for the box edge l (σ).
func (p *Profile) Potential(l float64) potentials.GaussianSum {
	return potentials.RandomGaussians(p.Seed, l)
}

// GenerateProfiles runs the test set of pr (appending to d.Profiles).
// progress, if not nil, is called with the MD steps done.
func (d *Dataset) GenerateProfiles(ctx context.Context, pr ProfileRecipe, build PlanarBuilder, progress func(int64)) error {
	if err := pr.validate(&d.Recipe); err != nil {
		return err
	}
	d.ProfileRecipe = pr
	tick := func(int64) {
		if progress != nil {
			progress(1)
		}
	}
	for i := 0; i < pr.Potentials; i++ {
		seed := pr.FirstSeed + uint64(i)
		v := potentials.RandomGaussians(seed, pr.Box)
		s, integ, err := build(v, stateSeed(d.Seed, 1000000+i))
		if err != nil {
			return err
		}
		if s.N() != pr.Particles || s.Box.L[2] != pr.Box {
			return fmt.Errorf("pcm-data: profile builder made %d particles in a %gσ box, recipe asks for %d in %gσ", s.N(), s.Box.L[2], pr.Particles, pr.Box)
		}
		if err := (&sim.Runner{Integrator: integ, Progress: tick}).Run(ctx, s, pr.EquilibrationSteps); err != nil {
			return err
		}
		prof := &observe.MixedProfile{Bins: pr.Bins, KT: d.Recipe.KT}
		run := sim.Runner{Integrator: integ, Progress: tick, Observers: []sim.Every{{N: pr.SampleEvery, Observer: prof}}}
		if err := run.Run(ctx, s, pr.Steps); err != nil {
			return err
		}
		if d.ProfileZ == nil {
			d.ProfileZ = prof.Z()
		}
		res := prof.Result()
		rho, _ := estimateOf(pr.Estimator, &res)
		p := Profile{Seed: seed, Samples: res.Frames, Rho: rho,
			Counting: res.Counting, Force: res.Force, Weight: res.Weight}
		for _, z := range d.ProfileZ {
			e, _ := v.VdV(z, 0)
			p.V = append(p.V, e)
		}
		d.Profiles = append(d.Profiles, p)
	}
	return nil
}

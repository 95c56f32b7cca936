package scenarios

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/physim/physim/potentials"
	"github.com/physim/physim/potentials/functional"
)

// BDvsDDFTConfig configures the bd-vs-ddft scenario, the protocol of the
// neural-DDFT study (arXiv 2505.09543): an LJ fluid at kT = 2 in a periodic
// 10σ box, a planar potential switched on at t = 0, ρ(z, t) from Brownian
// dynamics trials against DDFT with several functionals.
type BDvsDDFTConfig struct {
	// Particles N in a cubic periodic box of edge Box (σ).
	Particles int     `toml:"particles"`
	Box       float64 `toml:"box"`
	// KT is the temperature in ε.
	KT float64 `toml:"kT"`
	// Interactions switches the LJ pair force on; false gives an ideal gas.
	Interactions bool `toml:"interactions"`
	// Cutoff is the LJ cutoff in σ (plain cut; forces vanish beyond it).
	Cutoff float64 `toml:"cutoff"`
	// Skin is the Verlet skin in σ. Brownian noise moves the fastest of 600
	// particles past half of a 0.3σ skin every ~3 steps; 0.7σ was measured
	// fastest (0.61 against 0.87 ms per step). Forces do not depend on it.
	Skin float64 `toml:"skin"`
	// Gamma is the drag (mass/time); D = kT/γ.
	Gamma float64 `toml:"gamma"`
	// Dt is the Brownian time step in τ.
	Dt float64 `toml:"dt"`
	// Equilibration is the time (τ) each chain runs with V = 0 before its
	// first trial; Spacing the time between the branch points of
	// successive trials of a chain.
	Equilibration float64 `toml:"equilibration"`
	Spacing       float64 `toml:"spacing"`
	// Trials is the number of BD trials; Chains the number of independent
	// equilibrated runs they branch from (trial k uses chain k mod Chains).
	// Results do not depend on the worker count.
	Trials int `toml:"trials"`
	Chains int `toml:"chains"`
	// Duration is the time (τ) after the switch; Frame the output interval
	// (τ): each BD frame is the average over the steps of [t, t + Frame).
	Duration float64 `toml:"duration"`
	Frame    float64 `toml:"frame"`
	// Dz is the bin width and DDFT grid spacing in σ.
	Dz float64 `toml:"dz"`
	// Functionals lists the DDFT functionals: "wbii-mf" (White Bear II +
	// Barker–Henderson mean field), "wbi-mf", "rf-mf", "wbii" (hard
	// spheres only), "neural" (the shipped learned model, package
	// learned; it requires kT = 2, a 10σ box and dz = 0.01), "ideal".
	Functionals []string `toml:"functionals"`
	// DDFTScheme is "explicit" (forward Euler, fixed DDFTDt, as the study)
	// or "spectral" (adaptive exponential integrator).
	DDFTScheme string  `toml:"ddft_scheme"`
	DDFTDt     float64 `toml:"ddft_dt"`
	// EdgeBins are left out at each end of the RMSE, as in the study.
	EdgeBins int `toml:"edge_bins"`
	// Snapshots are the times (τ) of the profile figure and of the RMSE
	// observables.
	Snapshots []float64 `toml:"snapshots"`
	// Potential is V(z), switched on at t = 0.
	Potential []PlanarTerm `toml:"potential"`
}

// BDvsDDFT is the main job: Brownian dynamics against DDFT.
type BDvsDDFT struct{}

// Name implements Scenario.
func (BDvsDDFT) Name() string { return "bd-vs-ddft" }

// Describe implements Scenario.
func (BDvsDDFT) Describe() string {
	return "LJ fluid in a planar potential switched on at t=0: Brownian dynamics vs DDFT (the main job)"
}

// seed1Potential is the neural-DDFT study's pot_seed = 1 potential (its
// Fig. 2), with the parameters recovered in the project notes to four
// decimals.
func seed1Potential() PlanarTerm {
	return PlanarTerm{Kind: "gaussians",
		Heights: []float64{0.7847, 0.3993, 0.0016, 0.8156, 0.0307, 0.0378, 0.2865, 0.6043, 0.0294, 0.1961},
		Centers: []float64{9.9718, 9.3256, 1.2812, 9.9904, 2.3609, 3.9658, 3.8791, 6.6975, 9.3554, 8.4631},
		Widths:  []float64{0.4133, 0.6245, 0.5435, 0.3296, 0.6344, 1.0140, 0.5572, 0.5307, 1.0391, 0.8784},
	}
}

// DefaultConfig implements Scenario. The trial count is sized to finish in
// under five minutes on two cores; --set trials=5000 --set chains=5000
// gives the study's statistics. Every trial has its own chain: at ρ = 0.6
// the longest density wave decorrelates in about 3τ (successive branches
// 0.5τ apart had initial-mode correlation 0.72), so branching saves nothing
// over a fresh 2τ equilibration.
func (BDvsDDFT) DefaultConfig() Config {
	return &BDvsDDFTConfig{
		Particles: 600, Box: 10, KT: 2, Interactions: true, Cutoff: 4, Skin: 0.7,
		Gamma: 8, Dt: 0.001, Equilibration: 2, Spacing: 3, Trials: 64, Chains: 64,
		Duration: 4, Frame: 0.01, Dz: 0.01,
		Functionals: []string{"wbii-mf", "ideal"}, DDFTScheme: "spectral", DDFTDt: 1e-4,
		EdgeBins: 5, Snapshots: []float64{0, 0.75, 1.5, 3},
		Potential: []PlanarTerm{seed1Potential()},
	}
}

// functionalSpec maps a functional name of the config to its description.
func (c *BDvsDDFTConfig) functionalSpec(name string) (functional.Spec, error) {
	s := functional.Spec{KT: c.KT, Cutoff: c.Cutoff}
	switch name {
	case "ideal":
		return functional.Spec{}, nil
	case "wbii-mf":
		s.HardSpheres, s.Attraction = "whitebear2", "barker-henderson"
	case "wbi-mf":
		s.HardSpheres, s.Attraction = "whitebear1", "barker-henderson"
	case "rf-mf":
		s.HardSpheres, s.Attraction = "rosenfeld", "barker-henderson"
	case "wbii":
		s.HardSpheres, s.Diameter = "whitebear2", functional.BarkerHendersonDiameter(c.KT)
	case "neural":
		return functional.Spec{}, nil // learned.Default; see newFunctional
	default:
		return s, fmt.Errorf(`bd-vs-ddft: config key functionals: unknown functional %q (want wbii-mf, wbi-mf, rf-mf, wbii, neural or ideal)`, name)
	}
	return s, nil
}

// steps returns the number of BD steps in a time t.
func (c *BDvsDDFTConfig) steps(t float64) int64 { return int64(math.Round(t / c.Dt)) }

// frames returns the number of output frames and the steps per frame.
func (c *BDvsDDFTConfig) frames() (n int, per int64) {
	return int(math.Round(c.Duration / c.Frame)), c.steps(c.Frame)
}

// Validate implements Config.
func (c *BDvsDDFTConfig) Validate() error {
	bad := func(key string, v any, want string) error { return configErr("bd-vs-ddft", key, v, want) }
	for _, kv := range []struct {
		k string
		v float64
	}{{"box", c.Box}, {"kT", c.KT}, {"gamma", c.Gamma}, {"dt", c.Dt}, {"duration", c.Duration},
		{"frame", c.Frame}, {"dz", c.Dz}, {"ddft_dt", c.DDFTDt}} {
		if !positiveFinite(kv.v) {
			return bad(kv.k, kv.v, "must be positive and finite")
		}
	}
	switch {
	case c.Particles < 1:
		return bad("particles", c.Particles, "need at least one particle")
	case c.Trials < 2:
		return bad("trials", c.Trials, "need at least 2 trials for standard errors")
	case c.Chains < 1 || c.Chains > c.Trials:
		return bad("chains", c.Chains, "need 1 ≤ chains ≤ trials")
	case c.Equilibration < 0 || c.Spacing < 0:
		return bad("equilibration/spacing", c.Equilibration, "must be non-negative")
	case len(c.Functionals) == 0:
		return bad("functionals", c.Functionals, "name at least one functional")
	case c.DDFTScheme != "explicit" && c.DDFTScheme != "spectral":
		return bad("ddft_scheme", c.DDFTScheme, `want "explicit" or "spectral"`)
	}
	if c.Interactions {
		if !positiveFinite(c.Cutoff) {
			return bad("cutoff", c.Cutoff, "must be positive and finite")
		}
		if c.Box < 2*(c.Cutoff+c.Skin) {
			return fmt.Errorf("bd-vs-ddft: the box edge %g σ is shorter than 2 × (cutoff + skin) = %g σ", c.Box, 2*(c.Cutoff+c.Skin))
		}
	}
	n, per := c.frames()
	if per < 1 || math.Abs(float64(per)*c.Dt-c.Frame) > 1e-9*c.Frame {
		return bad("frame", c.Frame, fmt.Sprintf("must be a whole number of BD steps (dt = %g)", c.Dt))
	}
	if n < 1 || math.Abs(float64(n)*c.Frame-c.Duration) > 1e-9*c.Duration {
		return bad("duration", c.Duration, fmt.Sprintf("must be a whole number of frames (frame = %g)", c.Frame))
	}
	bins := c.Box / c.Dz
	if math.Abs(bins-math.Round(bins)) > 1e-9*bins {
		return bad("dz", c.Dz, fmt.Sprintf("must divide the box edge %g", c.Box))
	}
	if 2*c.EdgeBins >= int(math.Round(bins)) || c.EdgeBins < 0 {
		return bad("edge_bins", c.EdgeBins, "must leave interior bins")
	}
	for _, t := range c.Snapshots {
		if t < 0 || t >= c.Duration {
			return bad("snapshots", t, fmt.Sprintf("times must lie in [0, duration = %g)", c.Duration))
		}
	}
	seen := map[string]bool{}
	for _, f := range c.Functionals {
		if _, err := c.functionalSpec(f); err != nil {
			return err
		}
		if seen[f] {
			return bad("functionals", f, "listed twice")
		}
		seen[f] = true
	}
	if _, err := BuildPlanar(c.Potential, c.Box); err != nil {
		return fmt.Errorf("bd-vs-ddft: %w", err)
	}
	return nil
}

// potential returns V(z) of the configuration (nil for none).
func (c *BDvsDDFTConfig) potential() (potentials.Planar, error) {
	return BuildPlanar(c.Potential, c.Box)
}

// Run implements Scenario.
func (BDvsDDFT) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*BDvsDDFTConfig)
	v, err := c.potential()
	if err != nil {
		return err
	}
	env.Logf("bd-vs-ddft: %d particles in a %gσ box, kT %g, D = %g, %d trials on %d chains; DDFT with %s",
		c.Particles, c.Box, c.KT, c.KT/c.Gamma, c.Trials, c.Chains, strings.Join(c.Functionals, ", "))
	bd, err := runBD(ctx, env, c, v)
	if err != nil {
		return err
	}
	res := &comparison{cfg: c, bd: bd, v: v}
	for _, name := range c.Functionals {
		if err := res.runDDFT(ctx, env, name); err != nil {
			return err
		}
	}
	return res.write(env)
}

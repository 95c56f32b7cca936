package scenarios

import (
	"context"
	"fmt"
	"math"

	"github.com/physim/physim/integrators/kuramoto"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
	"github.com/physim/physim/viz"
)

// KuramotoConfig configures the kuramoto scenario: N phase oscillators
// dθ_i/dt = ω_i + (coupling)_i + √(2D) ξ_i(t). Time is in τ, frequencies
// and couplings in rad/τ. DefaultConfig fills in the defaults.
type KuramotoConfig struct {
	// Oscillators is the number N of oscillators.
	Oscillators int `toml:"oscillators"`
	// FrequencySettings give the natural frequencies ω_i.
	FrequencySettings
	// K is the coupling constant (rad/τ): all-to-all (K/N) Σ_j sin(θ_j − θ_i),
	// or K Σ_{j ∈ nn(i)} sin(θ_j − θ_i) on a lattice.
	K float64 `toml:"k"`
	// Topology is "all-to-all" (mean field), "lattice-1d" (a ring, or a
	// chain with Open) or "lattice-2d" (LatticeNx columns, periodic unless
	// Open).
	Topology string `toml:"topology"`
	// LatticeNx is the width of a lattice-2d; 0 means a square lattice.
	LatticeNx int `toml:"lattice_nx"`
	// Open gives lattices free edges instead of periodic ones.
	Open bool `toml:"open"`
	// Noise is the phase-diffusion coefficient D (rad²/τ).
	Noise float64 `toml:"noise"`
	// Dt is the time step (τ) and Steps the number of steps.
	Dt    float64 `toml:"dt"`
	Steps int64   `toml:"steps"`
	// Scheme is "euler", "heun" or "rk4" (see kuramoto.PhasesConfig).
	Scheme string `toml:"scheme"`
	// SampleEvery is the period of order-parameter samples in steps.
	SampleEvery int64 `toml:"sample_every"`
	// InitialPhases is "random" (uniform in [0, 2π)) or "aligned" (all 0).
	InitialPhases string `toml:"initial_phases"`
	// TrajectoryEvery writes a frame every so many steps (0: none; a
	// multiple of SampleEvery) to TrajectoryFile (.pstraj, .xyz or
	// .xyz.gz): oscillators sit on a ring of unit spacing (all-to-all,
	// lattice-1d) or on the lattice sites (lattice-2d), with the phase in
	// (−π, π] as the per-particle value "phase".
	TrajectoryEvery int64  `toml:"trajectory_every"`
	TrajectoryFile  string `toml:"trajectory_file"`
}

// Kuramoto is the Kuramoto model of coupled phase oscillators; it measures
// the order parameter r(t) and compares its stationary value with the
// exact mean-field theory where one applies.
type Kuramoto struct{}

// Name implements Scenario.
func (Kuramoto) Name() string { return "kuramoto" }

// Describe implements Scenario.
func (Kuramoto) Describe() string {
	return "Kuramoto phase oscillators (all-to-all or lattice, noise): order parameter r(t) vs mean-field theory"
}

// DefaultConfig implements Scenario: 1000 all-to-all oscillators with
// Lorentzian quantile frequencies of half-width Δ = 0.5 at K = 2 = 2K_c
// (theory r = √(1 − 2Δ/K) = 0.7071), Heun steps of 0.01 τ for t = 60 τ.
func (Kuramoto) DefaultConfig() Config {
	return &KuramotoConfig{
		Oscillators:       1000,
		FrequencySettings: FrequencySettings{Frequencies: "lorentzian", Width: 0.5, Quantiles: true},
		K:                 2, Topology: "all-to-all",
		Dt: 0.01, Steps: 6000, Scheme: "heun", SampleEvery: 10, InitialPhases: "random",
		TrajectoryFile: "phases.pstraj",
	}
}

// Validate implements Config.
func (c *KuramotoConfig) Validate() error {
	const name = "kuramoto"
	bad := func(key string, v any, want string) error { return configErr(name, key, v, want) }
	switch {
	case c.Oscillators < 1:
		return bad("oscillators", c.Oscillators, "need at least 1")
	case !finite(c.K):
		return bad("k", c.K, "must be finite")
	case !(c.Noise >= 0) || math.IsInf(c.Noise, 0):
		return bad("noise", c.Noise, "must be finite and ≥ 0")
	}
	if err := checkStepping(name, c.Dt, c.Steps, c.SampleEvery, c.TrajectoryEvery, c.TrajectoryFile); err != nil {
		return err
	}
	if err := c.FrequencySettings.validate(name); err != nil {
		return err
	}
	switch c.Scheme {
	case "euler", "heun", "rk4":
	default:
		return bad("scheme", c.Scheme, `want "euler", "heun" or "rk4"`)
	}
	switch c.InitialPhases {
	case "random", "aligned":
	default:
		return bad("initial_phases", c.InitialPhases, `want "random" or "aligned"`)
	}
	switch c.Topology {
	case "all-to-all":
	case "lattice-1d", "lattice-2d":
		if _, _, err := latticeShape(name, c.Topology, c.Oscillators, c.LatticeNx, "lattice_nx"); err != nil {
			return err
		}
	default:
		return bad("topology", c.Topology, `want "all-to-all", "lattice-1d" or "lattice-2d"`)
	}
	return nil
}

// coupling returns the coupling of c and the Nx × Ny shape of its lattice
// (N × 1 for all-to-all).
func (c *KuramotoConfig) coupling() (kuramoto.Coupling, int, int) {
	if c.Topology == "all-to-all" {
		return kuramoto.AllToAll{K: c.K}, c.Oscillators, 1
	}
	nx, ny, err := latticeShape("kuramoto", c.Topology, c.Oscillators, c.LatticeNx, "lattice_nx")
	if err != nil {
		panic(err) // Validate rejects it
	}
	return kuramoto.Lattice{Nx: nx, Ny: ny, K: c.K, Open: c.Open}, nx, ny
}

// Theory returns the N → ∞ stationary order parameter r and the critical
// coupling K_c of the all-to-all model where exact results exist (hasR and
// hasKc tell which): without noise, K_c = 2/(π g(0)) for every
// distribution, r = √(1 − 2Δ/K) for Lorentzian and Kuramoto's
// self-consistency root for Gaussian frequencies, and r = 1 for identical
// oscillators at K > 0; with noise D, identical oscillators have
// r = I₁(Kr/D)/I₀(Kr/D) and K_c = 2D, and Lorentzian ones K_c = 2(Δ + D).
func (c *KuramotoConfig) Theory() (r, kc float64, hasR, hasKc bool) {
	if c.Topology != "all-to-all" {
		return 0, 0, false, false
	}
	w, K, D := c.Width, c.K, c.Noise
	switch {
	case w == 0 && D == 0 && K > 0:
		return 1, 0, true, true
	case w == 0 && D == 0:
		return 0, 0, false, true
	case w == 0:
		return kuramoto.NoisyIdenticalR(K, D), 2 * D, true, true
	case D > 0 && c.Frequencies == "lorentzian":
		return 0, 2 * (w + D), false, true
	case D > 0:
		return 0, 0, false, false
	}
	switch c.Frequencies {
	case "lorentzian":
		return kuramoto.LorentzianR(K, w), 2 * w, true, true
	case "gaussian":
		return kuramoto.GaussianR(K, w), kuramoto.GaussianCriticalCoupling(w), true, true
	}
	return 0, kuramoto.CriticalCoupling(1 / (2 * w)), false, true // uniform
}

// Run implements Scenario.
func (Kuramoto) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*KuramotoConfig)
	n := c.Oscillators
	omega, err := c.generate(n, env.Seed)
	if err != nil {
		return err
	}
	coupling, nx, ny := c.coupling()
	theta0 := make([]float64, n)
	if c.InitialPhases == "random" {
		theta0 = kuramoto.RandomPhases(n, env.Seed)
	}
	p, err := kuramoto.NewPhases(kuramoto.PhasesConfig{Omega: omega, Coupling: coupling, Noise: c.Noise, Dt: c.Dt, Scheme: c.Scheme, Seed: env.Seed}, theta0)
	if err != nil {
		return err
	}
	env.Logf("kuramoto: %d oscillators, %s coupling K = %g, %s frequencies (width %g), noise %g, %s dt %g × %d steps",
		n, c.Topology, c.K, c.Frequencies, c.Width, c.Noise, c.Scheme, c.Dt, c.Steps)

	var traj *frameTrajectory
	if c.TrajectoryEvery > 0 {
		pos, box := oscillatorSites(nx, ny, c.Topology == "lattice-2d")
		traj, err = createFrameTrajectory(env, c.TrajectoryFile, trajectory.Header{N: n, ValueName: "phase"},
			trajectory.Frame{Box: box, Pos: pos, Value: make([]float32, n)})
		if err != nil {
			return err
		}
		defer traj.close()
	}
	var ts, rs, psis []float64
	sample := func() error {
		r, psi := p.OrderParameter()
		ts, rs, psis = append(ts, p.Time), append(rs, r), append(psis, psi)
		if traj == nil || p.Step%c.TrajectoryEvery != 0 {
			return nil
		}
		for i, th := range p.Theta {
			traj.frame.Value[i] = float32(math.Remainder(th, 2*math.Pi))
		}
		return traj.write(p.Step, p.Time)
	}
	runErr := sampledLoop(ctx, env, "kuramoto", c.Steps, c.SampleEvery, func(k int64) { p.Advance(int(k)) }, sample)
	if err := traj.close(); err != nil && runErr == nil {
		runErr = err
	}

	// Whatever happened, report what was measured.
	if err := writeCSV(env, "order_parameter.csv", []string{"t", "r", "psi"}, ts, rs, psis); err != nil && runErr == nil {
		runErr = err
	}
	rTh, kc, hasR, hasKc := c.Theory()
	est := secondHalf(rs)
	env.Summary.Observe("order_parameter", est)
	env.Summary.Observe("order_parameter_final", rs[len(rs)-1])
	env.Summary.Observe("samples", len(rs))
	if hasR {
		env.Summary.Observe("order_parameter_theory", rTh)
	}
	if hasKc {
		env.Summary.Observe("critical_coupling", kc)
	}
	fig := viz.Figure{Title: "Kuramoto order parameter", XLabel: "t / τ", YLabel: "r",
		Series: []viz.Series{{Label: "r(t)", X: ts, Y: rs}}}
	if hasR {
		fig.Series = append(fig.Series, viz.Series{Label: fmt.Sprintf("N → ∞ theory r = %.4f", rTh),
			X: []float64{ts[0], ts[len(ts)-1]}, Y: []float64{rTh, rTh}, Dashed: true})
	}
	if err := saveOrderParameterFigure(env, fig); err != nil && runErr == nil {
		runErr = err
	}
	if runErr == nil && hasR {
		env.Logf("kuramoto: r = %v over the second half (N → ∞ theory %.4f)", est, rTh)
	} else if runErr == nil {
		env.Logf("kuramoto: r = %v over the second half", est)
	}
	return runErr
}

// saveOrderParameterFigure writes fig to order_parameter.png with r on
// [0, 1.1], leaving the top for the legend.
func saveOrderParameterFigure(env *Env, fig viz.Figure) error {
	p, err := fig.Plot()
	if err != nil {
		return err
	}
	p.Y.Min, p.Y.Max = 0, 1.1
	return savePlot(env, "order_parameter.png", p, 16, 10)
}

// oscillatorSites returns positions of unit spacing for an nx × ny set of
// oscillators, on a grid when grid is set and otherwise on a ring, with the
// open box that holds them.
func oscillatorSites(nx, ny int, grid bool) ([][3]float32, sim.Box) {
	n := nx * ny
	pos := make([][3]float32, n)
	if grid {
		for i := range pos {
			pos[i] = [3]float32{float32(i % nx), float32(i / nx), 0}
		}
		return pos, sim.NewOpenBox(sim.Vec3{float64(nx), float64(ny), 1})
	}
	rad := math.Max(1, float64(n)/(2*math.Pi))
	for i := range pos {
		s, c := math.Sincos(2 * math.Pi * float64(i) / float64(n))
		pos[i] = [3]float32{float32(rad * (1 + c)), float32(rad * (1 + s)), 0}
	}
	return pos, sim.NewOpenBox(sim.Vec3{2 * rad, 2 * rad, 1})
}

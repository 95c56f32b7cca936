package scenarios

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/observe"
	"github.com/physim/physim/sim/stats"
	"github.com/physim/physim/sim/trajectory"
	"github.com/physim/physim/viz"
)

// LJFluidConfig configures the lj-fluid scenario. Units are reduced LJ
// units; zero values are not defaults here: DefaultConfig fills them in.
type LJFluidConfig struct {
	// Particles is the number of particles N.
	Particles int `toml:"particles"`
	// Density is the number density ρ = N/V in σ⁻³ (cubic periodic box).
	Density float64 `toml:"density"`
	// KT is the temperature in ε (initial velocities and thermostat).
	KT float64 `toml:"kT"`
	// Cutoff is the LJ cutoff r_c in σ.
	Cutoff float64 `toml:"cutoff"`
	// CutoffMode is "cut" (plain, LAMMPS lj/cut), "shift" or "force-shift".
	CutoffMode string `toml:"cutoff_mode"`
	// TailCorrection adds the analytic tail corrections to energy and
	// pressure (cut mode only), so results compare with the full potential.
	TailCorrection bool `toml:"tail_correction"`
	// Skin is the Verlet-list skin in σ.
	Skin float64 `toml:"skin"`
	// Dynamics is "langevin" (BAOAB), "brownian" (overdamped) or "nve"
	// (velocity Verlet).
	Dynamics string `toml:"dynamics"`
	// Dt is the time step in τ.
	Dt float64 `toml:"dt"`
	// Gamma is the drag coefficient in mass/time (Langevin, Brownian).
	Gamma float64 `toml:"gamma"`
	// Steps is the number of production steps; EquilibrationSteps come
	// before them and are not sampled.
	Steps              int64 `toml:"steps"`
	EquilibrationSteps int64 `toml:"equilibration_steps"`
	// SampleEvery is the sampling period of observables in steps.
	SampleEvery int64 `toml:"sample_every"`
	// RDFBins is the number of g(r) bins up to half the box edge.
	RDFBins int `toml:"rdf_bins"`
	// TrajectoryEvery writes a frame every so many steps (0: none) to
	// TrajectoryFile (.xyz, .xyz.gz or .pstraj).
	TrajectoryEvery int64  `toml:"trajectory_every"`
	TrajectoryFile  string `toml:"trajectory_file"`
	// CheckpointEvery writes checkpoint.bin every so many steps (0: only
	// at the end and on interrupt).
	CheckpointEvery int64 `toml:"checkpoint_every"`
}

// LJFluid is a bulk Lennard-Jones fluid under Langevin, Brownian or
// Newtonian dynamics; it measures energy, pressure, temperature and g(r).
type LJFluid struct{}

// Name implements Scenario.
func (LJFluid) Name() string { return "lj-fluid" }

// Describe implements Scenario.
func (LJFluid) Describe() string {
	return "bulk Lennard-Jones fluid (Langevin/Brownian/NVE): energy, pressure, temperature, g(r)"
}

// DefaultConfig implements Scenario: 864 particles at the JZG state point
// (kT = 2, ρ = 0.6) with r_c = 4 and tail corrections, Langevin dynamics.
func (LJFluid) DefaultConfig() Config {
	return &LJFluidConfig{
		Particles: 864, Density: 0.6, KT: 2, Cutoff: 4, CutoffMode: "cut", TailCorrection: true,
		Skin: 0.3, Dynamics: "langevin", Dt: 0.005, Gamma: 1,
		Steps: 20000, EquilibrationSteps: 2000, SampleEvery: 10, RDFBins: 200,
		TrajectoryFile: "trajectory.pstraj",
	}
}

// Validate implements Config.
func (c *LJFluidConfig) Validate() error {
	bad := func(key string, v any, want string) error { return configErr("lj-fluid", key, v, want) }
	switch {
	case c.Particles < 2:
		return bad("particles", c.Particles, "need at least 2")
	case !(c.Density > 0) || math.IsInf(c.Density, 0):
		return bad("density", c.Density, "must be positive")
	case !(c.KT > 0) || math.IsInf(c.KT, 0):
		return bad("kT", c.KT, "must be positive")
	case !(c.Cutoff > 0) || math.IsInf(c.Cutoff, 0):
		return bad("cutoff", c.Cutoff, "must be positive")
	case c.Skin < 0:
		return bad("skin", c.Skin, "must be non-negative")
	case !(c.Dt > 0) || math.IsInf(c.Dt, 0):
		return bad("dt", c.Dt, "must be positive")
	case c.Dynamics != "nve" && !(c.Gamma > 0):
		return bad("gamma", c.Gamma, "must be positive for Langevin and Brownian dynamics")
	case c.Steps < 0 || c.EquilibrationSteps < 0:
		return bad("steps", c.Steps, "step counts must be non-negative")
	case c.SampleEvery < 1:
		return bad("sample_every", c.SampleEvery, "must be at least 1")
	case c.RDFBins < 1:
		return bad("rdf_bins", c.RDFBins, "must be at least 1")
	case c.TrajectoryEvery < 0 || c.CheckpointEvery < 0:
		return bad("trajectory_every/checkpoint_every", c.TrajectoryEvery, "must be non-negative")
	}
	if _, err := c.cutMode(); err != nil {
		return err
	}
	switch c.Dynamics {
	case "nve", "langevin", "brownian":
	default:
		return bad("dynamics", c.Dynamics, `want "langevin", "brownian" or "nve"`)
	}
	if c.TailCorrection && c.CutoffMode != "cut" {
		return bad("tail_correction", true, `tail corrections need cutoff_mode = "cut"`)
	}
	l := math.Cbrt(float64(c.Particles) / c.Density)
	if l < 2*(c.Cutoff+c.Skin) {
		return fmt.Errorf("lj-fluid: the box edge %.4g σ (particles %d at density %g) is shorter than 2 × (cutoff + skin) = %.4g σ; use more particles, a lower density or a shorter cutoff", l, c.Particles, c.Density, 2*(c.Cutoff+c.Skin))
	}
	return nil
}

func (c *LJFluidConfig) cutMode() (potentials.CutMode, error) {
	switch c.CutoffMode {
	case "cut":
		return potentials.CutPlain, nil
	case "shift":
		return potentials.CutShifted, nil
	case "force-shift":
		return potentials.CutForceShifted, nil
	}
	return 0, fmt.Errorf(`lj-fluid: config key cutoff_mode = %q: want "cut", "shift" or "force-shift"`, c.CutoffMode)
}

// ljCheckpointMeta is the scenario data stored in a checkpoint.
type ljCheckpointMeta struct {
	Scenario string         `json:"scenario"`
	Seed     uint64         `json:"seed"`
	Config   *LJFluidConfig `json:"config"`
}

// NewLJSystem builds the initial state, force and integrator of the
// lj-fluid configuration c: an FCC start at the requested density with
// Maxwell–Boltzmann velocities at kT.
func NewLJSystem(c *LJFluidConfig, seed uint64, workers int) (*sim.State, *potentials.Pair, sim.Integrator, error) {
	s, err := sim.FCCFill(c.Particles, c.Density)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := (integrators.MaxwellBoltzmann{KT: c.KT, Seed: seed, Rescale: true}).Assign(s); err != nil {
		return nil, nil, nil, err
	}
	pair, integ, err := NewLJDynamics(c, seed, workers)
	return s, pair, integ, err
}

// NewLJDynamics builds the pair force and the integrator of c, for a new
// state or one read from a checkpoint.
func NewLJDynamics(c *LJFluidConfig, seed uint64, workers int) (*potentials.Pair, sim.Integrator, error) {
	mode, err := c.cutMode()
	if err != nil {
		return nil, nil, err
	}
	pair, err := potentials.NewPair(potentials.LJ{Cutoff: c.Cutoff, Mode: mode}, potentials.PairSettings{Skin: c.Skin, Workers: workers, Tail: c.TailCorrection})
	if err != nil {
		return nil, nil, err
	}
	switch c.Dynamics {
	case "nve":
		return pair, &integrators.VelocityVerlet{Force: pair, Dt: c.Dt, Workers: workers}, nil
	case "langevin":
		return pair, &integrators.LangevinBAOAB{Force: pair, Dt: c.Dt, KT: c.KT, Gamma: c.Gamma, Seed: seed, Workers: workers}, nil
	case "brownian":
		return pair, &integrators.Brownian{Force: pair, Dt: c.Dt, KT: c.KT, Gamma: c.Gamma, Seed: seed, Workers: workers}, nil
	}
	return nil, nil, fmt.Errorf("lj-fluid: unknown dynamics %q", c.Dynamics)
}

// Run implements Scenario.
func (LJFluid) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*LJFluidConfig)
	s, pair, integ, err := NewLJSystem(c, env.Seed, env.Workers)
	if err != nil {
		return err
	}
	if err := integ.Init(s); err != nil {
		return err
	}
	env.Logf("lj-fluid: %d particles, box %.4g σ, kT %g, %s dynamics, dt %g", s.N(), s.Box.L[0], c.KT, c.Dynamics, c.Dt)
	meta, _ := json.Marshal(ljCheckpointMeta{Scenario: "lj-fluid", Seed: env.Seed, Config: c})
	ckPath := filepath.Join(env.Out, "checkpoint.bin")
	saveCheckpoint := func() error {
		if err := sim.WriteCheckpoint(ckPath, sim.Checkpoint{State: s, Meta: meta}); err != nil {
			return err
		}
		env.Summary.Output(ckPath)
		return nil
	}

	run := func(label string, steps int64, obs []sim.Every) error {
		if steps == 0 {
			return nil
		}
		bar := env.Progress(label, steps)
		defer bar.Done()
		r := sim.Runner{Integrator: integ, Observers: obs, Progress: func(int64) { bar.Add(1) }}
		if c.CheckpointEvery > 0 {
			r.Observers = append(r.Observers, sim.Every{N: c.CheckpointEvery, Observer: sim.ObserverFunc(func(*sim.State) error { return saveCheckpoint() })})
		}
		err := r.Run(ctx, s, steps)
		if errors.Is(err, sim.ErrInterrupted) {
			if cerr := saveCheckpoint(); cerr != nil {
				return errors.Join(err, cerr)
			}
			env.Logf("lj-fluid: interrupted at step %d; checkpoint written to %s", s.Step, ckPath)
		}
		return err
	}
	if err := run("equilibrate", c.EquilibrationSteps, nil); err != nil {
		return err
	}

	// Production: thermo log, observables, g(r) and an optional trajectory.
	thermoPath := filepath.Join(env.Out, "thermo.csv")
	tcfg := observe.ThermoConfig{FixedCOM: c.Dynamics == "nve"}
	if c.Dynamics == "brownian" {
		tcfg.KT = c.KT
	}
	thermo, err := observe.NewThermo(thermoPath, tcfg)
	if err != nil {
		return err
	}
	defer thermo.Close()
	env.Summary.Output(thermoPath)
	rdf := &observe.RDF{Bins: c.RDFBins}
	var pe, press, temp stats.Series
	sample := sim.ObserverFunc(func(s *sim.State) error {
		kT := c.KT
		if c.Dynamics != "brownian" {
			kT = s.Temperature(c.Dynamics == "nve")
		}
		p := s.Pressure(kT)
		pe.Add(s.PotentialEnergy / float64(s.N()))
		press.Add(p)
		temp.Add(kT)
		if err := rdf.Observe(s); err != nil {
			return err
		}
		return thermo.Observe(s)
	})
	msd := observe.NewMSD(s)
	obs := []sim.Every{{N: c.SampleEvery, Observer: sample}, {N: c.SampleEvery, Observer: msd}}
	var traj trajectory.Writer
	if c.TrajectoryEvery > 0 {
		path := filepath.Join(env.Out, c.TrajectoryFile)
		if traj, err = trajectory.Create(path, trajectory.HeaderFor(s)); err != nil {
			return err
		}
		defer traj.Close()
		env.Summary.Output(path)
		obs = append(obs, sim.Every{N: c.TrajectoryEvery, Observer: traj})
	}
	w := env.watch(s)
	if w != nil {
		obs = append(obs, sim.Every{N: c.SampleEvery, Observer: w})
	}
	runErr := run("production", c.Steps, obs)
	if w != nil && runErr == nil {
		runErr = w.Observe(s)
	}

	// Whatever happened, report what was measured so far.
	if pe.Len() > 0 {
		env.Summary.Observe("potential_energy_per_particle", pe.Estimate())
		env.Summary.Observe("pressure", press.Estimate())
		env.Summary.Observe("temperature", temp.Estimate())
		env.Summary.Observe("samples", pe.Len())
		if err := writeRDF(env, rdf); err != nil && runErr == nil {
			runErr = err
		}
		if err := writeMSD(env, msd); err != nil && runErr == nil {
			runErr = err
		}
	}
	ns := pair.NeighborStats()
	env.Summary.Observe("neighbor_builds", ns.Builds)
	env.Summary.Observe("neighbor_dangerous_builds", ns.Dangerous)
	if runErr != nil {
		return runErr
	}
	env.Logf("lj-fluid: U/N = %v, P = %v, T = %v", pe.Estimate(), press.Estimate(), temp.Estimate())
	return saveCheckpoint()
}

// writeRDF stores g(r) as CSV and PNG.
func writeRDF(env *Env, rdf *observe.RDF) error {
	csvPath := filepath.Join(env.Out, "rdf.csv")
	if err := rdf.WriteCSV(csvPath); err != nil {
		return err
	}
	env.Summary.Output(csvPath)
	ge := rdf.G()
	g, e := make([]float64, len(ge)), make([]float64, len(ge))
	for i, v := range ge {
		g[i], e[i] = v.Mean, v.StdErr
	}
	fig := viz.Figure{Title: "Radial distribution function", XLabel: "r / σ", YLabel: "g(r)",
		Series: []viz.Series{{Label: "g(r) ± standard error", X: rdf.R(), Y: g, Err: e}}}
	pngPath := filepath.Join(env.Out, "rdf.png")
	if err := fig.Save(pngPath); err != nil {
		return err
	}
	env.Summary.Output(pngPath)
	return nil
}

// writeMSD stores the mean squared displacement as CSV and reports the
// self-diffusion coefficient from a straight-line fit of MSD = 6Dt over
// the second half of the production run.
func writeMSD(env *Env, msd *observe.MSD) error {
	path := filepath.Join(env.Out, "msd.csv")
	if err := msd.WriteCSV(path); err != nil {
		return err
	}
	env.Summary.Output(path)
	pts := msd.Points()
	if len(pts) < 4 {
		return nil
	}
	var st, sm, stt, stm float64
	half := pts[len(pts)/2:]
	t0 := pts[0].Time
	for _, p := range half {
		t := p.Time - t0
		st, sm, stt, stm = st+t, sm+p.MSD, stt+t*t, stm+t*p.MSD
	}
	n := float64(len(half))
	if den := n*stt - st*st; den > 0 {
		env.Summary.Observe("diffusion_coefficient", (n*stm-st*sm)/den/6)
	}
	return nil
}

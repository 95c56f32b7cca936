package scenarios

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/integrators/kuramoto"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
	"github.com/physim/physim/sim/stats"
	"github.com/physim/physim/sim/trajectory"
)

// streamLatticeInitial keys the random initial displacements of the
// oscillator-lattice scenario on (seed, site).
const streamLatticeInitial = rng.StreamUser + 31

// spaceTimeRows bounds the number of rows (times) of the space–time image.
const spaceTimeRows = 512

// OscillatorLatticeConfig configures the oscillator-lattice scenario: a
// lattice of unit-mass oscillators with three displacement channels (see
// kuramoto.OscillatorLattice for the energy; its keys nx, ny, spacing,
// open, omega0, k and coupling are embedded) under underdamped Langevin
// dynamics (BAOAB) or NVE (velocity Verlet). Lengths are in σ, times in τ,
// energies in ε. Waves are started in channel z and travel along +x.
type OscillatorLatticeConfig struct {
	kuramoto.OscillatorLattice
	// Dynamics is "langevin" (BAOAB at KT with drag Gamma) or "nve".
	Dynamics string `toml:"dynamics"`
	// KT is the bath temperature (ε) and Gamma the drag (m/τ) of Langevin
	// dynamics.
	KT    float64 `toml:"kT"`
	Gamma float64 `toml:"gamma"`
	// Dt is the time step (τ), Steps their number and SampleEvery the
	// sampling period in steps.
	Dt          float64 `toml:"dt"`
	Steps       int64   `toml:"steps"`
	SampleEvery int64   `toml:"sample_every"`
	// Initial is "plane-wave" (u_z = A cos(k x), travelling along +x at
	// the phase velocity ω(k)/k), "wave-packet" (the same under a Gaussian
	// envelope of standard deviation PacketWidth sites centred at Nx/4,
	// travelling at the group velocity dω/dk) or "random" (every
	// displacement component Gaussian with standard deviation Amplitude,
	// at rest; Amplitude 0 starts from rest). Waves need a periodic
	// lattice; k = 2π WaveMode / Nx rad per site.
	Initial     string  `toml:"initial"`
	WaveMode    int     `toml:"wave_mode"`
	Amplitude   float64 `toml:"amplitude"`
	PacketWidth float64 `toml:"packet_width"`
	// TrajectoryEvery writes a frame every so many steps (0: none) to
	// TrajectoryFile (.pstraj, .xyz or .xyz.gz), with velocities.
	TrajectoryEvery int64  `toml:"trajectory_every"`
	TrajectoryFile  string `toml:"trajectory_file"`
}

// OscillatorLattice is a 1D or 2D lattice of coupled oscillators (the
// LangevinFlow latent prior) carrying travelling waves; it measures the
// kinetic temperature, the wave's phase or group velocity against the
// dispersion relation, and draws the displacement of one row against time.
type OscillatorLattice struct{}

// Name implements Scenario.
func (OscillatorLattice) Name() string { return "oscillator-lattice" }

// Describe implements Scenario.
func (OscillatorLattice) Describe() string {
	return "lattice of coupled oscillators (Langevin/NVE): travelling waves vs dispersion, kinetic temperature, space–time image"
}

// DefaultConfig implements Scenario: a periodic chain of 128 harmonic
// oscillators (ω₀ = 0.5, K = 1) at kT = 0.001 with weak drag 0.01, started
// as a plane wave of mode 4 (k = 0.196, ω = 0.537, phase velocity
// 2.74 sites/τ) and amplitude 0.5, for t = 200 τ.
func (OscillatorLattice) DefaultConfig() Config {
	return &OscillatorLatticeConfig{
		OscillatorLattice: kuramoto.OscillatorLattice{Nx: 128, Ny: 1, Spacing: 1, Omega0: 0.5, K: 1, Coupling: "harmonic"},
		Dynamics:          "langevin", KT: 0.001, Gamma: 0.01, Dt: 0.05, Steps: 4000, SampleEvery: 5,
		Initial: "plane-wave", WaveMode: 4, Amplitude: 0.5, PacketWidth: 8,
		TrajectoryFile: "lattice.pstraj",
	}
}

// Validate implements Config.
func (c *OscillatorLatticeConfig) Validate() error {
	const name = "oscillator-lattice"
	bad := func(key string, v any, want string) error { return configErr(name, key, v, want) }
	switch {
	case c.Nx < 1:
		return bad("nx", c.Nx, "need at least 1 site")
	case c.Ny < 0:
		return bad("ny", c.Ny, "must be ≥ 0 (0 or 1: a chain)")
	}
	if err := c.OscillatorLattice.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case c.K < 0:
		return bad("k", c.K, "must be ≥ 0 (a negative coupling makes the lattice unstable)")
	case c.Dynamics != "langevin" && c.Dynamics != "nve":
		return bad("dynamics", c.Dynamics, `want "langevin" or "nve"`)
	case !(c.KT >= 0) || math.IsInf(c.KT, 0):
		return bad("kT", c.KT, "must be finite and ≥ 0")
	case c.Dynamics == "langevin" && !positiveFinite(c.Gamma):
		return bad("gamma", c.Gamma, "must be positive for Langevin dynamics")
	case !positiveFinite(c.Dt):
		return bad("dt", c.Dt, "the time step must be positive and finite")
	case c.Dt*c.maxFrequency() >= 2:
		return bad("dt", c.Dt, fmt.Sprintf("dt·ω_max = %.3g must be below 2 for a stable step (ω_max = %.4g τ⁻¹)", c.Dt*c.maxFrequency(), c.maxFrequency()))
	case c.Steps < 1:
		return bad("steps", c.Steps, "need at least 1")
	case c.SampleEvery < 1:
		return bad("sample_every", c.SampleEvery, "must be at least 1")
	case c.TrajectoryEvery < 0:
		return bad("trajectory_every", c.TrajectoryEvery, "must be ≥ 0")
	case c.TrajectoryEvery > 0 && (c.TrajectoryFile == "" || filepath.Base(c.TrajectoryFile) != c.TrajectoryFile):
		return bad("trajectory_file", c.TrajectoryFile, "must be a file name inside the output directory")
	case !(c.Amplitude >= 0) || math.IsInf(c.Amplitude, 0):
		return bad("amplitude", c.Amplitude, "must be finite and ≥ 0")
	}
	switch c.Initial {
	case "random":
		return nil
	case "plane-wave", "wave-packet":
	default:
		return bad("initial", c.Initial, `want "plane-wave", "wave-packet" or "random"`)
	}
	switch {
	case c.Open:
		return bad("open", true, "a travelling wave (initial = "+c.Initial+") needs a periodic lattice")
	case c.WaveMode < 1 || 2*c.WaveMode >= c.Nx:
		return bad("wave_mode", c.WaveMode, fmt.Sprintf("must be in 1 … %d (below nx/2)", (c.Nx-1)/2))
	case !(c.Amplitude > 0):
		return bad("amplitude", c.Amplitude, "a wave needs a positive amplitude")
	case c.Initial == "wave-packet" && !(c.PacketWidth > 0 && c.PacketWidth <= float64(c.Nx)/4):
		return bad("packet_width", c.PacketWidth, fmt.Sprintf("must be in (0, nx/4 = %g] sites", float64(c.Nx)/4))
	}
	if w := c.Frequency(c.wavenumber(), 0); w*c.Dt*float64(c.SampleEvery) >= math.Pi/2 {
		return bad("sample_every", c.SampleEvery, fmt.Sprintf("samples %.3g τ apart cannot follow a wave of ω = %.4g τ⁻¹ (need ω·Δt < π/2)", c.Dt*float64(c.SampleEvery), w))
	}
	return nil
}

// maxFrequency returns the largest normal-mode frequency, at k = (π, π).
func (c *OscillatorLatticeConfig) maxFrequency() float64 { return c.Frequency(math.Pi, math.Pi) }

// wavenumber returns k = 2π WaveMode/Nx (rad per site).
func (c *OscillatorLatticeConfig) wavenumber() float64 {
	return 2 * math.Pi * float64(c.WaveMode) / float64(c.Nx)
}

// spacing returns the lattice constant a (σ).
func (c *OscillatorLatticeConfig) spacing() float64 {
	if c.Spacing == 0 {
		return 1
	}
	return c.Spacing
}

// WaveVelocities returns the phase velocity ω(k)/k and the group velocity
// dω/dk = K sin k/ω(k) (σ/τ) of the harmonic dispersion relation at the
// configured wave mode.
func (c *OscillatorLatticeConfig) WaveVelocities() (phase, group float64) {
	k := c.wavenumber()
	w := c.Frequency(k, 0)
	return w / k * c.spacing(), c.K * math.Sin(k) / w * c.spacing()
}

// ExpectedKineticTemperature returns the mean kinetic temperature that
// BAOAB gives for the harmonic lattice at KT: each normal mode has
// ⟨v²⟩ = kT(1 − h²ω_k²/4), averaged over the modes (k = 2πm/N periodic,
// πm/N open).
func (c *OscillatorLatticeConfig) ExpectedKineticTemperature() float64 {
	nx, ny := c.Nx, max(c.Ny, 1)
	dk := 2 * math.Pi
	if c.Open {
		dk = math.Pi
	}
	var sum float64
	for mx := 0; mx < nx; mx++ {
		for my := 0; my < ny; my++ {
			w := c.Frequency(dk*float64(mx)/float64(nx), dk*float64(my)/float64(ny))
			sum += 1 - c.Dt*c.Dt*w*w/4
		}
	}
	return c.KT * sum / float64(nx*ny)
}

// initialState returns the starting state of c.
func (c *OscillatorLatticeConfig) initialState(lat *kuramoto.OscillatorLattice, seed uint64) *sim.State {
	s := lat.NewState()
	k, amp := c.wavenumber(), c.Amplitude
	switch c.Initial {
	case "plane-wave":
		lat.PlaneWave(s, k, 0, amp, 2)
	case "wave-packet":
		w, x0, nx := c.Frequency(k, 0), float64(c.Nx)/4, float64(c.Nx)
		for i := range s.Pos {
			x := float64(i % c.Nx)
			d := math.Remainder(x-x0, nx) // nearest periodic image
			g := amp * math.Exp(-d*d/(2*c.PacketWidth*c.PacketWidth))
			sn, cs := math.Sincos(k * d)
			s.Pos[i][2] += g * cs
			s.Vel[i][2] = g * w * sn
		}
	case "random":
		for i := range s.Pos {
			g := rng.Key{Seed: seed, Particle: uint32(i), Stream: streamLatticeInitial}.Normal3()
			s.Pos[i] = s.Pos[i].Add(sim.Vec3(g).Scale(amp))
		}
	}
	return s
}

// latticeSampler collects the samples of an oscillator-lattice run.
type latticeSampler struct {
	c       *OscillatorLatticeConfig
	lat     *kuramoto.OscillatorLattice
	comFree bool
	stride  int // space–time rows every stride samples
	// Per sample: time, kinetic temperature, total energy per site and the
	// wave's tracker (mode phase or packet centre, in rad).
	t, temp, energy, tracker []float64
	rate                     stats.Series // wave tracker rate (rad/τ)
	// Space–time image: displacement u_z of row 0, one row per recorded time.
	rowT, rows []float64
}

// track returns the wave's tracked angle: the phase of the Fourier
// amplitude (1/N) Σ u_z e^{−ikx} for a plane wave, or the angle of the
// circular mean of the packet's intensity u_z² + (v_z/ω)² over x.
func (ls *latticeSampler) track(s *sim.State) float64 {
	c := ls.c
	var z complex128
	k, w := c.wavenumber(), c.Frequency(c.wavenumber(), 0)
	for i := range s.Pos {
		x := float64(i % c.Nx)
		u := s.Pos[i][2] - ls.lat.Site(i)[2]
		if c.Initial == "plane-wave" {
			z += complex(u, 0) * cmplx.Rect(1, -k*x)
		} else {
			v := s.Vel[i][2] / w
			z += complex(u*u+v*v, 0) * cmplx.Rect(1, 2*math.Pi*x/float64(c.Nx))
		}
	}
	return cmplx.Phase(z)
}

func (ls *latticeSampler) Observe(s *sim.State) error {
	c := ls.c
	k := len(ls.t)
	ls.t = append(ls.t, s.Time)
	ls.temp = append(ls.temp, s.Temperature(ls.comFree))
	ls.energy = append(ls.energy, (s.PotentialEnergy+s.KineticEnergy())/float64(s.N()))
	if c.Initial != "random" {
		ls.tracker = append(ls.tracker, ls.track(s))
		if k > 0 {
			d := math.Remainder(ls.tracker[k]-ls.tracker[k-1], 2*math.Pi)
			ls.rate.Add(d / (ls.t[k] - ls.t[k-1]))
		}
	}
	if k%ls.stride == 0 {
		ls.rowT = append(ls.rowT, s.Time)
		for x := 0; x < c.Nx; x++ {
			ls.rows = append(ls.rows, s.Pos[x][2]-ls.lat.Site(x)[2])
		}
	}
	return nil
}

// Run implements Scenario.
func (OscillatorLattice) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*OscillatorLatticeConfig)
	lat := c.OscillatorLattice // a copy: the force keeps scratch memory
	s := c.initialState(&lat, env.Seed)
	var integ sim.Integrator = &integrators.VelocityVerlet{Force: &lat, Dt: c.Dt}
	if c.Dynamics == "langevin" {
		integ = &integrators.LangevinBAOAB{Force: &lat, Dt: c.Dt, KT: c.KT, Gamma: c.Gamma, Seed: env.Seed}
	}
	if err := integ.Init(s); err != nil {
		return err
	}
	env.Logf("oscillator-lattice: %d × %d %s lattice (ω₀ %g, K %g), %s dynamics, dt %g × %d steps, initial %s",
		c.Nx, max(c.Ny, 1), c.couplingName(), c.Omega0, c.K, c.Dynamics, c.Dt, c.Steps, c.Initial)

	samples := c.Steps/c.SampleEvery + 1
	ls := &latticeSampler{c: c, lat: &lat, comFree: c.Dynamics == "nve" && c.Omega0 == 0,
		stride: int((samples + spaceTimeRows - 1) / spaceTimeRows)}
	obs := []sim.Every{{N: c.SampleEvery, Observer: ls}}
	if c.TrajectoryEvery > 0 {
		path := filepath.Join(env.Out, c.TrajectoryFile)
		h := trajectory.HeaderFor(s)
		h.Velocities = true
		traj, err := trajectory.Create(path, h)
		if err != nil {
			return err
		}
		defer traj.Close()
		env.Summary.Output(path)
		if err := traj.Observe(s); err != nil {
			return err
		}
		obs = append(obs, sim.Every{N: c.TrajectoryEvery, Observer: traj})
	}
	if err := ls.Observe(s); err != nil {
		return err
	}
	bar := env.Progress("oscillator-lattice", c.Steps)
	r := sim.Runner{Integrator: integ, Observers: obs, Progress: func(int64) { bar.Add(1) }}
	runErr := r.Run(ctx, s, c.Steps)
	bar.Done()

	// Whatever happened, report what was measured.
	if err := c.report(env, ls); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

func (c *OscillatorLatticeConfig) couplingName() string {
	if c.Coupling == "" {
		return "harmonic"
	}
	return c.Coupling
}

// report writes lattice.csv, the space–time image and the observables.
func (c *OscillatorLatticeConfig) report(env *Env, ls *latticeSampler) error {
	header, cols := []string{"t", "kinetic_temperature", "energy_per_site"}, [][]float64{ls.t, ls.temp, ls.energy}
	switch c.Initial {
	case "plane-wave":
		header, cols = append(header, "mode_phase"), append(cols, ls.tracker)
	case "wave-packet":
		header, cols = append(header, "packet_angle"), append(cols, ls.tracker)
	}
	if err := writeCSV(env, "lattice.csv", header, cols...); err != nil {
		return err
	}
	env.Summary.Observe("kinetic_temperature", secondHalf(ls.temp))
	env.Summary.Observe("kT", c.KT)
	if c.Dynamics == "langevin" && c.couplingName() == "harmonic" {
		env.Summary.Observe("kinetic_temperature_expected", c.ExpectedKineticTemperature())
	}
	if e0 := ls.energy[0]; c.Dynamics == "nve" && e0 != 0 {
		env.Summary.Observe("energy_drift", (ls.energy[len(ls.energy)-1]-e0)/math.Abs(e0))
	}
	if c.Initial != "random" {
		vp, vg := c.WaveVelocities()
		k := c.wavenumber()
		env.Summary.Observe("wavenumber", k/c.spacing())
		env.Summary.Observe("frequency_theory", c.Frequency(k, 0))
		env.Summary.Observe("phase_velocity_theory", vp)
		env.Summary.Observe("group_velocity_theory", vg)
		if ls.rate.Len() > 0 {
			rate := ls.rate.Estimate()
			if c.Initial == "plane-wave" { // the mode's phase turns at −ω
				env.Summary.Observe("phase_velocity", stats.MeanErr{Mean: -rate.Mean / k * c.spacing(), StdErr: rate.StdErr / k * c.spacing()})
			} else { // the centre angle turns at 2π v_g/(Nx a)
				f := float64(c.Nx) * c.spacing() / (2 * math.Pi)
				env.Summary.Observe("group_velocity", stats.MeanErr{Mean: rate.Mean * f, StdErr: rate.StdErr * f})
			}
		}
	}
	return saveSpaceTime(env, c, ls.rowT, ls.rows)
}

// spaceTime is the displacement of one lattice row at successive times,
// as a gonum/plot grid: column x (σ), row t (τ).
type spaceTime struct {
	nx      int
	spacing float64
	t, u    []float64
}

func (g spaceTime) Dims() (c, r int)   { return g.nx, len(g.t) }
func (g spaceTime) Z(c, r int) float64 { return g.u[r*g.nx+c] }
func (g spaceTime) X(c int) float64    { return float64(c) * g.spacing }
func (g spaceTime) Y(r int) float64    { return g.t[r] }

// saveSpaceTime draws u_z(x, t) of row 0 as a heat map in spacetime.png,
// on a blue–white–red scale symmetric about zero.
func saveSpaceTime(env *Env, c *OscillatorLatticeConfig, ts, rows []float64) error {
	var umax float64
	for _, u := range rows {
		umax = math.Max(umax, math.Abs(u))
	}
	if !(umax > 0) || math.IsInf(umax, 0) {
		umax = 1
	}
	cm := moreland.SmoothBlueRed()
	cm.SetMin(-umax)
	cm.SetMax(umax)
	hm := plotter.NewHeatMap(spaceTime{nx: c.Nx, spacing: c.spacing(), t: ts, u: rows}, cm.Palette(255))
	hm.Min, hm.Max, hm.Rasterized = -umax, umax, true
	p := plot.New()
	p.Title.Text = fmt.Sprintf("Displacement u_z of row 0 (blue −%.3g … red +%.3g σ)", umax, umax)
	p.X.Label.Text = "x / σ"
	p.Y.Label.Text = "t / τ"
	p.Add(hm)
	return savePlot(env, "spacetime.png", p, 16, 14)
}

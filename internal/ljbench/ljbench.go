// Package ljbench times physim on LAMMPS's standard Lennard-Jones benchmark
// (bench/in.lj: 32,000 atoms on an fcc lattice at ρ = 0.8442, velocities at
// T = 1.44, LJ cut at 2.5σ, skin 0.3σ, NVE, dt = 0.005) and on variants of
// it, and, when lmp is installed, runs the equivalent LAMMPS input in
// alternation with physim so that machine noise affects both alike. It
// also times the Brownian workload of the BD-versus-DDFT scenario. The
// command `physim bench` is its user interface; docs/performance.md
// reports its figures.
package ljbench

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"time"
)

// The in.lj state point and model, in reduced LJ units.
const (
	// Density is the number density ρ in σ⁻³.
	Density = 0.8442
	// KT is the initial temperature in ε.
	KT = 1.44
	// Cutoff is the LJ cutoff r_c in σ (plain cut, LAMMPS lj/cut).
	Cutoff = 2.5
	// Skin is the Verlet skin in σ.
	Skin = 0.3
	// ListEvery is the neighbour-list interval in steps: LAMMPS rebuilds
	// unconditionally every 20 steps ("neigh_modify every 20 check no");
	// physim checks every 20 steps and rebuilds when a particle has moved
	// more than half the skin (neighbor.Verlet.Every = 20).
	ListEvery = 20
	// Damp is the Langevin damping time m/γ in τ (γ = 1 m/τ).
	Damp = 1.0
	// lammpsSeed is the seed of LAMMPS's "velocity create" in in.lj.
	lammpsSeed = 87287
)

// Dynamics names.
const (
	NVE      = "nve"      // velocity Verlet; LAMMPS fix nve
	Langevin = "langevin" // BAOAB; LAMMPS fix langevin + fix nve
	Brownian = "brownian" // Euler–Maruyama; no LAMMPS counterpart here
)

// Settings configures an LJ benchmark. Zero fields take the defaults in
// brackets.
type Settings struct {
	// Atoms lists the system sizes, each 4n³ (an n×n×n block of fcc
	// cells) [32000].
	Atoms []int
	// Dynamics lists the dynamics: NVE, Langevin, Brownian [nve, langevin].
	Dynamics []string
	// Workers lists physim's worker counts [1 and runtime.NumCPU()].
	Workers []int
	// Steps is the number of timed steps per run [100]; Warmup the
	// untimed steps before them, on both sides [20; a negative value for
	// none].
	Steps, Warmup int
	// Reps is the number of repetitions whose medians are reported [5].
	Reps int
	// Dt is the time step in τ [0.005; 0.0002 for Brownian dynamics,
	// whose drag of 1 m/τ lets larger steps blow up the dense fluid].
	Dt float64
	// VsLAMMPS also runs LAMMPS (plain and -sf opt) for NVE and Langevin
	// cases, alternating with physim; it needs lmp on the PATH.
	VsLAMMPS bool
	// Seed selects physim's initial velocities and noise [1].
	Seed uint64
	// TempDir is where LAMMPS inputs and logs go [os.TempDir()].
	TempDir string
}

// withDefaults returns s with its zero fields filled in.
func (s Settings) withDefaults() Settings {
	if len(s.Atoms) == 0 {
		s.Atoms = []int{32000}
	}
	if len(s.Dynamics) == 0 {
		s.Dynamics = []string{NVE, Langevin}
	}
	if len(s.Workers) == 0 {
		s.Workers = []int{1}
		if n := runtime.NumCPU(); n > 1 {
			s.Workers = append(s.Workers, n)
		}
	}
	if s.Steps == 0 {
		s.Steps = 100
	}
	if s.Warmup == 0 {
		s.Warmup = 20
	}
	s.Warmup = max(s.Warmup, 0)
	if s.Reps == 0 {
		s.Reps = 5
	}
	if s.Seed == 0 {
		s.Seed = 1
	}
	return s
}

// check validates settings with defaults filled in.
func (s Settings) check() error {
	for _, n := range s.Atoms {
		if _, err := fccCells(n); err != nil {
			return err
		}
	}
	for _, d := range s.Dynamics {
		if d != NVE && d != Langevin && d != Brownian {
			return fmt.Errorf("ljbench: unknown dynamics %q (want nve, langevin or brownian)", d)
		}
	}
	for _, w := range s.Workers {
		if w < 1 {
			return fmt.Errorf("ljbench: worker count %d; need at least 1", w)
		}
	}
	switch {
	case s.Steps < 1 || s.Warmup < 0 || s.Reps < 1:
		return fmt.Errorf("ljbench: need steps ≥ 1, warm-up ≥ 0 and repetitions ≥ 1, got %d, %d, %d", s.Steps, s.Warmup, s.Reps)
	case s.Dt < 0 || math.IsInf(s.Dt, 0) || math.IsNaN(s.Dt):
		return fmt.Errorf("ljbench: time step %g τ; need a positive value (or 0 for the default)", s.Dt)
	}
	return nil
}

// dt returns the time step of dynamics d in τ.
func (s Settings) dt(d string) float64 {
	switch {
	case s.Dt > 0:
		return s.Dt
	case d == Brownian:
		return 0.0002
	}
	return 0.005
}

// fccCells returns n for atoms = 4n³, or an error.
func fccCells(atoms int) (int, error) {
	n := int(math.Round(math.Cbrt(float64(atoms) / 4)))
	if atoms < 1 || 4*n*n*n != atoms {
		return 0, fmt.Errorf("ljbench: %d atoms is not 4n³ (an n×n×n block of fcc cells, like in.lj); try 4000, 32000, 108000 or 256000", atoms)
	}
	// The box edge n·(4/ρ)^(1/3) must exceed 2(r_c + skin).
	if float64(n)*math.Cbrt(4/Density) < 2*(Cutoff+Skin) {
		return 0, fmt.Errorf("ljbench: %d atoms make a box shorter than 2 × (r_c + skin) = %g σ; use at least 256", atoms, 2*(Cutoff+Skin))
	}
	return n, nil
}

// Engine names the program that ran a case.
type Engine string

// The engines.
const (
	Physim    Engine = "physim"
	LAMMPS    Engine = "lammps"
	LAMMPSOpt Engine = "lammps -sf opt"
)

// Case is one benchmarked configuration.
type Case struct {
	Engine   Engine
	Atoms    int
	Dynamics string
	// Workers is physim's worker count (LAMMPS runs one serial process).
	Workers int
}

// Sample is one timed run of a case.
type Sample struct {
	// Steps is the number of timed steps and Wall their wall time.
	Steps int
	Wall  time.Duration
	// Pair, Neighbor, Integrate and Other split Wall: pair forces,
	// neighbour-list checks and builds, the integrator (for physim
	// everything in Integrator.Step outside Force.Compute, including the
	// zeroing and finiteness check of the forces in sim.EvalForces; for
	// LAMMPS "Modify"), and the rest (LAMMPS "Comm", "Output", "Other").
	Pair, Neighbor, Integrate, Other time.Duration
	// Builds counts neighbour-list builds during the timed steps.
	Builds int64
	// Temp is the final kinetic temperature (3N − 3 degrees of freedom)
	// and Energy the final potential energy per atom, in ε: both sides
	// simulate the same physics, so these agree within fluctuations.
	Temp, Energy float64
	// Hash fingerprints the final positions and velocities (physim only).
	Hash uint64
}

// AtomSteps returns atom-steps per second.
func (s Sample) AtomSteps(atoms int) float64 {
	return float64(atoms) * float64(s.Steps) / s.Wall.Seconds()
}

// Result holds the samples of one case, one per repetition.
type Result struct {
	Case    Case
	Samples []Sample
}

// Median returns the sample with the median atom-step rate (the lower
// middle one for an even count).
func (r *Result) Median() Sample {
	s := slices.Clone(r.Samples)
	slices.SortFunc(s, func(a, b Sample) int { return int(a.Wall - b.Wall) })
	return s[(len(s)-1)/2]
}

// Run runs every case of set Reps times, each repetition visiting the
// cases in the same order (physim and LAMMPS alternating), prints the
// tables to w and returns the results. Progress lines go to log.
func Run(ctx context.Context, set Settings, w, log io.Writer) ([]*Result, error) {
	set = set.withDefaults()
	if err := set.check(); err != nil {
		return nil, err
	}
	cases := set.cases()
	res := make([]*Result, len(cases))
	for i, c := range cases {
		res[i] = &Result{Case: c}
	}
	for rep := 0; rep < set.Reps; rep++ {
		for i, c := range cases {
			fmt.Fprintf(log, "ljbench: repetition %d/%d: %s %s, %d atoms, %d workers\n", rep+1, set.Reps, c.Engine, c.Dynamics, c.Atoms, c.Workers)
			smp, err := set.runCase(ctx, c)
			if err != nil {
				return res, err
			}
			res[i].Samples = append(res[i].Samples, smp)
		}
	}
	return res, writeTables(w, set, res)
}

// cases lists the cases of set in the order of a repetition.
func (s Settings) cases() []Case {
	var out []Case
	for _, n := range s.Atoms {
		for _, d := range s.Dynamics {
			for _, w := range s.Workers {
				out = append(out, Case{Engine: Physim, Atoms: n, Dynamics: d, Workers: w})
				if s.VsLAMMPS && d != Brownian && w == s.Workers[0] {
					out = append(out, Case{Engine: LAMMPS, Atoms: n, Dynamics: d, Workers: 1})
				}
			}
			if s.VsLAMMPS && d != Brownian {
				out = append(out, Case{Engine: LAMMPSOpt, Atoms: n, Dynamics: d, Workers: 1})
			}
		}
	}
	return out
}

// runCase runs one repetition of c.
func (s Settings) runCase(ctx context.Context, c Case) (Sample, error) {
	if c.Engine == Physim {
		return s.runPhysim(ctx, c)
	}
	return s.runLAMMPS(ctx, c)
}

package ljbench

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"runtime"
	"time"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
)

// timedForce adds the wall time of every Compute call to d.
type timedForce struct {
	f sim.Force
	d time.Duration
}

// Compute times the wrapped force's Compute.
func (t *timedForce) Compute(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
	t0 := time.Now()
	r, err := t.f.Compute(s, f)
	t.d += time.Since(t0)
	return r, err
}

// timedIntegrator adds the wall time of every Step to d.
type timedIntegrator struct {
	sim.Integrator
	d time.Duration
}

// Step times the wrapped integrator's Step.
func (t *timedIntegrator) Step(s *sim.State) error {
	t0 := time.Now()
	err := t.Integrator.Step(s)
	t.d += time.Since(t0)
	return err
}

// integrator returns the integrator of dynamics d for force f at kT,
// updating the particles on workers goroutines.
func integrator(d string, f sim.Force, dt, kT, gamma float64, seed uint64, workers int) sim.Integrator {
	switch d {
	case Langevin:
		return &integrators.LangevinBAOAB{Force: f, Dt: dt, KT: kT, Gamma: gamma, Seed: seed, Workers: workers}
	case Brownian:
		return &integrators.Brownian{Force: f, Dt: dt, KT: kT, Gamma: gamma, Seed: seed, Workers: workers}
	}
	return &integrators.VelocityVerlet{Force: f, Dt: dt, Workers: workers}
}

// runPhysim runs one repetition of c in this process: the in.lj set-up,
// Warmup untimed steps, then Steps timed ones.
func (s Settings) runPhysim(ctx context.Context, c Case) (Sample, error) {
	n, err := fccCells(c.Atoms)
	if err != nil {
		return Sample{}, err
	}
	st := sim.FCC(n, n, n, Density)
	if err := (integrators.MaxwellBoltzmann{KT: KT, Seed: s.Seed, Rescale: true}).Assign(st); err != nil {
		return Sample{}, err
	}
	pair, err := potentials.NewPair(potentials.LJ{Cutoff: Cutoff}, potentials.PairSettings{Skin: Skin, Every: ListEvery, Workers: c.Workers})
	if err != nil {
		return Sample{}, err
	}
	force := &timedForce{f: pair}
	integ := &timedIntegrator{Integrator: integrator(c.Dynamics, force, s.dt(c.Dynamics), KT, 1/Damp, s.Seed, c.Workers)}
	smp, err := timeRun(ctx, integ, force, st, s.Warmup, s.Steps, pair.NeighborStats)
	if err != nil {
		return smp, fmt.Errorf("ljbench: physim %s, %d atoms, %d workers: %w", c.Dynamics, c.Atoms, c.Workers, err)
	}
	return smp, nil
}

// timeRun initialises integ on st, runs warmup steps and then times steps
// steps, splitting the time with the timed force and integrator and the
// neighbour statistics ns.
func timeRun(ctx context.Context, integ *timedIntegrator, force *timedForce, st *sim.State, warmup, steps int, ns func() potentials.NeighborStats) (Sample, error) {
	if err := integ.Init(st); err != nil {
		return Sample{}, err
	}
	run := sim.Runner{Integrator: integ}
	if err := run.Run(ctx, st, int64(warmup)); err != nil {
		return Sample{}, err
	}
	runtime.GC() // the set-up's garbage is not the timed steps' business
	n0, f0, i0 := ns(), force.d, integ.d
	t0 := time.Now()
	if err := run.Run(ctx, st, int64(steps)); err != nil {
		return Sample{}, err
	}
	wall := time.Since(t0)
	n1 := ns()
	smp := Sample{
		Steps:    steps,
		Wall:     wall,
		Neighbor: n1.ListTime - n0.ListTime,
		Builds:   n1.Builds - n0.Builds,
		Temp:     st.Temperature(true),
		Energy:   st.PotentialEnergy / float64(st.N()),
		Hash:     fingerprint(st),
	}
	smp.Pair = force.d - f0 - smp.Neighbor
	smp.Integrate = integ.d - i0 - (force.d - f0)
	smp.Other = wall - (integ.d - i0)
	return smp, nil
}

// fingerprint hashes the bits of the positions and velocities of st.
func fingerprint(st *sim.State) uint64 {
	h := fnv.New64a()
	var b [8]byte
	put := func(x float64) {
		u := math.Float64bits(x)
		for k := range b {
			b[k] = byte(u >> (8 * k))
		}
		h.Write(b[:])
	}
	for i := range st.Pos {
		for k := 0; k < 3; k++ {
			put(st.Pos[i][k])
			put(st.Vel[i][k])
		}
	}
	return h.Sum64()
}

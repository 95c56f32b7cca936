package integrators

import (
	"math"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
)

// Brownian integrates overdamped Langevin (Brownian) dynamics
//
//	dx = F/Gamma dt + sqrt(2 D) dW,  D = KT/Gamma,
//
// with the Euler–Maruyama scheme x ← x + F/Gamma·Dt + sqrt(2 KT Dt/Gamma) ξ
// (LAMMPS fix brownian with Gaussian noise, JAX-MD brownian). Masses play no
// role. The scheme is first order: free diffusion is exact, but in a
// harmonic well of stiffness k the stationary variance is
// (KT/k)/(1 − Dt·k/(2 Gamma)), so Dt must be small compared with
// Gamma/k_max, the fastest relaxation time of the potential.
//
// Velocities: after each step s.Vel holds the displacement of that step
// divided by Dt (the OpenMM convention). It is what the particle did, and
// averages to the drift velocity F/Gamma, but it is not a thermal velocity:
// its noise has variance 2 KT/(Gamma Dt) per component, so the kinetic
// temperature of the state is meaningless here; use KT. Init leaves the
// velocities as they are, and the integrator never reads them.
type Brownian struct {
	// Force gives the forces; it is evaluated once per step.
	Force sim.Force
	// Dt is the time step in τ (required, > 0).
	Dt float64
	// KT is the bath temperature in ε (≥ 0).
	KT float64
	// Gamma is the drag coefficient in m/τ (required, > 0); D = KT/Gamma.
	Gamma float64
	// Seed selects the noise (stream rng.StreamBrownian).
	Seed uint64
	// Workers is the number of goroutines that update the particles (0 or
	// 1: serial). Trajectories are identical for every value.
	Workers int

	par  chunks
	cur  step
	body func(lo, hi int)
}

// check validates the settings.
func (g *Brownian) check() error {
	const name = "Brownian"
	return firstError(checkForce(name, g.Force), checkDt(name, g.Dt), checkKT(name, g.KT), checkGamma(name, g.Gamma))
}

// Init validates the settings and the state and evaluates the forces.
func (g *Brownian) Init(s *sim.State) error {
	if err := g.check(); err != nil {
		return err
	}
	return initForces(g.Force, s)
}

// Step advances s by one time step Dt at temperature KT.
func (g *Brownian) Step(s *sim.State) error {
	if err := g.check(); err != nil {
		return err
	}
	if g.body == nil {
		g.body = g.move
	}
	g.cur = step{s: s, key: rng.Key{Seed: g.Seed, Step: uint64(s.Step), Stream: rng.StreamBrownian}}
	g.par.run(s.N(), g.Workers, noisyChunk, g.body)
	g.cur = step{}
	return finishStep(g.Force, s, g.Dt)
}

// move displaces particles lo to hi − 1.
func (g *Brownian) move(lo, hi int) {
	s, key, dt := g.cur.s, g.cur.key, g.Dt
	mob := dt / g.Gamma
	amp := math.Sqrt(2 * g.KT * dt / g.Gamma)
	for i := lo; i < hi; i++ {
		key.Particle = uint32(i)
		xi := key.Ziggurat3()
		x, v, f := &s.Pos[i], &s.Vel[i], &s.Force[i]
		for k := range 3 {
			d := f[k]*mob + amp*xi[k]
			x[k] += d
			v[k] = d / dt
		}
		s.Box.Wrap(x, &s.Image[i])
	}
}

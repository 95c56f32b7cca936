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
	dt := g.Dt
	mob := dt / g.Gamma
	amp := math.Sqrt(2 * g.KT * dt / g.Gamma)
	key := rng.Key{Seed: g.Seed, Step: uint64(s.Step), Stream: rng.StreamBrownian}
	for i := range s.Pos {
		key.Particle = uint32(i)
		d := s.Force[i].Scale(mob).Add(sim.Vec3(key.Normal3()).Scale(amp))
		s.Pos[i] = s.Pos[i].Add(d)
		s.Vel[i] = d.Scale(1 / dt)
		s.Box.Wrap(&s.Pos[i], &s.Image[i])
	}
	return finishStep(g.Force, s, dt)
}

package integrators

import (
	"math"

	"github.com/physim/physim/sim"
)

// VelocityVerlet integrates Newton's equations at constant energy (NVE):
//
//	v ← v + F/m·Dt/2;  x ← x + v·Dt;  F ← F(x, t+Dt);  v ← v + F/m·Dt/2.
//
// It is symplectic and time reversible; the energy error stays bounded and
// scales as Dt².
type VelocityVerlet struct {
	// Force gives the forces; it is evaluated once per step.
	Force sim.Force
	// Dt is the time step in τ (required, > 0).
	Dt float64
	// Workers is the number of goroutines that update the particles (0 or
	// 1: serial). Trajectories are identical for every value.
	Workers int

	par  chunks
	kick kicker
	cur  step
	body func(lo, hi int)
}

// check validates the settings.
func (g *VelocityVerlet) check() error {
	return firstError(checkForce("VelocityVerlet", g.Force), checkDt("VelocityVerlet", g.Dt))
}

// Init validates the settings and the state and evaluates the forces.
func (g *VelocityVerlet) Init(s *sim.State) error {
	if err := g.check(); err != nil {
		return err
	}
	return initForces(g.Force, s)
}

// Step advances s by one time step Dt.
func (g *VelocityVerlet) Step(s *sim.State) error {
	if err := g.check(); err != nil {
		return err
	}
	if g.body == nil {
		g.body = g.kickDrift
	}
	g.cur = step{s: s}
	g.par.run(s.N(), g.Workers, plainChunk, g.body)
	g.cur = step{}
	if err := finishStep(g.Force, s, g.Dt); err != nil {
		return err
	}
	g.kick.kick(s, 0.5*g.Dt, g.Workers)
	return nil
}

// kickDrift applies the first half kick and the drift to particles lo to
// hi − 1.
func (g *VelocityVerlet) kickDrift(lo, hi int) {
	s, dt := g.cur.s, g.Dt
	m, h := math.NaN(), 0.0 // h = Dt/(2m), recomputed when the mass changes
	for i := lo; i < hi; i++ {
		if s.Mass[i] != m {
			m = s.Mass[i]
			h = 0.5 * dt / m
		}
		x, v, f := &s.Pos[i], &s.Vel[i], &s.Force[i]
		for k := range 3 {
			v[k] += f[k] * h
			x[k] += v[k] * dt
		}
		s.Box.Wrap(x, &s.Image[i])
	}
}

package integrators

import "github.com/physim/physim/sim"

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
	dt := g.Dt
	for i := range s.Pos {
		s.Vel[i] = s.Vel[i].Add(s.Force[i].Scale(0.5 * dt / s.Mass[i]))
		s.Pos[i] = s.Pos[i].Add(s.Vel[i].Scale(dt))
		s.Box.Wrap(&s.Pos[i], &s.Image[i])
	}
	if err := finishStep(g.Force, s, dt); err != nil {
		return err
	}
	kick(s, 0.5*dt)
	return nil
}

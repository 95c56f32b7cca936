package integrators

import "github.com/physim/physim/sim"

// The pieces shared by the integrators' Init and Step.

// initForces validates s and evaluates f at its positions.
func initForces(f sim.Force, s *sim.State) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return sim.EvalForces(f, s)
}

// kick adds the impulse F·h/m to every velocity (the B step of a splitting).
func kick(s *sim.State, h float64) {
	for i := range s.Vel {
		s.Vel[i] = s.Vel[i].Add(s.Force[i].Scale(h / s.Mass[i]))
	}
}

// finishStep advances the clock by dt and evaluates f at the new positions
// and time. A non-finite force is reported with the new step number.
func finishStep(f sim.Force, s *sim.State, dt float64) error {
	s.Step++
	s.Time += dt
	return sim.EvalForces(f, s)
}

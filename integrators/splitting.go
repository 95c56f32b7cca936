package integrators

import (
	"math"

	"github.com/physim/physim/sim"
)

// The pieces shared by the integrators' Init and Step.

// initForces validates s and evaluates f at its positions.
func initForces(f sim.Force, s *sim.State) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return sim.EvalForces(f, s)
}

// kicker applies the B step of a splitting, v ← v + F·h/m, in parallel.
type kicker struct {
	par  chunks
	s    *sim.State
	h    float64
	body func(lo, hi int)
}

// kick adds the impulse F·h/m to every velocity of s on up to workers
// goroutines.
func (k *kicker) kick(s *sim.State, h float64, workers int) {
	if k.body == nil {
		k.body = k.kickRange
	}
	k.s, k.h = s, h
	k.par.run(len(s.Vel), workers, plainChunk, k.body)
	k.s = nil
}

// kickRange kicks particles lo to hi − 1.
func (k *kicker) kickRange(lo, hi int) {
	s, h := k.s, k.h
	m, a := math.NaN(), 0.0 // a = h/m, recomputed when the mass changes
	for i := lo; i < hi; i++ {
		if s.Mass[i] != m {
			m = s.Mass[i]
			a = h / m
		}
		v, f := &s.Vel[i], &s.Force[i]
		v[0] += f[0] * a
		v[1] += f[1] * a
		v[2] += f[2] * a
	}
}

// finishStep advances the clock by dt and evaluates f at the new positions
// and time. A non-finite force is reported with the new step number.
func finishStep(f sim.Force, s *sim.State, dt float64) error {
	s.Step++
	s.Time += dt
	return sim.EvalForces(f, s)
}

package sim

import (
	"context"
	"errors"
	"fmt"
)

// Observer sees the state read-only at the steps its trigger selects.
type Observer interface {
	Observe(s *State) error
}

// ObserverFunc adapts a function to the Observer interface.
type ObserverFunc func(s *State) error

// Observe calls fn.
func (fn ObserverFunc) Observe(s *State) error { return fn(s) }

// Every fires an observer on steps that are multiples of N (N ≥ 1).
type Every struct {
	N        int64
	Observer Observer
}

// Runner drives an Integrator over a State and calls observers on their
// triggers. Observers fire after the step that makes s.Step a multiple of
// their period, and also at the start when FireAtStart is set.
type Runner struct {
	Integrator Integrator
	Observers  []Every
	// FireAtStart calls every observer once before the first step.
	FireAtStart bool
	// Progress, if set, is called after every step with the number of steps
	// done in this Run call.
	Progress func(done int64)
}

// ErrInterrupted is returned (wrapped) when a run stops because its context
// was cancelled; the state is then consistent at a step boundary.
var ErrInterrupted = errors.New("sim: run interrupted")

// Run advances s by steps steps. The integrator must have been initialised
// (Init) on s. On cancellation of ctx Run returns after a complete step with
// an error wrapping ErrInterrupted.
func (r *Runner) Run(ctx context.Context, s *State, steps int64) error {
	for _, o := range r.Observers {
		if o.N < 1 {
			return fmt.Errorf("sim: observer period %d must be at least 1", o.N)
		}
	}
	if r.FireAtStart {
		if err := r.fire(s, true); err != nil {
			return err
		}
	}
	for k := int64(0); k < steps; k++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%w at step %d: %v", ErrInterrupted, s.Step, err)
		}
		if err := r.Integrator.Step(s); err != nil {
			return err
		}
		if err := r.fire(s, false); err != nil {
			return err
		}
		if r.Progress != nil {
			r.Progress(k + 1)
		}
	}
	return nil
}

func (r *Runner) fire(s *State, all bool) error {
	for _, o := range r.Observers {
		if all || s.Step%o.N == 0 {
			if err := o.Observer.Observe(s); err != nil {
				return err
			}
		}
	}
	return nil
}

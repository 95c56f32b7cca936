package sim

import "fmt"

// ForceResult is what a force evaluation returns besides the forces.
type ForceResult struct {
	// Energy is the potential energy in ε.
	Energy float64
	// Virial is W = Σ_pairs r_ij·F_ij in ε (zero for forces, such as
	// external potentials, whose virial is not defined).
	Virial float64
}

// Add returns the sum of two results.
func (r ForceResult) Add(o ForceResult) ForceResult {
	return ForceResult{Energy: r.Energy + o.Energy, Virial: r.Virial + o.Virial}
}

// Force is anything that adds forces to particles: a pair potential, an
// external field, a sum of forces, or a learned network. Compute adds the
// forces at the positions (and time) of s into f, which the caller owns and
// has zeroed; len(f) == s.N(). Compute must not modify s except for caches
// the implementation owns. Implementations are deterministic: the same state
// gives bit-identical forces whatever their worker count.
type Force interface {
	Compute(s *State, f []Vec3) (ForceResult, error)
}

// ForceFunc adapts a function to the Force interface.
type ForceFunc func(s *State, f []Vec3) (ForceResult, error)

// Compute calls fn.
func (fn ForceFunc) Compute(s *State, f []Vec3) (ForceResult, error) { return fn(s, f) }

// Sum is a Force made of several forces, evaluated in order.
type Sum []Force

// Compute adds every term's forces into f and returns the summed result.
func (sum Sum) Compute(s *State, f []Vec3) (ForceResult, error) {
	var tot ForceResult
	for _, t := range sum {
		r, err := t.Compute(s, f)
		if err != nil {
			return tot, err
		}
		tot = tot.Add(r)
	}
	return tot, nil
}

// NonFiniteError reports a non-finite force (or position) met during a run.
type NonFiniteError struct {
	What     string // "force", "position", ...
	Particle int
	Step     int64
}

func (e *NonFiniteError) Error() string {
	return fmt.Sprintf("sim: non-finite %s on particle %d at step %d (the simulation exploded; reduce dt or check the initial configuration)", e.What, e.Particle, e.Step)
}

// EvalForces zeroes s.Force, evaluates f at s, checks that every force is
// finite and stores energy and virial in s.
func EvalForces(f Force, s *State) error {
	clear(s.Force)
	r, err := f.Compute(s, s.Force)
	if err != nil {
		return err
	}
	// x − x is 0 for a finite x and NaN for NaN or ±Inf, so one sum over
	// all components flags a bad force at the cost of a few additions per
	// particle; only then is the particle looked for.
	var bad float64
	for _, v := range s.Force {
		bad += (v[0] - v[0]) + (v[1] - v[1]) + (v[2] - v[2])
	}
	if bad != 0 {
		for i, v := range s.Force {
			if !v.IsFinite() {
				return &NonFiniteError{What: "force", Particle: i, Step: s.Step}
			}
		}
	}
	s.PotentialEnergy = r.Energy
	s.Virial = r.Virial
	return nil
}

// Integrator advances a State in time. Init prepares the state (for example
// evaluates the forces at the initial positions); Step advances by one time
// step and increments s.Step and s.Time. All randomness comes from a
// counter-based generator keyed on the run's seed, the step and the particle
// index, so trajectories do not depend on worker count and restart exactly.
type Integrator interface {
	Init(s *State) error
	Step(s *State) error
}

package potentials

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
)

// Validator is implemented by planar potentials whose parameters can be
// checked. External.Compute calls it before every evaluation, so it must be
// cheap.
type Validator interface {
	Validate() error
}

// validate checks p when it implements Validator.
func validate(p Planar) error {
	if p == nil {
		return fmt.Errorf("potentials: planar potential is nil")
	}
	if v, ok := p.(Validator); ok {
		return v.Validate()
	}
	return nil
}

// External is the sim.Force of a planar external potential: every particle
// feels F_z = −∂V/∂z(z, t) at its height z and the state's time. The energy
// Σ_i V(z_i, t) is summed in particle order; the virial is 0 (not defined
// for an external field).
type External struct {
	// P is the potential V(z, t).
	P Planar
}

// Compute adds the external forces into f. It returns an error, naming the
// particle and its height, when a particle sits where V = +Inf (inside a
// hard wall) or V is NaN, and when P's parameters are invalid; f is then
// partly updated. It panics if len(f) != s.N().
func (e External) Compute(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
	if len(f) != s.N() {
		panic(fmt.Sprintf("potentials: force buffer has %d entries for %d particles", len(f), s.N()))
	}
	if err := validate(e.P); err != nil {
		return sim.ForceResult{}, err
	}
	var energy float64
	for i, p := range s.Pos {
		v, dv := e.P.VdV(p[2], s.Time)
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return sim.ForceResult{}, fmt.Errorf("potentials: external potential V = %g at particle %d, z = %g σ, t = %g τ (a particle inside a hard wall?)", v, i, p[2], s.Time)
		}
		energy += v
		f[i][2] -= dv
	}
	return sim.ForceResult{Energy: energy}, nil
}

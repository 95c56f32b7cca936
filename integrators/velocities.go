package integrators

import (
	"math"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
)

// MaxwellBoltzmann assigns velocities drawn from the Maxwell–Boltzmann
// distribution at temperature KT: each component of v_i is normal with
// variance KT/m_i, then the centre-of-mass velocity is removed (when there
// is more than one particle). With Rescale the velocities are finally
// scaled so that s.Temperature(true), which counts 3N − 3 degrees of
// freedom, equals KT exactly; this is LAMMPS `velocity all create KT seed
// dist gaussian` with its defaults (mom yes, rot no), which always rescales.
// Without Rescale the temperature fluctuates about KT by about
// KT·sqrt(2/(3N)).
//
// The draws use rng.Key{Seed, s.Step, particle, rng.StreamVelocity}, so they
// depend only on the seed, the current step and the particle index. The
// zero value gives every particle zero velocity.
type MaxwellBoltzmann struct {
	// KT is the temperature in ε (≥ 0).
	KT float64
	// Seed selects the draw.
	Seed uint64
	// Rescale makes the kinetic temperature exactly KT.
	Rescale bool
}

// Assign overwrites the velocities of s.
func (mb MaxwellBoltzmann) Assign(s *sim.State) error {
	if err := checkKT("MaxwellBoltzmann", mb.KT); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	var p sim.Vec3
	var mtot float64
	for i := range s.Vel {
		n := rng.Key{Seed: mb.Seed, Step: uint64(s.Step), Particle: uint32(i), Stream: rng.StreamVelocity}.Normal3()
		s.Vel[i] = sim.Vec3(n).Scale(math.Sqrt(mb.KT / s.Mass[i]))
		p = p.Add(s.Vel[i].Scale(s.Mass[i]))
		mtot += s.Mass[i]
	}
	if s.N() > 1 {
		vcm := p.Scale(1 / mtot)
		for i := range s.Vel {
			s.Vel[i] = s.Vel[i].Sub(vcm)
		}
	}
	if t := s.Temperature(true); mb.Rescale && t > 0 {
		f := math.Sqrt(mb.KT / t)
		for i := range s.Vel {
			s.Vel[i] = s.Vel[i].Scale(f)
		}
	}
	return nil
}

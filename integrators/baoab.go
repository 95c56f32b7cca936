package integrators

import (
	"math"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
)

// LangevinBAOAB integrates underdamped Langevin dynamics
//
//	m dv = F dt − Gamma v dt + sqrt(2 Gamma KT) dW
//
// with the BAOAB splitting of Leimkuhler and Matthews (Appl. Math. Res.
// Express 2013, 34; J. Chem. Phys. 138, 174102 (2013)):
//
//	B: v ← v + F/m·Dt/2           A: x ← x + v·Dt/2
//	O: v ← c v + sqrt((1 − c²) KT/m) ξ,  c = exp(−Gamma/m·Dt)
//	A: x ← x + v·Dt/2             F ← F(x, t+Dt)      B: v ← v + F/m·Dt/2
//
// The O step is the exact Ornstein–Uhlenbeck flow, so KT = 0 gives damped
// deterministic dynamics. For a harmonic well of frequency ω, BAOAB samples
// positions exactly (⟨x²⟩ = KT/(mω²) at any stable Dt, Dt·ω < 2) and gives
// ⟨v²⟩ = (KT/m)(1 − Dt²ω²/4). Gamma is a drag in m/τ (the LAMMPS gamma_t and
// HOOMD gamma convention); the friction rate is Gamma/m.
type LangevinBAOAB struct {
	// Force gives the conservative forces; it is evaluated once per step.
	Force sim.Force
	// Dt is the time step in τ (required, > 0).
	Dt float64
	// KT is the bath temperature in ε (≥ 0).
	KT float64
	// Gamma is the drag coefficient in m/τ (required, > 0).
	Gamma float64
	// Seed selects the noise (stream rng.StreamLangevin).
	Seed uint64
}

// check validates the settings.
func (g *LangevinBAOAB) check() error {
	const name = "LangevinBAOAB"
	return firstError(checkForce(name, g.Force), checkDt(name, g.Dt), checkKT(name, g.KT), checkGamma(name, g.Gamma))
}

// Init validates the settings and the state and evaluates the forces.
func (g *LangevinBAOAB) Init(s *sim.State) error {
	if err := g.check(); err != nil {
		return err
	}
	return initForces(g.Force, s)
}

// Step advances s by one time step Dt at temperature KT.
func (g *LangevinBAOAB) Step(s *sim.State) error {
	if err := g.check(); err != nil {
		return err
	}
	dt := g.Dt
	key := rng.Key{Seed: g.Seed, Step: uint64(s.Step), Stream: rng.StreamLangevin}
	// c and the noise amplitude depend on the mass only; recompute them
	// when it changes from one particle to the next.
	m, c, amp := math.NaN(), 0.0, 0.0
	for i := range s.Pos {
		if s.Mass[i] != m {
			m = s.Mass[i]
			c = math.Exp(-g.Gamma / m * dt)
			amp = math.Sqrt((1 - c*c) * g.KT / m)
		}
		v := s.Vel[i].Add(s.Force[i].Scale(0.5 * dt / m))
		x := s.Pos[i].Add(v.Scale(0.5 * dt))
		key.Particle = uint32(i)
		v = v.Scale(c).Add(sim.Vec3(key.Normal3()).Scale(amp))
		s.Pos[i] = x.Add(v.Scale(0.5 * dt))
		s.Vel[i] = v
		s.Box.Wrap(&s.Pos[i], &s.Image[i])
	}
	if err := finishStep(g.Force, s, dt); err != nil {
		return err
	}
	kick(s, 0.5*dt)
	return nil
}

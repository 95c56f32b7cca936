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
	// Workers is the number of goroutines that update the particles (0 or
	// 1: serial). Trajectories are identical for every value.
	Workers int

	par  chunks
	kick kicker
	cur  step
	body func(lo, hi int)
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
	if g.body == nil {
		g.body = g.baoa
	}
	g.cur = step{s: s, key: rng.Key{Seed: g.Seed, Step: uint64(s.Step), Stream: rng.StreamLangevin}}
	g.par.run(s.N(), g.Workers, noisyChunk, g.body)
	g.cur = step{}
	if err := finishStep(g.Force, s, g.Dt); err != nil {
		return err
	}
	g.kick.kick(s, 0.5*g.Dt, g.Workers)
	return nil
}

// baoa applies B, A, O and A to particles lo to hi − 1.
func (g *LangevinBAOAB) baoa(lo, hi int) {
	s, key, dt := g.cur.s, g.cur.key, g.Dt
	half := 0.5 * dt
	// c and the noise amplitude depend on the mass only; recompute them
	// when it changes from one particle to the next.
	m, c, amp, h := math.NaN(), 0.0, 0.0, 0.0
	for i := lo; i < hi; i++ {
		if s.Mass[i] != m {
			m = s.Mass[i]
			c = math.Exp(-g.Gamma / m * dt)
			amp = math.Sqrt((1 - c*c) * g.KT / m)
			h = half / m
		}
		key.Particle = uint32(i)
		xi := key.Ziggurat3()
		x, v, f := &s.Pos[i], &s.Vel[i], &s.Force[i]
		for k := range 3 {
			vk := v[k] + f[k]*h
			xk := x[k] + vk*half
			vk = c*vk + amp*xi[k]
			x[k], v[k] = xk+vk*half, vk
		}
		s.Box.Wrap(x, &s.Image[i])
	}
}

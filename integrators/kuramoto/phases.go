package kuramoto

import (
	"fmt"
	"math"

	"github.com/physim/physim/integrators/ode"
	"github.com/physim/physim/sim/rng"
)

// PhasesConfig sets up a Kuramoto model of N = len(Omega) phase oscillators,
//
//	dθ_i/dt = ω_i + (coupling)_i + √(2D) ξ_i(t),
//
// with ξ_i independent unit white noises.
type PhasesConfig struct {
	// Omega holds the natural frequencies ω_i (rad/τ); see Frequencies.
	Omega []float64
	// Coupling is the interaction; nil means uncoupled oscillators.
	Coupling Coupling
	// Noise is the phase-diffusion coefficient D (rad²/τ), ≥ 0.
	Noise float64
	// Dt is the time step (τ), > 0.
	Dt float64
	// Scheme is "heun" (the default when empty), "euler" or "rk4". With
	// noise, each step holds the Gaussian increment fixed over the step's
	// stages (the drift gets √(2D/h) ξ_i): Euler is then Euler–Maruyama and
	// Heun the stochastic Heun method (both weak order 1 for additive noise,
	// Heun strong order 1); RK4 is fourth order only without noise.
	Scheme string
	// Seed keys the noise: the draws of oscillators 4b … 4b+3 at step k
	// come from rng.Key{Seed, k, b, ·}, independent of how the run is split.
	Seed uint64
}

// Phases is a Kuramoto model in time. Theta holds the phases unwrapped (not
// reduced modulo 2π), so (θ_i(t₂) − θ_i(t₁))/(t₂ − t₁) is oscillator i's
// mean frequency.
type Phases struct {
	// Theta are the phases in rad.
	Theta []float64
	// Step counts the steps taken; Time = Step·Dt (τ).
	Step int64
	Time float64

	cfg      PhasesConfig
	stepper  ode.Stepper
	field    ode.VectorField
	sin, cos []float64
	kick     []float64 // √(2D/h) ξ_i for the current step
}

// NewPhases validates cfg and starts the model from the phases theta0 (rad;
// copied), whose number must be len(cfg.Omega).
func NewPhases(cfg PhasesConfig, theta0 []float64) (*Phases, error) {
	n := len(cfg.Omega)
	if n == 0 {
		return nil, fmt.Errorf("kuramoto: no oscillators (Omega is empty)")
	}
	if len(theta0) != n {
		return nil, fmt.Errorf("kuramoto: %d initial phases for %d oscillators", len(theta0), n)
	}
	if !(cfg.Dt > 0) || math.IsInf(cfg.Dt, 0) {
		return nil, fmt.Errorf("kuramoto: time step Dt must be positive and finite, got %g", cfg.Dt)
	}
	if !(cfg.Noise >= 0) || math.IsInf(cfg.Noise, 0) {
		return nil, fmt.Errorf("kuramoto: noise D must be finite and ≥ 0, got %g", cfg.Noise)
	}
	if cfg.Coupling != nil {
		if err := cfg.Coupling.Check(n); err != nil {
			return nil, err
		}
	}
	scheme := cfg.Scheme
	if scheme == "" {
		scheme = "heun"
	}
	st, err := ode.NewStepper(scheme)
	if err != nil {
		return nil, fmt.Errorf("kuramoto: Scheme: %w", err)
	}
	cfg.Omega = append([]float64(nil), cfg.Omega...)
	p := &Phases{
		Theta:   append([]float64(nil), theta0...),
		cfg:     cfg,
		stepper: st,
		sin:     make([]float64, n),
		cos:     make([]float64, n),
		kick:    make([]float64, n),
	}
	p.field = p.eval
	return p, nil
}

// eval is the drift of the current step (including the frozen noise kick).
func (p *Phases) eval(_ float64, theta, dtheta []float64) {
	for i, th := range theta {
		p.sin[i], p.cos[i] = math.Sincos(th)
		dtheta[i] = p.cfg.Omega[i] + p.kick[i]
	}
	if p.cfg.Coupling != nil {
		p.cfg.Coupling.AddDrift(p.sin, p.cos, dtheta)
	}
}

// Velocity writes the deterministic drift dθ_i/dt at the current phases
// into dst (rad/τ).
func (p *Phases) Velocity(dst []float64) {
	clear(p.kick)
	p.eval(p.Time, p.Theta, dst)
}

// Advance takes n steps.
func (p *Phases) Advance(n int) {
	h := p.cfg.Dt
	amp := math.Sqrt(2 * p.cfg.Noise / h)
	for k := 0; k < n; k++ {
		if p.cfg.Noise > 0 {
			// One key gives four normals: oscillators 4b..4b+3 share key b.
			for b := 0; b < len(p.kick); b += 4 {
				g := rng.Key{Seed: p.cfg.Seed, Step: uint64(p.Step), Particle: uint32(b / 4), Stream: streamNoise}.Normal4()
				for c := 0; c < 4 && b+c < len(p.kick); c++ {
					p.kick[b+c] = amp * g[c]
				}
			}
		}
		p.stepper.Step(p.field, p.Time, h, p.Theta)
		p.Step++
		p.Time = float64(p.Step) * h
	}
}

// OrderParameter returns r and ψ of the current phases.
func (p *Phases) OrderParameter() (r, psi float64) { return OrderParameter(p.Theta) }

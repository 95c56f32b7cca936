package ddft

import (
	"fmt"
	"math"

	"github.com/physim/physim/potentials/functional"
)

// Scheme selects the time stepper.
type Scheme int

const (
	// Explicit is forward Euler on the finite-volume fluxes (Heun, its
	// embedded second-order partner, when Adaptive). Its step is limited
	// by positivity, dt ≲ dz²/(2D).
	Explicit Scheme = iota
	// Spectral is exponential time differencing on a periodic grid: the
	// diffusion is integrated exactly in Fourier space (with the symbol of
	// the discrete Laplacian) and the drift explicitly; ETD1, or ETD2
	// (Cox and Matthews, J. Comput. Phys. 176, 430 (2002)) when Adaptive.
	Spectral
)

// Settings configures a DDFT stepper. The zero value is fixed-step explicit
// Euler with D = 1 σ²/τ and dt = 0.25·dz²/D.
type Settings struct {
	// D is the diffusion coefficient kT/γ in σ²/τ; 0 means 1.
	D float64
	// Dt is the fixed step in τ, or the first step when Adaptive; 0 means
	// 0.25·dz²/D.
	Dt float64
	// Scheme selects the stepper.
	Scheme Scheme
	// Adaptive turns on step-size control with an embedded pair (Euler and
	// Heun, or ETD1 and ETD2).
	Adaptive bool
	// Tol is the adaptive tolerance on the local error of a step in each
	// cell, relative to |ρ_i| + ρ̄ (ρ̄ the mean density); 0 means 1e-4.
	Tol float64
	// MaxDt caps adaptive steps (τ); 0 means no cap.
	MaxDt float64
}

// DDFT integrates ∂ρ/∂t = D ∂z[∂zρ + ρ ∂z βV − ρ ∂z c1] for one System.
// It holds buffers and is not safe for concurrent use.
type DDFT struct {
	f       *field
	s       Settings
	w, j    []float64 // chemical-potential field w = βV − c1 and fluxes
	k1, k2  []float64 // rates
	tmp     []float64 // trial profile
	spec    *etd
	evals   int
	meanRho float64 // ρ̄ of the current run
	// lastStageErr is the error of the last failed second stage.
	lastStageErr error
}

// New returns a stepper for sys.
func New(sys System, s Settings) (*DDFT, error) {
	f, err := newField(sys)
	if err != nil {
		return nil, err
	}
	g := f.g
	if s.D == 0 {
		s.D = 1
	}
	if !(s.D > 0) || math.IsInf(s.D, 0) {
		return nil, fmt.Errorf("ddft: diffusion coefficient D = %g σ²/τ must be positive and finite", s.D)
	}
	if s.Dt == 0 {
		s.Dt = 0.25 * g.Dz * g.Dz / s.D
	}
	if s.Tol == 0 {
		s.Tol = 1e-4
	}
	if !(s.Dt > 0) || !(s.Tol > 0) || s.MaxDt < 0 || math.IsInf(s.Dt, 0) {
		return nil, fmt.Errorf("ddft: settings need Dt > 0, Tol > 0, MaxDt ≥ 0; got %+v", s)
	}
	n := g.N
	d := &DDFT{f: f, s: s, w: make([]float64, n), j: make([]float64, n),
		k1: make([]float64, n), k2: make([]float64, n), tmp: make([]float64, n)}
	switch s.Scheme {
	case Explicit:
	case Spectral:
		if !g.Periodic {
			return nil, fmt.Errorf("ddft: the spectral stepper needs a periodic grid")
		}
		d.spec = newETD(g, s.D)
	default:
		return nil, fmt.Errorf("ddft: unknown scheme %d", int(s.Scheme))
	}
	return d, nil
}

// Grid returns the grid of the stepper.
func (d *DDFT) Grid() functional.Grid { return d.f.g }

// Settings returns the settings with defaults filled in.
func (d *DDFT) Settings() Settings { return d.s }

// FreeEnergy returns βF/A (σ⁻²) of rho at time t, the Lyapunov function of
// the dynamics when V is static.
func (d *DDFT) FreeEnergy(rho []float64, t float64) (float64, error) {
	return d.f.freeEnergy(rho, t)
}

// rate writes dρ/dt at (rho, t) into out: the full flux divergence, or for
// the spectral stepper the part beyond plain diffusion. It returns the
// largest outflow rate (1/τ) of a cell.
func (d *DDFT) rate(out, rho []float64, t float64) (float64, error) {
	bV, err := d.f.potential(t)
	if err != nil {
		return 0, err
	}
	if err := d.f.excluded(rho, bV, t); err != nil {
		return 0, err
	}
	d.evals++
	if _, err := d.f.sys.Excess.ExcessFreeEnergy(rho, d.f.dF); err != nil {
		return 0, fmt.Errorf("ddft: at t = %.6g τ: %w", t, err)
	}
	for i, v := range bV {
		d.w[i] = v + d.f.dF[i]
	}
	g := d.f.g
	r := fluxes(d.j, rho, d.w, d.s.D, g.Dz, g.Periodic, d.spec != nil)
	divergence(out, d.j, g.Dz, g.Periodic)
	return r, nil
}

// Step advances rho in place from t to t+dt (τ) by one first-order step
// (forward Euler or ETD1). It fails, leaving rho unchanged, if the step
// would break positivity (explicit: dt above the limit set by the largest
// outflow rate; spectral: a negative density).
func (d *DDFT) Step(rho []float64, t, dt float64) error {
	if len(rho) != d.f.g.N {
		panic(fmt.Sprintf("ddft: profile has %d values, grid has %d cells", len(rho), d.f.g.N))
	}
	if d.spec != nil {
		if err := d.spec.step1(d, d.tmp, rho, t, dt); err != nil {
			return err
		}
	} else {
		maxRate, err := d.rate(d.k1, rho, t)
		if err != nil {
			return err
		}
		if dt*maxRate > 1 {
			return fmt.Errorf("ddft: step dt = %.3g τ at t = %.6g τ exceeds the explicit stability limit %.3g τ (outflow rate %.3g/τ); lower Dt or set Adaptive", dt, t, 1/maxRate, maxRate)
		}
		for i := range rho {
			d.tmp[i] = rho[i] + dt*d.k1[i]
		}
	}
	if i := firstInvalid(d.tmp); i >= 0 {
		return fmt.Errorf("ddft: step dt = %.3g τ at t = %.6g τ gives density %.3g at z = %.4g σ; lower Dt", dt, t, d.tmp[i], d.f.g.Z(i))
	}
	copy(rho, d.tmp)
	return nil
}

// firstInvalid returns the first index with a negative or non-finite
// value, or −1.
func firstInvalid(f []float64) int {
	for i, v := range f {
		if !(v >= 0) || math.IsInf(v, 1) {
			return i
		}
	}
	return -1
}

// check returns an error if rho has a negative or non-finite value.
func (d *DDFT) check(rho []float64) error {
	if i := firstInvalid(rho); i >= 0 {
		return fmt.Errorf("ddft: density %g at z = %.4g σ must be non-negative and finite", rho[i], d.f.g.Z(i))
	}
	return nil
}

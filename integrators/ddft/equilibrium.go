package ddft

import (
	"errors"
	"fmt"
	"math"

	"github.com/physim/physim/internal/anderson"
	"github.com/physim/physim/potentials/functional"
)

// ErrNotConverged is wrapped by the errors of equilibrium solves that stop
// without meeting their tolerance (iteration limit or divergence).
var ErrNotConverged = errors.New("ddft: equilibrium iteration did not converge")

// EquilibriumSettings configures the equilibrium solvers. The zero value
// is Picard iteration in ln ρ with mixing 0.05, Anderson acceleration over
// the last 10 iterates, tolerance 1e-9 and at most 20000 iterations.
type EquilibriumSettings struct {
	// Mixing is the Picard mixing α: ln ρ ← ln ρ + α·r. 0 means 0.05.
	Mixing float64
	// History is the Anderson depth; 0 means 10, negative means plain
	// Picard iteration.
	History int
	// Tol is the tolerance on the Euler–Lagrange residual
	// max_i |βμ − βV_i + c1_i − ln ρ_i| (dimensionless); 0 means 1e-9.
	Tol float64
	// MaxIter bounds the iterations; 0 means 20000.
	MaxIter int
	// Initial is the starting profile (σ⁻³, positive where V is finite);
	// nil means a uniform profile (canonical, or grand canonical at a given
	// bulk density) or the ideal-gas profile e^{βμ−βV}, scaled down until
	// the functional accepts it (grand canonical at given βμ).
	Initial []float64
	// Time is the time (τ) at which V is evaluated.
	Time float64
}

func (s EquilibriumSettings) withDefaults() EquilibriumSettings {
	if s.Mixing == 0 {
		s.Mixing = 0.05
	}
	if s.History == 0 {
		s.History = 10
	}
	if s.History < 0 {
		s.History = 0
	}
	if s.Tol == 0 {
		s.Tol = 1e-9
	}
	if s.MaxIter == 0 {
		s.MaxIter = 20000
	}
	return s
}

// Equilibrium is a converged density profile.
type Equilibrium struct {
	Rho            []float64 // ρ(z_i) in σ⁻³ (0 where V = +Inf)
	BetaMu         float64   // βμ (thermal wavelength Λ = 1)
	Iterations     int       // Picard/Anderson iterations used
	Residual       float64   // final max |Euler–Lagrange residual|
	FreeEnergy     float64   // βF/A in σ⁻²
	GrandPotential float64   // βΩ/A = βF/A − βμ∫ρ dz in σ⁻²
}

// GrandCanonical returns the equilibrium profile of sys in contact with a
// reservoir at chemical potential betaMu (βμ, Λ = 1). On failure it returns
// an error (wrapping ErrNotConverged if the iteration stopped unconverged)
// and, where one exists, the last iterate for diagnosis, which is not an
// equilibrium profile.
func GrandCanonical(sys System, betaMu float64, s EquilibriumSettings) (*Equilibrium, error) {
	if math.IsNaN(betaMu) || math.IsInf(betaMu, 0) {
		return nil, fmt.Errorf("ddft: chemical potential βμ = %g must be finite", betaMu)
	}
	sv, err := newSolver(sys, s)
	if err != nil {
		return nil, err
	}
	sv.betaMu = betaMu
	if s.Initial == nil {
		for k, i := range sv.free {
			sv.x[k] = betaMu - sv.bV[i]
		}
		if err := sv.admissibleGuess(); err != nil {
			return nil, err
		}
	}
	return sv.run()
}

// GrandCanonicalDensity returns the grand-canonical equilibrium profile of
// sys at the chemical potential of the uniform fluid of density rhoBulk
// (σ⁻³), which the functional must provide (functional.Bulk).
func GrandCanonicalDensity(sys System, rhoBulk float64, s EquilibriumSettings) (*Equilibrium, error) {
	if sys.Excess == nil {
		panic("ddft: System.Excess is nil")
	}
	mu, err := functional.BulkChemicalPotential(sys.Excess, rhoBulk)
	if err != nil {
		return nil, fmt.Errorf("ddft: %w", err)
	}
	if s.Initial == nil {
		s.Initial = make([]float64, sys.Excess.Grid().N)
		for i := range s.Initial {
			s.Initial[i] = rhoBulk
		}
	}
	return GrandCanonical(sys, mu, s)
}

// Canonical returns the equilibrium profile of sys holding ∫ρ dz =
// meanDensity·L particles per unit area, with L the grid length (σ) and
// meanDensity in σ⁻³ (excluded cells count in L). Failures are reported as
// by GrandCanonical.
func Canonical(sys System, meanDensity float64, s EquilibriumSettings) (*Equilibrium, error) {
	if !(meanDensity > 0) || math.IsInf(meanDensity, 0) {
		return nil, fmt.Errorf("ddft: mean density %g σ⁻³ must be positive and finite", meanDensity)
	}
	sv, err := newSolver(sys, s)
	if err != nil {
		return nil, err
	}
	sv.canonical = true
	sv.mass = meanDensity * sv.f.g.Length() // x = 0 (uniform) unless Initial; normalised on evaluation
	return sv.run()
}

// solver iterates x = ln ρ on the cells where V is finite.
type solver struct {
	f         *field
	s         EquilibriumSettings
	bV        []float64
	free      []int // cells with finite βV
	canonical bool
	betaMu    float64 // given (grand canonical) or found (canonical)
	mass      float64 // ∫ρ dz (canonical)
	rho       []float64
	x, r      []float64
	xn, rn    []float64
	acc       *anderson.Mixer
}

func newSolver(sys System, s EquilibriumSettings) (*solver, error) {
	f, err := newField(sys)
	if err != nil {
		return nil, err
	}
	s = s.withDefaults()
	if !(s.Mixing > 0 && s.Mixing <= 1) || !(s.Tol > 0) || s.MaxIter < 0 {
		return nil, fmt.Errorf("ddft: equilibrium settings need 0 < Mixing ≤ 1, Tol > 0, MaxIter ≥ 0; got %+v", s)
	}
	bV, err := f.potential(s.Time)
	if err != nil {
		return nil, err
	}
	sv := &solver{f: f, s: s, bV: bV, rho: make([]float64, f.g.N)}
	for i, v := range bV {
		if !math.IsInf(v, 1) {
			sv.free = append(sv.free, i)
		}
	}
	if len(sv.free) == 0 {
		return nil, fmt.Errorf("ddft: the external potential is infinite everywhere; no room for particles")
	}
	n := len(sv.free)
	sv.x, sv.r, sv.xn, sv.rn = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	sv.acc = anderson.New(s.History, n)
	if s.Initial != nil {
		if len(s.Initial) != f.g.N {
			panic(fmt.Sprintf("ddft: initial profile has %d values, grid has %d cells", len(s.Initial), f.g.N))
		}
		for k, i := range sv.free {
			v := s.Initial[i]
			if !(v > 0) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("ddft: initial density %g at z = %.4g σ must be positive and finite where V is finite", v, f.g.Z(i))
			}
			sv.x[k] = math.Log(v)
		}
	}
	return sv, nil
}

// admissibleGuess scales the initial profile down until the functional
// accepts it.
func (sv *solver) admissibleGuess() error {
	var err error
	for try := 0; try < 200; try++ {
		if _, err = sv.residual(sv.x, sv.r); err == nil {
			return nil
		}
		for k := range sv.x {
			sv.x[k] -= math.Ln2
		}
	}
	return fmt.Errorf("ddft: no admissible initial profile: %w", err)
}

// residual sets ρ from x (normalising x first in the canonical case) and
// writes r = βμ − βV + c1 − x, returning max|r|.
func (sv *solver) residual(x, r []float64) (float64, error) {
	if sv.canonical {
		shift := sv.logMass(x, func(k int) float64 { return x[k] })
		for k := range x {
			x[k] += shift
		}
	}
	for k, i := range sv.free {
		sv.rho[i] = math.Exp(x[k])
	}
	if _, err := sv.f.sys.Excess.ExcessFreeEnergy(sv.rho, sv.f.dF); err != nil {
		return 0, err
	}
	dF := sv.f.dF
	if sv.canonical {
		sv.betaMu = sv.logMass(x, func(k int) float64 { i := sv.free[k]; return -sv.bV[i] - dF[i] })
	}
	worst := 0.0
	for k, i := range sv.free {
		r[k] = sv.betaMu - sv.bV[i] - dF[i] - x[k]
		worst = math.Max(worst, math.Abs(r[k]))
		if math.IsNaN(r[k]) {
			worst = math.NaN()
			break
		}
	}
	return worst, nil
}

// logMass returns c such that Σ_k dz·exp(y(k) + c) equals the target mass.
func (sv *solver) logMass(x []float64, y func(k int) float64) float64 {
	top := math.Inf(-1)
	for k := range x {
		top = math.Max(top, y(k))
	}
	s := 0.0
	for k := range x {
		s += math.Exp(y(k) - top)
	}
	return math.Log(sv.mass/(s*sv.f.g.Dz)) - top
}

// maxStep bounds the change of ln ρ in one iteration.
const maxStep = 1.0

// stallIterations is how many iterations without a new best residual mark a
// diverging or stalled iteration.
const stallIterations = 1000

// run iterates to convergence.
func (sv *solver) run() (*Equilibrium, error) {
	s := sv.s
	res, err := sv.residual(sv.x, sv.r)
	if err != nil {
		return nil, fmt.Errorf("ddft: initial profile rejected: %w", err)
	}
	best, itBest := res, 0
	it := 0
	for ; ; it++ {
		if math.IsNaN(res) || res > 1e4*math.Max(best, s.Tol) || it-itBest > stallIterations {
			return sv.result(it, res, fmt.Errorf("%w: Picard iteration diverged or stalled at iteration %d (residual %.3g; best %.3g at iteration %d); lower Mixing", ErrNotConverged, it, res, best, itBest))
		}
		if res <= s.Tol {
			return sv.result(it, res, nil)
		}
		if it >= s.MaxIter {
			return sv.result(it, res, fmt.Errorf("%w: residual %.3g after %d iterations (tolerance %.3g)", ErrNotConverged, res, it, s.Tol))
		}
		if res > 10*best {
			sv.acc.Reset() // Anderson went astray: restart from plain mixing
		}
		if res < best {
			best, itBest = res, it
		}
		sv.acc.Next(sv.xn, sv.x, sv.r, s.Mixing)
		step := 0.0
		for k := range sv.xn {
			step = math.Max(step, math.Abs(sv.xn[k]-sv.x[k]))
		}
		if step > maxStep {
			for k := range sv.xn {
				sv.xn[k] = sv.x[k] + (sv.xn[k]-sv.x[k])*maxStep/step
			}
		}
		var rn float64
		for try := 0; ; try++ {
			rn, err = sv.residual(sv.xn, sv.rn)
			if err == nil {
				break
			}
			if try == 40 {
				return sv.result(it, res, fmt.Errorf("%w: no admissible step from iteration %d: %v", ErrNotConverged, it, err))
			}
			// Too dense somewhere (packing fraction ≥ 1): halve the step.
			sv.acc.Reset()
			for k := range sv.xn {
				sv.xn[k] = (sv.x[k] + sv.xn[k]) / 2
			}
		}
		sv.x, sv.xn = sv.xn, sv.x
		sv.r, sv.rn = sv.rn, sv.r
		res = rn
	}
}

// result packs the current iterate, with err if the solve failed.
func (sv *solver) result(it int, res float64, err error) (*Equilibrium, error) {
	// Recompute ρ and βμ for the current x (the last residual call may have
	// been a rejected trial step).
	if _, rerr := sv.residual(sv.x, sv.r); rerr != nil && err == nil {
		err = rerr
	}
	eq := &Equilibrium{Rho: append([]float64(nil), sv.rho...), BetaMu: sv.betaMu, Iterations: it, Residual: res}
	for _, v := range eq.Rho {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, err
		}
	}
	F, ferr := sv.f.freeEnergy(eq.Rho, sv.s.Time)
	if ferr != nil && err == nil {
		err = ferr
	}
	eq.FreeEnergy = F
	eq.GrandPotential = F - eq.BetaMu*sv.f.g.Integral(eq.Rho)
	return eq, err
}

package pcmdata

import (
	"fmt"
	"math"

	"github.com/physim/physim/internal/anderson"
)

// Closure gives the direct correlation c(r) from the indirect correlation
// γ(r) = h(r) − c(r) beyond the match radius, where g(r) is not measured.
type Closure func(r, gamma float64) float64

// HNC returns the hypernetted-chain closure c = exp(−βu + γ) − 1 − γ for
// the reduced pair potential βu(r) (dimensionless). Beyond a few σ, where
// it is used here, the bridge function it neglects is negligible.
func HNC(betaU func(r float64) float64) Closure {
	return func(r, gamma float64) float64 { return math.Exp(-betaU(r)+gamma) - 1 - gamma }
}

// OZSettings configures InvertOZ. The zero value means: transform grid of
// 8192 intervals of 0.005σ (r_max = 40.96σ), Anderson mixing 0.5 over 10
// iterates, tolerance 1e-11, at most 5000 iterations per solve.
type OZSettings struct {
	// Dr is the transform grid spacing in σ; 0 means 0.005.
	Dr float64
	// Intervals is M, the number of grid intervals up to r_max = M·Dr;
	// 0 means 8192.
	Intervals int
	// Mixing is the Picard mixing of γ, in (0, 1]; 0 means 0.5.
	Mixing float64
	// History is the Anderson depth; 0 means 10.
	History int
	// Tol bounds max |G(γ) − γ| at convergence; 0 means 1e-11.
	Tol float64
	// MaxIter bounds the iterations of one solve; 0 means 5000.
	MaxIter int
}

func (s OZSettings) withDefaults() OZSettings {
	if s.Dr == 0 {
		s.Dr = 0.005
	}
	if s.Intervals == 0 {
		s.Intervals = 8192
	}
	if s.Mixing == 0 {
		s.Mixing = 0.5
	}
	if s.History == 0 {
		s.History = 10
	}
	if s.Tol == 0 {
		s.Tol = 1e-11
	}
	if s.MaxIter == 0 {
		s.MaxIter = 5000
	}
	return s
}

// PairData is a measured g(r) of a homogeneous fluid.
type PairData struct {
	// Density is ρ in σ⁻³.
	Density float64
	// Particles is the number of particles N of the canonical simulation
	// that measured g (0: an infinite system); it sets the first guess
	// (1 − S(0))/N of the offset fitted to Compressibility.
	Particles int
	// R holds increasing radii (σ) and G the values of g(r) there, as
	// observe.RDF gives them (normalised by N(N−1)/V); g is interpolated
	// linearly between them and held constant below R[0].
	R, G []float64
	// MatchRadius (σ) is where the closure takes over from the measured
	// g; it must not exceed the last radius.
	MatchRadius float64
	// Compressibility, if positive, is β∂P/∂ρ from an independent route
	// (an equation of state): the offset δ of h = g − 1 − δ·g is then
	// fitted so that 1 − ρĉ(0) equals it; otherwise δ = 0.
	Compressibility float64
}

// Correlations is the result of an Ornstein–Zernike inversion on the grid
// of a Hankel transform: element i is at r_i = (i+1)·Dr, element j at
// k_j = (j+1)·π/(M·Dr).
type Correlations struct {
	Density float64
	Dr      float64
	// H and C are h(r) and c(r) on the r grid (dimensionless).
	H, C []float64
	// CK is ĉ(k) (σ³) and SK = 1/(1 − ρĉ) the structure factor on the k grid.
	CK, SK []float64
	// C0 is ĉ(0) = 4π∫r²c dr (σ³) and S0 = 1/(1 − ρĉ(0)); 1 − ρĉ(0) is
	// β ∂P/∂ρ by the compressibility route.
	C0, S0 float64
	// Offset is the δ subtracted from the measured g − 1 (as δ·g).
	Offset float64
	// Iterations is the total number of fixed-point iterations used.
	Iterations int
	h          *Hankel
}

// R returns the radius of element i in σ.
func (c *Correlations) R(i int) float64 { return c.h.R(i) }

// K returns the wavenumber of element j in σ⁻¹.
func (c *Correlations) K(j int) float64 { return c.h.K(j) }

// InvertOZ solves the Ornstein–Zernike equation ĥ = ĉ + ρĉĥ for c(r),
// given h(r) inside MatchRadius and the closure beyond it. With γ = h − c
// it finds the fixed point (Anderson-accelerated) of
//
//	c = h_meas − γ (r < R_m),  c = closure(r, γ) (r ≥ R_m),
//	γ̂ = ρĉ²/(1 − ρĉ),
//
// so that h inside R_m is exactly the measured one and the tail of h, hence
// ĉ(k → 0), follows from the closure instead of from a truncated g. The
// measured h is h_meas = g − 1 − δ·g: a g normalised by N(N−1)/V in the
// canonical ensemble carries the offset δ = (1 − S(0))/N at large r
// (Lebowitz and Percus), and ĉ(0) is so sensitive to δ and to noise in g
// (at ρ = 0.76, δ = 10⁻³ moves S(0) from 0.04 to 0.9) that δ is fitted, by
// a secant search, to an independent compressibility when one is given
// (PairData.Compressibility). Making δ and S(0) self-consistent instead is
// ill-posed: the map has several nearby fixed points.
func InvertOZ(d PairData, tail Closure, s OZSettings) (*Correlations, error) {
	s = s.withDefaults()
	if err := d.check(s); err != nil {
		return nil, err
	}
	h, err := NewHankel(s.Dr, s.Intervals)
	if err != nil {
		return nil, err
	}
	n := h.Len()
	o := &ozState{rho: d.Density, h: h, tail: tail, s: s, gm: make([]float64, n),
		hin: make([]float64, n), gamma: make([]float64, n), good: make([]float64, n), prev: make([]float64, n), c: make([]float64, n),
		ck: make([]float64, n), f: make([]float64, n), acc: anderson.New(s.History, n)}
	for i := 0; i < n && h.R(i) < d.MatchRadius; i++ {
		o.gm[i] = d.interpolate(h.R(i))
		o.inner = i + 1
	}
	o.start()
	copy(o.good, o.gamma)
	delta, err := o.fitOffset(d)
	if err != nil {
		return nil, err
	}
	res := &Correlations{Density: d.Density, Dr: s.Dr, h: h, Offset: delta, Iterations: o.iterations}
	res.C0 = h.Zero(o.c)
	res.S0 = 1 / (1 - d.Density*res.C0)
	res.C = append([]float64(nil), o.c...)
	res.H = make([]float64, n)
	for i := range res.H {
		res.H[i] = o.c[i] + o.gamma[i]
	}
	res.CK = append([]float64(nil), o.ck...)
	res.SK = make([]float64, n)
	for j, v := range o.ck {
		res.SK[j] = 1 / (1 - d.Density*v)
	}
	return res, nil
}

// ozState holds the buffers of one inversion.
type ozState struct {
	rho        float64
	h          *Hankel
	tail       Closure
	s          OZSettings
	inner      int       // grid points with r < R_m
	gm         []float64 // measured g on the grid, r < R_m
	hin        []float64 // h_meas for the current offset
	gamma      []float64 // current γ; good is the last converged one
	good, prev []float64
	c, ck, f   []float64
	acc        *anderson.Mixer
	iterations int
}

// start sets γ to the naive inversion of the measured h (zero beyond R_m),
// γ̂ = ρĥ²/(1 + ρĥ), with 1 + ρĥ kept above minStructure: a start from
// which the iteration does not meet 1 − ρĉ ≤ 0 at the peak of S(k).
func (o *ozState) start() {
	for i := range o.c {
		o.c[i] = 0
		if i < o.inner {
			o.c[i] = o.gm[i] - 1
		}
	}
	o.h.Forward(o.ck, o.c)
	for j, v := range o.ck {
		o.f[j] = o.rho * v * v / math.Max(1+o.rho*v, minStructure)
	}
	o.h.Inverse(o.gamma, o.f)
}

// minStructure is the floor of S(k) = 1 + ρĥ(k) in the starting guess.
const minStructure = 0.05

// compressibility solves for the offset delta, starting from the last
// converged γ, and returns 1 − ρĉ(0).
func (o *ozState) compressibility(delta float64) (float64, error) {
	for i := 0; i < o.inner; i++ {
		o.hin[i] = o.gm[i] - 1 - delta*o.gm[i]
	}
	copy(o.gamma, o.good)
	if err := o.solve(); err != nil {
		return 0, err
	}
	copy(o.good, o.gamma)
	return 1 - o.rho*o.h.Zero(o.c), nil
}

// fitOffset finds the offset δ of d by a secant search (halving steps that
// leave the region where the inversion exists) and leaves the converged
// solution in o.
func (o *ozState) fitOffset(d PairData) (float64, error) {
	var f func(delta float64) (float64, error)
	var x0, x1, tol float64
	switch {
	case d.Compressibility > 0:
		f = func(delta float64) (float64, error) {
			k, err := o.compressibility(delta)
			return k - d.Compressibility, err
		}
		if d.Particles > 0 {
			x0 = (1 - 1/d.Compressibility) / float64(d.Particles)
		}
		x1, tol = x0+1e-4, 1e-7*d.Compressibility
	default:
		k, err := o.compressibility(0)
		if err == nil && k <= 0 {
			err = fmt.Errorf("pcmdata: OZ inversion at ρ = %g gives 1 − ρĉ(0) = %g ≤ 0 (no stable homogeneous fluid)", o.rho, k)
		}
		return 0, err
	}
	f0, err := f(x0)
	if err != nil {
		return 0, err
	}
	for it := 0; it < maxSecant; it++ {
		f1, err := f(x1)
		for tries := 0; err != nil && tries < 30; tries++ {
			x1 = (x0 + x1) / 2
			f1, err = f(x1)
		}
		if err != nil {
			return 0, err
		}
		if math.Abs(f1) < tol || math.Abs(x1-x0) < 1e-13 {
			return x1, nil
		}
		if f1 == f0 {
			break
		}
		x0, f0, x1 = x1, f1, x1-f1*(x1-x0)/(f1-f0)
	}
	return 0, fmt.Errorf("pcmdata: OZ inversion at ρ = %g: the offset of g did not converge in %d secant steps", o.rho, maxSecant)
}

// maxSecant bounds the secant steps of the offset search.
const maxSecant = 60

// minInverseS is the floor of 1 − ρĉ(k) = 1/S(k) in the iteration map, so
// that a poor intermediate iterate does not stop it; a fixed point must
// lie above it.
const minInverseS = 1e-3

// solve iterates γ to its fixed point for the current h_meas. A step that
// makes the residual non-finite or 100 times larger is undone, and the
// iteration restarts from the last iterate with half the mixing and no
// Anderson history.
func (o *ozState) solve() error {
	o.acc.Reset()
	mix, last := o.s.Mixing, math.Inf(1)
	for it := 1; it <= o.s.MaxIter; it++ {
		o.iterations++
		res, clamped := o.residual()
		if !(res <= 100*last) { // also catches NaN
			if mix < minMixing {
				return fmt.Errorf("pcmdata: OZ inversion at ρ = %g diverged at iteration %d", o.rho, it)
			}
			copy(o.gamma, o.prev)
			mix /= 2
			o.acc.Reset()
			last = math.Inf(1)
			continue
		}
		if res < o.s.Tol {
			if clamped {
				return fmt.Errorf("pcmdata: OZ inversion at ρ = %g converged to 1 − ρĉ(k) ≤ %g somewhere (no stable homogeneous fluid)", o.rho, minInverseS)
			}
			return nil
		}
		last = res
		copy(o.prev, o.gamma)
		o.acc.Next(o.gamma, o.gamma, o.f, mix)
	}
	return fmt.Errorf("pcmdata: OZ inversion at ρ = %g did not converge in %d iterations", o.rho, o.s.MaxIter)
}

// minMixing is the smallest mixing solve falls back to.
const minMixing = 1e-3

// residual evaluates c and ĉ for the current γ, writes f = G(γ) − γ and
// returns max |f| (NaN if not finite) and whether 1 − ρĉ(k) was clamped.
func (o *ozState) residual() (float64, bool) {
	for i := range o.c {
		if i < o.inner {
			o.c[i] = o.hin[i] - o.gamma[i]
		} else {
			o.c[i] = o.tail(o.h.R(i), o.gamma[i])
		}
	}
	o.h.Forward(o.ck, o.c)
	clamped := false
	for j, v := range o.ck {
		den := 1 - o.rho*v
		if den < minInverseS {
			den, clamped = minInverseS, true
		}
		o.f[j] = o.rho * v * v / den
	}
	o.h.Inverse(o.f, o.f)
	res := 0.0
	for i, v := range o.f {
		o.f[i] = v - o.gamma[i]
		d := math.Abs(o.f[i])
		if math.IsNaN(d) || math.IsInf(d, 0) {
			return math.NaN(), clamped
		}
		res = math.Max(res, d)
	}
	return res, clamped
}

// check validates d against the transform grid of s.
func (d PairData) check(s OZSettings) error {
	switch {
	case !(d.Density > 0) || math.IsInf(d.Density, 0):
		return fmt.Errorf("pcmdata: density %g σ⁻³ must be positive and finite", d.Density)
	case len(d.R) != len(d.G) || len(d.R) < 2:
		return fmt.Errorf("pcmdata: g(r) needs at least 2 points and as many radii as values (%d, %d)", len(d.R), len(d.G))
	case d.Particles < 0:
		return fmt.Errorf("pcmdata: particle count %d must not be negative", d.Particles)
	case !(d.MatchRadius > d.R[0]) || d.MatchRadius > d.R[len(d.R)-1]:
		return fmt.Errorf("pcmdata: match radius %g σ must lie within the measured radii (%g, %g] σ", d.MatchRadius, d.R[0], d.R[len(d.R)-1])
	case d.MatchRadius > float64(s.Intervals)*s.Dr/2:
		return fmt.Errorf("pcmdata: match radius %g σ exceeds half the transform range, %g σ", d.MatchRadius, float64(s.Intervals)*s.Dr/2)
	}
	for i := 1; i < len(d.R); i++ {
		if !(d.R[i] > d.R[i-1]) {
			return fmt.Errorf("pcmdata: radii must increase (r[%d] = %g after %g)", i, d.R[i], d.R[i-1])
		}
	}
	for i, v := range d.G {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("pcmdata: g(%g) = %g is not finite", d.R[i], v)
		}
	}
	return nil
}

// interpolate returns g(r) by linear interpolation (the first value below
// the first radius, the last beyond the last).
func (d PairData) interpolate(r float64) float64 { return Interpolate(d.R, d.G, r) }

// Interpolate returns the linear interpolation at x of the samples ys at
// the increasing abscissae xs, held constant beyond the ends.
func Interpolate(xs, ys []float64, x float64) float64 {
	n := len(xs)
	if x <= xs[0] {
		return ys[0]
	}
	if x >= xs[n-1] {
		return ys[n-1]
	}
	lo, hi := 0, n-1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if xs[mid] <= x {
			lo = mid
		} else {
			hi = mid
		}
	}
	t := (x - xs[lo]) / (xs[hi] - xs[lo])
	return ys[lo] + t*(ys[hi]-ys[lo])
}

package functional

import (
	"fmt"
	"math"
)

// Percus is the exact excess free energy of one-dimensional hard rods of
// length σ (Percus, J. Stat. Phys. 15, 505 (1976)): βF_exc = ∫dz Φ with
// Φ = −n0 ln(1 − n1), n0 = ρ ⋆ ½[δ(z − R) + δ(z + R)], n1 = ρ ⋆ Θ(R − |z|),
// R = σ/2. Here ρ is a line density (σ⁻¹) and βF_exc is dimensionless.
type Percus struct {
	g     Grid
	sigma float64
	l     boxLayout
	fwd   []boxKernel // w0, w1 (both even: their own adjoints)
	rho   []float64   // padded input
	n     [][]float64 // n0, n1
	dn    [][]float64 // weighted v for HessianVector
	p     [][]float64 // ∂Φ/∂n0, ∂Φ/∂n1 (or their variations)
	out   [][]float64
}

// NewPercus returns the hard-rod functional for rods of length sigma (σ; 0
// means 1) on g. It fails if dz > sigma/20.
func NewPercus(g Grid, sigma float64) (*Percus, error) {
	g, err := g.Normalized()
	if err != nil {
		return nil, err
	}
	if sigma == 0 {
		sigma = 1
	}
	if !(sigma > 0) || math.IsInf(sigma, 0) {
		return nil, fmt.Errorf("functional: rod length %g σ must be positive and finite", sigma)
	}
	if err := g.checkResolution("hard rods", sigma); err != nil {
		return nil, err
	}
	R := sigma / 2
	tol := 1e-9 * g.Dz
	// ∫ of ½δ(z ∓ R): a jump of ½ at each end, split evenly when an end
	// falls on a cell edge.
	step := func(x float64) float64 {
		switch {
		case x > tol:
			return 0.5
		case x < -tol:
			return 0
		}
		return 0.25
	}
	p := &Percus{g: g, sigma: sigma}
	p.fwd = []boxKernel{
		newBoxKernel(g, func(z float64) float64 { return step(z+R) + step(z-R) }, R),
		newBoxKernel(g, func(z float64) float64 { return clamp(z, R) + R }, R),
	}
	p.l = newBoxLayout(g, p.fwd[0].h)
	p.rho = p.l.field()
	for _, fs := range []*[][]float64{&p.n, &p.dn, &p.p} {
		*fs = [][]float64{p.l.field(), p.l.field()}
	}
	p.out = [][]float64{p.l.field()}
	return p, nil
}

// Grid returns the grid of the functional.
func (p *Percus) Grid() Grid { return p.g }

// weigh convolves the grid field f with w0 and w1 into dst on the span.
func (p *Percus) weigh(dst [][]float64, f []float64) {
	p.l.load(p.rho, f)
	lo, hi := p.l.span()
	p.l.convolve(p.rho, lo, hi, p.fwd, dst, false)
}

// checkPacking returns an error if n1 reaches 1 anywhere on the span.
func (p *Percus) checkPacking() error {
	lo, hi := p.l.span()
	for i := lo; i < hi; i++ {
		if x := p.n[1][p.l.off+i]; !(x < 1) {
			return fmt.Errorf("functional: local packing fraction n1 = %.4g ≥ 1 at z = %.4g σ (density too high for hard rods of length %g σ)", x, p.g.Z(i), p.sigma)
		}
	}
	return nil
}

// backProject writes K0ᵀp0 + K1ᵀp1 into out (length N).
func (p *Percus) backProject(out []float64) {
	for q := range p.p {
		p.l.ghosts(p.p[q])
		p.l.convolve(p.p[q], 0, p.g.N, p.fwd[q:q+1], p.out, q > 0)
	}
	copy(out, p.out[0][p.l.off:p.l.off+p.g.N])
}

// ExcessFreeEnergy returns βF_exc and writes −c1 into dF.
func (p *Percus) ExcessFreeEnergy(rho, dF []float64) (float64, error) {
	p.g.mustMatch(rho)
	p.g.mustMatch(dF)
	if err := p.g.checkDensity(rho); err != nil {
		return 0, err
	}
	p.weigh(p.n, rho)
	if err := p.checkPacking(); err != nil {
		return 0, err
	}
	lo, hi := p.l.span()
	s := 0.0
	for i := lo + p.l.off; i < hi+p.l.off; i++ {
		n0, n1 := p.n[0][i], p.n[1][i]
		lg := math.Log1p(-n1)
		s -= n0 * lg
		p.p[0][i] = -lg
		p.p[1][i] = n0 / (1 - n1)
	}
	p.backProject(dF)
	return s * p.g.Dz, nil
}

// HessianVector writes −∫c2(z_i, z')v(z')dz' into hv.
func (p *Percus) HessianVector(rho, v, hv []float64) error {
	p.g.mustMatch(rho)
	p.g.mustMatch(v)
	p.g.mustMatch(hv)
	if err := p.g.checkDensity(rho); err != nil {
		return err
	}
	p.weigh(p.n, rho)
	if err := p.checkPacking(); err != nil {
		return err
	}
	p.weigh(p.dn, v)
	lo, hi := p.l.span()
	for i := lo + p.l.off; i < hi+p.l.off; i++ {
		iy := 1 / (1 - p.n[1][i])
		d0, d1 := p.dn[0][i], p.dn[1][i]
		p.p[0][i] = d1 * iy
		p.p[1][i] = d0*iy + p.n[0][i]*d1*iy*iy
	}
	p.backProject(hv)
	return nil
}

// BulkExcess returns βf_ex = −ρ ln(1 − ρσ) (σ⁻¹) and
// βμ_ex = −ln(1 − ρσ) + ρσ/(1 − ρσ) of the uniform rod fluid of line
// density rho (σ⁻¹).
func (p *Percus) BulkExcess(rho float64) (f, mu float64, err error) {
	x := rho * p.sigma
	if !(x < 1) || math.IsNaN(x) {
		return 0, 0, fmt.Errorf("functional: bulk packing fraction %.4g of rods at density %g is not below 1", x, rho)
	}
	lg := math.Log1p(-x)
	return -rho * lg, -lg + x/(1-x), nil
}

package functional

import (
	"fmt"
	"math"
)

// Variant selects the fundamental-measure free-energy density.
type Variant int

const (
	// WhiteBearII is Hansen-Goos and Roth, J. Phys.: Condens. Matter 18,
	// 8413 (2006); bulk equation of state Carnahan–Starling.
	WhiteBearII Variant = iota
	// WhiteBearI is Roth et al. (2002) and Yu and Wu (2002); bulk
	// Carnahan–Starling.
	WhiteBearI
	// Rosenfeld is the original FMT, Rosenfeld, PRL 63, 980 (1989); bulk
	// Percus–Yevick (compressibility route).
	Rosenfeld
)

// String returns the variant's configuration name.
func (v Variant) String() string {
	switch v {
	case WhiteBearII:
		return "whitebear2"
	case WhiteBearI:
		return "whitebear1"
	case Rosenfeld:
		return "rosenfeld"
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// FMTSettings configures a hard-sphere functional. The zero value is White
// Bear II with diameter 1σ.
type FMTSettings struct {
	Variant  Variant
	Diameter float64 // hard-sphere diameter d in σ; 0 means 1
}

// FMT is the hard-sphere fundamental-measure functional in planar geometry.
// With R = d/2 the planar weights are w3 = π(R² − z²), w2 = 2πR and
// w2v = 2πz for |z| ≤ R; n0 = n2/(4πR²), n1 = n2/(4πR), n1v = n2v/(4πR), so
// Φ(n2, n3, nv) = A(n3)·n2 + B(n3)·(n2² − nv²) + C(n3)·(n2³ − 3n2·nv²) with
// A = −ln(1−n3)/(4πR²), B = φ2/(4πR(1−n3)), C = φ3/(24π(1−n3)²).
type FMT struct {
	g       Grid
	variant Variant
	d       float64
	phi2    *phiForm
	phi3    *phiForm
	l       boxLayout
	fwd     []boxKernel // w2, w3, w2v
	adj     []boxKernel // their mirrors
	rho     []float64   // padded input (ρ, or v for HessianVector)
	n       [][]float64 // n2, n3, nv (padded)
	dn      [][]float64 // weighted v for HessianVector
	p       [][]float64 // ∂Φ/∂n2, ∂Φ/∂n3, ∂Φ/∂nv (or their variations)
	out     [][]float64 // padded result
}

// NewFMT returns the hard-sphere functional on g. It fails if the grid is
// too coarse for the weights (dz > d/20).
func NewFMT(g Grid, s FMTSettings) (*FMT, error) {
	g, err := g.Normalized()
	if err != nil {
		return nil, err
	}
	d := s.Diameter
	if d == 0 {
		d = 1
	}
	if !(d > 0) || math.IsInf(d, 0) {
		return nil, fmt.Errorf("functional: hard-sphere diameter %g σ must be positive and finite", d)
	}
	f := &FMT{g: g, variant: s.Variant, d: d}
	switch s.Variant {
	case WhiteBearII:
		f.phi2, f.phi3 = phi2WBII, phi3WBII
	case WhiteBearI:
		f.phi3 = phi3WBI
	case Rosenfeld:
	default:
		return nil, fmt.Errorf("functional: unknown FMT variant %d", int(s.Variant))
	}
	if err := g.checkResolution("hard spheres", d); err != nil {
		return nil, err
	}
	R := d / 2
	f.fwd = []boxKernel{
		newBoxKernel(g, func(z float64) float64 { return 2 * math.Pi * R * (clamp(z, R) + R) }, R),
		newBoxKernel(g, func(z float64) float64 {
			z = clamp(z, R)
			return math.Pi * (R*R*z - z*z*z/3 + 2*R*R*R/3)
		}, R),
		newBoxKernel(g, func(z float64) float64 { z = clamp(z, R); return math.Pi * (z*z - R*R) }, R),
	}
	for _, k := range f.fwd {
		f.adj = append(f.adj, k.mirror())
	}
	f.l = newBoxLayout(g, f.fwd[0].h)
	f.rho = f.l.field()
	for _, fs := range []*[][]float64{&f.n, &f.dn, &f.p} {
		*fs = [][]float64{f.l.field(), f.l.field(), f.l.field()}
	}
	f.out = [][]float64{f.l.field()}
	return f, nil
}

// clamp returns z limited to [−r, r].
func clamp(z, r float64) float64 { return math.Max(-r, math.Min(r, z)) }

// Grid returns the grid of the functional.
func (f *FMT) Grid() Grid { return f.g }

// Diameter returns the hard-sphere diameter d in σ.
func (f *FMT) Diameter() float64 { return f.d }

// Variant returns the FMT variant.
func (f *FMT) Variant() Variant { return f.variant }

// fmtCoef holds A, B, C and their first and second derivatives in n3.
type fmtCoef struct{ a, a1, a2, b, b1, b2, c, c1, c2 float64 }

// coef evaluates the coefficients at packing fraction x < 1; the second
// derivatives only when second is set.
func (f *FMT) coef(x float64, second bool) fmtCoef {
	R := f.d / 2
	k0 := 1 / (4 * math.Pi * R * R)
	k1 := 1 / (4 * math.Pi * R)
	const k2 = 1 / (24 * math.Pi)
	lg := math.Log1p(-x)
	iy := 1 / (1 - x)
	ix := 1 / x
	p2, p2d, p2dd := f.phi2.eval(x, lg, ix, iy, second)
	p3, p3d, p3dd := f.phi3.eval(x, lg, ix, iy, second)
	c := fmtCoef{
		a: -lg * k0, a1: k0 * iy,
		b:  p2 * k1 * iy,
		b1: (p2d + p2*iy) * k1 * iy,
		c:  p3 * k2 * iy * iy,
		c1: (p3d + 2*p3*iy) * k2 * iy * iy,
	}
	if second {
		c.a2 = k0 * iy * iy
		c.b2 = (p2dd + 2*p2d*iy + 2*p2*iy*iy) * k1 * iy
		c.c2 = (p3dd + 4*p3d*iy + 6*p3*iy*iy) * k2 * iy * iy
	}
	return c
}

// weigh convolves the grid field f with w2, w3, w2v into dst on the span.
func (f *FMT) weigh(dst [][]float64, fld []float64) {
	f.l.load(f.rho, fld)
	lo, hi := f.l.span()
	f.l.convolve(f.rho, lo, hi, f.fwd, dst, false)
}

// checkPacking returns an error if n3 reaches 1 anywhere on the span.
func (f *FMT) checkPacking() error {
	lo, hi := f.l.span()
	for i := lo; i < hi; i++ {
		if x := f.n[1][f.l.off+i]; !(x < 1) {
			return fmt.Errorf("functional: local packing fraction n3 = %.4g ≥ 1 at z = %.4g σ (density too high for hard spheres of diameter %g σ)", x, f.g.Z(i), f.d)
		}
	}
	return nil
}

// backProject writes dF_i = Σ_α (K_αᵀ p_α)_i into dF (length N).
func (f *FMT) backProject(dF []float64) {
	for _, p := range f.p {
		f.l.ghosts(p)
	}
	for q := range f.p {
		f.l.convolve(f.p[q], 0, f.g.N, f.adj[q:q+1], f.out, q > 0)
	}
	copy(dF, f.out[0][f.l.off:f.l.off+f.g.N])
}

// ExcessFreeEnergy returns βF_exc per area (σ⁻²) and writes −c1 into dF.
func (f *FMT) ExcessFreeEnergy(rho, dF []float64) (float64, error) {
	f.g.mustMatch(rho)
	f.g.mustMatch(dF)
	if err := f.g.checkDensity(rho); err != nil {
		return 0, err
	}
	f.weigh(f.n, rho)
	if err := f.checkPacking(); err != nil {
		return 0, err
	}
	n2s, n3s, nvs := f.n[0], f.n[1], f.n[2]
	p2, p3, pv := f.p[0], f.p[1], f.p[2]
	lo, hi := f.l.span()
	sum := 0.0
	for i := lo + f.l.off; i < hi+f.l.off; i++ {
		k := f.coef(n3s[i], false)
		n2, nv := n2s[i], nvs[i]
		s := n2*n2 - nv*nv
		t := n2 * (n2*n2 - 3*nv*nv)
		sum += k.a*n2 + k.b*s + k.c*t
		p2[i] = k.a + 2*k.b*n2 + 3*k.c*s
		p3[i] = k.a1*n2 + k.b1*s + k.c1*t
		pv[i] = -2 * nv * (k.b + 3*k.c*n2)
	}
	f.backProject(dF)
	return sum * f.g.Dz, nil
}

// HessianVector writes −∫c2(z_i, z')v(z')dz' into hv for the density rho.
func (f *FMT) HessianVector(rho, v, hv []float64) error {
	f.g.mustMatch(rho)
	f.g.mustMatch(v)
	f.g.mustMatch(hv)
	if err := f.g.checkDensity(rho); err != nil {
		return err
	}
	f.weigh(f.n, rho)
	if err := f.checkPacking(); err != nil {
		return err
	}
	f.weigh(f.dn, v)
	lo, hi := f.l.span()
	for i := lo + f.l.off; i < hi+f.l.off; i++ {
		k := f.coef(f.n[1][i], true)
		n2, nv := f.n[0][i], f.n[2][i]
		s := n2*n2 - nv*nv
		t := n2 * (n2*n2 - 3*nv*nv)
		h22 := 2*k.b + 6*k.c*n2
		h2v := -6 * k.c * nv
		hvv := -2*k.b - 6*k.c*n2
		h32 := k.a1 + 2*k.b1*n2 + 3*k.c1*s
		h3v := -2 * nv * (k.b1 + 3*k.c1*n2)
		h33 := k.a2*n2 + k.b2*s + k.c2*t
		d2, d3, dv := f.dn[0][i], f.dn[1][i], f.dn[2][i]
		f.p[0][i] = h22*d2 + h32*d3 + h2v*dv
		f.p[1][i] = h32*d2 + h33*d3 + h3v*dv
		f.p[2][i] = h2v*d2 + h3v*d3 + hvv*dv
	}
	f.backProject(hv)
	return nil
}

// BulkExcess returns βf_ex (σ⁻³) and βμ_ex of the uniform hard-sphere fluid
// of density rho (σ⁻³).
func (f *FMT) BulkExcess(rho float64) (fe, mu float64, err error) {
	R := f.d / 2
	n2 := 4 * math.Pi * R * R * rho
	n3 := 4 * math.Pi * R * R * R / 3 * rho
	if !(n3 < 1) || math.IsNaN(rho) {
		return 0, 0, fmt.Errorf("functional: bulk packing fraction %.4g of density %g σ⁻³ is not below 1", n3, rho)
	}
	k := f.coef(n3, false)
	fe = k.a*n2 + k.b*n2*n2 + k.c*n2*n2*n2
	p2 := k.a + 2*k.b*n2 + 3*k.c*n2*n2
	p3 := k.a1*n2 + k.b1*n2*n2 + k.c1*n2*n2*n2
	mu = p2*4*math.Pi*R*R + p3*4*math.Pi*R*R*R/3
	return fe, mu, nil
}

package learned

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/dsp/fourier"

	"github.com/physim/physim/potentials/functional"
)

// Functional is the neural excess functional βF_exc[ρ] on a periodic grid:
// it implements functional.Functional, functional.SecondDerivative and
// functional.Bulk. It holds scratch buffers and is not safe for concurrent
// use.
type Functional struct {
	g    functional.Grid
	k    int
	net  *mlp
	taps [][]float64    // taps[α][j], j = 0 … J, of the even kernels
	spec [][]complex128 // spectra of the circular kernels, divided by N
	s    []float64      // Ŵ_α(0) = Σ_j t_α(j)
	phi0 float64        // φ(0)
	fft  *fourier.FFT
	// scratch
	hat, acc   []complex128
	n, grad    [][]float64 // K fields of N values
	pn, pg, ph []float64   // per-point K vectors
	hvScratch  []float64
	field      []float64
}

// newFunctional builds the functional of the network (a, p) on g, which
// must be periodic and at least 2R + Δz long.
func newFunctional(g functional.Grid, a Architecture, p *Params) (*Functional, error) {
	g, err := g.Normalized()
	if err != nil {
		return nil, err
	}
	if !g.Periodic {
		return nil, fmt.Errorf("learned: the neural functional needs a periodic grid")
	}
	if err := p.check(a); err != nil {
		return nil, err
	}
	b := a.basis()
	basisTaps := b.taps(g.Dz)
	nt := len(basisTaps[0])
	if 2*nt-1 > g.N {
		return nil, fmt.Errorf("learned: kernels of radius %g σ need a box of at least %g σ, grid has %g σ", b.radius(), float64(2*nt-1)*g.Dz, g.Length())
	}
	k := a.Kernels
	f := &Functional{g: g, k: k, net: newMLP(a, p), fft: fourier.NewFFT(g.N), s: make([]float64, k),
		hat: make([]complex128, g.N/2+1), acc: make([]complex128, g.N/2+1),
		pn: make([]float64, k), pg: make([]float64, k), ph: make([]float64, k),
		hvScratch: make([]float64, a.Hidden[0]+2*a.Hidden[1]), field: make([]float64, g.N)}
	circ := make([]float64, g.N)
	for al := 0; al < k; al++ {
		t := make([]float64, nt)
		for q := 0; q < b.p; q++ {
			c := p.Kernels[al*b.p+q]
			for j, v := range basisTaps[q] {
				t[j] += c * v
			}
		}
		f.taps = append(f.taps, t)
		f.s[al] = cosine(t, 0, g.Dz)
		clear(circ)
		for j, v := range t {
			circ[j] = v
			if j > 0 {
				circ[g.N-j] = v
			}
		}
		sp := f.fft.Coefficients(nil, circ)
		for i := range sp {
			sp[i] /= complex(float64(g.N), 0)
		}
		f.spec = append(f.spec, sp)
		f.n = append(f.n, make([]float64, g.N))
		f.grad = append(f.grad, make([]float64, g.N))
	}
	clear(f.pn)
	f.phi0 = f.net.forward(f.pn)
	return f, nil
}

// Grid returns the grid of the functional.
func (f *Functional) Grid() functional.Grid { return f.g }

// mustMatch panics unless v has one value per cell.
func (f *Functional) mustMatch(v []float64) {
	if len(v) != f.g.N {
		panic(fmt.Sprintf("learned: field has %d values, grid has %d cells", len(v), f.g.N))
	}
}

// convolve writes t_α ⋆ src into dst[α] for every kernel.
func (f *Functional) convolve(dst [][]float64, src []float64) {
	f.fft.Coefficients(f.hat, src)
	for al := range dst {
		sp := f.spec[al]
		for i, v := range f.hat {
			f.acc[i] = v * sp[i]
		}
		f.fft.Sequence(dst[al], f.acc)
	}
}

// adjoint writes Σ_α t_α ⋆ src[α] into dst.
func (f *Functional) adjoint(dst []float64, src [][]float64) {
	clear(f.acc)
	for al, s := range src {
		f.fft.Coefficients(f.hat, s)
		sp := f.spec[al]
		for i, v := range f.hat {
			f.acc[i] += v * sp[i]
		}
	}
	f.fft.Sequence(dst, f.acc)
}

// weigh computes the weighted densities of rho into f.n.
func (f *Functional) weigh(rho []float64) error {
	f.mustMatch(rho)
	for i, v := range rho {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("learned: non-finite density %g at z = %.4g σ", v, f.g.Z(i))
		}
	}
	f.convolve(f.n, rho)
	return nil
}

// ExcessFreeEnergy returns βF_exc per unit area (σ⁻²) and writes
// δβF_exc/δρ = −c1 into dF.
func (f *Functional) ExcessFreeEnergy(rho, dF []float64) (float64, error) {
	f.mustMatch(dF)
	if err := f.weigh(rho); err != nil {
		return 0, err
	}
	total := 0.0
	for i := range rho {
		for al := range f.pn {
			f.pn[al] = f.n[al][i]
		}
		total += f.net.gradient(f.pn, f.pg) - f.phi0
		for al, v := range f.pg {
			f.grad[al][i] = v
		}
	}
	f.adjoint(dF, f.grad)
	return total * f.g.Dz, nil
}

// HessianVector writes ∫dz' δ²βF_exc/δρ(z_i)δρ(z') v(z') = −(c2·v)(z_i)
// into hv (dimensionless for v in σ⁻³).
func (f *Functional) HessianVector(rho, v, hv []float64) error {
	f.mustMatch(v)
	f.mustMatch(hv)
	if err := f.weigh(rho); err != nil {
		return err
	}
	f.convolve(f.grad, v) // u_α = t_α ⋆ v, kept in grad until overwritten
	for i := range rho {
		for al := range f.pn {
			f.pn[al] = f.n[al][i]
			f.ph[al] = f.grad[al][i]
		}
		f.net.gradient(f.pn, f.pg)
		f.net.hessianVector(f.ph, f.pg, f.hvScratch)
		for al, x := range f.pg {
			f.grad[al][i] = x
		}
	}
	f.adjoint(hv, f.grad)
	return nil
}

// BulkExcess returns βf_ex = φ(ρŴ(0)) − φ(0) (σ⁻³) and
// βμ_ex = Ŵ(0)·∇φ(ρŴ(0)) of the uniform fluid of density rho (σ⁻³).
func (f *Functional) BulkExcess(rho float64) (fe, mu float64, err error) {
	if math.IsNaN(rho) || math.IsInf(rho, 0) {
		return 0, 0, fmt.Errorf("learned: bulk density %g σ⁻³ must be finite", rho)
	}
	for al, s := range f.s {
		f.pn[al] = rho * s
	}
	fe = f.net.gradient(f.pn, f.pg) - f.phi0
	for al, s := range f.s {
		mu += s * f.pg[al]
	}
	return fe, mu, nil
}

// BulkDirectCorrelation returns ĉ(k) (σ³) of the uniform fluid of density
// rho at wavenumber k (σ⁻¹): −Ŵ(k)ᵀ∇²φ(ρŴ(0))Ŵ(k), the spectrum of the
// bulk Hessian row.
func (f *Functional) BulkDirectCorrelation(rho, k float64) float64 {
	for al, s := range f.s {
		f.pn[al] = rho * s
	}
	f.net.gradient(f.pn, f.pg)
	for al, t := range f.taps {
		f.ph[al] = cosine(t, k, f.g.Dz)
	}
	f.net.hessianVector(f.ph, f.pg, f.hvScratch)
	c := 0.0
	for al, x := range f.pg {
		c -= f.ph[al] * x
	}
	return c
}

package ddft

import (
	"math"

	"github.com/physim/physim/potentials/functional"
	"gonum.org/v1/gonum/dsp/fourier"
)

// etd integrates ∂ρ/∂t = DΔ_h ρ + N(ρ, t) on a periodic grid by exponential
// time differencing, with Δ_h the three-point discrete Laplacian (symbol
// −λ_k = −(4/dz²) sin²(πk/N)), so that its fixed points are those of the
// finite-volume scheme.
type etd struct {
	fft      *fourier.FFT
	dlam     []float64 // D·λ_k (1/τ)
	dt       float64   // step the factors below are for
	e, p1    []float64 // e^{−Dλdt}/N and dt·φ1(−Dλdt)/N
	p2       []float64 // dt·φ2(−Dλdt)/N
	rh, nh   []complex128
	ah, n2h  []complex128
	a, nl    []float64 // ETD1 result and nonlinear rate (real space)
	nl2, dif []float64
}

func newETD(g functional.Grid, d float64) *etd {
	n := g.N
	m := n/2 + 1
	s := &etd{fft: fourier.NewFFT(n), dlam: make([]float64, m),
		e: make([]float64, m), p1: make([]float64, m), p2: make([]float64, m),
		rh: make([]complex128, m), nh: make([]complex128, m), ah: make([]complex128, m), n2h: make([]complex128, m),
		a: make([]float64, n), nl: make([]float64, n), nl2: make([]float64, n), dif: make([]float64, n)}
	for k := range s.dlam {
		sn := math.Sin(math.Pi * float64(k) / float64(n))
		s.dlam[k] = d * 4 / (g.Dz * g.Dz) * sn * sn
	}
	return s
}

// factors prepares e^{hL}, h·φ1(hL) and h·φ2(hL) (divided by N for the
// unnormalised FFT pair) for step h.
func (s *etd) factors(h float64) {
	if h == s.dt {
		return
	}
	s.dt = h
	inv := 1 / float64(len(s.a))
	for k, l := range s.dlam {
		z := -l * h
		em1 := math.Expm1(z)
		var f1, f2 float64
		if math.Abs(z) < 1e-4 {
			f1 = 1 + z/2 + z*z/6
			f2 = 0.5 + z/6 + z*z/24
		} else {
			f1 = em1 / z
			f2 = (em1 - z) / (z * z)
		}
		s.e[k] = (1 + em1) * inv
		s.p1[k] = h * f1 * inv
		s.p2[k] = h * f2 * inv
	}
}

// step1 writes the ETD1 step of size h from (rho, t) into out, leaving the
// spectra of rho and of the nonlinear rate in s.rh and s.nh.
func (s *etd) step1(d *DDFT, out, rho []float64, t, h float64) error {
	if _, err := d.rate(s.nl, rho, t); err != nil {
		return err
	}
	s.factors(h)
	s.fft.Coefficients(s.rh, rho)
	s.fft.Coefficients(s.nh, s.nl)
	for k := range s.ah {
		s.ah[k] = complex(s.e[k], 0)*s.rh[k] + complex(s.p1[k], 0)*s.nh[k]
	}
	s.fft.Sequence(out, s.ah)
	return nil
}

// step2 takes an ETD2 (Cox–Matthews ETDRK2) step of size h from (rho, t),
// leaving the result in d.tmp and returning its difference from the ETD1
// result (nil if the ETD1 stage was rejected by the functional).
func (s *etd) step2(d *DDFT, rho []float64, t, h float64) ([]float64, error) {
	if err := s.step1(d, s.a, rho, t, h); err != nil {
		return nil, err
	}
	if _, err := d.rate(s.nl2, s.a, t+h); err != nil {
		d.lastStageErr = err
		return nil, nil
	}
	s.fft.Coefficients(s.n2h, s.nl2)
	for k := range s.n2h {
		s.n2h[k] = complex(s.p2[k], 0) * (s.n2h[k] - s.nh[k])
	}
	s.fft.Sequence(s.dif, s.n2h)
	for i := range s.a {
		d.tmp[i] = s.a[i] + s.dif[i]
	}
	return s.dif, nil
}

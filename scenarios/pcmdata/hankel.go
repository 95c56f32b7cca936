package pcmdata

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/dsp/fourier"
)

// Hankel computes three-dimensional Fourier transforms of radial functions,
//
//	F(k) = (4π/k) ∫₀^∞ r f(r) sin(kr) dr,  f(r) = (1/(2π²r)) ∫₀^∞ k F(k) sin(kr) dk,
//
// on the grids r_i = i·Dr and k_j = j·π/(M·Dr), i, j = 1 … M−1, by a type-I
// discrete sine transform (gonum). The pair is exactly inverse on the grid.
// Functions must have decayed by r_max = M·Dr. A Hankel holds scratch
// space and is not safe for concurrent use.
type Hankel struct {
	dr  float64
	m   int
	dst *fourier.DST
	buf []float64
}

// NewHankel returns a transform on m−1 interior points of spacing dr (σ).
func NewHankel(dr float64, m int) (*Hankel, error) {
	if !(dr > 0) || math.IsInf(dr, 0) || m < 4 {
		return nil, fmt.Errorf("pcmdata: transform grid needs dr > 0 and at least 4 points, got dr = %g, m = %d", dr, m)
	}
	return &Hankel{dr: dr, m: m, dst: fourier.NewDST(m - 1), buf: make([]float64, m-1)}, nil
}

// Len returns the number of grid points M−1 of r and of k.
func (h *Hankel) Len() int { return h.m - 1 }

// R returns r_i = (i+1)·Dr, the radius of element i (σ).
func (h *Hankel) R(i int) float64 { return float64(i+1) * h.dr }

// K returns k_j = (j+1)·π/(M·Dr), the wavenumber of element j (σ⁻¹).
func (h *Hankel) K(j int) float64 { return float64(j+1) * math.Pi / (float64(h.m) * h.dr) }

// Forward writes F(k_j) for f(r_i) into dst (both of length Len).
func (h *Hankel) Forward(dst, f []float64) {
	h.check(dst, f)
	for i, v := range f {
		h.buf[i] = h.R(i) * v
	}
	h.dst.Transform(h.buf, h.buf)
	for j := range dst {
		// fftpack's sine transform is y_j = 2 Σ_i x_i sin(π i j/M).
		dst[j] = 2 * math.Pi * h.dr / h.K(j) * h.buf[j]
	}
}

// Inverse writes f(r_i) for F(k_j) into dst (both of length Len).
func (h *Hankel) Inverse(dst, f []float64) {
	h.check(dst, f)
	for j, v := range f {
		h.buf[j] = h.K(j) * v
	}
	h.dst.Transform(h.buf, h.buf)
	dk := math.Pi / (float64(h.m) * h.dr)
	for i := range dst {
		dst[i] = dk / (4 * math.Pi * math.Pi * h.R(i)) * h.buf[i]
	}
}

// Zero returns F(0) = 4π ∫₀^∞ r² f(r) dr for f(r_i) (rectangle rule, exact
// to the order of the transforms since r² f vanishes at both ends).
func (h *Hankel) Zero(f []float64) float64 {
	if len(f) != h.Len() {
		panic(fmt.Sprintf("pcmdata: field has %d points, transform grid %d", len(f), h.Len()))
	}
	s := 0.0
	for i, v := range f {
		r := h.R(i)
		s += r * r * v
	}
	return 4 * math.Pi * h.dr * s
}

func (h *Hankel) check(dst, f []float64) {
	if len(dst) != h.Len() || len(f) != h.Len() {
		panic(fmt.Sprintf("pcmdata: transform of %d points into %d, grid has %d", len(f), len(dst), h.Len()))
	}
}

package learned

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim/rng"
)

// Architecture is the shape of the network. The zero value means the
// defaults: 8 kernels of radius 3σ on B-splines 0.1σ apart, hidden layers
// of 24 and 24 tanh units.
type Architecture struct {
	// Kernels is the number K of weighted densities; 0 means 8.
	Kernels int `json:"kernels"`
	// Hidden are the widths of the two tanh layers; 0 means 24.
	Hidden [2]int `json:"hidden"`
	// Radius is the kernel range R in σ; 0 means 3.
	Radius float64 `json:"radius"`
	// KnotSpacing is the B-spline spacing h in σ (R/h a whole number
	// ≥ 3); 0 means 0.1.
	KnotSpacing float64 `json:"knot_spacing"`
}

// withDefaults fills in zero values and checks the result.
func (a Architecture) withDefaults() (Architecture, error) {
	if a.Kernels == 0 {
		a.Kernels = 8
	}
	for i := range a.Hidden {
		if a.Hidden[i] == 0 {
			a.Hidden[i] = 24
		}
	}
	if a.Radius == 0 {
		a.Radius = 3
	}
	if a.KnotSpacing == 0 {
		a.KnotSpacing = 0.1
	}
	n := a.Radius / a.KnotSpacing
	switch {
	case a.Kernels < 1 || a.Hidden[0] < 1 || a.Hidden[1] < 1:
		return a, fmt.Errorf("learned: architecture needs positive kernel and layer counts, got %d, %v", a.Kernels, a.Hidden)
	case !(a.KnotSpacing > 0) || math.IsInf(a.Radius, 0) || math.Abs(n-math.Round(n)) > 1e-9*n || n < 3:
		return a, fmt.Errorf("learned: kernel radius %g σ must be a whole number (≥ 3) of knot spacings %g σ", a.Radius, a.KnotSpacing)
	}
	return a, nil
}

// basis returns the kernel basis of a (defaults filled in).
func (a Architecture) basis() evenBasis { return newEvenBasis(a.Radius, a.KnotSpacing) }

// Params are the trainable numbers, row-major. With P basis functions:
// Kernels is K×P (kernel α = Σ_p Kernels[α·P+p] b_p), W1 is K×H1 (first
// layer z1 = n·W1 + B1), W2 is H1×H2 (z2 = tanh(z1)·W2 + B2) and
// φ = tanh(z2)·W3.
type Params struct {
	Kernels []float64 `json:"kernels"`
	W1      []float64 `json:"w1"`
	B1      []float64 `json:"b1"`
	W2      []float64 `json:"w2"`
	B2      []float64 `json:"b2"`
	W3      []float64 `json:"w3"`
}

// check returns an error if p does not fit a (defaults filled in).
func (p *Params) check(a Architecture) error {
	k, h1, h2, nb := a.Kernels, a.Hidden[0], a.Hidden[1], a.basis().p
	for _, c := range []struct {
		name string
		v    []float64
		n    int
	}{{"kernels", p.Kernels, k * nb}, {"w1", p.W1, k * h1}, {"b1", p.B1, h1}, {"w2", p.W2, h1 * h2}, {"b2", p.B2, h2}, {"w3", p.W3, h2}} {
		if len(c.v) != c.n {
			return fmt.Errorf("learned: parameter %s has %d values, the architecture needs %d", c.name, len(c.v), c.n)
		}
		for _, x := range c.v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("learned: parameter %s holds a non-finite value", c.name)
			}
		}
	}
	return nil
}

// initParams draws starting parameters from seed: kernel α a Gaussian of
// width growing geometrically from 0.2σ to R/2 with unit integral, weights
// normal with variance 1/fan-in, biases zero.
func initParams(a Architecture, dz float64, seed uint64) *Params {
	k, h1, h2 := a.Kernels, a.Hidden[0], a.Hidden[1]
	b := a.basis()
	taps := b.taps(dz)
	p := &Params{Kernels: make([]float64, k*b.p), W1: make([]float64, k*h1), B1: make([]float64, h1),
		W2: make([]float64, h1*h2), B2: make([]float64, h2), W3: make([]float64, h2)}
	for al := 0; al < k; al++ {
		width := 0.2
		if k > 1 {
			width = 0.2 * math.Pow(a.Radius/2/0.2, float64(al)/float64(k-1))
		}
		integral := 0.0
		for q := 0; q < b.p; q++ {
			z := float64(q) * b.h
			p.Kernels[al*b.p+q] = math.Exp(-z * z / (2 * width * width))
			integral += p.Kernels[al*b.p+q] * cosine(taps[q], 0, dz)
		}
		for q := 0; q < b.p; q++ {
			p.Kernels[al*b.p+q] /= integral
		}
	}
	normal := func(stream uint32, v []float64, fanIn int) {
		sd := 1 / math.Sqrt(float64(fanIn))
		for i := range v {
			v[i] = sd * rng.Key{Seed: seed, Step: uint64(i), Stream: rng.StreamUser + 10 + stream}.Normal4()[0]
		}
	}
	normal(1, p.W1, k)
	normal(2, p.W2, h1)
	normal(3, p.W3, h2)
	return p
}

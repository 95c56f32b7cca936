package functional

import "gonum.org/v1/gonum/dsp/fourier"

// convolver convolves grid fields with a fixed compact kernel of arbitrary
// shape (the mean-field kernel) by FFT. On a periodic grid the convolution
// is circular over the N cells; on a bounded grid the fields are
// zero-padded to M ≥ N + 2H cells, H the kernel half-width in cells, so
// that nothing wraps around onto [0, L].
type convolver struct {
	g   Grid
	m   int // FFT length
	fft *fourier.FFT
	buf []float64 // length m, padded input
}

// newConvolver plans FFTs on g for kernels of half-width up to halfWidth σ.
func newConvolver(g Grid, halfWidth float64) *convolver {
	m := g.N
	if !g.Periodic {
		m = fastLength(g.N + 2*halfCells(g, halfWidth) + 1)
	}
	return &convolver{g: g, m: m, fft: fourier.NewFFT(m), buf: make([]float64, m)}
}

// fastLength returns the smallest n' ≥ n whose only prime factors are 2, 3
// and 5 (the radices fftpack handles fast).
func fastLength(n int) int {
	for ; ; n++ {
		k := n
		for _, p := range [...]int{2, 3, 5} {
			for k%p == 0 {
				k /= p
			}
		}
		if k == 1 {
			return n
		}
	}
}

// spectrum returns a new slice for a spectrum of this convolver.
func (c *convolver) spectrum() []complex128 { return make([]complex128, c.m/2+1) }

// field returns a new slice for a padded real field of this convolver.
func (c *convolver) field() []float64 { return make([]float64, c.m) }

// kernel returns the spectrum, divided by M, of the kernel whose cell
// integrals are K_j = cum((j+½)dz) − cum((j−½)dz) for |j| ≤ H, where cum is
// an antiderivative of the planar weight and halfWidth (σ) bounds its
// support. On a periodic grid kernel cells beyond the box wrap around.
func (c *convolver) kernel(cum func(z float64) float64, halfWidth float64) []complex128 {
	h := halfCells(c.g, halfWidth)
	k := c.field()
	for j := -h; j <= h; j++ {
		k[((j%c.m)+c.m)%c.m] += c.g.cellIntegral(cum, j)
	}
	s := c.fft.Coefficients(nil, k)
	inv := 1 / float64(c.m)
	for i := range s {
		s[i] *= complex(inv, 0)
	}
	return s
}

// forward writes the spectrum of the grid field f (length N, zero-padded to
// M) into dst.
func (c *convolver) forward(dst []complex128, f []float64) {
	copy(c.buf, f)
	clear(c.buf[len(f):])
	c.fft.Coefficients(dst, c.buf)
}

// apply writes the padded field with spectrum s·k into dst (length M),
// using scratch (a spectrum) as work space.
func (c *convolver) apply(dst []float64, s, k, scratch []complex128) {
	for i := range scratch {
		scratch[i] = s[i] * k[i]
	}
	c.fft.Sequence(dst, scratch)
}

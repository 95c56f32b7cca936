package pcmdata

import "math"

// Planar returns the planar kernel c2(z) = 2π∫_{|z|}^∞ r c(r) dr (σ²) at
// each z (σ): the direct correlation of two planes of density a distance z
// apart, whose 1D Fourier transform is ĉ(k). The integral is the trapezoid
// rule on the transform grid (c is taken as c(Dr) on [0, Dr], where r·c
// vanishes anyway), linearly interpolated between grid points.
func (c *Correlations) Planar(z []float64) []float64 {
	n := len(c.C)
	// cum[i] = 2π∫_{r_i}^{r_max} r c dr on the grid, cum[-1] (r = 0) last.
	cum := make([]float64, n+1)
	for i := n - 2; i >= 0; i-- {
		a, b := c.R(i)*c.C[i], c.R(i+1)*c.C[i+1]
		cum[i] = cum[i+1] + math.Pi*c.Dr*(a+b)
	}
	cum[n] = cum[0] + math.Pi*c.Dr*c.R(0)*c.C[0] // from r = 0 (r c = 0) to r_0
	at := func(r float64) float64 {
		// grid index with r_i ≤ r < r_{i+1}; r_{-1} = 0.
		x := r/c.Dr - 1
		i := int(math.Floor(x))
		switch {
		case i >= n-1:
			return 0
		case i < 0:
			t := r / c.Dr
			return cum[n] + t*(cum[0]-cum[n])
		}
		t := x - float64(i)
		return cum[i] + t*(cum[i+1]-cum[i])
	}
	out := make([]float64, len(z))
	for k, v := range z {
		out[k] = at(math.Abs(v))
	}
	return out
}

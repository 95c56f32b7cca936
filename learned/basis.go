package learned

import "math"

// bspline3 is the centred cubic B-spline of unit knot spacing (support
// |x| < 2, integral 1).
func bspline3(x float64) float64 {
	x = math.Abs(x)
	switch {
	case x < 1:
		return 2.0/3 - x*x + x*x*x/2
	case x < 2:
		d := 2 - x
		return d * d * d / 6
	}
	return 0
}

// evenBasis is the kernel basis: b_0(z) = B3(z/h) and b_p(z) = B3((z − ph)/h)
// + B3((z + ph)/h) for p = 1 … P−1, even C² functions vanishing for
// |z| ≥ (P+1)h = R.
type evenBasis struct {
	h float64 // knot spacing in σ
	p int     // number of functions
}

// newEvenBasis returns the basis on |z| ≤ radius with the given spacing
// (radius/spacing must be a whole number of at least 3).
func newEvenBasis(radius, spacing float64) evenBasis {
	return evenBasis{h: spacing, p: int(math.Round(radius/spacing)) - 1}
}

// at returns b_p(z).
func (b evenBasis) at(p int, z float64) float64 {
	x := z / b.h
	if p == 0 {
		return bspline3(x)
	}
	return bspline3(x-float64(p)) + bspline3(x+float64(p))
}

// radius returns R, beyond which every basis function vanishes.
func (b evenBasis) radius() float64 { return float64(b.p+1) * b.h }

// taps returns the cell weights dz·b_p(j·dz), j = 0 … J (the kernel is
// even), for every p: taps[p][j], with J the last j inside the radius.
func (b evenBasis) taps(dz float64) [][]float64 {
	j := int(math.Ceil(b.radius()/dz)) - 1
	out := make([][]float64, b.p)
	for p := range out {
		out[p] = make([]float64, j+1)
		for i := range out[p] {
			out[p][i] = dz * b.at(p, float64(i)*dz)
		}
	}
	return out
}

// cosine returns Σ_{|j|≤J} t(j) cos(k j dz) for the one-sided taps t.
func cosine(t []float64, k, dz float64) float64 {
	s := t[0]
	for j := 1; j < len(t); j++ {
		s += 2 * t[j] * math.Cos(k*float64(j)*dz)
	}
	return s
}

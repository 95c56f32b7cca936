package functional

import "math"

// phiForm is a FMT prefactor φ(x) = 1 + c·u(x)/x^m with
// u(x) = p(x) + q(x)·ln(1 − x), p and q cubic polynomials (coefficients in
// ascending powers), and the same function as the series
// φ(x) = 1 + Σ_j series[j−1]·x^j used for |x| < phiSeriesBelow, where the
// closed form cancels. A nil *phiForm is the constant 1.
type phiForm struct {
	c      float64
	m      int
	p, q   [4]float64
	series []float64
}

// phiSeriesBelow is the packing fraction below which φ comes from its series
// (closed-form cancellation error ≲ 1e-13 in φ′′ above it; series
// truncation error ≲ 1e-16 below it).
const phiSeriesBelow = 0.1

// phiSeriesTerms is the number of series terms kept.
const phiSeriesTerms = 24

// White Bear II φ2 = 1 + [2x − x² + 2(1−x)ln(1−x)]/(3x)
// = 1 + Σ_{j≥2} 2x^j/(3j(j+1)).
var phi2WBII = newPhiForm(1.0/3, 1, [4]float64{0, 2, -1, 0}, [4]float64{2, -2, 0, 0},
	func(j float64) float64 {
		if j < 2 {
			return 0
		}
		return 2 / (3 * j * (j + 1))
	})

// White Bear II φ3 = 1 − [2x − 3x² + 2x³ + 2(1−x)²ln(1−x)]/(3x²)
// = 1 − 4x/9 + Σ_{j≥2} 4x^j/(3j(j+1)(j+2)).
var phi3WBII = newPhiForm(-1.0/3, 2, [4]float64{0, 2, -3, 2}, [4]float64{2, -4, 2, 0},
	func(j float64) float64 {
		if j < 2 {
			return -4.0 / 9
		}
		return 4 / (3 * j * (j + 1) * (j + 2))
	})

// White Bear I: the last Rosenfeld term times
// φ3 = (2/3)[x + (1−x)²ln(1−x)]/x² = 1 − Σ_{j≥1} 4x^j/(3j(j+1)(j+2)).
var phi3WBI = newPhiForm(1, 2, [4]float64{0, 2.0 / 3, -1, 0}, [4]float64{2.0 / 3, -4.0 / 3, 2.0 / 3, 0},
	func(j float64) float64 { return -4 / (3 * j * (j + 1) * (j + 2)) })

func newPhiForm(c float64, m int, p, q [4]float64, coef func(j float64) float64) *phiForm {
	s := make([]float64, phiSeriesTerms)
	for j := range s {
		s[j] = coef(float64(j + 1))
	}
	return &phiForm{c: c, m: m, p: p, q: q, series: s}
}

// eval returns φ, φ′ and (when second is set, else 0) φ′′ at x, given
// lg = ln(1 − x), ix = 1/x and iy = 1/(1 − x).
func (f *phiForm) eval(x, lg, ix, iy float64, second bool) (v, d1, d2 float64) {
	if f == nil {
		return 1, 0, 0
	}
	if math.Abs(x) < phiSeriesBelow {
		a := f.series // a[j-1] multiplies x^j
		for j := len(a); j >= 1; j-- {
			fj := float64(j)
			v = v*x + a[j-1]
			d1 = d1*x + fj*a[j-1]
			if j >= 2 {
				d2 = d2*x + fj*(fj-1)*a[j-1]
			}
		}
		return 1 + v*x, d1, d2
	}
	p, p1, p2 := cubic(f.p, x)
	q, q1, q2 := cubic(f.q, x)
	u := p + q*lg
	u1 := p1 + q1*lg - q*iy
	m := float64(f.m)
	cx := f.c * ix // c/x^m
	if f.m == 2 {
		cx *= ix
	}
	v = 1 + cx*u
	d1 = cx * (u1 - m*u*ix)
	if second {
		u2 := p2 + q2*lg - 2*q1*iy - q*iy*iy
		d2 = cx * (u2 - 2*m*u1*ix + m*(m+1)*u*ix*ix)
	}
	return v, d1, d2
}

// cubic returns c(x), c′(x), c′′(x) for the cubic with coefficients c.
func cubic(c [4]float64, x float64) (v, d1, d2 float64) {
	v = c[0] + x*(c[1]+x*(c[2]+x*c[3]))
	d1 = c[1] + x*(2*c[2]+3*x*c[3])
	d2 = 2*c[2] + 6*x*c[3]
	return v, d1, d2
}

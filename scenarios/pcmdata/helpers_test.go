package pcmdata

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"
)

// pyHardSpheres is the Percus–Yevick direct correlation of hard spheres of
// diameter 1 at packing fraction eta (Wertheim, Thiele 1963):
// c(r) = −λ1 − 6ηλ2 r − ½ηλ1 r³ for r < 1, 0 beyond.
type pyHardSpheres struct{ eta float64 }

func (p pyHardSpheres) density() float64 { return 6 * p.eta / math.Pi }

func (p pyHardSpheres) lambdas() (l1, l2 float64) {
	e := p.eta
	d := math.Pow(1-e, 4)
	return (1 + 2*e) * (1 + 2*e) / d, -(1 + e/2) * (1 + e/2) / d
}

func (p pyHardSpheres) c(r float64) float64 {
	if r >= 1 {
		return 0
	}
	l1, l2 := p.lambdas()
	return -l1 - 6*p.eta*l2*r - 0.5*p.eta*l1*r*r*r
}

// s0 is the PY compressibility structure factor (1−η)⁴/(1+2η)².
func (p pyHardSpheres) s0() float64 {
	l1, _ := p.lambdas()
	return 1 / l1
}

// planar is c2(z) = 2π∫_{|z|}^1 r c(r) dr in closed form.
func (p pyHardSpheres) planar(z float64) float64 {
	z = math.Abs(z)
	if z >= 1 {
		return 0
	}
	l1, l2 := p.lambdas()
	e := p.eta
	return 2 * math.Pi * (-l1*(1-z*z)/2 - 2*e*l2*(1-z*z*z) - e*l1*(1-math.Pow(z, 5))/10)
}

// cHat is ĉ(k) = 4π∫₀¹ r² c(r) sin(kr)/(kr) dr by Gauss–Legendre
// quadrature, independent of the sine transforms.
func (p pyHardSpheres) cHat(k float64) float64 {
	f := func(r float64) float64 {
		if k == 0 {
			return 4 * math.Pi * r * r * p.c(r)
		}
		return 4 * math.Pi * r * p.c(r) * math.Sin(k*r) / k
	}
	return quad.Fixed(f, 0, 1, 64, quad.Legendre{}, 0)
}

// gridC samples the PY c(r) on the grid of h, with the mean of the two
// sides at the contact r = 1 so that the rectangle rule stays second order.
func (p pyHardSpheres) gridC(h *Hankel) []float64 {
	c := make([]float64, h.Len())
	for i := range c {
		r := h.R(i)
		c[i] = p.c(r)
		if math.Abs(r-1) < 1e-12 {
			c[i] = 0.5 * p.c(1-1e-15)
		}
	}
	return c
}

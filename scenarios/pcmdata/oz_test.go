package pcmdata

import (
	"math"
	"testing"
)

// A Gaussian has the closed-form 3D transform (2πs²)^{3/2} e^{−k²s²/2}; the
// discrete pair is exactly inverse.
func TestHankelGaussian(t *testing.T) {
	h, err := NewHankel(0.01, 2048)
	if err != nil {
		t.Fatal(err)
	}
	const s = 0.7
	f := make([]float64, h.Len())
	for i := range f {
		r := h.R(i)
		f[i] = math.Exp(-r * r / (2 * s * s))
	}
	ft := make([]float64, h.Len())
	h.Forward(ft, f)
	norm := math.Pow(2*math.Pi*s*s, 1.5)
	worst := 0.0
	for j, v := range ft {
		k := h.K(j)
		worst = math.Max(worst, math.Abs(v-norm*math.Exp(-k*k*s*s/2)))
	}
	if worst > 1e-12 {
		t.Errorf("Gaussian transform: max error %.3g, want < 1e-12", worst)
	}
	if z := h.Zero(f); math.Abs(z-norm) > 1e-12 {
		t.Errorf("F(0) = %.15g, want %.15g", z, norm)
	}
	back := make([]float64, h.Len())
	h.Inverse(back, ft)
	worst = 0
	for i := range back {
		worst = math.Max(worst, math.Abs(back[i]-f[i]))
	}
	if worst > 1e-11 {
		t.Errorf("inverse(forward(f)) differs from f by %.3g", worst)
	}
}

// The sine transform of the Percus–Yevick c(r) matches Gauss–Legendre
// quadrature, and 1 − ρĉ(0) is the PY compressibility (1+2η)²/(1−η)⁴.
func TestHankelPercusYevick(t *testing.T) {
	py := pyHardSpheres{eta: 0.35}
	h, _ := NewHankel(0.005, 4096)
	c := py.gridC(h)
	ck := make([]float64, h.Len())
	h.Forward(ck, c)
	for _, j := range []int{0, 10, 100, 400, 1000} {
		if want := py.cHat(h.K(j)); math.Abs(ck[j]-want) > 2e-4*math.Abs(py.cHat(0)) {
			t.Errorf("ĉ(k = %.4g) = %.8g, quadrature %.8g", h.K(j), ck[j], want)
		}
	}
	c0 := h.Zero(c)
	if want := py.cHat(0); math.Abs(c0-want) > 1e-4*math.Abs(want) {
		t.Errorf("ĉ(0) = %.8g, quadrature %.8g", c0, want)
	}
	if got, want := 1-py.density()*c0, 1/py.s0(); math.Abs(got-want) > 1e-4*want {
		t.Errorf("1 − ρĉ(0) = %.8g, PY %.8g", got, want)
	}
}

// pyPair returns the PY h(r) = g − 1 of py on the grid of h, by forward OZ.
func pyPair(py pyHardSpheres, h *Hankel) (r, g []float64) {
	c := py.gridC(h)
	ck := make([]float64, h.Len())
	h.Forward(ck, c)
	rho := py.density()
	for j, v := range ck {
		ck[j] = v / (1 - rho*v)
	}
	hr := make([]float64, h.Len())
	h.Inverse(hr, ck)
	for i, v := range hr {
		r = append(r, h.R(i))
		g = append(g, 1+v)
	}
	return r, g
}

// Inverting the exact PY h(r), given inside a match radius, with the PY
// closure (c = 0) beyond, recovers c(r) and S(0). With the canonical
// finite-size offset (1 − S(0))/N added to g and the PY compressibility
// given, the fitted offset is the one added and c(r) is recovered again.
func TestInvertOZPercusYevick(t *testing.T) {
	py := pyHardSpheres{eta: 0.4}
	s := OZSettings{Dr: 0.005, Intervals: 4096}
	h, _ := NewHankel(s.Dr, s.Intervals)
	r, g := pyPair(py, h)
	zero := func(r, gamma float64) float64 { return 0 }
	const rm = 4.0
	want := py.gridC(h)
	s0 := 1 / (1 - py.density()*h.Zero(want)) // PY S(0) on this grid
	for _, n := range []int{0, 1000} {
		d := PairData{Density: py.density(), Particles: n, R: r[:1200], G: append([]float64(nil), g[:1200]...), MatchRadius: rm}
		offset := 0.0
		if n > 0 {
			offset = (1 - s0) / float64(n)
			for i := range d.G {
				d.G[i] /= 1 - offset // so that g' − 1 − δ·g' = g − 1
			}
			d.Compressibility = 1 / s0
		}
		res, err := InvertOZ(d, zero, s)
		if err != nil {
			t.Fatal(err)
		}
		worst := 0.0
		for i, v := range res.C {
			worst = math.Max(worst, math.Abs(v-want[i]))
		}
		if worst > 1e-7 {
			t.Errorf("N = %d: recovered c(r) differs from PY by up to %.3g", n, worst)
		}
		if math.Abs(res.S0-s0) > 1e-8 {
			t.Errorf("N = %d: S(0) = %.10g, want %.10g (closed form %.10g)", n, res.S0, s0, py.s0())
		}
		if math.Abs(res.Offset-offset) > 1e-9 {
			t.Errorf("N = %d: fitted offset %.8g, added %.8g", n, res.Offset, offset)
		}
		t.Logf("N = %d: %d iterations, max |Δc| = %.2g, S(0) = %.8g (PY %.8g), offset %.6g", n, res.Iterations, worst, res.S0, py.s0(), res.Offset)
	}
}

// c2(z) = 2π∫_{|z|}^∞ r c dr agrees with the closed form for PY, and its 1D
// Fourier transform 2∫₀^∞ c2(z) cos(kz) dz equals the 3D ĉ(k).
func TestPlanarKernel(t *testing.T) {
	py := pyHardSpheres{eta: 0.3}
	h, _ := NewHankel(0.001, 4096)
	corr := &Correlations{Density: py.density(), Dr: 0.001, C: py.gridC(h), h: h}
	const dz = 0.001
	z := make([]float64, 1200)
	for i := range z {
		z[i] = float64(i) * dz
	}
	c2 := corr.Planar(z)
	for i, v := range c2 {
		if math.Abs(z[i]-1) < 2*dz {
			continue // the contact discontinuity of c costs O(dz) in its own cells
		}
		if want := py.planar(z[i]); math.Abs(v-want) > 2e-5 {
			t.Fatalf("c2(%g) = %.8g, closed form %.8g", z[i], v, want)
		}
	}
	for _, k := range []float64{0, 1, 3, 7, 15} {
		s := 0.0 // trapezoid of 2 c2(z) cos(kz) over z ≥ 0
		for i, v := range c2 {
			w := 2.0
			if i == 0 {
				w = 1
			}
			s += w * v * math.Cos(k*z[i]) * dz
		}
		if want := py.cHat(k); math.Abs(s-want) > 1e-4*math.Abs(py.cHat(0)) {
			t.Errorf("1D transform of c2 at k = %g: %.8g, 3D ĉ(k) %.8g", k, s, want)
		}
	}
}

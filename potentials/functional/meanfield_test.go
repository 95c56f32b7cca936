package functional

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"
)

// The bulk mean-field parameter a = ∫d³r u_att against the published values
// (notes §3.3) and against an independent radial quadrature; the planar
// kernel integrates to a; a uniform grid profile gives −c1 = βaρ.
func TestMeanFieldIntegrals(t *testing.T) {
	rm := math.Pow(2, 1.0/6)
	uLJ := func(r float64) float64 { ir6 := math.Pow(r, -6); return 4 * ir6 * (ir6 - 1) }
	cases := []struct {
		split Split
		rc    float64
		want  float64
	}{
		{BarkerHenderson, math.Inf(1), -11.1701},
		{BarkerHenderson, 4, -10.9083},
		{WCA, math.Inf(1), -15.7969},
		{WCA, 4, -15.5351},
	}
	for _, c := range cases {
		a, err := AttractionIntegral(c.split, c.rc)
		if err != nil {
			t.Fatal(err)
		}
		// Radial quadrature: 4π∫r²u_att dr, the core done analytically.
		r0, core := 1.0, 0.0
		if c.split == WCA {
			r0, core = rm, -4*math.Pi*rm*rm*rm/3
		}
		var rule quad.FixedLocationer = quad.Legendre{}
		if math.IsInf(c.rc, 1) {
			rule = nil // gonum maps the infinite range onto [0, 1)
		}
		radial := core + quad.Fixed(func(r float64) float64 { return 4 * math.Pi * r * r * uLJ(r) }, r0, c.rc, 400, rule, 0)
		t.Logf("%v r_c=%v: a = %.6f (reference %.4f, radial quadrature %.8f)", c.split, c.rc, a, c.want, radial)
		if math.Abs(a-c.want) > 6e-5 {
			t.Errorf("%v r_c=%v: a = %.6f, published %.4f", c.split, c.rc, a, c.want)
		}
		if !relClose(a, radial, 1e-9, 1) {
			t.Errorf("%v r_c=%v: a = %.10f, radial quadrature %.10f", c.split, c.rc, a, radial)
		}
		if math.IsInf(c.rc, 1) {
			continue
		}
		g := Grid{N: 1000, Dz: 0.01, Periodic: true}
		m, err := NewMeanField(g, MeanFieldSettings{Split: c.split, Cutoff: c.rc, KT: 2})
		if err != nil {
			t.Fatal(err)
		}
		k := func(z float64) float64 { return m.Kernel(z) }
		planar := 2 * (quad.Fixed(k, 0, r0, 200, quad.Legendre{}, 0) + quad.Fixed(k, r0, c.rc, 400, quad.Legendre{}, 0))
		if !relClose(planar, a, 1e-9, 1) {
			t.Errorf("%v r_c=%v: ∫Φ_att dz = %.10f, a = %.10f", c.split, c.rc, planar, a)
		}
		dF := make([]float64, g.N)
		F, err := m.ExcessFreeEnergy(fill(g.N, 0.6), dF)
		if err != nil {
			t.Fatal(err)
		}
		if !relClose(dF[17], a*0.6/2, 1e-12, 1) || !relClose(F/g.Length(), a*0.36/4, 1e-12, 1) {
			t.Errorf("%v r_c=%v: −c1 = %v want βaρ = %v; F/L = %v want βaρ²/2 = %v", c.split, c.rc, dF[17], a*0.3, F/g.Length(), a*0.09)
		}
	}
}

// The planar kernel is Φ_att(z) = 2π∫_{|z|}^{r_c} r u_att(r) dr, checked by
// quadrature at a few heights.
func TestMeanFieldKernel(t *testing.T) {
	rm := math.Pow(2, 1.0/6)
	uLJ := func(r float64) float64 { ir6 := math.Pow(r, -6); return 4 * ir6 * (ir6 - 1) }
	for _, split := range []Split{BarkerHenderson, WCA} {
		m, err := NewMeanField(Grid{N: 1000, Periodic: true}, MeanFieldSettings{Split: split, Cutoff: 3})
		if err != nil {
			t.Fatal(err)
		}
		uAtt := func(r float64) float64 {
			switch {
			case split == BarkerHenderson && r < 1:
				return 0
			case split == WCA && r < rm:
				return -1
			}
			return uLJ(r)
		}
		for _, z := range []float64{0, 0.4, 0.95, 1.05, 1.2, 2, 2.9, 3.5} {
			want := 0.0
			if z < 3 {
				lo := z
				for _, edge := range []float64{1, rm} { // integrate piecewise across the kinks
					if lo < edge && edge < 3 {
						want += quad.Fixed(func(r float64) float64 { return 2 * math.Pi * r * uAtt(r) }, lo, edge, 100, quad.Legendre{}, 0)
						lo = edge
					}
				}
				want += quad.Fixed(func(r float64) float64 { return 2 * math.Pi * r * uAtt(r) }, lo, 3, 200, quad.Legendre{}, 0)
			}
			if got := m.Kernel(z); !relClose(got, want, 1e-10, 1) || m.Kernel(-z) != got {
				t.Errorf("%v: Φ_att(%v) = %.12g, quadrature %.12g", split, z, got, want)
			}
		}
	}
}

// Barker–Henderson diameter against the numbers of notes §3.3.
func TestBarkerHendersonDiameter(t *testing.T) {
	for _, c := range [][2]float64{{0.85, 0.97602}, {1.35, 0.96670}, {1.5, 0.96426}, {2, 0.95695}, {3, 0.94505}} {
		d := BarkerHendersonDiameter(c[0])
		t.Logf("T = %v: d_BH = %.6f (reference %.5f)", c[0], d, c[1])
		if math.Abs(d-c[1]) > 6e-6 {
			t.Errorf("T = %v: d_BH = %.6f, want %.5f", c[0], d, c[1])
		}
	}
}

func TestMeanFieldRejectsBadSettings(t *testing.T) {
	g := Grid{N: 100, Periodic: true}
	for _, s := range []MeanFieldSettings{{Cutoff: 0.9}, {Split: WCA, Cutoff: 1.1}, {Cutoff: math.Inf(1)}, {KT: -1}, {Split: 7}} {
		if _, err := NewMeanField(g, s); err == nil {
			t.Errorf("settings %+v accepted", s)
		}
	}
}

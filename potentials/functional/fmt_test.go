package functional

import (
	"math"
	"strings"
	"testing"
)

var variants = []Variant{Rosenfeld, WhiteBearI, WhiteBearII}

// evalAt evaluates φ, φ′ and φ′′ at x.
func evalAt(f *phiForm, x float64) (float64, float64, float64) {
	return f.eval(x, math.Log1p(-x), 1/x, 1/(1-x), true)
}

// The series branch and the closed form of each φ agree at the switch, and
// the closed-form derivatives agree with central differences.
func TestPhiSeriesAndDerivatives(t *testing.T) {
	for name, f := range map[string]*phiForm{"φ2 WBII": phi2WBII, "φ3 WBII": phi3WBII, "φ3 WBI": phi3WBI} {
		x := phiSeriesBelow
		lo, lo1, lo2 := evalAt(f, math.Nextafter(x, 0))
		hi, hi1, hi2 := evalAt(f, x)
		if !relClose(lo, hi, 1e-14, 1) || !relClose(lo1, hi1, 1e-12, 1) || !relClose(lo2, hi2, 1e-10, 1) {
			t.Errorf("%s: series (%v %v %v) vs closed form (%v %v %v) at x = %v", name, lo, lo1, lo2, hi, hi1, hi2, x)
		}
		for _, x := range []float64{0.05, 0.3, 0.6, 0.9} {
			const h = 1e-5
			_, d1, d2 := evalAt(f, x)
			vp, d1p, _ := evalAt(f, x+h)
			vm, d1m, _ := evalAt(f, x-h)
			if fd := (vp - vm) / (2 * h); !relClose(d1, fd, 1e-7, 1) {
				t.Errorf("%s: φ'(%v) = %v, finite difference %v", name, x, d1, fd)
			}
			if fd := (d1p - d1m) / (2 * h); !relClose(d2, fd, 1e-7, 1) {
				t.Errorf("%s: φ''(%v) = %v, finite difference %v", name, x, d2, fd)
			}
		}
	}
}

// White Bear I and II give Carnahan–Starling, Rosenfeld gives Percus–Yevick
// (compressibility) in bulk; the uniform grid profile reproduces the bulk
// values (−c1 = βμ_ex, F/L = βf_ex) to round-off.
func TestFMTBulkLimits(t *testing.T) {
	// Published-table values (notes §4.1, d = 1): ρ, βP_CS, βμ_CS, βP_PY, βμ_PY.
	table := [][5]float64{
		{0.5, 1.63122, 3.80679, 1.65352, 3.86317},
		{0.7, 3.99715, 7.35928, 4.13272, 7.59829},
		{0.8, 6.19975, 10.15251, 6.49936, 10.60879},
	}
	g := Grid{N: 500, Dz: 0.01, Periodic: true}
	dF := make([]float64, g.N)
	for _, v := range variants {
		f := mustFMT(t, g, v, 1)
		for _, row := range table {
			rho := row[0]
			eta := math.Pi * rho / 6
			wantP, wantMu, tabP, tabMu := csP(rho, eta), csMu(eta), row[1], row[2]
			if v == Rosenfeld {
				wantP, wantMu, tabP, tabMu = pyP(rho, eta), pyMu(eta), row[3], row[4]
			}
			fe, mu, err := f.BulkExcess(rho)
			if err != nil {
				t.Fatal(err)
			}
			p, _ := BulkPressure(f, rho)
			if !relClose(mu, wantMu, 1e-12, 1) || !relClose(p, wantP, 1e-12, 1) {
				t.Errorf("%v ρ=%v: βμ_ex %v want %v, βP %v want %v", v, rho, mu, wantMu, p, wantP)
			}
			if math.Abs(mu-tabMu) > 6e-6 || math.Abs(p-tabP) > 6e-6 {
				t.Errorf("%v ρ=%v: βμ_ex %v βP %v vs table %v %v", v, rho, mu, p, tabMu, tabP)
			}
			F, err := f.ExcessFreeEnergy(fill(g.N, rho), dF)
			if err != nil {
				t.Fatal(err)
			}
			for i := range dF {
				if !relClose(dF[i], mu, 1e-12, 1) {
					t.Fatalf("%v ρ=%v: −c1(z_%d) = %v, βμ_ex = %v", v, rho, i, dF[i], mu)
				}
			}
			if !relClose(F/g.Length(), fe, 1e-12, 1) {
				t.Errorf("%v ρ=%v: F/L = %v, βf_ex = %v", v, rho, F/g.Length(), fe)
			}
			t.Logf("%v ρ=%.1f: βμ_ex %.6f βP %.6f (table %.5f %.5f)", v, rho, mu, p, tabMu, tabP)
		}
	}
}

// On a bounded grid a uniform slab is no bulk: the weighted densities spill
// over the walls, and −c1 is the bulk value only deeper than d from them.
func TestFMTBoundedSlab(t *testing.T) {
	g := Grid{N: 400, Dz: 0.01}
	f := mustFMT(t, g, WhiteBearII, 1)
	rho := 0.6
	dF := make([]float64, g.N)
	if _, err := f.ExcessFreeEnergy(fill(g.N, rho), dF); err != nil {
		t.Fatal(err)
	}
	_, mu, _ := f.BulkExcess(rho)
	for i := 101; i < g.N-101; i++ {
		if !relClose(dF[i], mu, 1e-12, 1) {
			t.Fatalf("−c1(%v) = %v, want bulk %v", g.Z(i), dF[i], mu)
		}
	}
	if relClose(dF[0], mu, 1e-3, 1) {
		t.Errorf("−c1 at the wall %v equals the bulk value %v", dF[0], mu)
	}
}

func TestFMTRejectsBadInput(t *testing.T) {
	g := Grid{N: 300, Dz: 0.01, Periodic: true}
	f := mustFMT(t, g, WhiteBearII, 1)
	dF := make([]float64, g.N)
	rho := fill(g.N, 0.5)
	for i := 100; i < 200; i++ {
		rho[i] = 2.2 // n3 > 1 over a whole diameter
	}
	_, err := f.ExcessFreeEnergy(rho, dF)
	if err == nil || !strings.Contains(err.Error(), "packing fraction") {
		t.Errorf("dense slab: err = %v, want a packing-fraction error", err)
	}
	rho[5] = math.NaN()
	if _, err := f.ExcessFreeEnergy(rho, dF); err == nil || !strings.Contains(err.Error(), "non-finite") {
		t.Errorf("NaN density: err = %v", err)
	}
	if _, err := NewFMT(Grid{N: 100, Dz: 0.06}, FMTSettings{}); err == nil || !strings.Contains(err.Error(), "too coarse") {
		t.Errorf("dz = 0.06 for d = 1: err = %v", err)
	}
	if _, err := NewFMT(Grid{N: 100, Dz: 0.05}, FMTSettings{}); err != nil {
		t.Errorf("dz = d/20 must be accepted: %v", err)
	}
	if _, _, err := f.BulkExcess(2); err == nil {
		t.Error("bulk ρ = 2 (η > 1) accepted")
	}
}

// The Rosenfeld bulk c2 is the Percus–Yevick direct correlation function:
// c2_planar(z) = 2π∫_{|z|}^d r c_PY(r) dr.
func TestRosenfeldC2IsPercusYevick(t *testing.T) {
	g := Grid{N: 400, Dz: 0.005, Periodic: true}
	f := mustFMT(t, g, Rosenfeld, 1)
	rho := 0.7
	eta := math.Pi * rho / 6
	y4 := math.Pow(1-eta, 4)
	a := (1 + 2*eta) * (1 + 2*eta) / y4
	b := -6 * eta * (1 + eta/2) * (1 + eta/2) / y4
	c := eta * a / 2
	// c_PY(r) = −a − b r − c r³ for r < 1; 2π∫_{|z|}^1 r c dr in closed form.
	prim := func(r float64) float64 { return -a*r*r/2 - b*r*r*r/3 - c*r*r*r*r*r/5 }
	c2 := func(z float64) float64 {
		if math.Abs(z) >= 1 {
			return 0
		}
		return 2 * math.Pi * (prim(1) - prim(math.Abs(z)))
	}
	v := make([]float64, g.N)
	j := g.N / 2
	v[j] = 1 / g.Dz // a unit-mass spike in cell j
	hv := make([]float64, g.N)
	if err := f.HessianVector(fill(g.N, rho), v, hv); err != nil {
		t.Fatal(err)
	}
	maxErr, maxC := 0.0, 0.0
	for i := range hv {
		z := g.Z(i) - g.Z(j)
		if math.Abs(math.Abs(z)-1) < 0.02 {
			continue // the kernel edge is smeared over a cell
		}
		maxErr = math.Max(maxErr, math.Abs(-hv[i]-c2(z)))
		maxC = math.Max(maxC, math.Abs(c2(z)))
	}
	t.Logf("max |c2_RF − c2_PY| = %.3g (max |c2| = %.3g)", maxErr, maxC)
	if maxErr > 2e-3*maxC {
		t.Errorf("Rosenfeld c2 differs from PY by %.3g (max |c2| %.3g)", maxErr, maxC)
	}
}

package functional

import (
	"math"
	"testing"
)

func TestNewFromSpec(t *testing.T) {
	g := Grid{N: 1000, Periodic: true}
	f, err := New(g, Spec{HardSpheres: "White-Bear II", Attraction: "bh", Cutoff: 4, KT: 2})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := f.(*Sum)
	if !ok || len(s.Terms()) != 2 {
		t.Fatalf("got %T, want a sum of two terms", f)
	}
	hs := s.Terms()[0].(*FMT)
	if hs.Variant() != WhiteBearII || math.Abs(hs.Diameter()-0.95695) > 1e-5 {
		t.Errorf("hard spheres %v d = %v, want WBII with the BH diameter 0.95695", hs.Variant(), hs.Diameter())
	}
	if mf := s.Terms()[1].(*MeanField).Settings(); mf.Cutoff != 4 || mf.KT != 2 || mf.Split != BarkerHenderson {
		t.Errorf("mean field settings %+v", mf)
	}
	// At the DDFT state point (kT = 2, ρ = 0.6): P = kT·βP_CS(d_BH) + aρ²/2
	// with a = −10.9083 (2.2306 ε/σ³; notes §3.3 quote 2.181 for the
	// Cotterman d = 0.9568 and r_c = ∞, a = −11.1701).
	P, err := BulkPressure(f, 0.6)
	if err != nil {
		t.Fatal(err)
	}
	eta := math.Pi * 0.6 * math.Pow(hs.Diameter(), 3) / 6
	if want := 2*csP(0.6, eta) - 10.9083*0.36/2; math.Abs(2*P-want) > 2e-5 {
		t.Errorf("WBII(d_BH)+MF(BH, r_c=4) at T=2, ρ=0.6: P = %.6f ε/σ³, want %.6f", 2*P, want)
	}
	if f, _ := New(g, Spec{HardSpheres: "rf"}); f.(*FMT).Diameter() != 1 {
		t.Error("FMT without attraction must default to d = 1")
	}
	if f, _ := New(g, Spec{}); f == nil {
		t.Error("empty spec must be the ideal gas")
	} else if _, ok := f.(*Ideal); !ok {
		t.Errorf("empty spec gave %T", f)
	}
	if f, _ := New(g, Spec{HardRods: 1}); f == nil {
		t.Error("rods spec failed")
	}
	for _, bad := range []Spec{{HardSpheres: "whitebear3"}, {Attraction: "yukawa"}, {HardRods: 1, HardSpheres: "rf"}} {
		if _, err := New(g, bad); err == nil {
			t.Errorf("spec %+v accepted", bad)
		}
	}
	for _, v := range variants {
		if w, err := ParseVariant(v.String()); err != nil || w != v {
			t.Errorf("ParseVariant(%q) = %v, %v", v.String(), w, err)
		}
	}
	for _, sp := range []Split{BarkerHenderson, WCA} {
		if w, err := ParseSplit(sp.String()); err != nil || w != sp {
			t.Errorf("ParseSplit(%q) = %v, %v", sp.String(), w, err)
		}
	}
}

func TestSumRejectsMixedGrids(t *testing.T) {
	a, _ := NewIdeal(Grid{N: 100, Periodic: true})
	b, _ := NewIdeal(Grid{N: 100})
	if _, err := NewSum(a, b); err == nil {
		t.Error("sum over different grids accepted")
	}
}

func TestGridFor(t *testing.T) {
	g, err := GridFor(10, 0, true)
	if err != nil || g.N != 1000 || g.Dz != 0.01 || !g.Periodic {
		t.Errorf("GridFor(10, 0, true) = %+v, %v", g, err)
	}
	if _, err := GridFor(10, 0.03, true); err == nil {
		t.Error("10σ is not a whole number of 0.03σ cells, accepted")
	}
}

// Every evaluation is allocation-free.
func TestNoAllocations(t *testing.T) {
	g := Grid{N: 1000, Dz: 0.01, Periodic: true}
	rho := smoothProfile(g, 0.6, 0.5)
	out := make([]float64, g.N)
	fs := testFunctionals(t, g)
	p, _ := NewPercus(g, 1)
	fs["percus"] = p
	for name, f := range fs {
		if n := testing.AllocsPerRun(5, func() { f.ExcessFreeEnergy(rho, out) }); n != 0 {
			t.Errorf("%s: ExcessFreeEnergy allocates %v times", name, n)
		}
		if n := testing.AllocsPerRun(5, func() { f.HessianVector(rho, rho, out) }); n != 0 {
			t.Errorf("%s: HessianVector allocates %v times", name, n)
		}
	}
}

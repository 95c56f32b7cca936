package potentials

import (
	"fmt"
	"math"
	"testing"
)

// testLaws covers every pair law and cutoff mode, with default and
// non-default parameters.
func testLaws() []PairLaw {
	return []PairLaw{
		LJ{}, LJ{Mode: CutShifted}, LJ{Mode: CutForceShifted},
		LJ{Epsilon: 0.7, Sigma: 1.3, Cutoff: 3.2, Mode: CutForceShifted},
		WCA{}, WCA{Epsilon: 2, Sigma: 0.8},
		SoftHarmonic{}, SoftHarmonic{Epsilon: 10, Sigma: 1.5},
		PowerLaw{}, PowerLaw{Epsilon: 0.5, Sigma: 0.9, N: 9, Cutoff: 2, Mode: CutShifted},
		PowerLaw{N: 6, Mode: CutForceShifted},
	}
}

// TestLawForceIsMinusDerivative checks F/r·r = −du/dr by central differences
// over (0.35 … 0.95)·r_c for every law.
func TestLawForceIsMinusDerivative(t *testing.T) {
	for _, law := range testLaws() {
		rc := law.Range()
		for k := 0; k <= 20; k++ {
			r := rc * (0.35 + 0.6*float64(k)/20)
			h := 1e-6 * r
			up, _ := law.EnergyForce((r + h) * (r + h))
			um, _ := law.EnergyForce((r - h) * (r - h))
			_, fr := law.EnergyForce(r * r)
			fd := -(up - um) / (2 * h)
			if f := fr * r; math.Abs(fd-f) > 1e-6*math.Max(math.Abs(f), 1) {
				t.Errorf("%#v at r = %g: F = %.12g, −du/dr = %.12g", law, r, f, fd)
			}
		}
	}
}

// TestLawBatchEqualsSingle checks that EnergyForces is bit-identical to
// EnergyForce.
func TestLawBatchEqualsSingle(t *testing.T) {
	for _, law := range testLaws() {
		rc := law.Range()
		r2 := make([]float64, 50)
		for k := range r2 {
			r := rc * (0.3 + 0.69*float64(k)/float64(len(r2)))
			r2[k] = r * r
		}
		u, fr := make([]float64, len(r2)), make([]float64, len(r2))
		law.EnergyForces(r2, u, fr)
		for k, x := range r2 {
			if uu, ff := law.EnergyForce(x); uu != u[k] || ff != fr[k] {
				t.Fatalf("%#v at r² = %g: batch (%v, %v), single (%v, %v)", law, x, u[k], fr[k], uu, ff)
			}
		}
	}
}

// TestLJAnalyticPoints checks u(σ) = 0, the minimum −ε at 2^(1/6)σ with zero
// force, and the plain-cut value at r_c, for non-default ε and σ.
func TestLJAnalyticPoints(t *testing.T) {
	const eps, sig = 0.7, 1.3
	l := LJ{Epsilon: eps, Sigma: sig, Cutoff: 3.2}
	if u, _ := l.EnergyForce(sig * sig); math.Abs(u) > 1e-14*eps {
		t.Errorf("u(σ) = %g, want 0", u)
	}
	rm := math.Pow(2, 1.0/6) * sig
	u, fr := l.EnergyForce(rm * rm)
	if math.Abs(u+eps) > 1e-14 || math.Abs(fr) > 1e-13 {
		t.Errorf("at 2^(1/6)σ: u = %.16g (want −ε = %g), F/r = %g (want 0)", u, -eps, fr)
	}
	x := sig / 3.2
	want := 4 * eps * (math.Pow(x, 12) - math.Pow(x, 6))
	if uc, _ := l.EnergyForce(3.2 * 3.2); relErr(uc, want) > 1e-14 {
		t.Errorf("plain cut u(r_c) = %.16g, want %.16g", uc, want)
	}
}

// TestShiftedModesVanishAtCutoff checks that the shifted modes bring u (and,
// force-shifted, F) to zero as r → r_c, and that the shifted energy differs
// from the plain one by the constant u(r_c).
func TestShiftedModesVanishAtCutoff(t *testing.T) {
	for _, base := range []LJ{{}, {Epsilon: 0.7, Sigma: 1.3, Cutoff: 3.2}} {
		rc := base.Range()
		r := rc * (1 - 1e-9)
		sh, fs := base, base
		sh.Mode, fs.Mode = CutShifted, CutForceShifted
		if u, _ := sh.EnergyForce(r * r); math.Abs(u) > 1e-9 {
			t.Errorf("%#v: shifted u(r_c−) = %g", base, u)
		}
		if u, fr := fs.EnergyForce(r * r); math.Abs(u) > 1e-15 || math.Abs(fr*r) > 1e-9 {
			t.Errorf("%#v: force-shifted u(r_c−) = %g, F(r_c−) = %g", base, u, fr*r)
		}
		uc, _ := base.EnergyForce(rc * rc)
		for _, r := range []float64{0.9, 1.4, 2.2} {
			up, fp := base.EnergyForce(r * r)
			us, fsh := sh.EnergyForce(r * r)
			if math.Abs(us-(up-uc)) > 1e-14 || fsh != fp {
				t.Errorf("%#v at r = %g: shifted (%g, %g), plain − u(r_c) (%g, %g)", base, r, us, fsh, up-uc, fp)
			}
		}
	}
}

// TestLJHOOMDReference compares with HOOMD-blue's Mathematica reference
// values (hoomd/md/pytest forces_and_energies.json, LJ σ = 1, ε = 0.001):
// energy and the force on particle 0 projected on the unit vector from 0 to
// 1, at r = 0.75 and 1.5, to HOOMD's rtol 5e-6.
func TestLJHOOMDReference(t *testing.T) {
	l := LJ{Epsilon: 0.001, Cutoff: 2.5}
	for _, c := range []struct{ r, e, f float64 }{{0.75, 0.103803, -1.84064}, {1.5, -0.000320337, 0.00115803}} {
		u, fr := l.EnergyForce(c.r * c.r)
		proj := -fr * c.r
		if relErr(u, c.e) > 5e-6 || relErr(proj, c.f) > 5e-6 {
			t.Errorf("r = %g: (E, F) = (%.7g, %.7g), HOOMD (%g, %g)", c.r, u, proj, c.e, c.f)
		}
	}
}

// TestWCA checks u(σ) = ε, u = F = 0 at 2^(1/6)σ, and u = u_LJ + ε inside.
func TestWCA(t *testing.T) {
	w := WCA{Epsilon: 2, Sigma: 0.8}
	rc := math.Pow(2, 1.0/6) * 0.8
	if w.Range() != rc {
		t.Fatalf("cutoff %g, want %g", w.Range(), rc)
	}
	if u, _ := w.EnergyForce(0.64); math.Abs(u-2) > 1e-14 {
		t.Errorf("u(σ) = %g, want ε = 2", u)
	}
	if u, fr := w.EnergyForce(rc * rc); math.Abs(u) > 1e-14 || math.Abs(fr) > 1e-12 {
		t.Errorf("at r_c: u = %g, F/r = %g", u, fr)
	}
	lj := LJ{Epsilon: 2, Sigma: 0.8}
	for _, r := range []float64{0.6, 0.75, 0.85} {
		uw, fw := w.EnergyForce(r * r)
		ul, fl := lj.EnergyForce(r * r)
		if relErr(uw, ul+2) > 1e-14 || relErr(fw, fl) > 1e-14 {
			t.Errorf("r = %g: WCA (%g, %g), LJ + ε (%g, %g)", r, uw, fw, ul+2, fl)
		}
	}
}

// TestSoftLaws checks closed-form values of the soft laws.
func TestSoftLaws(t *testing.T) {
	h := SoftHarmonic{Epsilon: 10, Sigma: 1.5}
	u, fr := h.EnergyForce(0.75 * 0.75)
	if relErr(u, 10.0/8) > 1e-15 || relErr(fr*0.75, 10/1.5*0.5) > 1e-15 {
		t.Errorf("SoftHarmonic at σ/2: u = %g (want ε/8), F = %g (want ε/(2σ))", u, fr*0.75)
	}
	if u, fr := h.EnergyForce(1.5 * 1.5); u != 0 || fr != 0 {
		t.Errorf("SoftHarmonic at σ: u = %g, F/r = %g, want 0", u, fr)
	}
	p := PowerLaw{Epsilon: 0.5, Sigma: 0.9, N: 9, Cutoff: 3}
	if u, _ := p.EnergyForce(0.81); relErr(u, 0.5) > 1e-15 {
		t.Errorf("PowerLaw u(σ) = %g, want ε", u)
	}
	if u, fr := p.EnergyForce(1.8 * 1.8); relErr(u, 0.5/512) > 1e-14 || relErr(fr*1.8, 9*0.5/512/1.8) > 1e-14 {
		t.Errorf("PowerLaw at 2σ: u = %g, F = %g", u, fr*1.8)
	}
}

// TestLawValidation checks that unusable parameters are rejected.
func TestLawValidation(t *testing.T) {
	bad := []PairLaw{
		LJ{Cutoff: -1}, LJ{Cutoff: math.Inf(1)}, LJ{Epsilon: -1}, LJ{Sigma: math.NaN()}, LJ{Mode: 7},
		WCA{Sigma: -1}, SoftHarmonic{Epsilon: math.Inf(1)}, PowerLaw{N: -2}, PowerLaw{Cutoff: -0.5},
	}
	for _, law := range bad {
		if err := law.Validate(); err == nil {
			t.Errorf("%#v: no error", law)
		}
		if _, err := NewPair(law, PairSettings{}); err == nil {
			t.Errorf("NewPair(%#v): no error", law)
		}
	}
	for _, law := range testLaws() {
		if err := law.Validate(); err != nil {
			t.Errorf("%#v: %v", law, err)
		}
	}
	if s := fmt.Sprint(CutForceShifted); s != "force-shifted" {
		t.Errorf("CutForceShifted prints %q", s)
	}
}

package potentials

import (
	"fmt"
	"math"
)

// DefaultLJCutoff is the Lennard-Jones cutoff in σ used when LJ.Cutoff is
// zero (the LAMMPS in.lj benchmark value).
const DefaultLJCutoff = 2.5

// LJ is the 12-6 Lennard-Jones law u(r) = 4ε[(σ/r)¹² − (σ/r)⁶], truncated at
// Cutoff according to Mode. Zero fields take defaults: Epsilon = 1 ε,
// Sigma = 1 σ, Cutoff = DefaultLJCutoff σ, Mode = CutPlain (LAMMPS lj/cut).
type LJ struct {
	// Epsilon is the well depth in ε.
	Epsilon float64
	// Sigma is the zero crossing of the untruncated law in σ (the minimum
	// lies at 2^(1/6)·Sigma).
	Sigma float64
	// Cutoff is r_c in σ (DefaultLJCutoff if zero).
	Cutoff float64
	// Mode selects plain, shifted or force-shifted truncation.
	Mode CutMode
}

// ljCoef holds the constants of an LJ law with its defaults resolved.
type ljCoef struct {
	c12, c6 float64 // 4εσ¹², 4εσ⁶
	cut     cut
}

func (l LJ) coef() ljCoef {
	eps := orDefault(l.Epsilon, 1)
	sig := orDefault(l.Sigma, 1)
	s6 := sig * sig * sig
	s6 *= s6
	k := ljCoef{c12: 4 * eps * s6 * s6, c6: 4 * eps * s6}
	k.cut = newCut(l.Mode, l.Range(), k.raw)
	return k
}

// raw returns the untruncated u and F/r at r².
func (k *ljCoef) raw(r2 float64) (u, fr float64) {
	inv2 := 1 / r2
	inv6 := inv2 * inv2 * inv2
	u = inv6 * (k.c12*inv6 - k.c6)
	fr = inv6 * (12*k.c12*inv6 - 6*k.c6) * inv2
	return u, fr
}

func (k *ljCoef) eval(r2 float64) (u, fr float64) {
	u, fr = k.raw(r2)
	return k.cut.apply(r2, u, fr)
}

// Range returns r_c in σ.
func (l LJ) Range() float64 { return orDefault(l.Cutoff, DefaultLJCutoff) }

// Validate checks that ε and σ are positive and the cutoff and mode usable.
func (l LJ) Validate() error {
	if err := checkPositive("LJ", l.Epsilon, l.Sigma); err != nil {
		return err
	}
	return checkMode("LJ", l.Mode, l.Range())
}

// EnergyForce returns u(r) in ε and F/r in ε/σ² for r² < r_c².
func (l LJ) EnergyForce(r2 float64) (u, fOverR float64) {
	k := l.coef()
	return k.eval(r2)
}

// EnergyForces evaluates EnergyForce for every r2[k].
func (l LJ) EnergyForces(r2, u, fOverR []float64) {
	k := l.coef()
	k.EnergyForces(r2, u, fOverR)
}

// TailCorrection returns the analytic corrections of the plain cut,
// e = (8/3)πεσ³[(1/3)(σ/r_c)⁹ − (σ/r_c)³] and
// p = (16/3)πεσ³[(2/3)(σ/r_c)⁹ − (σ/r_c)³] (ε σ³); it returns an error for
// the shifted modes.
func (l LJ) TailCorrection() (e, p float64, err error) {
	if l.Mode != CutPlain {
		return 0, 0, tailModeError("LJ", l.Mode)
	}
	eps := orDefault(l.Epsilon, 1)
	sig := orDefault(l.Sigma, 1)
	x3 := math.Pow(sig/l.Range(), 3)
	x9 := x3 * x3 * x3
	s3 := sig * sig * sig
	e = 8.0 / 3 * math.Pi * eps * s3 * (x9/3 - x3)
	p = 16.0 / 3 * math.Pi * eps * s3 * (2*x9/3 - x3)
	return e, p, nil
}

// WCA is the Weeks–Chandler–Andersen repulsion: the LJ law cut at its
// minimum 2^(1/6)σ and shifted up by ε, so u ≥ 0 and u = F = 0 at the cutoff.
// Zero fields take defaults Epsilon = 1 ε, Sigma = 1 σ.
type WCA struct {
	// Epsilon is the LJ well depth in ε (u(σ) = ε).
	Epsilon float64
	// Sigma is the LJ σ in σ units.
	Sigma float64
}

// twoToOneSixth is 2^(1/6), the LJ minimum in units of σ.
const twoToOneSixth = 1.122462048309373

// lj returns the equivalent shifted LJ law.
func (w WCA) lj() LJ {
	sig := orDefault(w.Sigma, 1)
	return LJ{Epsilon: w.Epsilon, Sigma: sig, Cutoff: twoToOneSixth * sig, Mode: CutShifted}
}

// Range returns the cutoff 2^(1/6)σ.
func (w WCA) Range() float64 { return w.lj().Range() }

// Validate checks that ε and σ are positive.
func (w WCA) Validate() error { return checkPositive("WCA", w.Epsilon, w.Sigma) }

// EnergyForce returns u(r) in ε and F/r in ε/σ² for r² < r_c².
func (w WCA) EnergyForce(r2 float64) (u, fOverR float64) { return w.lj().EnergyForce(r2) }

// EnergyForces evaluates EnergyForce for every r2[k].
func (w WCA) EnergyForces(r2, u, fOverR []float64) { w.lj().EnergyForces(r2, u, fOverR) }

// TailCorrection returns zeros: the WCA law vanishes beyond its cutoff.
func (w WCA) TailCorrection() (e, p float64, err error) { return 0, 0, nil }

// checkPositive reports an error unless eps and sigma are positive and
// finite (zero means the default 1 and is accepted).
func checkPositive(name string, eps, sigma float64) error {
	if eps < 0 || !isFinite(eps) {
		return fmt.Errorf("potentials: %s: epsilon must be positive and finite, got %g ε", name, eps)
	}
	if sigma < 0 || !isFinite(sigma) {
		return fmt.Errorf("potentials: %s: sigma must be positive and finite, got %g σ", name, sigma)
	}
	return nil
}

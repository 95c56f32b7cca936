package potentials

import (
	"fmt"
	"math"
)

// SoftHarmonic is the harmonic soft sphere u(r) = (ε/2)(1 − r/σ)² for r < σ
// and 0 beyond: a bounded repulsion with finite force at full overlap, handy
// for pushing apart overlapping random initial configurations. Zero fields
// take defaults Epsilon = 1 ε, Sigma = 1 σ (the cutoff is σ). Two particles
// at exactly the same position get a NaN force (the direction is undefined).
type SoftHarmonic struct {
	// Epsilon is the stiffness in ε (u(0) = ε/2).
	Epsilon float64
	// Sigma is the diameter (the cutoff) in σ.
	Sigma float64
}

// Range returns the cutoff σ.
func (h SoftHarmonic) Range() float64 { return orDefault(h.Sigma, 1) }

// Validate checks that ε and σ are positive.
func (h SoftHarmonic) Validate() error { return checkPositive("SoftHarmonic", h.Epsilon, h.Sigma) }

// EnergyForce returns u(r) in ε and F/r in ε/σ² for r² < σ².
func (h SoftHarmonic) EnergyForce(r2 float64) (u, fOverR float64) {
	eps, sig := orDefault(h.Epsilon, 1), h.Range()
	return softHarmonic(eps/sig, 1/sig, r2)
}

// softHarmonic evaluates the law with k = ε/σ and inv = 1/σ.
func softHarmonic(k, inv, r2 float64) (u, fr float64) {
	r := math.Sqrt(r2)
	x := 1 - r*inv
	return 0.5 * k / inv * x * x, k * x / r
}

// EnergyForces evaluates EnergyForce for every r2[k].
func (h SoftHarmonic) EnergyForces(r2, u, fOverR []float64) {
	eps, sig := orDefault(h.Epsilon, 1), h.Range()
	k, inv := eps/sig, 1/sig
	u, fOverR = u[:len(r2)], fOverR[:len(r2)]
	for i, x := range r2 {
		u[i], fOverR[i] = softHarmonic(k, inv, x)
	}
}

// TailCorrection returns zeros: the law vanishes beyond σ.
func (h SoftHarmonic) TailCorrection() (e, p float64, err error) { return 0, 0, nil }

// DefaultPowerLawExponent is the exponent used when PowerLaw.N is zero.
const DefaultPowerLawExponent = 12

// PowerLaw is the inverse-power soft sphere u(r) = ε(σ/r)ⁿ, truncated at
// Cutoff according to Mode. Zero fields take defaults Epsilon = 1 ε,
// Sigma = 1 σ, N = DefaultPowerLawExponent, Cutoff = DefaultLJCutoff σ,
// Mode = CutPlain.
type PowerLaw struct {
	// Epsilon is the energy scale in ε (u(σ) = ε).
	Epsilon float64
	// Sigma is the length scale in σ.
	Sigma float64
	// N is the exponent n (positive).
	N float64
	// Cutoff is r_c in σ.
	Cutoff float64
	// Mode selects plain, shifted or force-shifted truncation.
	Mode CutMode
}

// powerCoef holds a PowerLaw's constants with defaults resolved.
type powerCoef struct {
	eps, sig2, half, n float64
	cut                cut
}

func (p PowerLaw) coef() powerCoef {
	sig := orDefault(p.Sigma, 1)
	n := orDefault(p.N, DefaultPowerLawExponent)
	k := powerCoef{eps: orDefault(p.Epsilon, 1), sig2: sig * sig, half: n / 2, n: n}
	k.cut = newCut(p.Mode, p.Range(), k.raw)
	return k
}

func (k *powerCoef) raw(r2 float64) (u, fr float64) {
	u = k.eps * math.Pow(k.sig2/r2, k.half)
	return u, k.n * u / r2
}

func (k *powerCoef) eval(r2 float64) (u, fr float64) {
	u, fr = k.raw(r2)
	return k.cut.apply(r2, u, fr)
}

// Range returns r_c in σ.
func (p PowerLaw) Range() float64 { return orDefault(p.Cutoff, DefaultLJCutoff) }

// Validate checks ε, σ, n, the cutoff and the mode.
func (p PowerLaw) Validate() error {
	if err := checkPositive("PowerLaw", p.Epsilon, p.Sigma); err != nil {
		return err
	}
	if p.N < 0 || !isFinite(p.N) {
		return fmt.Errorf("potentials: PowerLaw: exponent must be positive and finite, got %g", p.N)
	}
	return checkMode("PowerLaw", p.Mode, p.Range())
}

// EnergyForce returns u(r) in ε and F/r in ε/σ² for r² < r_c².
func (p PowerLaw) EnergyForce(r2 float64) (u, fOverR float64) {
	k := p.coef()
	return k.eval(r2)
}

// EnergyForces evaluates EnergyForce for every r2[k].
func (p PowerLaw) EnergyForces(r2, u, fOverR []float64) {
	k := p.coef()
	u, fOverR = u[:len(r2)], fOverR[:len(r2)]
	for i, x := range r2 {
		u[i], fOverR[i] = k.eval(x)
	}
}

// TailCorrection returns, for the plain cut and n > 3,
// e = 2πεσⁿ r_c^(3−n)/(n − 3) and p = n·e/3 (ε σ³); it returns an error
// for the shifted modes and for n ≤ 3, where the integral diverges.
func (p PowerLaw) TailCorrection() (e, pr float64, err error) {
	if p.Mode != CutPlain {
		return 0, 0, tailModeError("PowerLaw", p.Mode)
	}
	k := p.coef()
	if k.n <= 3 {
		return 0, 0, fmt.Errorf("potentials: PowerLaw: the tail integral diverges for exponent n = %g ≤ 3", k.n)
	}
	rc := p.Range()
	e = 2 * math.Pi * k.eps * math.Pow(k.sig2, k.half) * math.Pow(rc, 3-k.n) / (k.n - 3)
	return e, k.n * e / 3, nil
}

package potentials

import (
	"fmt"
	"math"
)

// PairLaw is a radial pair potential u(r) with a finite cutoff, in the style
// of LAMMPS's Pair::single: it works with r² so that hot loops avoid a
// square root where the law allows it.
type PairLaw interface {
	// Range returns the cutoff r_c in σ (defaults resolved).
	Range() float64
	// Validate returns an error when the parameters are unusable (for
	// example a negative cutoff).
	Validate() error
	// EnergyForce returns, for 0 < r² < r_c², the pair energy u(r) in ε and
	// F/r = −u′(r)/r in ε/σ². The force on particle i from j is then
	// −(F/r)·(r_j − r_i).
	EnergyForce(r2 float64) (u, fOverR float64)
	// EnergyForces evaluates EnergyForce for every r2[k] (each below r_c²)
	// into u[k] and fOverR[k]. The slices have equal lengths. It exists so
	// that the pair loop makes one interface call per particle rather than
	// one per pair; results are bit-identical to EnergyForce.
	EnergyForces(r2, u, fOverR []float64)
}

// TailCorrector is implemented by pair laws with an analytic long-range
// (tail) correction for a homogeneous fluid beyond the cutoff, assuming
// g(r) = 1 for r > r_c.
type TailCorrector interface {
	// TailCorrection returns e = u_tail/(Nρ) = 2π∫_{r_c}^∞ r² u(r) dr in
	// ε σ³ and p = P_tail/ρ² = −(2π/3)∫_{r_c}^∞ r³ u′(r) dr in ε σ³, or an
	// error when the law's cutoff mode makes the correction meaningless.
	TailCorrection() (e, p float64, err error)
}

// CutMode selects how a pair law is truncated at its cutoff r_c.
type CutMode int

const (
	// CutPlain truncates u at r_c without shifting (LAMMPS lj/cut, the
	// default). Energy jumps by u(r_c) at the cutoff; the analytic tail
	// corrections apply to this mode.
	CutPlain CutMode = iota
	// CutShifted subtracts u(r_c) so that the energy vanishes at r_c
	// (LAMMPS "pair_modify shift yes"); forces are unchanged.
	CutShifted
	// CutForceShifted uses u(r) − u(r_c) − (r − r_c)u′(r_c), so that both
	// energy and force vanish at r_c (LAMMPS lj/smooth/linear).
	CutForceShifted
)

// String returns the mode's name.
func (m CutMode) String() string {
	switch m {
	case CutPlain:
		return "plain"
	case CutShifted:
		return "shifted"
	case CutForceShifted:
		return "force-shifted"
	}
	return fmt.Sprintf("CutMode(%d)", int(m))
}

// cut holds the cutoff of a law and the constants its mode subtracts.
type cut struct {
	mode CutMode
	rc   float64
	uc   float64 // u(r_c) of the untruncated law
	duc  float64 // u′(r_c) of the untruncated law
}

// newCut prepares mode at rc for a law whose untruncated energy and F/r at
// r² are given by raw.
func newCut(mode CutMode, rc float64, raw func(r2 float64) (u, fr float64)) cut {
	c := cut{mode: mode, rc: rc}
	if mode != CutPlain {
		u, fr := raw(rc * rc)
		c.uc = u
		c.duc = -fr * rc
	}
	return c
}

// apply turns the untruncated u and F/r at r² into the truncated ones.
func (c *cut) apply(r2, u, fr float64) (float64, float64) {
	switch c.mode {
	case CutShifted:
		u -= c.uc
	case CutForceShifted:
		r := math.Sqrt(r2)
		u -= c.uc + (r-c.rc)*c.duc
		fr += c.duc / r
	}
	return u, fr
}

// checkMode validates a cut mode and cutoff for the law named name.
func checkMode(name string, mode CutMode, rc float64) error {
	if mode < CutPlain || mode > CutForceShifted {
		return fmt.Errorf("potentials: %s: unknown cut mode %d", name, int(mode))
	}
	if !(rc > 0) || math.IsInf(rc, 0) {
		return fmt.Errorf("potentials: %s: cutoff must be positive and finite, got %g σ", name, rc)
	}
	return nil
}

// tailModeError is returned when tail corrections are requested for a
// shifted law.
func tailModeError(name string, mode CutMode) error {
	return fmt.Errorf("potentials: %s: tail corrections assume the plain cut (CutPlain); the %v mode changes u inside r_c, so adding the tail would not give the full potential's energy or pressure", name, mode)
}

// orDefault returns x, or def when x is zero.
func orDefault(x, def float64) float64 {
	if x == 0 {
		return def
	}
	return x
}

package ddft

import (
	"fmt"
	"math"

	"github.com/physim/physim/potentials"
	"github.com/physim/physim/potentials/functional"
)

// System is a fluid in a planar external potential: its excess functional
// (which fixes the grid), the potential V(z, t) and the temperature.
type System struct {
	// Excess is the excess free-energy functional; use functional.Ideal
	// for an ideal gas. Required.
	Excess functional.Functional
	// V is the external potential in ε, evaluated at the cell centres; nil
	// means none. +Inf marks excluded cells (hard walls).
	V potentials.Planar
	// KT is the temperature in ε; 0 means 1.
	KT float64
	// Static declares that V does not depend on time, so it is evaluated
	// once; otherwise it is evaluated at every stage time.
	Static bool
}

// field evaluates βV and the chemical-potential field of a System on its
// grid, with buffers owned here.
type field struct {
	sys    System
	g      functional.Grid
	kT     float64
	bV     []float64 // βV at the cell centres, at time vTime
	vTime  float64
	vValid bool
	dF     []float64 // δβF_exc/δρ = −c1
}

func newField(sys System) (*field, error) {
	if sys.Excess == nil {
		panic("ddft: System.Excess is nil (use functional.Ideal for an ideal gas)")
	}
	kT := sys.KT
	if kT == 0 {
		kT = 1
	}
	if !(kT > 0) || math.IsInf(kT, 0) {
		return nil, fmt.Errorf("ddft: temperature kT = %g ε must be positive and finite", kT)
	}
	g := sys.Excess.Grid()
	return &field{sys: sys, g: g, kT: kT, bV: make([]float64, g.N), dF: make([]float64, g.N)}, nil
}

// potential returns βV on the grid at time t (τ), or an error for a NaN or
// −Inf value.
func (f *field) potential(t float64) ([]float64, error) {
	if f.vValid && (f.sys.Static || t == f.vTime) {
		return f.bV, nil
	}
	for i := range f.bV {
		v := 0.0
		if f.sys.V != nil {
			z := f.g.Z(i)
			v, _ = f.sys.V.VdV(z, t)
			if math.IsNaN(v) || math.IsInf(v, -1) {
				return nil, fmt.Errorf("ddft: external potential V(%.4g σ, %.4g τ) = %g", z, t, v)
			}
		}
		f.bV[i] = v / f.kT
	}
	f.vTime, f.vValid = t, true
	return f.bV, nil
}

// excluded returns an error if rho is positive in a cell where βV = +Inf.
func (f *field) excluded(rho, bV []float64, t float64) error {
	for i, v := range bV {
		if math.IsInf(v, 1) && rho[i] != 0 {
			return fmt.Errorf("ddft: infinite potential at z = %.4g σ (t = %.4g τ) where the density is %g σ⁻³", f.g.Z(i), t, rho[i])
		}
	}
	return nil
}

// freeEnergy returns βF/A = βF_id + βF_exc + ∫ρβV dz (σ⁻²) at time t and
// leaves δβF_exc/δρ in f.dF.
func (f *field) freeEnergy(rho []float64, t float64) (float64, error) {
	bV, err := f.potential(t)
	if err != nil {
		return 0, err
	}
	if err := f.excluded(rho, bV, t); err != nil {
		return 0, err
	}
	id, err := functional.IdealFreeEnergy(f.g, rho)
	if err != nil {
		return 0, fmt.Errorf("ddft: %w", err)
	}
	ex, err := f.sys.Excess.ExcessFreeEnergy(rho, f.dF)
	if err != nil {
		return 0, fmt.Errorf("ddft: %w", err)
	}
	ext := 0.0
	for i, r := range rho {
		if r != 0 {
			ext += r * bV[i]
		}
	}
	return id + ex + ext*f.g.Dz, nil
}

// FreeEnergy returns the Helmholtz free energy βF/A = ∫ρ(ln ρ − 1) dz +
// βF_exc + ∫ρβV dz (σ⁻²) of the profile rho (σ⁻³) in sys at time t (τ).
func FreeEnergy(sys System, rho []float64, t float64) (float64, error) {
	f, err := newField(sys)
	if err != nil {
		return 0, err
	}
	return f.freeEnergy(rho, t)
}

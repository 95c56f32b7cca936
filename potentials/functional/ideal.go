package functional

import (
	"fmt"
	"math"
)

// Ideal is the ideal gas: a functional with no excess free energy. The ideal
// term itself, βF_id = ∫ρ(ln ρ − 1) dz, is part of every solver and of
// IdealFreeEnergy.
type Ideal struct{ g Grid }

// NewIdeal returns the ideal-gas functional on g.
func NewIdeal(g Grid) (*Ideal, error) {
	g, err := g.Normalized()
	if err != nil {
		return nil, err
	}
	return &Ideal{g: g}, nil
}

// Grid returns the grid of the functional.
func (id *Ideal) Grid() Grid { return id.g }

// ExcessFreeEnergy returns 0 and zeroes dF.
func (id *Ideal) ExcessFreeEnergy(rho, dF []float64) (float64, error) {
	id.g.mustMatch(rho)
	id.g.mustMatch(dF)
	clear(dF)
	return 0, id.g.checkDensity(rho)
}

// HessianVector zeroes hv.
func (id *Ideal) HessianVector(rho, v, hv []float64) error {
	id.g.mustMatch(rho)
	id.g.mustMatch(v)
	id.g.mustMatch(hv)
	clear(hv)
	return nil
}

// BulkExcess returns zero excess free energy and chemical potential.
func (id *Ideal) BulkExcess(rho float64) (f, mu float64, err error) { return 0, 0, nil }

// IdealFreeEnergy returns βF_id = ∫ρ(ln ρ − 1) dz per unit area (σ⁻²), with
// 0·ln 0 = 0, or an error for a negative or non-finite density.
func IdealFreeEnergy(g Grid, rho []float64) (float64, error) {
	g.mustMatch(rho)
	s := 0.0
	for i, r := range rho {
		switch {
		case r > 0 && !math.IsInf(r, 0):
			s += r * (math.Log(r) - 1)
		case r == 0:
		default:
			return 0, fmt.Errorf("functional: density %g at z = %.4g σ has no ideal free energy", r, g.Z(i))
		}
	}
	return s * g.Dz, nil
}

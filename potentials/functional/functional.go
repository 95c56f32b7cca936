package functional

import (
	"fmt"
	"math"
)

// Functional is an excess free-energy functional βF_exc[ρ] of a planar
// density profile on a fixed grid.
type Functional interface {
	// Grid returns the grid the functional was built for.
	Grid() Grid
	// ExcessFreeEnergy returns βF_exc per unit area (σ⁻²) for the cell
	// densities rho (σ⁻³) and writes δβF_exc/δρ(z_i) = −c1(z_i)
	// (dimensionless) into dF. It panics if len(rho) or len(dF) differs
	// from Grid().N, and returns an error for a density the functional
	// cannot take (non-finite values, local packing fraction ≥ 1).
	ExcessFreeEnergy(rho, dF []float64) (float64, error)
}

// SecondDerivative is implemented by functionals that provide the second
// functional derivative as a Hessian-vector product.
type SecondDerivative interface {
	Functional
	// HessianVector writes hv(z_i) = ∫dz' δ²βF_exc/δρ(z_i)δρ(z') v(z')
	// = −∫dz' c2(z_i, z') v(z') into hv, for the density rho. Units: v in
	// σ⁻³ gives hv dimensionless. It panics on mismatched lengths.
	HessianVector(rho, v, hv []float64) error
}

// Bulk is implemented by functionals that know their uniform-fluid limit.
type Bulk interface {
	// BulkExcess returns the excess free-energy density βf_ex (σ⁻³) and the
	// excess chemical potential βμ_ex (dimensionless) of the uniform fluid
	// of density rho (σ⁻³), or an error if rho is outside the functional's
	// domain.
	BulkExcess(rho float64) (f, mu float64, err error)
}

// bulkOf returns f as a Bulk or an error naming it.
func bulkOf(f Functional) (Bulk, error) {
	b, ok := f.(Bulk)
	if !ok {
		return nil, fmt.Errorf("functional: %T does not provide bulk thermodynamics", f)
	}
	return b, nil
}

// BulkChemicalPotential returns βμ = ln ρ + βμ_ex(ρ) of the uniform fluid of
// density rho (σ⁻³; thermal wavelength Λ = 1) described by f.
func BulkChemicalPotential(f Functional, rho float64) (float64, error) {
	b, err := bulkOf(f)
	if err != nil {
		return 0, err
	}
	if !(rho > 0) || math.IsInf(rho, 0) {
		return 0, fmt.Errorf("functional: bulk density %g σ⁻³ must be positive and finite", rho)
	}
	_, mu, err := b.BulkExcess(rho)
	return math.Log(rho) + mu, err
}

// BulkPressure returns βP = ρ + ρ·βμ_ex − βf_ex (σ⁻³) of the uniform fluid of
// density rho (σ⁻³) described by f.
func BulkPressure(f Functional, rho float64) (float64, error) {
	b, err := bulkOf(f)
	if err != nil {
		return 0, err
	}
	fe, mu, err := b.BulkExcess(rho)
	return rho + rho*mu - fe, err
}

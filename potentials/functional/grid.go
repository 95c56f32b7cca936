package functional

import (
	"fmt"
	"math"
)

// DefaultDz is the grid spacing, in σ, used when Grid.Dz is zero.
const DefaultDz = 0.01

// Grid is a planar grid of N cells of width Dz (σ) along z. Cell i spans
// [i·Dz, (i+1)·Dz]; fields are cell averages, located at the centre
// z_i = (i+½)·Dz. A periodic grid wraps z modulo L = N·Dz. On a bounded
// grid the density vanishes outside [0, L], so both ends are hard walls for
// the particle centres (contact planes at z = 0 and z = L).
type Grid struct {
	N        int     // number of cells
	Dz       float64 // cell width in σ; 0 means DefaultDz
	Periodic bool    // periodic in z, else bounded by hard walls
}

// GridFor returns the grid of the given length (σ) and spacing (σ; 0 means
// DefaultDz). The length must be a whole number of cells.
func GridFor(length, dz float64, periodic bool) (Grid, error) {
	if dz == 0 {
		dz = DefaultDz
	}
	if !(dz > 0) || math.IsInf(dz, 0) || !(length > 0) || math.IsInf(length, 0) {
		return Grid{}, fmt.Errorf("functional: grid length %g σ and spacing %g σ must be positive and finite", length, dz)
	}
	n := math.Round(length / dz)
	if math.Abs(n*dz-length) > 1e-9*length {
		return Grid{}, fmt.Errorf("functional: grid length %g σ is not a whole number of cells of %g σ", length, dz)
	}
	return Grid{N: int(n), Dz: dz, Periodic: periodic}.Normalized()
}

// Normalized returns g with defaults filled in, or an error naming what is
// wrong with it.
func (g Grid) Normalized() (Grid, error) {
	if g.Dz == 0 {
		g.Dz = DefaultDz
	}
	if !(g.Dz > 0) || math.IsInf(g.Dz, 0) {
		return g, fmt.Errorf("functional: grid spacing %g σ must be positive and finite", g.Dz)
	}
	if g.N < 2 {
		return g, fmt.Errorf("functional: grid needs at least 2 cells, got %d", g.N)
	}
	return g, nil
}

// Z returns the centre of cell i in σ.
func (g Grid) Z(i int) float64 { return (float64(i) + 0.5) * g.Dz }

// Length returns L = N·Dz in σ.
func (g Grid) Length() float64 { return float64(g.N) * g.Dz }

// Integral returns ∫f dz over the grid (the rectangle rule on cell
// averages, exact for them).
func (g Grid) Integral(f []float64) float64 {
	g.mustMatch(f)
	s := 0.0
	for _, v := range f {
		s += v
	}
	return s * g.Dz
}

// mustMatch panics if f does not have one value per cell.
func (g Grid) mustMatch(f []float64) {
	if len(f) != g.N {
		panic(fmt.Sprintf("functional: field has %d values, grid has %d cells", len(f), g.N))
	}
}

// checkDensity returns an error if rho has a non-finite value.
func (g Grid) checkDensity(rho []float64) error {
	for i, v := range rho {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("functional: non-finite density %g at z = %.4g σ", v, g.Z(i))
		}
	}
	return nil
}

// checkResolution returns an error if the grid is too coarse to resolve a
// particle of size size (σ): at least 20 cells per size are required.
func (g Grid) checkResolution(what string, size float64) error {
	if g.Dz > size/20*(1+1e-12) {
		return fmt.Errorf("functional: grid spacing %g σ too coarse for %s of size %g σ (need dz ≤ size/20 = %g σ)", g.Dz, what, size, size/20)
	}
	return nil
}

// halfCells returns the half-width in cells of a kernel of support
// |z| ≤ halfWidth on g, counting every cell that overlaps the support.
func halfCells(g Grid, halfWidth float64) int {
	return int(math.Ceil(halfWidth/g.Dz + 0.5))
}

// cellIntegral returns the integral of a planar weight over the cell
// [(j−½)dz, (j+½)dz], from its antiderivative cum: the tap K_j of the
// discrete convolution n(z_i) = Σ_j K_{i−j} ρ_j of cell averages.
func (g Grid) cellIntegral(cum func(z float64) float64, j int) float64 {
	return cum((float64(j)+0.5)*g.Dz) - cum((float64(j)-0.5)*g.Dz)
}

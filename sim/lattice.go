package sim

import (
	"fmt"
	"math"
)

// FCC returns a state of 4·nx·ny·nz particles on a face-centred cubic
// lattice at number density rho (σ⁻³) in a periodic box, like LAMMPS's
// "lattice fcc rho; create_atoms". Particle order runs over unit cells
// (x fastest) and then the four basis sites.
func FCC(nx, ny, nz int, rho float64) *State {
	if nx < 1 || ny < 1 || nz < 1 || !(rho > 0) {
		panic(fmt.Sprintf("sim: FCC(%d, %d, %d, %g): need positive cell counts and density", nx, ny, nz, rho))
	}
	a := math.Cbrt(4 / rho)
	s := NewState(4*nx*ny*nz, NewPeriodicBox(float64(nx)*a, float64(ny)*a, float64(nz)*a))
	basis := [4]Vec3{{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}
	i := 0
	for z := 0; z < nz; z++ {
		for y := 0; y < ny; y++ {
			for x := 0; x < nx; x++ {
				for _, b := range basis {
					s.Pos[i] = Vec3{(float64(x) + b[0]) * a, (float64(y) + b[1]) * a, (float64(z) + b[2]) * a}
					i++
				}
			}
		}
	}
	return s
}

// FCCFill returns n particles at density rho in a cubic periodic box, on
// the first n sites of the smallest FCC lattice that holds them, with the
// lattice scaled so that the box has volume n/rho. It is a gap-free-ish
// starting point for fluids of any particle number.
func FCCFill(n int, rho float64) (*State, error) {
	if n < 1 {
		return nil, fmt.Errorf("sim: particle count must be positive, got %d", n)
	}
	if !(rho > 0) || math.IsInf(rho, 0) {
		return nil, fmt.Errorf("sim: density must be positive and finite, got %g", rho)
	}
	m := int(math.Ceil(math.Cbrt(float64(n) / 4)))
	l := math.Cbrt(float64(n) / rho)
	full := FCC(m, m, m, 4*float64(m*m*m)/(l*l*l))
	s := NewState(n, full.Box)
	// Take every k-th site so that vacancies spread evenly through the box.
	for i := 0; i < n; i++ {
		s.Pos[i] = full.Pos[i*full.N()/n]
	}
	return s, nil
}

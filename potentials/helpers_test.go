package potentials

import (
	"math"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
)

// fccState returns an fcc lattice of cells³ cubic unit cells (4 atoms each)
// at number density rho in a periodic cubic box, as LAMMPS "lattice fcc rho"
// plus "create_atoms" builds it.
func fccState(cells int, rho float64) *sim.State {
	a := math.Cbrt(4 / rho)
	l := a * float64(cells)
	s := sim.NewState(4*cells*cells*cells, sim.NewPeriodicBox(l, l, l))
	basis := [4]sim.Vec3{{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}
	i := 0
	for z := 0; z < cells; z++ {
		for y := 0; y < cells; y++ {
			for x := 0; x < cells; x++ {
				for _, b := range basis {
					s.Pos[i] = sim.Vec3{(float64(x) + b[0]) * a, (float64(y) + b[1]) * a, (float64(z) + b[2]) * a}
					i++
				}
			}
		}
	}
	return s
}

// perturbedState returns an fcc lattice with every coordinate displaced
// uniformly in [−amp, amp] (a disordered, overlap-free configuration),
// wrapped into the box.
func perturbedState(seed uint64, cells int, rho, amp float64) *sim.State {
	s := fccState(cells, rho)
	for i := range s.Pos {
		u := rng.Key{Seed: seed, Particle: uint32(i), Stream: rng.StreamPlacement}.Uniform4()
		for k := 0; k < 3; k++ {
			s.Pos[i][k] += amp * (2*u[k] - 1)
		}
		s.Box.Wrap(&s.Pos[i], &s.Image[i])
	}
	return s
}

// randomState returns n particles uniformly in box b (overlaps allowed).
func randomState(seed uint64, n int, b sim.Box) *sim.State {
	s := sim.NewState(n, b)
	for i := range s.Pos {
		u := rng.Key{Seed: seed, Particle: uint32(i), Stream: rng.StreamPlacement}.Uniform4()
		for k := 0; k < 3; k++ {
			s.Pos[i][k] = u[k] * b.L[k]
		}
	}
	return s
}

// evaluate returns the forces and result of force at s.
func evaluate(t testing.TB, force sim.Force, s *sim.State) ([]sim.Vec3, sim.ForceResult) {
	t.Helper()
	f := make([]sim.Vec3, s.N())
	r, err := force.Compute(s, f)
	if err != nil {
		t.Fatal(err)
	}
	return f, r
}

// checkFiniteDifferences compares the forces of force at s with
// −∂E/∂x_{i,k} from central differences of step h, for the (particle, axis)
// picks, within rtol of max(|F|, rms force).
func checkFiniteDifferences(t *testing.T, force sim.Force, s *sim.State, picks [][2]int, h, rtol float64) {
	t.Helper()
	f, _ := evaluate(t, force, s)
	var rms float64
	for _, v := range f {
		rms += v.Norm2()
	}
	rms = math.Sqrt(rms / float64(3*len(f)))
	for _, pk := range picks {
		i, k := pk[0], pk[1]
		x := s.Pos[i][k]
		s.Pos[i][k] = x + h
		_, rp := evaluate(t, force, s)
		s.Pos[i][k] = x - h
		_, rm := evaluate(t, force, s)
		s.Pos[i][k] = x
		fd := -(rp.Energy - rm.Energy) / (2 * h)
		if tol := rtol * math.Max(math.Abs(f[i][k]), rms); math.Abs(fd-f[i][k]) > tol {
			t.Errorf("particle %d axis %d: force %.12g, −dE/dx by finite differences %.12g (|Δ| %.3g > %.3g)", i, k, f[i][k], fd, math.Abs(fd-f[i][k]), tol)
		}
	}
}

// picks returns m (particle, axis) pairs drawn from n particles.
func picks(seed uint64, n, m int) [][2]int {
	out := make([][2]int, m)
	for j := range out {
		u := rng.Key{Seed: seed, Particle: uint32(j), Stream: rng.StreamUser}.Uniform4()
		out[j] = [2]int{int(u[0] * float64(n)), int(u[1] * 3)}
	}
	return out
}

// relErr returns |a − b| / max(|b|, tiny).
func relErr(a, b float64) float64 { return math.Abs(a-b) / math.Max(math.Abs(b), 1e-300) }

package neighbor

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/physim/physim/sim"
)

// fcc returns an fcc lattice of 4·nc³ atoms at number density rho (σ⁻³)
// in a periodic cube, each atom displaced by a uniform random vector with
// components in [−jitter, jitter) and wrapped. LAMMPS's in.lj is
// fcc(20, 0.8442, ...).
func fcc(nc int, rho, jitter float64, seed uint64) *sim.State {
	a := math.Cbrt(4 / rho)
	l := float64(nc) * a
	s := sim.NewState(4*nc*nc*nc, sim.NewPeriodicBox(l, l, l))
	rng := rand.New(rand.NewPCG(seed, 1))
	basis := [4]sim.Vec3{{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}
	i := 0
	for z := 0; z < nc; z++ {
		for y := 0; y < nc; y++ {
			for x := 0; x < nc; x++ {
				for _, b := range basis {
					p := sim.Vec3{float64(x) + b[0], float64(y) + b[1], float64(z) + b[2]}.Scale(a)
					for k := range p {
						p[k] += jitter * (2*rng.Float64() - 1)
					}
					s.Box.Wrap(&p, &s.Image[i])
					s.Pos[i] = p
					i++
				}
			}
		}
	}
	return s
}

// uniform returns n particles placed uniformly in box b (open axes use
// [0, L) too).
func uniform(n int, b sim.Box, seed uint64) *sim.State {
	s := sim.NewState(n, b)
	rng := rand.New(rand.NewPCG(seed, 2))
	for i := range s.Pos {
		for k := 0; k < 3; k++ {
			s.Pos[i][k] = b.L[k] * rng.Float64()
		}
	}
	return s
}

// bruteForce returns, for every particle, the ascending indices of the
// particles whose minimum-image distance is below r: the O(N²) reference.
func bruteForce(s *sim.State, r float64) [][]int32 {
	out := make([][]int32, s.N())
	for i, p := range s.Pos {
		for j, q := range s.Pos {
			if j != i && s.Box.Delta(p, q).Norm2() < r*r {
				out[i] = append(out[i], int32(j))
			}
		}
	}
	return out
}

// checkVerlet compares a built list with the brute-force pairs, including
// the half list and the pair count.
func checkVerlet(t *testing.T, v *Verlet, s *sim.State) {
	t.Helper()
	want := bruteForce(s, v.Radius())
	total := 0
	for i := range want {
		total += len(want[i])
		got := v.Neighbors(i)
		if !slices.Equal(got, want[i]) {
			t.Fatalf("particle %d: neighbours %v, brute force %v", i, got, want[i])
		}
		k, _ := slices.BinarySearch(want[i], int32(i))
		if up := v.Upper(i); !slices.Equal(up, want[i][k:]) {
			t.Fatalf("particle %d: upper neighbours %v, want %v", i, up, want[i][k:])
		}
	}
	if v.Pairs() != total {
		t.Fatalf("Pairs() = %d, brute force %d", v.Pairs(), total)
	}
}

// randomStep moves every particle by a random vector of length at most
// dmax and wraps it.
func randomStep(s *sim.State, dmax float64, rng *rand.Rand) {
	for i := range s.Pos {
		d := sim.Vec3{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		d = d.Scale(dmax * rng.Float64() / d.Norm())
		s.Pos[i] = s.Pos[i].Add(d)
		s.Box.Wrap(&s.Pos[i], &s.Image[i])
	}
}

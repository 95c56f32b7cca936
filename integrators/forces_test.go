package integrators

import (
	"math"
	"strconv"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
	"github.com/physim/physim/sim/stats"
)

// Test forces, written here so that this package does not depend on
// potentials. Each returns the energy as well, for energy-conservation tests.

// zeroForce exerts no force.
var zeroForce = sim.ForceFunc(func(*sim.State, []sim.Vec3) (sim.ForceResult, error) { return sim.ForceResult{}, nil })

// spring is an isotropic harmonic well V = k|x|²/2 per particle about the
// origin (use an open box).
func spring(k float64) sim.Force {
	return sim.ForceFunc(func(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
		var e float64
		for i, p := range s.Pos {
			f[i] = f[i].Sub(p.Scale(k))
			e += 0.5 * k * p.Norm2()
		}
		return sim.ForceResult{Energy: e}, nil
	})
}

// planarWell applies the force −V'(z) of a potential of the height alone.
func planarWell(vdv func(z float64) (v, dv float64)) sim.Force {
	return sim.ForceFunc(func(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
		var e float64
		for i, p := range s.Pos {
			v, dv := vdv(p[2])
			f[i][2] -= dv
			e += v
		}
		return sim.ForceResult{Energy: e}, nil
	})
}

// quartic is V = Σ_components (k x²/2 + a x⁴/4) per particle.
func quartic(k, a float64) sim.Force {
	return sim.ForceFunc(func(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
		var e float64
		for i, p := range s.Pos {
			for c, x := range p {
				f[i][c] -= k*x + a*x*x*x
				e += 0.5*k*x*x + 0.25*a*x*x*x*x
			}
		}
		return sim.ForceResult{Energy: e}, nil
	})
}

// softPair is the pair potential V(r) = ε (1 − r²/rc²)⁴ for r < rc under the
// minimum image (O(N²)); it and its first three derivatives vanish at rc, so
// velocity Verlet shows its clean Dt² energy error.
func softPair(eps, rc float64) sim.Force {
	return sim.ForceFunc(func(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
		var e, w float64
		rc2 := rc * rc
		for i := range s.Pos {
			for j := i + 1; j < len(s.Pos); j++ {
				d := s.Box.Delta(s.Pos[j], s.Pos[i]) // r_i − r_j
				r2 := d.Norm2()
				if r2 >= rc2 {
					continue
				}
				u := 1 - r2/rc2
				e += eps * u * u * u * u
				fij := d.Scale(8 * eps * u * u * u / rc2) // force on i
				f[i] = f[i].Add(fij)
				f[j] = f[j].Sub(fij)
				w += fij.Dot(d)
			}
		}
		return sim.ForceResult{Energy: e, Virial: w}, nil
	})
}

// normalPositions places n particles with Gaussian coordinates of standard
// deviation sd about the origin, in an open box.
func normalPositions(n int, sd float64, seed uint64) *sim.State {
	s := sim.NewState(n, sim.NewOpenBox(sim.Vec3{1, 1, 1}))
	for i := range s.Pos {
		s.Pos[i] = sim.Vec3(rng.Key{Seed: seed, Particle: uint32(i), Stream: rng.StreamPlacement}.Normal3()).Scale(sd)
	}
	return s
}

// uniformPositions places n particles uniformly in the periodic box b.
func uniformPositions(n int, b sim.Box, seed uint64) *sim.State {
	s := sim.NewState(n, b)
	for i := range s.Pos {
		u := rng.Key{Seed: seed, Particle: uint32(i), Stream: rng.StreamPlacement}.Uniform4()
		s.Pos[i] = sim.Vec3{u[0] * b.L[0], u[1] * b.L[1], u[2] * b.L[2]}
	}
	return s
}

// mustInit initialises g on s.
func mustInit(t testing.TB, g sim.Integrator, s *sim.State) {
	t.Helper()
	if err := g.Init(s); err != nil {
		t.Fatal(err)
	}
}

// steps advances s by n steps of g.
func steps(t testing.TB, g sim.Integrator, s *sim.State, n int) {
	t.Helper()
	for k := 0; k < n; k++ {
		if err := g.Step(s); err != nil {
			t.Fatal(err)
		}
	}
}

// blocked returns the block-averaged mean and standard error of the time
// series x and fails t when the blocking analysis did not converge.
func blocked(t *testing.T, what string, x *stats.Series) stats.MeanErr {
	t.Helper()
	b := x.Blocking()
	if !b.Converged {
		t.Errorf("%s: the blocking analysis of %d samples did not converge; run longer", what, b.N)
	}
	return b.Estimate()
}

// independent returns the mean and the standard error of independent
// samples (level 0 of the blocking curve).
func independent(x []float64) stats.MeanErr {
	b := stats.BlockAverage(x)
	return stats.MeanErr{Mean: b.Mean, StdErr: b.Curve[0].StdErr}
}

// checkWithin fails t unless |got − want| ≤ nsig·stderr, and logs the
// comparison.
func checkWithin(t *testing.T, what string, got stats.MeanErr, want, nsig float64) {
	t.Helper()
	dev := math.Abs(got.Mean - want)
	t.Logf("%s: %.5f ± %.5f, exact %.5f (%.1fσ)", what, got.Mean, got.StdErr, want, dev/got.StdErr)
	if !(dev <= nsig*got.StdErr) {
		t.Errorf("%s = %v, want %.6g within %gσ", what, got, want, nsig)
	}
}

// size picks the short or the long value of a test parameter.
func size(short, long int) int {
	if testing.Short() {
		return short
	}
	return long
}

// ftoa formats a parameter for a test message.
func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

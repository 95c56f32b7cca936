package potentials

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim/rng"
)

// GaussianSum is V(z) = Σ_i U_i exp(−Δ_i²/(2 s_i²)), with Δ_i the periodic
// minimum image of z − μ_i for period Lz when Lz > 0 (only the nearest image
// of each Gaussian counts, as in the neural-DDFT study's RandomGaussianSum)
// and Δ_i = z − μ_i when Lz = 0. It does not depend on time.
type GaussianSum struct {
	// U are the heights in ε.
	U []float64
	// Mu are the centres in σ.
	Mu []float64
	// S are the widths (standard deviations) in σ, each positive.
	S []float64
	// Lz is the period in σ (0: not periodic).
	Lz float64
}

// VdV returns V(z) in ε and ∂V/∂z in ε/σ. It panics if Mu or S is shorter
// than U.
func (g GaussianSum) VdV(z, _ float64) (v, dv float64) {
	mu, s := g.Mu[:len(g.U)], g.S[:len(g.U)]
	for i, u := range g.U {
		d := minImage1D(z-mu[i], g.Lz)
		inv := 1 / (s[i] * s[i])
		e := u * math.Exp(-0.5*d*d*inv)
		v += e
		dv -= e * d * inv
	}
	return v, dv
}

// Validate checks equal lengths, finite parameters, positive widths and a
// non-negative period.
func (g GaussianSum) Validate() error {
	if len(g.Mu) != len(g.U) || len(g.S) != len(g.U) {
		return fmt.Errorf("potentials: GaussianSum has %d heights, %d centres and %d widths; they must match", len(g.U), len(g.Mu), len(g.S))
	}
	for i := range g.U {
		if !isFinite(g.U[i]) || !isFinite(g.Mu[i]) || !(g.S[i] > 0) || !isFinite(g.S[i]) {
			return fmt.Errorf("potentials: GaussianSum term %d (U %g, μ %g, s %g) needs finite values and s > 0", i, g.U[i], g.Mu[i], g.S[i])
		}
	}
	if !(g.Lz >= 0) || !isFinite(g.Lz) {
		return fmt.Errorf("potentials: GaussianSum period Lz = %g must be non-negative and finite", g.Lz)
	}
	return nil
}

// RandomGaussiansStream is the rng stream of RandomGaussians.
const RandomGaussiansStream = rng.StreamUser + 1

// RandomGaussians draws the neural-DDFT study's random external potential
// (mdext RandomGaussianSum) reproducibly from seed, periodic with period lz
// (in σ): the number of Gaussians is uniform in {5, …, 14}, μ_i ~ U(0, lz),
// s_i ~ U(0, 1) + 0.1 (σ), U_i = ξ² with ξ ~ N(0, 1) (ε). The draws come
// from rng.Key{Seed: seed, Stream: RandomGaussiansStream}: Particle 0 gives
// the count; Particle i+1 gives μ_i and s_i (Step 0) and ξ (Step 1). The
// numbers differ from the study's numpy seeds (MT19937). It panics unless
// lz > 0.
func RandomGaussians(seed uint64, lz float64) GaussianSum {
	if !(lz > 0) || !isFinite(lz) {
		panic(fmt.Sprintf("potentials: RandomGaussians needs a positive period, got %g", lz))
	}
	key := rng.Key{Seed: seed, Stream: RandomGaussiansStream}
	n := 5 + min(int(10*key.Uniform4()[0]), 9)
	g := GaussianSum{U: make([]float64, n), Mu: make([]float64, n), S: make([]float64, n), Lz: lz}
	for i := range n {
		key.Particle, key.Step = uint32(i+1), 0
		u := key.Uniform4()
		g.Mu[i] = u[0] * lz
		g.S[i] = u[1] + 0.1
		key.Step = 1
		xi := key.Normal4()[0]
		g.U[i] = xi * xi
	}
	return g
}

// minImage1D returns the periodic minimum image of d for period l (d itself
// when l is 0). This is a potential's own period, independent of the box.
func minImage1D(d, l float64) float64 {
	if l > 0 {
		d -= l * math.Round(d/l)
	}
	return d
}

// isFinite reports whether x is neither infinite nor NaN.
func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

package flows

import "math"

// Lorenz is the Lorenz (1963) system in dimensionless time,
//
//	ẋ = σ (y − x),  ẏ = x (ρ − z) − y,  ż = x y − β z.
//
// With LFADSCompat set, the −y term of ẏ is dropped, ẏ = x (ρ − z), as in
// the forward-Euler generator of the LFADS run manager
// (lfads-run-manager, src/+LFADS/+Utils/generateDemoDatasets.m); that
// variant is still bounded and chaotic but is not the Lorenz system.
type Lorenz struct {
	Sigma, Rho, Beta float64
	LFADSCompat      bool
}

// ClassicLorenz returns the classic parameters σ = 10, ρ = 28, β = 8/3.
func ClassicLorenz() Lorenz { return Lorenz{Sigma: 10, Rho: 28, Beta: 8.0 / 3} }

// Eval writes f(y) into dydt; y and dydt have length 3 and t is unused (the
// system is autonomous). It has the signature of ode.VectorField.
func (l Lorenz) Eval(_ float64, y, dydt []float64) {
	x, yy, z := y[0], y[1], y[2]
	dydt[0] = l.Sigma * (yy - x)
	dydt[1] = x * (l.Rho - z)
	if !l.LFADSCompat {
		dydt[1] -= yy
	}
	dydt[2] = x*yy - l.Beta*z
}

// Divergence returns ∇·f, which is constant: −(σ + 1 + β), or −(σ + β) for
// the LFADS variant. Phase-space volumes contract at this rate.
func (l Lorenz) Divergence() float64 {
	if l.LFADSCompat {
		return -(l.Sigma + l.Beta)
	}
	return -(l.Sigma + 1 + l.Beta)
}

// FixedPoints returns the two non-trivial equilibria C± (the origin is the
// third). For the Lorenz system they are (±√(β(ρ−1)), ±√(β(ρ−1)), ρ−1) and
// exist for ρ > 1; for the LFADS variant (±√(βρ), ±√(βρ), ρ), for ρ > 0.
func (l Lorenz) FixedPoints() [2][3]float64 {
	zc := l.Rho - 1
	if l.LFADSCompat {
		zc = l.Rho
	}
	a := math.Sqrt(l.Beta * zc)
	return [2][3]float64{{a, a, zc}, {-a, -a, zc}}
}

package kuramoto

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"
)

// Exact mean-field (N → ∞) results for all-to-all coupling K and a
// unimodal, symmetric frequency density g (Kuramoto 1975; Strogatz,
// Physica D 143, 1 (2000)).

// CriticalCoupling returns K_c = 2/(π g(0)), the onset of synchrony for a
// frequency density of peak value g0 at its centre.
func CriticalCoupling(g0 float64) float64 { return 2 / (math.Pi * g0) }

// LorentzianR returns the stationary order parameter for Lorentzian
// frequencies of half-width delta: r = √(1 − 2Δ/K) for K > K_c = 2Δ, else 0
// (exact; Ott–Antonsen reduction).
func LorentzianR(K, delta float64) float64 {
	if K <= 2*delta {
		return 0
	}
	return math.Sqrt(1 - 2*delta/K)
}

// GaussianCriticalCoupling returns K_c = σ√(8/π) for Gaussian frequencies of
// standard deviation sigma.
func GaussianCriticalCoupling(sigma float64) float64 {
	return CriticalCoupling(1 / (sigma * math.Sqrt(2*math.Pi)))
}

// GaussianR returns the stationary order parameter for Gaussian
// frequencies of standard deviation sigma: the positive root of Kuramoto's
// self-consistency condition 1 = K ∫_{−π/2}^{π/2} cos²θ g(K r sin θ) dθ, or 0
// below K_c. The integral uses 64-point Gauss–Legendre quadrature and the
// root bisection to 1e-12.
func GaussianR(K, sigma float64) float64 {
	norm := 1 / (sigma * math.Sqrt(2*math.Pi))
	lhs := func(r float64) float64 {
		var sum float64
		quadLegendre(-math.Pi/2, math.Pi/2, func(th, w float64) {
			c := math.Cos(th)
			u := K * r * math.Sin(th) / sigma
			sum += w * c * c * norm * math.Exp(-0.5*u*u)
		})
		return K * sum
	}
	if lhs(0) <= 1 {
		return 0
	}
	lo, hi := 0.0, 1.0 // lhs decreases with r; lhs(lo) > 1 ≥ lhs(hi)
	for hi-lo > 1e-12 {
		mid := 0.5 * (lo + hi)
		if lhs(mid) > 1 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return 0.5 * (lo + hi)
}

// NoisyIdenticalR returns the stationary order parameter of identical
// oscillators with phase noise D (rad²/τ) and all-to-all coupling K: the
// stationary density is ∝ exp((K r/D) cos(θ − ψ)), so r solves
// r = I₁(K r/D)/I₀(K r/D) (Sakaguchi, Prog. Theor. Phys. 79, 39 (1988)),
// with onset at K_c = 2D; 0 below it.
func NoisyIdenticalR(K, D float64) float64 {
	if K <= 2*D {
		return 0
	}
	ratio := func(a float64) float64 { // I₁(a)/I₀(a) by 64-point Gauss–Legendre
		var i0, i1 float64
		quadLegendre(0, math.Pi, func(th, w float64) {
			e := w * math.Exp(a*(math.Cos(th)-1))
			i0 += e
			i1 += e * math.Cos(th)
		})
		return i1 / i0
	}
	lo, hi := 0.0, 1.0 // ratio(K r/D) − r is positive at r → 0⁺ and negative at 1
	for hi-lo > 1e-12 {
		mid := 0.5 * (lo + hi)
		if ratio(K*mid/D) > mid {
			lo = mid
		} else {
			hi = mid
		}
	}
	return 0.5 * (lo + hi)
}

// quadLegendre calls fn at the 64 Gauss–Legendre nodes of [a, b] with their
// weights.
func quadLegendre(a, b float64, fn func(x, w float64)) {
	var rule quad.Legendre
	xs, ws := make([]float64, 64), make([]float64, 64)
	rule.FixedLocations(xs, ws, a, b)
	for k := range xs {
		fn(xs[k], ws[k])
	}
}

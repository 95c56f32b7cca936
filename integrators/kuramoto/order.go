package kuramoto

import "math"

// OrderParameter returns the Kuramoto order parameter r e^{iψ} =
// (1/N) Σ_j e^{iθ_j} of the phases theta as its modulus r ∈ [0, 1] and
// phase ψ ∈ (−π, π].
func OrderParameter(theta []float64) (r, psi float64) {
	var s, c float64
	for _, th := range theta {
		si, ci := math.Sincos(th)
		s += si
		c += ci
	}
	n := float64(len(theta))
	return math.Hypot(s, c) / n, math.Atan2(s, c)
}

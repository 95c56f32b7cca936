// Package kuramoto integrates coupled phase oscillators and their
// generalisations:
//
//   - Phases: the Kuramoto model dθ_i/dt = ω_i + (coupling)_i + √(2D) ξ_i(t)
//     with natural frequencies drawn from Lorentzian, Gaussian or uniform
//     distributions (random or deterministic quantiles) or given
//     explicitly, coupled all-to-all through the mean field (O(N)), on 1D
//     or 2D lattices with nearest neighbours, or on any weighted graph, and
//     stepped by Euler, Heun or RK4 (package integrators/ode). The order
//     parameter r e^{iψ} = (1/N) Σ_j e^{iθ_j} is the main observable, and
//     theory.go gives the exact mean-field results it is tested against.
//   - Sphere: the generalised Kuramoto model on spheres of AKOrN (Miyato et
//     al., ICLR 2025), ẋ_i = Ω_i x_i + P_{x_i}(Σ_j J_ij x_j + c_i) with
//     x_i ∈ S^{n−1}, stepped along geodesics (exponential map, the default)
//     or by AKOrN's normalise-after-step update, with its energy.
//   - OscillatorLattice: a sim.Force for a 1D or 2D lattice of locally
//     coupled oscillators (harmonic or cosine coupling, harmonic on-site
//     term), the latent prior of LangevinFlow (Song et al., 2025), to be
//     driven by an underdamped Langevin integrator; it carries travelling
//     waves with the dispersion relation given by Frequency.
//
// Time is in τ, frequencies in rad/τ, phases in rad. All randomness comes
// from sim/rng keyed on (seed, step, oscillator index), so runs are reproducible
// bit for bit.
package kuramoto

import "github.com/physim/physim/sim/rng"

// Random streams of this package (see sim/rng).
const (
	streamNoise       = rng.StreamUser + 10 // phase noise, keyed on (step, oscillator/4)
	streamFrequencies = rng.StreamUser + 11 // random natural frequencies
	streamPhases      = rng.StreamUser + 12 // random initial phases
	streamVectors     = rng.StreamUser + 13 // random initial unit vectors
)

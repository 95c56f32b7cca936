package potentials

import (
	"fmt"
	"math"
)

// Harmonic is the trap V(z) = (K/2)Δ², Δ = z − Z0, or its periodic minimum
// image for period Lz when Lz > 0 (V then has a kink at Δ = ±Lz/2).
type Harmonic struct {
	// K is the stiffness in ε/σ²; Z0 the centre in σ.
	K, Z0 float64
	// Lz is the period in σ (0: not periodic).
	Lz float64
}

// VdV returns V(z) in ε and ∂V/∂z in ε/σ.
func (h Harmonic) VdV(z, _ float64) (v, dv float64) {
	d := minImage1D(z-h.Z0, h.Lz)
	return 0.5 * h.K * d * d, h.K * d
}

// Validate checks that K and Z0 are finite and Lz non-negative.
func (h Harmonic) Validate() error {
	if !isFinite(h.K) || !isFinite(h.Z0) || !(h.Lz >= 0) || !isFinite(h.Lz) {
		return fmt.Errorf("potentials: Harmonic needs finite K, Z0 and Lz ≥ 0, got %g, %g, %g", h.K, h.Z0, h.Lz)
	}
	return nil
}

// Sinusoidal is V(z) = A sin(2πNz/L + Phi), N periods over the length L.
type Sinusoidal struct {
	// A is the amplitude in ε.
	A float64
	// N is the number of periods over L (1 if zero).
	N float64
	// L is the length in σ (positive).
	L float64
	// Phi is the phase in radians.
	Phi float64
}

// VdV returns V(z) in ε and ∂V/∂z in ε/σ.
func (s Sinusoidal) VdV(z, _ float64) (v, dv float64) {
	k := 2 * math.Pi * orDefault(s.N, 1) / s.L
	sin, cos := math.Sincos(k*z + s.Phi)
	return s.A * sin, s.A * k * cos
}

// Validate checks that L is positive and the other parameters finite.
func (s Sinusoidal) Validate() error {
	if !(s.L > 0) || !isFinite(s.L) || !isFinite(s.A) || !isFinite(s.N) || !isFinite(s.Phi) {
		return fmt.Errorf("potentials: Sinusoidal needs L > 0 and finite A, N, Phi, got L %g, A %g, N %g, Phi %g", s.L, s.A, s.N, s.Phi)
	}
	return nil
}

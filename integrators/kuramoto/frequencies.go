package kuramoto

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/physim/physim/sim/rng"
)

// Frequencies describes the natural frequencies ω_i (rad/τ) of N
// oscillators. The zero value gives N identical oscillators at ω = 0.
type Frequencies struct {
	// Dist is "lorentzian" (Cauchy; the default when empty), "gaussian",
	// "uniform" or "explicit".
	Dist string `toml:"dist"`
	// Center is the centre ω₀ of the distribution.
	Center float64 `toml:"center"`
	// Width is the half-width at half-maximum Δ (lorentzian), the standard
	// deviation σ (gaussian) or the half-width of the support (uniform,
	// ω ∈ [ω₀ − Width, ω₀ + Width]); ≥ 0.
	Width float64 `toml:"width"`
	// Quantiles selects deterministic frequencies ω_i = ω₀ + Width·Q((i+½)/N)
	// with Q the quantile function of the unit distribution (for the
	// Lorentzian Q(u) = tan(π(u − ½))), instead of independent random draws.
	// They sample the distribution without finite-N frequency noise.
	Quantiles bool `toml:"quantiles"`
	// Values are the frequencies for Dist = "explicit"; their number must be N.
	Values []float64 `toml:"values"`
	// Seed keys the random draws.
	Seed uint64 `toml:"seed"`
}

// Generate returns the N natural frequencies.
func (fr Frequencies) Generate(n int) ([]float64, error) {
	if n < 1 {
		return nil, fmt.Errorf("kuramoto: number of oscillators must be positive, got %d", n)
	}
	if !(fr.Width >= 0) || math.IsInf(fr.Width, 0) {
		return nil, fmt.Errorf("kuramoto: frequency Width must be finite and ≥ 0, got %g", fr.Width)
	}
	var q func(u float64) float64 // quantile function of the unit distribution
	var normal bool
	switch fr.Dist {
	case "", "lorentzian":
		q = func(u float64) float64 { return math.Tan(math.Pi * (u - 0.5)) }
	case "gaussian":
		q, normal = distuv.UnitNormal.Quantile, true
	case "uniform":
		q = func(u float64) float64 { return 2*u - 1 }
	case "explicit":
		if len(fr.Values) != n {
			return nil, fmt.Errorf("kuramoto: %d explicit frequencies given for %d oscillators", len(fr.Values), n)
		}
		return append([]float64(nil), fr.Values...), nil
	default:
		return nil, fmt.Errorf("kuramoto: unknown frequency distribution %q (want lorentzian, gaussian, uniform or explicit)", fr.Dist)
	}
	w := make([]float64, n)
	for i := range w {
		var x float64
		switch {
		case fr.Quantiles:
			x = q((float64(i) + 0.5) / float64(n))
		case normal:
			x = rng.Key{Seed: fr.Seed, Particle: uint32(i), Stream: streamFrequencies}.Normal4()[0]
		default:
			x = q(rng.Key{Seed: fr.Seed, Particle: uint32(i), Stream: streamFrequencies}.Uniform4()[0])
		}
		w[i] = fr.Center + fr.Width*x
	}
	return w, nil
}

// RandomPhases returns n phases uniform in [0, 2π), keyed on seed.
func RandomPhases(n int, seed uint64) []float64 {
	th := make([]float64, n)
	for i := range th {
		th[i] = 2 * math.Pi * rng.Key{Seed: seed, Particle: uint32(i), Stream: streamPhases}.Uniform4()[0]
	}
	return th
}

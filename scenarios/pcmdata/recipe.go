package pcmdata

import (
	"fmt"
	"math"
)

// Recipe is how the data set is made. Start from DefaultRecipe; zero
// values are errors, not defaults. The toml names are the keys of the
// pcm-data scenario configuration.
type Recipe struct {
	// Densities are the bulk densities ρ (σ⁻³) of the states, increasing;
	// empty means no bulk set (only the profiles of a ProfileRecipe).
	Densities []float64 `toml:"densities"`
	// Particles is N per state; the box edge is (N/ρ)^{1/3}.
	Particles int `toml:"particles"`
	// KT is the temperature in ε.
	KT float64 `toml:"kT"`
	// Cutoff is the LJ cutoff r_c in σ: forces vanish beyond it, and the
	// fluid sampled is the truncated and shifted one (see ShiftedJZG).
	Cutoff float64 `toml:"cutoff"`
	// Skin is the Verlet skin in σ.
	Skin float64 `toml:"skin"`
	// Dt is the Langevin (BAOAB) time step in τ and Gamma its friction
	// (mass/time).
	Dt    float64 `toml:"dt"`
	Gamma float64 `toml:"gamma"`
	// EquilibrationSteps run before sampling; Steps are sampled every
	// SampleEvery steps (pressure, energy, Widom) and every RDFEvery steps
	// (g(r), whose all-pairs count is the costly part).
	EquilibrationSteps int64 `toml:"equilibration_steps"`
	Steps              int64 `toml:"steps"`
	SampleEvery        int64 `toml:"sample_every"`
	RDFEvery           int64 `toml:"rdf_every"`
	// Insertions is the number of Widom ghosts per sample.
	Insertions int `toml:"insertions"`
	// RDFRange (σ) and RDFBinWidth (σ) set the g(r) histogram; the range
	// must not exceed half the smallest box edge.
	RDFRange    float64 `toml:"rdf_range"`
	RDFBinWidth float64 `toml:"rdf_bin_width"`
	// MatchRadius (σ) is where the HNC closure takes over from the
	// measured g(r) in the OZ inversion; it must lie inside RDFRange.
	MatchRadius float64 `toml:"match_radius"`
	// PlanarRange and PlanarDz (σ) set the grid z = 0, dz, … of the stored
	// planar kernel c2(z).
	PlanarRange float64 `toml:"planar_range"`
	PlanarDz    float64 `toml:"planar_dz"`
}

// DefaultRecipe returns the recipe of the shipped data set: 33 states from
// ρ = 0.05 to 0.85 σ⁻³ at kT = 2ε, r_c = 4σ, 1500 particles (box edge
// 12.1σ at the densest state), 2000 + 10000 Langevin steps of 0.005τ
// sampled every 10 (g(r) every 50), 1000 insertions per sample, g(r) to 6σ
// in 0.01σ bins matched to HNC at 3σ (beyond which the bridge
// function is negligible and the inversion converges robustly), c2(z) on 0 … 8σ every 0.01σ.
func DefaultRecipe() *Recipe {
	d := make([]float64, 33)
	for i := range d {
		d[i] = math.Round((0.05+0.025*float64(i))*1000) / 1000
	}
	return &Recipe{
		Densities: d, Particles: 1500, KT: 2, Cutoff: 4, Skin: 0.3, Dt: 0.005, Gamma: 1,
		EquilibrationSteps: 2000, Steps: 10000, SampleEvery: 10, RDFEvery: 50, Insertions: 1000,
		RDFRange: 6, RDFBinWidth: 0.01, MatchRadius: 3, PlanarRange: 8, PlanarDz: 0.01,
	}
}

// Validate returns an error naming the first invalid key.
func (r *Recipe) Validate() error {
	bad := func(key string, v any, want string) error {
		return fmt.Errorf("pcm-data: config key %s = %v: %s", key, v, want)
	}
	for _, kv := range []struct {
		k string
		v float64
	}{{"kT", r.KT}, {"cutoff", r.Cutoff}, {"dt", r.Dt}, {"gamma", r.Gamma}, {"rdf_range", r.RDFRange},
		{"rdf_bin_width", r.RDFBinWidth}, {"match_radius", r.MatchRadius}, {"planar_range", r.PlanarRange}, {"planar_dz", r.PlanarDz}} {
		if !(kv.v > 0) || math.IsInf(kv.v, 0) {
			return bad(kv.k, kv.v, "must be positive and finite")
		}
	}
	switch {
	case len(r.Densities) > 0 && len(r.Densities) < 3:
		return bad("densities", r.Densities, "need none or at least 3 densities (for the equation-of-state fit)")
	case r.Particles < 2:
		return bad("particles", r.Particles, "need at least 2")
	case r.Skin < 0:
		return bad("skin", r.Skin, "must be non-negative")
	case r.EquilibrationSteps < 0 || r.Steps < 1:
		return bad("steps", r.Steps, "need at least one production step and no negative counts")
	case r.SampleEvery < 1 || r.SampleEvery > r.Steps:
		return bad("sample_every", r.SampleEvery, "must lie in [1, steps]")
	case r.RDFEvery < 1 || r.RDFEvery > r.Steps:
		return bad("rdf_every", r.RDFEvery, "must lie in [1, steps]")
	case r.Insertions < 1:
		return bad("insertions", r.Insertions, "need at least 1")
	case r.MatchRadius > r.RDFRange:
		return bad("match_radius", r.MatchRadius, fmt.Sprintf("must not exceed rdf_range = %g", r.RDFRange))
	case r.RDFBinWidth >= r.RDFRange:
		return bad("rdf_bin_width", r.RDFBinWidth, "must be smaller than rdf_range")
	}
	for i, d := range r.Densities {
		if !(d > 0) || math.IsInf(d, 0) || (i > 0 && !(d > r.Densities[i-1])) {
			return bad("densities", r.Densities, "must be positive, finite and increasing")
		}
		edge := r.Edge(d)
		if edge < 2*r.RDFRange || edge < 2*(r.Cutoff+r.Skin) {
			return bad("particles", r.Particles, fmt.Sprintf("the box edge %.4g σ at ρ = %g is shorter than 2 × rdf_range = %g or 2 × (cutoff + skin) = %g", edge, d, 2*r.RDFRange, 2*(r.Cutoff+r.Skin)))
		}
	}
	return nil
}

// Edge returns the box edge (σ) of the state of density rho.
func (r *Recipe) Edge(rho float64) float64 { return math.Cbrt(float64(r.Particles) / rho) }

// rdfBins returns the number of g(r) bins.
func (r *Recipe) rdfBins() int { return int(math.Round(r.RDFRange / r.RDFBinWidth)) }

// planarZ returns the z grid of the stored planar kernel.
func (r *Recipe) planarZ() []float64 {
	n := int(math.Round(r.PlanarRange/r.PlanarDz)) + 1
	z := make([]float64, n)
	for i := range z {
		z[i] = float64(i) * r.PlanarDz
	}
	return z
}

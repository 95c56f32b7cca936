package learned

import (
	"fmt"
	"math"

	"github.com/physim/physim/integrators/ddft"
	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/scenarios/pcmdata"
)

// ProfileComparison compares canonical cDFT with a functional against one
// equilibrium test profile of a data set.
type ProfileComparison struct {
	// Seed is the potential's seed.
	Seed uint64
	// RMSE is the root-mean-square difference (σ⁻³) between the cDFT and
	// the simulated profile over the interior bins; NoiseFloor is the RMS
	// standard error of the simulated profile there.
	RMSE, NoiseFloor float64
	// Rho is the cDFT profile (σ⁻³).
	Rho []float64
}

// CompareProfiles solves, for every test profile of d, the canonical cDFT
// of f in that profile's potential at the simulation's mean density (on
// f's grid, which must be the profiles' bins), and compares it with the
// simulated profile, leaving out edge bins at each end.
func CompareProfiles(f functional.Functional, d *pcmdata.Dataset, edge int) ([]ProfileComparison, error) {
	g := f.Grid()
	pr := d.ProfileRecipe
	if len(d.ProfileZ) != g.N || math.Abs(g.Length()-pr.Box) > 1e-9*pr.Box {
		return nil, fmt.Errorf("learned: the test profiles have %d bins over %g σ, the functional's grid %d cells over %g σ", len(d.ProfileZ), pr.Box, g.N, g.Length())
	}
	if 2*edge >= g.N || edge < 0 {
		return nil, fmt.Errorf("learned: %d edge bins leave no interior of %d bins", edge, g.N)
	}
	mean := float64(pr.Particles) / (pr.Box * pr.Box * pr.Box)
	var out []ProfileComparison
	for _, p := range d.Profiles {
		sys := ddft.System{Excess: f, V: p.Potential(pr.Box), KT: d.Recipe.KT, Static: true}
		eq, err := ddft.Canonical(sys, mean, ddft.EquilibriumSettings{Tol: 1e-8})
		if err != nil {
			return nil, fmt.Errorf("learned: cDFT in the potential of seed %d: %w", p.Seed, err)
		}
		c := ProfileComparison{Seed: p.Seed, Rho: eq.Rho}
		n := 0
		for i := edge; i < g.N-edge; i++ {
			e := eq.Rho[i] - p.Rho[i].Mean
			c.RMSE += e * e
			c.NoiseFloor += p.Rho[i].StdErr * p.Rho[i].StdErr
			n++
		}
		c.RMSE = math.Sqrt(c.RMSE / float64(n))
		c.NoiseFloor = math.Sqrt(c.NoiseFloor / float64(n))
		out = append(out, c)
	}
	return out, nil
}

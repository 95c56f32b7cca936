package pcmdata

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
)

// tinyProfiles generates one test profile of 100 LJ particles in a 9σ box
// (60 bins, 200 + 1000 Langevin steps sampled every 2) with the estimator
// named est.
func tinyProfiles(t *testing.T, est string) (*Dataset, error) {
	t.Helper()
	r := DefaultRecipe()
	pr := ProfileRecipe{Potentials: 1, FirstSeed: 1001, Particles: 100, Box: 9, Bins: 60, Estimator: est,
		EquilibrationSteps: 200, Steps: 1000, SampleEvery: 2}
	build := func(v potentials.Planar, seed uint64) (*sim.State, sim.Integrator, error) {
		s := sim.NewState(pr.Particles, sim.NewPeriodicBox(pr.Box, pr.Box, pr.Box))
		for i := range s.Pos {
			s.Pos[i] = sim.Vec3{1.8 * float64(i%5), 1.8 * float64(i/5%5), 2.25 * float64(i/25)}
		}
		pair, err := potentials.NewPair(r.PairLaw(), potentials.PairSettings{Skin: r.Skin})
		if err != nil {
			return nil, nil, err
		}
		integ := &integrators.LangevinBAOAB{Force: sim.Sum{pair, potentials.External{P: v}}, Dt: r.Dt, KT: r.KT, Gamma: r.Gamma, Seed: seed}
		return s, integ, integ.Init(s)
	}
	d := newDataset(r, 3)
	return d, d.GenerateProfiles(context.Background(), pr, build, nil)
}

// The recipe's estimator picks Profile.Rho among the estimates stored from
// the same frames: the mixed run's Counting is the counting run's Rho, bit
// for bit. An unknown estimator is refused, naming the key.
func TestGenerateProfilesEstimator(t *testing.T) {
	mixed, err := tinyProfiles(t, "mixed")
	if err != nil {
		t.Fatal(err)
	}
	counted, err := tinyProfiles(t, "counting")
	if err != nil {
		t.Fatal(err)
	}
	m, c := mixed.Profiles[0], counted.Profiles[0]
	if len(mixed.ProfileZ) != 60 || len(m.Rho) != 60 || len(m.Force) != 60 || len(m.Weight) != 31 || m.Samples != 500 {
		t.Fatalf("profile of %d bins (%d force, %d weights, %d samples) on %d points", len(m.Rho), len(m.Force), len(m.Weight), m.Samples, len(mixed.ProfileZ))
	}
	if !reflect.DeepEqual(c.Rho, m.Counting) || !reflect.DeepEqual(c.Counting, m.Counting) || reflect.DeepEqual(m.Rho, m.Counting) || reflect.DeepEqual(m.Rho, m.Force) {
		t.Error("Rho is not the estimate the recipe names")
	}
	if _, err := tinyProfiles(t, "histogram"); err == nil || !strings.Contains(err.Error(), "profiles.estimator") {
		t.Errorf("unknown estimator: %v", err)
	}
}

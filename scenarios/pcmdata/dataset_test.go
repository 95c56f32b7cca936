package pcmdata

import (
	"reflect"
	"testing"

	"github.com/physim/physim/sim/stats"
)

// A data set written and read back is identical (the JZG reference is
// stored too).
func TestDatasetRoundTrip(t *testing.T) {
	r := DefaultRecipe()
	r.Densities = []float64{0.2, 0.4, 0.6}
	d := newDataset(r, 42)
	d.RDFR, d.CR, d.K = []float64{0.5, 1.5}, []float64{0.01, 0.02, 0.03}, []float64{0.1}
	d.Z = []float64{0, 0.5}
	d.Fit = &EOSFit{Coef: []float64{-1, 2}}
	for i, rho := range r.Densities {
		x := float64(i)
		d.States = append(d.States, StateData{Density: rho, Edge: 12 + x, Samples: 200, BetaMuEx: stats.MeanErr{Mean: x, StdErr: 0.01},
			Pressure: stats.MeanErr{Mean: 1 + x, StdErr: 0.02}, Energy: stats.MeanErr{Mean: -2 - x, StdErr: 0.03},
			G: []stats.MeanErr{{Mean: 0, StdErr: 0}, {Mean: 1.1 + x, StdErr: 0.004}}, FitBetaMuEx: x + 0.1, FitPressure: 1.2 + x,
			Compressibility: 2 + x, Offset: 1e-4, OffsetLP: 2e-4, C: []float64{-3, -2, -1}, CK: []float64{-5}, SK: []float64{0.3},
			C2: []float64{-7, -1}, C0: -6, OZIterations: 99, JZG: ShiftedJZG(rho, 2, 4)})
	}
	d.ProfileRecipe = DefaultProfileRecipe()
	d.ProfileRecipe.Potentials = 1
	d.ProfileZ = []float64{0.25, 0.75}
	counted := Profile{Seed: 1001, Samples: 10, V: []float64{0.1, 0.2}, Rho: []stats.MeanErr{{Mean: 0.5, StdErr: 0.01}, {Mean: 0.7, StdErr: 0.02}}}
	mixed := counted
	mixed.Counting = []stats.MeanErr{{Mean: 0.52, StdErr: 0.03}, {Mean: 0.68, StdErr: 0.04}}
	mixed.Force = []stats.MeanErr{{Mean: 0.49, StdErr: 0.015}, {Mean: 0.71, StdErr: 0.025}}
	mixed.Weight = []float64{0, 0.4}
	// A test set with the separate estimates, and one without (as made
	// before them).
	for _, p := range []Profile{mixed, counted} {
		d.Profiles = []Profile{p}
		dir := t.TempDir()
		if err := d.Write(dir, Provenance{PhysimVersion: "test", Created: "now"}); err != nil {
			t.Fatal(err)
		}
		back, prov, err := Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		if prov.PhysimVersion != "test" || prov.Seed != 42 || prov.Format != Format || prov.ProfileRecipe != d.ProfileRecipe {
			t.Errorf("provenance %+v", prov)
		}
		if !reflect.DeepEqual(back.States, d.States) {
			t.Errorf("states differ:\n%+v\n%+v", back.States[1], d.States[1])
		}
		if !reflect.DeepEqual(back.Profiles, d.Profiles) || !reflect.DeepEqual(back.ProfileZ, d.ProfileZ) {
			t.Errorf("profiles differ: %+v vs %+v", back.Profiles, d.Profiles)
		}
		if !reflect.DeepEqual(back.Recipe, d.Recipe) || !reflect.DeepEqual(back.Fit.Coef, d.Fit.Coef) || !reflect.DeepEqual(back.Z, d.Z) {
			t.Errorf("recipe, fit or grids differ")
		}
	}
}

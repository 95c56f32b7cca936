package scenarios

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/physim/physim/scenarios/pcmdata"
)

// tinyPCMConfig is a pcm-data run of a few seconds: 3 bulk states and one
// test profile.
func tinyPCMConfig() *PCMDataConfig {
	c := PCMData{}.DefaultConfig().(*PCMDataConfig)
	c.Densities = []float64{0.3, 0.5, 0.7}
	c.Particles = 700
	c.RDFRange, c.MatchRadius = 4.3, 3
	c.EquilibrationSteps, c.Steps, c.SampleEvery, c.RDFEvery, c.Insertions = 100, 300, 10, 50, 200
	c.Profiles.Potentials, c.Profiles.EquilibrationSteps, c.Profiles.Steps, c.Profiles.SampleEvery = 1, 100, 200, 10
	return c
}

// The pcm-data scenario writes a data set that reads back, with the
// correlations derived and the test profile, identically on a second run.
func TestPCMDataScenario(t *testing.T) {
	c := tinyPCMConfig()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	var sets []*pcmdata.Dataset
	for run := 0; run < 2; run++ {
		dir := t.TempDir()
		env := &Env{Out: dir, Seed: 3, Workers: 1 + run, Progress: func(string, int64) Progress { return nopProgress{} }, Summary: NewSummary("pcm-data", 3, c)}
		if err := (PCMData{}).Run(context.Background(), env, c); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{pcmdata.ArraysFile, pcmdata.ProfilesFile, pcmdata.ProvenanceFile, "pcm-c2.png", "pcm-profiles.png"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("missing output: %v", err)
			}
		}
		d, prov, err := pcmdata.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		if prov.PhysimVersion != Version || len(d.States) != 3 || len(d.Profiles) != 1 || len(d.States[2].C2) != len(d.Z) {
			t.Fatalf("read back %d states, %d profiles, version %q", len(d.States), len(d.Profiles), prov.PhysimVersion)
		}
		sets = append(sets, d)
	}
	if !reflect.DeepEqual(sets[0].States, sets[1].States) || !reflect.DeepEqual(sets[0].Profiles, sets[1].Profiles) {
		t.Error("two runs (1 and 2 workers) gave different data sets")
	}
}

package scenarios

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"codeberg.org/sbinet/npyio/npz"

	"github.com/physim/physim/sim"
)

func smallLorenz() *LorenzConfig {
	c := Lorenz{}.DefaultConfig().(*LorenzConfig)
	c.Conditions, c.TrialsPerCondition, c.Neurons, c.Steps, c.BurnIn = 3, 5, 7, 200, 50
	c.PlotConditions = 10 // more than there are: all 3 are drawn
	return c
}

// A shrunken data set (3 conditions × 5 trials, 7 neurons, 200 ms in 20 ms
// bins) writes both files and both figures, reports the split (every 5th
// trial valid: 3 of 15) and the shapes, and its mean rate and fraction of
// empty bins equal those recounted from train_data and valid_data as read
// back from lorenz.npz by npyio.
func TestLorenzScenario(t *testing.T) {
	dir, sum, err := runInTemp(t, context.Background(), Lorenz{}, smallLorenz(), 4)
	if err != nil {
		t.Fatal(err)
	}
	sum.has(t, "lorenz.h5", "lorenz.npz", "attractor.png", "raster.png")
	if nt, nv := sum.num(t, "train_trials").Mean, sum.num(t, "valid_trials").Mean; nt != 12 || nv != 3 {
		t.Errorf("split %g train / %g valid, want 12 / 3", nt, nv)
	}
	var shapes map[string][]int
	if err := json.Unmarshal(sum.Observables["shapes"], &shapes); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(shapes["train_data"], []int{12, 10, 7}) || !slices.Equal(shapes["valid_data"], []int{3, 10, 7}) || !slices.Equal(shapes["latents"], []int{3, 200, 3}) {
		t.Errorf("shapes %v", shapes)
	}

	f, err := npz.Open(filepath.Join(dir, "lorenz.npz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var spikes, zeros, cells int
	for _, name := range []string{"train_data.npy", "valid_data.npy"} {
		var counts []int32
		if err := f.Read(name, &counts); err != nil {
			t.Fatal(err)
		}
		for _, v := range counts {
			spikes += int(v)
			if v == 0 {
				zeros++
			}
		}
		cells += len(counts)
	}
	rate, zf := sum.num(t, "mean_rate_hz").Mean, sum.num(t, "zero_bin_fraction").Mean
	t.Logf("%d bins read back, %d spikes: mean rate %.4g Hz, %.3g of bins empty", cells, spikes, rate, zf)
	if cells != 15*10*7 || math.Abs(rate-float64(spikes)/(float64(cells)*0.020)) > 1e-9 || zf != float64(zeros)/float64(cells) || spikes == 0 {
		t.Errorf("summary rate %g Hz and empty fraction %g disagree with the %d spikes in %d bins of the file", rate, zf, spikes, cells)
	}
}

// A run cancelled before writing reports the data set's statistics and
// returns an error wrapping sim.ErrInterrupted.
func TestLorenzScenarioInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, sum, err := runInTemp(t, ctx, Lorenz{}, smallLorenz(), 4)
	if !errors.Is(err, sim.ErrInterrupted) {
		t.Fatalf("err = %v, want an interruption", err)
	}
	sum.num(t, "mean_rate_hz")
}

// Zero neuron or trial counts and other bad keys are refused with an
// error naming the key.
func TestLorenzScenarioBadInput(t *testing.T) {
	sc := Lorenz{}
	rejects(t, sc, "neurons", "neurons=0")
	rejects(t, sc, "trials_per_condition", "trials_per_condition=0")
	rejects(t, sc, "conditions", "conditions=0")
	rejects(t, sc, "steps", "steps=0")
	rejects(t, sc, "dt", "dt=0")
	rejects(t, sc, "dt", "dt=-0.006")
	rejects(t, sc, "bin_ms", "bin_ms=7")
	rejects(t, sc, "integrator", "integrator=euler")
	rejects(t, sc, "raster_trials", "raster_trials=0")
	rejects(t, sc, "plot_conditions", "plot_conditions=-1")
}

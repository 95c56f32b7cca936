package scenarios

import (
	"context"
	"fmt"
	"path/filepath"

	"gonum.org/v1/plot"

	"github.com/physim/physim/scenarios/lorenzdata"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
	"github.com/physim/physim/viz"
)

// LorenzConfig configures the lorenz scenario: the LFADS Lorenz recipe
// (keys of lorenzdata.Config) and how much of it to draw.
type LorenzConfig struct {
	lorenzdata.Config
	// PlotConditions is how many conditions' latents the attractor figure
	// draws (at most the number of conditions).
	PlotConditions int `toml:"plot_conditions"`
	// RasterTrials is how many training trials the raster figure shows (at
	// most the number of training trials).
	RasterTrials int `toml:"raster_trials"`
}

// Lorenz generates the LFADS/NDT Lorenz spiking data set (lorenz.h5 and
// lorenz.npz) and reports its firing statistics and shapes.
type Lorenz struct{}

// Name implements Scenario.
func (Lorenz) Name() string { return "lorenz" }

// Describe implements Scenario.
func (Lorenz) Describe() string {
	return "LFADS Lorenz spiking data set (lorenz.h5, lorenz.npz): latents, Poisson spikes, train/valid split"
}

// DefaultConfig implements Scenario: the LFADS/NDT recipe (65 conditions ×
// 24 trials, 29 neurons, 1000 × 1 ms binned to 50 × 20 ms), drawing 4
// conditions and 3 trials.
func (Lorenz) DefaultConfig() Config {
	return &LorenzConfig{Config: *lorenzdata.DefaultConfig(), PlotConditions: 4, RasterTrials: 3}
}

// Validate implements Config.
func (c *LorenzConfig) Validate() error {
	if err := c.Config.Validate(); err != nil {
		return err
	}
	if c.PlotConditions < 1 {
		return configErr("lorenz", "plot_conditions", c.PlotConditions, "need at least 1")
	}
	if c.RasterTrials < 1 {
		return configErr("lorenz", "raster_trials", c.RasterTrials, "need at least 1")
	}
	return nil
}

// Run implements Scenario.
func (Lorenz) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*LorenzConfig)
	bar := env.Progress("lorenz", 4)
	defer bar.Done()
	env.Logf("lorenz: %d conditions × %d trials, %d neurons, %d × 1 ms in %d ms bins", c.Conditions, c.TrialsPerCondition, c.Neurons, c.Steps, c.BinMs)
	d, err := lorenzdata.Generate(&c.Config, env.Seed)
	if err != nil {
		return err
	}
	bar.Add(1)
	observeLorenz(env, d)
	for _, w := range []struct {
		name  string
		write func(string) error
	}{{"lorenz.h5", d.WriteHDF5}, {"lorenz.npz", d.WriteNPZ}} {
		if err := interrupted(ctx, "before writing "+w.name); err != nil {
			return err
		}
		path := filepath.Join(env.Out, w.name)
		if err := w.write(path); err != nil {
			return err
		}
		env.Summary.Output(path)
		bar.Add(1)
	}
	if err := interrupted(ctx, "before drawing the figures"); err != nil {
		return err
	}
	if err := saveAttractor(env, d, min(c.PlotConditions, c.Conditions)); err != nil {
		return err
	}
	if err := saveRaster(env, d, min(c.RasterTrials, len(d.TrainInds))); err != nil {
		return err
	}
	if err := saveLatentTrajectory(env, d); err != nil {
		return err
	}
	bar.Add(1)
	return nil
}

// observeLorenz records the data set's firing statistics and shapes.
func observeLorenz(env *Env, d *lorenzdata.Dataset) {
	c := &d.Config
	var spikes, zeros, cells int64
	for _, data := range [][]int32{d.TrainData, d.ValidData} {
		for _, v := range data {
			spikes += int64(v)
			if v == 0 {
				zeros++
			}
		}
		cells += int64(len(data))
	}
	// Each cell is one neuron in one bin of BinMs milliseconds.
	seconds := float64(cells) * float64(c.BinMs) / 1000
	nt, nv, b, n := len(d.TrainInds), len(d.ValidInds), d.Bins(), c.Neurons
	env.Summary.Observe("mean_rate_hz", float64(spikes)/seconds)
	env.Summary.Observe("zero_bin_fraction", float64(zeros)/float64(cells))
	env.Summary.Observe("train_trials", nt)
	env.Summary.Observe("valid_trials", nv)
	env.Summary.Observe("shapes", map[string][]int{
		"train_data": {nt, b, n}, "valid_data": {nv, b, n},
		"latents": {c.Conditions, c.Steps, 3}, "readout_weights": {n, 3},
	})
	env.Logf("lorenz: %d train / %d valid trials, mean rate %.3g Hz, %.3g of bins empty",
		nt, nv, float64(spikes)/seconds, float64(zeros)/float64(cells))
}

// saveAttractor draws the x–z projection of the first k conditions'
// latents in attractor.png.
func saveAttractor(env *Env, d *lorenzdata.Dataset, k int) error {
	steps := d.Config.Steps
	fig := viz.Figure{Title: "Lorenz latents (x–z projection)", XLabel: "x", YLabel: "z", Width: 14, Height: 12}
	for cond := 0; cond < k; cond++ {
		x, z := make([]float64, steps), make([]float64, steps)
		for t := 0; t < steps; t++ {
			base := (cond*steps + t) * 3
			x[t], z[t] = d.Latents[base], d.Latents[base+2]
		}
		fig.Series = append(fig.Series, viz.Series{Label: fmt.Sprintf("condition %d", cond), X: x, Y: z})
	}
	p, err := fig.Plot()
	if err != nil {
		return err
	}
	p.Legend.Top, p.Legend.Left = false, true // the lower left corner of the butterfly is empty
	return savePlot(env, "attractor.png", p, fig.Width, fig.Height)
}

// saveRaster draws the binned spikes of the first k training trials in
// raster.png, one panel per trial: a dot for every bin with a spike.
func saveRaster(env *Env, d *lorenzdata.Dataset, k int) error {
	c := &d.Config
	b, n := d.Bins(), c.Neurons
	panels := make([][]*plot.Plot, k)
	for tr := 0; tr < k; tr++ {
		var ts, ns []float64
		counts := d.TrainData[tr*b*n : (tr+1)*b*n]
		for bin := 0; bin < b; bin++ {
			for nu := 0; nu < n; nu++ {
				if counts[bin*n+nu] > 0 {
					ts = append(ts, (float64(bin)+0.5)*float64(c.BinMs))
					ns = append(ns, float64(nu))
				}
			}
		}
		fig := viz.Figure{Title: fmt.Sprintf("trial %d (condition %d)", d.TrainInds[tr], d.TrainCondition[tr]),
			XLabel: "t / ms", YLabel: "neuron", Series: []viz.Series{{X: ts, Y: ns, Points: true}}}
		p, err := fig.Plot()
		if err != nil {
			return err
		}
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, float64(c.Steps), -0.5, float64(n)-0.5
		panels[tr] = []*plot.Plot{p}
	}
	return saveGrid(env, "raster.png", panels, 16, 6*float64(k))
}

// saveLatentTrajectory writes latents.pstraj: one particle per condition
// at its Lorenz state (x, y, z), one frame per step, for the viewer's lines
// mode (physim view latents.pstraj --mode lines).
func saveLatentTrajectory(env *Env, d *lorenzdata.Dataset) error {
	nc, ns := d.Config.Conditions, d.Config.Steps
	s := sim.NewState(nc, sim.NewOpenBox(sim.Vec3{}))
	path := filepath.Join(env.Out, "latents.pstraj")
	w, err := trajectory.Create(path, trajectory.HeaderFor(s))
	if err != nil {
		return err
	}
	for t := 0; t < ns; t++ {
		for k := 0; k < nc; k++ {
			base := (k*ns + t) * 3
			s.Pos[k] = sim.Vec3{d.Latents[base], d.Latents[base+1], d.Latents[base+2]}
		}
		s.Step, s.Time = int64(t), float64(t)*d.Config.Dt
		if err := w.Observe(s); err != nil {
			w.Close()
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	env.Summary.Output(path)
	return nil
}

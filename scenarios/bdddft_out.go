package scenarios

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"github.com/physim/physim/internal/arrayio"
	"github.com/physim/physim/internal/atomicfile"
	"github.com/physim/physim/viz"
)

// flat concatenates rows.
func flat(rows [][]float64) []float64 {
	var out []float64
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// potentialOnGrid returns V at the bin centres (NaN-free; +Inf kept).
func (r *comparison) potentialOnGrid() []float64 {
	v := make([]float64, len(r.bd.z))
	if r.v != nil {
		for i, z := range r.bd.z {
			v[i], _ = r.v.VdV(z, 0)
		}
	}
	return v
}

// frameOf returns the frame index of time t.
func (r *comparison) frameOf(t float64) int {
	return min(int(math.Round(t/r.cfg.Frame)), len(r.bd.t)-1)
}

// timeKey formats a snapshot time for observable names: 0.75 → "0.75".
func timeKey(t float64) string { return strconv.FormatFloat(t, 'f', -1, 64) }

// write stores every output and observable.
func (r *comparison) write(env *Env) error {
	c, bd := r.cfg, r.bd
	nf, nb := len(bd.t), len(bd.z)
	out := func(name string) string {
		p := filepath.Join(env.Out, name)
		env.Summary.Output(p)
		return p
	}
	v := r.potentialOnGrid()
	if err := arrayio.WriteNPZ(out("bd_profiles.npz"), []arrayio.Array{
		{Name: "z", Shape: []int{nb}, Data: bd.z},
		{Name: "t", Shape: []int{nf}, Data: bd.t},
		{Name: "rho", Shape: []int{nf, nb}, Data: flat(bd.mean)},
		{Name: "stderr", Shape: []int{nf, nb}, Data: flat(bd.stderr)},
		{Name: "V", Shape: []int{nb}, Data: v},
	}); err != nil {
		return err
	}
	for _, run := range r.runs {
		if err := arrayio.WriteNPZ(out("ddft_"+run.name+".npz"), []arrayio.Array{
			{Name: "z", Shape: []int{nb}, Data: bd.z},
			{Name: "t", Shape: []int{nf}, Data: bd.t},
			{Name: "rho", Shape: []int{nf, nb}, Data: flat(run.rho)},
		}); err != nil {
			return err
		}
	}
	if err := r.writeRMSE(out("rmse.csv")); err != nil {
		return err
	}
	if err := r.writeSnapshots(out("snapshots.csv"), v); err != nil {
		return err
	}
	if err := r.plotProfiles(out("profiles.png")); err != nil {
		return err
	}
	if err := r.plotRMSE(out("rmse.png")); err != nil {
		return err
	}

	// Observables.
	sum := env.Summary
	var floor float64
	for k := range bd.t {
		floor += r.noiseFloor(k)
	}
	sum.Observe("bd_noise_floor", floor/float64(nf))
	sum.Observe("bd_trials", bd.trials)
	sum.Observe("bd_cpu_seconds", bd.cpuSeconds)
	sum.Observe("bd_trial_mode_correlation", bd.modeCorrelation)
	sum.Observe("mass_bd_t0", massOf(bd.mean[0], c.Dz))
	sum.Observe("mass_bd_end", massOf(bd.mean[nf-1], c.Dz))
	for _, run := range r.runs {
		key := strings.ReplaceAll(run.name, "-", "_")
		for _, t := range c.Snapshots {
			sum.Observe(fmt.Sprintf("rmse_%s_t%s", key, timeKey(t)), run.rmse[r.frameOf(t)])
		}
		sum.Observe("ddft_cpu_seconds_"+key, run.cpuSeconds)
		sum.Observe("ddft_steps_"+key, run.stats.Steps)
		sum.Observe("mass_ddft_end_"+key, massOf(run.rho[nf-1], c.Dz))
	}
	for _, t := range c.Snapshots {
		sum.Observe("bd_noise_floor_t"+timeKey(t), r.noiseFloor(r.frameOf(t)))
	}
	return nil
}

// massOf returns ∫ρ dz (particles per σ² of wall area).
func massOf(rho []float64, dz float64) float64 {
	var m float64
	for _, x := range rho {
		m += x
	}
	return m * dz
}

func (r *comparison) writeRMSE(path string) error {
	var b strings.Builder
	b.WriteString("t")
	for _, run := range r.runs {
		b.WriteString(",rmse_" + run.name)
	}
	b.WriteString(",bd_noise_floor\n")
	for k, t := range r.bd.t {
		fmt.Fprintf(&b, "%g", t)
		for _, run := range r.runs {
			fmt.Fprintf(&b, ",%.6g", run.rmse[k])
		}
		fmt.Fprintf(&b, ",%.6g\n", r.noiseFloor(k))
	}
	return atomicfile.WriteFile(path, []byte(b.String()))
}

func (r *comparison) writeSnapshots(path string, v []float64) error {
	var b strings.Builder
	b.WriteString("z,V")
	for _, t := range r.cfg.Snapshots {
		fmt.Fprintf(&b, ",bd_t%[1]s,bd_stderr_t%[1]s", timeKey(t))
		for _, run := range r.runs {
			fmt.Fprintf(&b, ",%s_t%s", run.name, timeKey(t))
		}
	}
	b.WriteString("\n")
	for i, z := range r.bd.z {
		fmt.Fprintf(&b, "%g,%.6g", z, v[i])
		for _, t := range r.cfg.Snapshots {
			k := r.frameOf(t)
			fmt.Fprintf(&b, ",%.6g,%.6g", r.bd.mean[k][i], r.bd.stderr[k][i])
			for _, run := range r.runs {
				fmt.Fprintf(&b, ",%.6g", run.rho[k][i])
			}
		}
		b.WriteString("\n")
	}
	return atomicfile.WriteFile(path, []byte(b.String()))
}

// plotProfiles draws one panel per snapshot time: the BD profile with its
// standard-error band, each functional, and V(z) scaled into the panel
// (its range is given in the legend).
func (r *comparison) plotProfiles(path string) error {
	snaps := r.cfg.Snapshots
	if len(snaps) == 0 {
		return nil
	}
	cols := min(2, len(snaps))
	rows := (len(snaps) + cols - 1) / cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, cols)
	}
	for n, t := range snaps {
		k := r.frameOf(t)
		series := []viz.Series{{Label: fmt.Sprintf("BD (%d trials) ± s.e.", r.bd.trials), X: r.bd.z, Y: r.bd.mean[k], Err: r.bd.stderr[k]}}
		for _, run := range r.runs {
			series = append(series, viz.Series{Label: "DDFT " + run.name, X: r.bd.z, Y: run.rho[k]})
		}
		if sv := scaledPotential(r.v, r.bd.z, r.bd.mean[k]); sv != nil {
			series = append(series, *sv)
		}
		fig := viz.Figure{Title: fmt.Sprintf("t = %g τ", r.bd.t[k]), XLabel: "z / σ", YLabel: "ρ(z) σ³", Series: series}
		p, err := fig.Plot()
		if err != nil {
			return err
		}
		grid[n/cols][n%cols] = p
	}
	return viz.Grid(path, grid, 30, 10*float64(rows))
}

func (r *comparison) plotRMSE(path string) error {
	var series []viz.Series
	for _, run := range r.runs {
		series = append(series, viz.Series{Label: run.name, X: r.bd.t, Y: run.rmse})
	}
	floor := make([]float64, len(r.bd.t))
	for k := range floor {
		floor[k] = r.noiseFloor(k)
	}
	series = append(series, viz.Series{Label: "BD noise floor", X: r.bd.t, Y: floor, Dashed: true})
	fig := viz.Figure{Title: "DDFT against Brownian dynamics", XLabel: "t / τ", YLabel: "RMSE(t) σ³", Series: series, LogY: true}
	return fig.Save(path)
}

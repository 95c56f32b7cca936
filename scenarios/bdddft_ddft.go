package scenarios

import (
	"context"
	"fmt"
	"math"

	"github.com/physim/physim/integrators/ddft"
	"github.com/physim/physim/learned"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/potentials/functional"
)

// comparison holds the BD reference and each functional's DDFT profiles.
type comparison struct {
	cfg  *BDvsDDFTConfig
	bd   *bdResult
	v    potentials.Planar
	runs []ddftRun
}

// ddftRun is one functional's ρ_DDFT(z, t) at the BD frame times.
type ddftRun struct {
	name       string
	rho        [][]float64 // frame × bin
	rmse       []float64   // per frame
	cpuSeconds float64
	stats      ddft.Stats
}

// runDDFT evolves the t = 0 BD profile with the named functional and
// records it at every BD frame time.
func (r *comparison) runDDFT(ctx context.Context, env *Env, name string) error {
	c := r.cfg
	spec, err := c.functionalSpec(name)
	if err != nil {
		return err
	}
	g, err := functional.GridFor(c.Box, c.Dz, true)
	if err != nil {
		return err
	}
	var f functional.Functional
	if name == "neural" {
		f, err = learned.Default(g, c.KT)
	} else {
		f, err = functional.New(g, spec)
	}
	if err != nil {
		return fmt.Errorf("bd-vs-ddft: functional %s: %w", name, err)
	}
	set := ddft.Settings{D: c.KT / c.Gamma, Dt: c.DDFTDt}
	if c.DDFTScheme == "spectral" {
		set.Scheme, set.Adaptive = ddft.Spectral, true
	}
	d, err := ddft.New(ddft.System{Excess: f, V: r.v, KT: c.KT, Static: true}, set)
	if err != nil {
		return fmt.Errorf("bd-vs-ddft: functional %s: %w", name, err)
	}
	rho := append([]float64(nil), r.bd.mean[0]...)
	run := ddftRun{name: name}
	nf := len(r.bd.t)
	bar := env.Progress("DDFT "+name, int64(nf))
	defer bar.Done()
	cpu0 := ProcessCPUSeconds()
	run.stats, err = d.Run(ctx, rho, 0, c.Duration, ddft.Frames{Every: c.Frame, Observe: func(t float64, p []float64) error {
		k := int(math.Round(t / c.Frame))
		if k < nf && len(run.rho) == k {
			run.rho = append(run.rho, append([]float64(nil), p...))
			bar.Add(1)
		}
		return nil
	}})
	if err != nil {
		return fmt.Errorf("bd-vs-ddft: DDFT with %s: %w", name, err)
	}
	run.cpuSeconds = ProcessCPUSeconds() - cpu0
	if len(run.rho) != nf {
		return fmt.Errorf("bd-vs-ddft: DDFT with %s gave %d frames, want %d", name, len(run.rho), nf)
	}
	run.rmse = make([]float64, nf)
	for k := range run.rmse {
		run.rmse[k] = rmse(run.rho[k], r.bd.mean[k], c.EdgeBins)
	}
	r.runs = append(r.runs, run)
	env.Logf("bd-vs-ddft: DDFT %s: %d steps, %.2f CPU s, RMSE(t=%g) = %.4f", name, run.stats.Steps, run.cpuSeconds, r.bd.t[nf-1], run.rmse[nf-1])
	return nil
}

// rmse is sqrt(mean_i (a_i − b_i)²) over the bins left after dropping
// edge bins at each end.
func rmse(a, b []float64, edge int) float64 {
	var s float64
	n := 0
	for i := edge; i < len(a)-edge; i++ {
		d := a[i] - b[i]
		s += d * d
		n++
	}
	return math.Sqrt(s / float64(n))
}

// noiseFloor is the RMS standard error of the BD profile at frame k over
// the same bins: the RMSE an exact theory would show against this BD data.
func (r *comparison) noiseFloor(k int) float64 {
	zero := make([]float64, len(r.bd.stderr[k]))
	return rmse(r.bd.stderr[k], zero, r.cfg.EdgeBins)
}

package ljbench

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
)

// BDSettings configures the benchmark of the BD-versus-DDFT scenario's
// Brownian dynamics: LJ particles in a periodic cube, plain cut, Verlet
// list checked every step. The external potential of the scenario is left
// out; it costs a few ns per particle. Zero fields take the defaults in
// brackets (those of the scenario).
type BDSettings struct {
	// Particles is N [600]; Density ρ in σ⁻³ [0.6].
	Particles int
	Density   float64
	// Cutoff is r_c in σ [4]; Skin the Verlet skin in σ [0.3].
	Cutoff, Skin float64
	// KT is the temperature in ε [2]; Gamma the drag in m/τ [8].
	KT, Gamma float64
	// Dt is the time step in τ [0.001].
	Dt float64
	// Steps are timed after Warmup untimed ones [2000, 200; a negative
	// Warmup for none].
	Steps, Warmup int
	// Reps is the number of repetitions [5].
	Reps int
	// Workers is the worker count of the parallel single trial and the
	// number of trials of the batch [runtime.NumCPU()].
	Workers int
	// Seed selects the noise [1].
	Seed uint64
}

func (b BDSettings) withDefaults() BDSettings {
	def := func(x *float64, v float64) {
		if *x == 0 {
			*x = v
		}
	}
	def(&b.Density, 0.6)
	def(&b.Cutoff, 4)
	def(&b.Skin, 0.3)
	def(&b.KT, 2)
	def(&b.Gamma, 8)
	def(&b.Dt, 0.001)
	for _, p := range []struct {
		x *int
		v int
	}{{&b.Particles, 600}, {&b.Steps, 2000}, {&b.Warmup, 200}, {&b.Reps, 5}, {&b.Workers, runtime.NumCPU()}} {
		if *p.x == 0 {
			*p.x = p.v
		}
	}
	if b.Seed == 0 {
		b.Seed = 1
	}
	b.Warmup = max(b.Warmup, 0)
	return b
}

// BDResult holds the median rates of the BD benchmark in steps per second.
type BDResult struct {
	// Serial is one trial on one worker; Parallel one trial on Workers
	// workers; Batch the summed rate of Workers trials run at once, one
	// worker each.
	Serial, Parallel, Batch float64
	// SerialSample is the median serial run, with its breakdown.
	SerialSample Sample
}

// RunBD runs the BD benchmark and prints its table to w.
func RunBD(ctx context.Context, set BDSettings, w, log io.Writer) (BDResult, error) {
	set = set.withDefaults()
	if set.Particles < 2 || set.Steps < 1 || set.Warmup < 0 || set.Reps < 1 || set.Workers < 1 {
		return BDResult{}, fmt.Errorf("ljbench: BD benchmark needs particles ≥ 2, steps ≥ 1, warm-up ≥ 0, repetitions ≥ 1 and workers ≥ 1")
	}
	var serial, parallel []Sample
	var batch []float64
	for rep := 0; rep < set.Reps; rep++ {
		fmt.Fprintf(log, "ljbench: BD repetition %d/%d\n", rep+1, set.Reps)
		s1, err := set.trial(ctx, 1, set.Seed)
		if err != nil {
			return BDResult{}, err
		}
		sw, err := set.trial(ctx, set.Workers, set.Seed)
		if err != nil {
			return BDResult{}, err
		}
		rate, err := set.batch(ctx)
		if err != nil {
			return BDResult{}, err
		}
		serial, parallel, batch = append(serial, s1), append(parallel, sw), append(batch, rate)
	}
	ms := (&Result{Samples: serial}).Median()
	mp := (&Result{Samples: parallel}).Median()
	r := BDResult{Serial: stepRate(ms), Parallel: stepRate(mp), Batch: median(batch), SerialSample: ms}
	fmt.Fprintf(w, "BD workload: %d LJ particles, ρ = %g, r_c = %gσ, skin %gσ, kT = %g, γ = %g, Brownian dt = %g; %d warm-up + %d timed steps; medians of %d repetitions\n",
		set.Particles, set.Density, set.Cutoff, set.Skin, set.KT, set.Gamma, set.Dt, set.Warmup, set.Steps, set.Reps)
	fmt.Fprintf(w, "machine: %s\n\n", machine())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "run\tworkers\ttrials\tsteps/s per trial\ttotal steps/s\t")
	fmt.Fprintf(tw, "one trial\t1\t1\t%.0f\t%.0f\t\n", r.Serial, r.Serial)
	fmt.Fprintf(tw, "one trial\t%d\t1\t%.0f\t%.0f\t\n", set.Workers, r.Parallel, r.Parallel)
	fmt.Fprintf(tw, "batch\t1 each\t%d\t%.0f\t%.0f\t\n", set.Workers, r.Batch/float64(set.Workers), r.Batch)
	if err := tw.Flush(); err != nil {
		return r, err
	}
	n := float64(set.Particles * ms.Steps)
	ns := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / n }
	_, err := fmt.Fprintf(w, "one trial, 1 worker, ns/particle-step: pair %.1f, neighbour %.1f, integrate %.1f, other %.1f; %d list builds\n",
		ns(ms.Pair), ns(ms.Neighbor), ns(ms.Integrate), ns(ms.Other), ms.Builds)
	return r, err
}

// stepRate returns the steps per second of a sample.
func stepRate(s Sample) float64 { return float64(s.Steps) / s.Wall.Seconds() }

// trial runs and times one trial on workers workers.
func (b BDSettings) trial(ctx context.Context, workers int, seed uint64) (Sample, error) {
	st, err := sim.FCCFill(b.Particles, b.Density)
	if err != nil {
		return Sample{}, err
	}
	pair, err := potentials.NewPair(potentials.LJ{Cutoff: b.Cutoff}, potentials.PairSettings{Skin: b.Skin, Workers: workers})
	if err != nil {
		return Sample{}, err
	}
	force := &timedForce{f: pair}
	integ := &timedIntegrator{Integrator: integrator(Brownian, force, b.Dt, b.KT, b.Gamma, seed, workers)}
	smp, err := timeRun(ctx, integ, force, st, b.Warmup, b.Steps, pair.NeighborStats)
	if err != nil {
		return smp, fmt.Errorf("ljbench: BD trial: %w", err)
	}
	return smp, nil
}

// batch runs Workers independent trials at once, one worker each, and
// returns their summed rate in steps per second.
func (b BDSettings) batch(ctx context.Context) (float64, error) {
	var wg sync.WaitGroup
	errs := make([]error, b.Workers)
	t0 := time.Now()
	for k := range b.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[k] = b.trial(ctx, 1, b.Seed+uint64(k))
		}()
	}
	wg.Wait()
	wall := time.Since(t0)
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return float64(b.Workers*(b.Steps+b.Warmup)) / wall.Seconds(), nil
}

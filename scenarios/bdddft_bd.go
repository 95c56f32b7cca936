package scenarios

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/observe"
	"github.com/physim/physim/sim/rng"
)

// bdResult is ρ_BD(z, t) averaged over trials.
type bdResult struct {
	z, t         []float64
	mean, stderr [][]float64 // frame × bin
	trials       int
	cpuSeconds   float64
	// modeCorrelation is the correlation, between successive trials of a
	// chain, of the initial profiles' longest-wavelength Fourier amplitude;
	// near 0 when the branch spacing exceeds the decorrelation time.
	modeCorrelation float64
}

// chainAcc holds one chain's sums over its trials.
type chainAcc struct {
	sum, sumsq []float64 // frame*bins + bin
	modes      []complex128
	trials     int
	err        error
}

// subSeed derives an independent seed for (purpose, index) from seed.
func subSeed(seed uint64, purpose uint32, index uint64) uint64 {
	w := rng.Key{Seed: seed, Step: index, Particle: purpose, Stream: rng.StreamUser + 10}.Uint32x4()
	return uint64(w[0]) | uint64(w[1])<<32
}

// bdForces returns the forces of a chain (V = 0) and of its trials (V on),
// each with its own neighbour list.
func (c *BDvsDDFTConfig) bdForces(v potentials.Planar) (free, driven sim.Force, err error) {
	var pair sim.Force = sim.Sum{}
	var pair2 sim.Force = sim.Sum{}
	if c.Interactions {
		p1, err := potentials.NewPair(potentials.LJ{Cutoff: c.Cutoff}, potentials.PairSettings{Skin: c.Skin})
		if err != nil {
			return nil, nil, err
		}
		p2, err := potentials.NewPair(potentials.LJ{Cutoff: c.Cutoff}, potentials.PairSettings{Skin: c.Skin})
		if err != nil {
			return nil, nil, err
		}
		pair, pair2 = p1, p2
	}
	if v == nil {
		return pair, pair2, nil
	}
	return pair, sim.Sum{pair2, potentials.External{P: v}}, nil
}

// runBD runs every trial and returns the averaged profiles. Chains run in
// parallel over env.Workers goroutines, in batches of four per worker whose
// sums are merged in chain order and then dropped: the result does not
// depend on the worker count, and memory does not grow with the number of
// chains (each chain's sums take 2 × frames × bins floats).
func runBD(ctx context.Context, env *Env, c *BDvsDDFTConfig, v potentials.Planar) (*bdResult, error) {
	nf, per := c.frames()
	nb := int(math.Round(c.Box / c.Dz))
	accs := make([]*chainAcc, c.Chains)
	trialsOf := func(ch int) int { return (c.Trials - ch + c.Chains - 1) / c.Chains }
	total := int64(0)
	for ch := range accs {
		n := int64(trialsOf(ch))
		total += c.steps(c.Equilibration) + n*int64(nf)*per + (n-1)*c.steps(c.Spacing)
	}
	bar := env.Progress("brownian dynamics", total)
	var mu sync.Mutex
	progress := func(n int64) { mu.Lock(); bar.Add(n); mu.Unlock() }

	cpu0 := ProcessCPUSeconds()
	workers := max(env.Workers, 1)
	sem := make(chan struct{}, workers)
	sum, sumsq := make([]float64, nf*nb), make([]float64, nf*nb)
	for lo := 0; lo < c.Chains; lo += 4 * workers {
		hi := min(lo+4*workers, c.Chains)
		var wg sync.WaitGroup
		for ch := lo; ch < hi; ch++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				a := &chainAcc{sum: make([]float64, nf*nb), sumsq: make([]float64, nf*nb)}
				var watch func(*sim.State) sim.Observer
				if ch == 0 {
					watch = env.watch // --view/--snapshot show chain 0's first trial
				}
				a.err = runChain(ctx, c, v, env.Seed, ch, trialsOf(ch), a, progress, watch)
				accs[ch] = a
			}()
		}
		wg.Wait()
		for ch := lo; ch < hi; ch++ {
			a := accs[ch]
			if a.err != nil {
				bar.Done()
				return nil, fmt.Errorf("bd-vs-ddft: chain %d: %w", ch, a.err)
			}
			for k := range sum {
				sum[k] += a.sum[k]
				sumsq[k] += a.sumsq[k]
			}
			a.sum, a.sumsq = nil, nil // keep only the modes
		}
	}
	bar.Done()
	res := &bdResult{trials: c.Trials, cpuSeconds: ProcessCPUSeconds() - cpu0}
	n := float64(c.Trials)
	res.z, res.t = make([]float64, nb), make([]float64, nf)
	for b := range res.z {
		res.z[b] = (float64(b) + 0.5) * c.Dz
	}
	for f := range res.t {
		res.t[f] = float64(f) * c.Frame
	}
	res.mean, res.stderr = make([][]float64, nf), make([][]float64, nf)
	for f := 0; f < nf; f++ {
		res.mean[f], res.stderr[f] = make([]float64, nb), make([]float64, nb)
		for b := 0; b < nb; b++ {
			m := sum[f*nb+b] / n
			varr := math.Max(sumsq[f*nb+b]/n-m*m, 0) * n / (n - 1)
			res.mean[f][b], res.stderr[f][b] = m, math.Sqrt(varr/n)
		}
	}
	res.modeCorrelation = lagOneCorrelation(accs)
	return res, nil
}

// runChain equilibrates one chain with V = 0 and runs its trials, each
// branched from the chain with its own noise and V switched on at t = 0.
func runChain(ctx context.Context, c *BDvsDDFTConfig, v potentials.Planar, seed uint64, ch, trials int, acc *chainAcc, progress func(int64), watch func(*sim.State) sim.Observer) error {
	nf, per := c.frames()
	nb := int(math.Round(c.Box / c.Dz))
	s, err := sim.FCCFill(c.Particles, float64(c.Particles)/(c.Box*c.Box*c.Box))
	if err != nil {
		return err
	}
	free, driven, err := c.bdForces(v)
	if err != nil {
		return err
	}
	chain := &integrators.Brownian{Force: free, Dt: c.Dt, KT: c.KT, Gamma: c.Gamma, Seed: subSeed(seed, 1, uint64(ch))}
	if err := chain.Init(s); err != nil {
		return err
	}
	advance := func(steps int64) error {
		r := sim.Runner{Integrator: chain}
		if err := r.Run(ctx, s, steps); err != nil {
			return err
		}
		progress(steps)
		return nil
	}
	if err := advance(c.steps(c.Equilibration)); err != nil {
		return err
	}
	prof := observe.DensityProfile{Bins: nb, Binning: observe.CloudInCell}
	rho := make([]float64, nb)
	frame := make([]float64, nb)
	for k := 0; k < trials; k++ {
		if k > 0 {
			if err := advance(c.steps(c.Spacing)); err != nil {
				return err
			}
		}
		trial := ch + k*c.Chains
		b := s.Clone()
		b.Step, b.Time = 0, 0
		integ := &integrators.Brownian{Force: driven, Dt: c.Dt, KT: c.KT, Gamma: c.Gamma, Seed: subSeed(seed, 2, uint64(trial))}
		if err := integ.Init(b); err != nil {
			return err
		}
		var w sim.Observer
		if k == 0 && watch != nil {
			w = watch(b)
		}
		for f := 0; f < nf; f++ {
			if err := interrupted(ctx, fmt.Sprintf("in trial %d at frame %d", trial, f)); err != nil {
				return err
			}
			clear(frame)
			for j := int64(0); j < per; j++ {
				if rho, err = prof.Compute(rho, b); err != nil {
					return err
				}
				for i, r := range rho {
					frame[i] += r
				}
				if err := integ.Step(b); err != nil {
					return err
				}
			}
			row := acc.sum[f*nb : (f+1)*nb]
			row2 := acc.sumsq[f*nb : (f+1)*nb]
			for i := range frame {
				x := frame[i] / float64(per)
				row[i] += x
				row2[i] += x * x
			}
			if f == 0 {
				acc.modes = append(acc.modes, fourierMode(frame, c.Box, c.Dz))
			}
			if w != nil {
				if err := w.Observe(b); err != nil {
					return err
				}
			}
			progress(per)
		}
		acc.trials++
	}
	return nil
}

// fourierMode returns Σ_z ρ(z) e^{−2πiz/L} dz of a profile.
func fourierMode(rho []float64, l, dz float64) complex128 {
	var re, im float64
	for i, r := range rho {
		s, c := math.Sincos(2 * math.Pi * (float64(i) + 0.5) * dz / l)
		re += r * c
		im -= r * s
	}
	return complex(re*dz, im*dz)
}

// lagOneCorrelation is the correlation of successive trials' initial
// Fourier amplitudes within chains (real and imaginary parts pooled).
func lagOneCorrelation(accs []*chainAcc) float64 {
	var xs []float64
	var pairs [][2]float64
	for _, a := range accs {
		for k, m := range a.modes {
			xs = append(xs, real(m), imag(m))
			if k > 0 {
				p := a.modes[k-1]
				pairs = append(pairs, [2]float64{real(p), real(m)}, [2]float64{imag(p), imag(m)})
			}
		}
	}
	if len(pairs) < 2 {
		return math.NaN()
	}
	var mean, v float64
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		v += (x - mean) * (x - mean)
	}
	v /= float64(len(xs))
	var cov float64
	for _, p := range pairs {
		cov += (p[0] - mean) * (p[1] - mean)
	}
	cov /= float64(len(pairs))
	return cov / v
}

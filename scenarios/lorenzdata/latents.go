package lorenzdata

import (
	"fmt"
	"math"

	"github.com/physim/physim/integrators/ode"
	"github.com/physim/physim/potentials/flows"
	"github.com/physim/physim/sim/rng"
)

// Random streams of this package (see sim/rng).
const (
	streamInitial = rng.StreamUser + 20 // initial states, keyed on condition
	streamReadout = rng.StreamUser + 21 // readout weights, keyed on neuron
	streamSpikes  = rng.StreamUser + 22 // spikes, keyed on (sample, trial·⌈neurons/4⌉ + neuron/4)
)

// lorenz returns the vector field of the configuration.
func (c *Config) lorenz() flows.Lorenz {
	return flows.Lorenz{Sigma: c.Sigma, Rho: c.Rho, Beta: c.Beta, LFADSCompat: c.LFADSCompat}
}

// latents integrates every condition and returns the raw trajectories,
// conditions × Steps × 3 (row-major).
func latents(c *Config, seed uint64) ([]float64, error) {
	out := make([]float64, c.Conditions*c.Steps*3)
	burn := max(c.BurnIn-1, 0) // burn-in steps
	f := c.lorenz().Eval
	var dp ode.DormandPrince
	dp.RTol, dp.ATol = c.Tolerance, c.Tolerance
	ts := make([]float64, c.Steps)
	for k := range ts {
		ts[k] = float64(burn+k) * c.Dt
	}
	var fixed ode.Stepper = &ode.Euler{}
	substeps := 1
	if !c.LFADSCompat && c.Integrator == "rk4" {
		fixed, substeps = &ode.RK4{}, c.RK4Substeps
	}
	for cond := 0; cond < c.Conditions; cond++ {
		g := rng.Key{Seed: seed, Particle: uint32(cond), Stream: streamInitial}.Normal3()
		y := []float64{g[0], g[1], g[2] + 25}
		traj := out[cond*c.Steps*3 : (cond+1)*c.Steps*3]
		if !c.LFADSCompat && c.Integrator == "dopri5" {
			err := dp.Solve(f, 0, y, ts, func(k int, _ float64, yk []float64) { copy(traj[3*k:3*k+3], yk) })
			if err != nil {
				return nil, fmt.Errorf("lorenzdata: condition %d: %w", cond, err)
			}
			continue
		}
		h := c.Dt / float64(substeps)
		ode.Integrate(fixed, f, 0, h, burn*substeps, y)
		for k := 0; k < c.Steps; k++ {
			if k > 0 {
				ode.Integrate(fixed, f, 0, h, substeps, y)
			}
			copy(traj[3*k:3*k+3], y)
		}
	}
	for i, v := range out {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("lorenzdata: latent trajectory diverged (sample %d of condition %d); reduce dt", (i/3)%c.Steps, i/(3*c.Steps))
		}
	}
	return out, nil
}

// normalize returns the latents with each condition's and dimension's
// time mean subtracted, divided by the time maximum of the result (as
// generateDemoDatasets.m: the maximum becomes 1, the minimum may be below
// −1).
func normalize(c *Config, raw []float64) ([]float64, error) {
	out := make([]float64, len(raw))
	for cond := 0; cond < c.Conditions; cond++ {
		base := cond * c.Steps * 3
		for d := 0; d < 3; d++ {
			var mean float64
			for k := 0; k < c.Steps; k++ {
				mean += raw[base+3*k+d]
			}
			mean /= float64(c.Steps)
			top := math.Inf(-1)
			for k := 0; k < c.Steps; k++ {
				top = math.Max(top, raw[base+3*k+d]-mean)
			}
			if !(top > 0) {
				return nil, fmt.Errorf("lorenzdata: latent %d of condition %d is constant in time; it cannot be normalised", d, cond)
			}
			for k := 0; k < c.Steps; k++ {
				out[base+3*k+d] = (raw[base+3*k+d] - mean) / top
			}
		}
	}
	return out, nil
}

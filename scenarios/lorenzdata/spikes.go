package lorenzdata

import (
	"math"
	"sort"

	"github.com/physim/physim/sim/rng"
)

// logRateClip bounds the log-rate per 1 ms sample, as the MATLAB generator.
const logRateClip = 20

// readout draws the weights W (neurons × 3, row-major), each entry
// ±U[1, 2] with a random sign, and sorts every column in ascending order
// (MATLAB's sort(W, 1)); the bias is ln(BaselineHz/1000) for every neuron.
func readout(c *Config, seed uint64) (w, b []float64) {
	w = make([]float64, c.Neurons*3)
	for n := 0; n < c.Neurons; n++ {
		u := rng.Key{Seed: seed, Particle: uint32(n), Stream: streamReadout}.Uniform4()
		s := rng.Key{Seed: seed, Step: 1, Particle: uint32(n), Stream: streamReadout}.Uniform4()
		for d := 0; d < 3; d++ {
			w[3*n+d] = math.Copysign(1+u[d], s[d]-0.5)
		}
	}
	col := make([]float64, c.Neurons)
	for d := 0; d < 3; d++ {
		for n := range col {
			col[n] = w[3*n+d]
		}
		sort.Float64s(col)
		for n, v := range col {
			w[3*n+d] = v
		}
	}
	b = make([]float64, c.Neurons)
	for n := range b {
		b[n] = math.Log(c.BaselineHz / 1000)
	}
	return w, b
}

// rates returns the expected spikes per 1 ms sample,
// exp(clip(W x + b, ±20)), conditions × Steps × neurons.
func rates(c *Config, norm, w, b []float64) []float64 {
	r := make([]float64, c.Conditions*c.Steps*c.Neurons)
	for cs := 0; cs < c.Conditions*c.Steps; cs++ {
		x := norm[3*cs : 3*cs+3]
		for n := 0; n < c.Neurons; n++ {
			lr := b[n] + w[3*n]*x[0] + w[3*n+1]*x[1] + w[3*n+2]*x[2]
			r[cs*c.Neurons+n] = math.Exp(math.Max(-logRateClip, math.Min(logRateClip, lr)))
		}
	}
	return r
}

// spikeTrial fills counts (bins × neurons) with one trial of condition
// rates lam (Steps × neurons): a Poisson draw per sample, binarised
// (spike if at least one event, probability 1 − e^{−λ}), summed over BinMs
// samples. trial is the global trial index that keys the draws.
func spikeTrial(c *Config, seed uint64, trial int, lam []float64, counts []int32) {
	clear(counts)
	blocks := (c.Neurons + 3) / 4
	for k := 0; k < c.Steps; k++ {
		row := counts[(k/c.BinMs)*c.Neurons:]
		for blk := 0; blk < blocks; blk++ {
			u := rng.Key{Seed: seed, Step: uint64(k), Particle: uint32(trial*blocks + blk), Stream: streamSpikes}.Uniform4()
			for j := 0; j < 4 && 4*blk+j < c.Neurons; j++ {
				n := 4*blk + j
				if u[j] < -math.Expm1(-lam[k*c.Neurons+n]) {
					row[n]++
				}
			}
		}
	}
}

// binTruth sums the rates of one condition (Steps × neurons) over each bin
// into truth (bins × neurons): the expected Poisson count per bin, as
// seq_to_lfads.m rebins y_true.
func binTruth(c *Config, lam, truth []float64) {
	clear(truth)
	for k := 0; k < c.Steps; k++ {
		row := truth[(k/c.BinMs)*c.Neurons:]
		for n := 0; n < c.Neurons; n++ {
			row[n] += lam[k*c.Neurons+n]
		}
	}
}

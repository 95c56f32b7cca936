package lorenzdata

// Dataset is a generated data set. Arrays are flat and row-major with the
// shapes given; trial index g = condition·TrialsPerCondition + repeat.
type Dataset struct {
	// Config and Seed are the recipe and random seed it was made with.
	Config Config
	Seed   uint64
	// Latents are the raw Lorenz states, conditions × Steps × 3.
	Latents []float64
	// Normalized are the latents after per-condition, per-dimension
	// normalisation (mean 0 and maximum 1 over time), conditions × Steps × 3.
	Normalized []float64
	// Weights (neurons × 3) and Bias (neurons) are the readout: the log-rate
	// per 1 ms sample is clip(W x + b, ±20) for normalised latents x.
	Weights, Bias []float64
	// TrainData and ValidData are spike counts per bin,
	// trials × bins × neurons.
	TrainData, ValidData []int32
	// TrainTruth and ValidTruth are the expected counts per bin (the sum
	// of the Poisson rates over the bin's samples), trials × bins × neurons.
	// The expected count of the binarised data is slightly lower,
	// Σ(1 − e^{−λ}) ≤ Σ λ, as in the original generator.
	TrainTruth, ValidTruth []float64
	// TrainInds and ValidInds are the global (0-based) trial indices of
	// each split; TrainCondition and ValidCondition their conditions.
	TrainInds, ValidInds           []int64
	TrainCondition, ValidCondition []int64
	// ConversionFactor converts truth to counts per bin (1: truth is
	// already in counts per bin); NDT divides truth by it.
	ConversionFactor float64
}

// Bins returns the number of bins per trial.
func (d *Dataset) Bins() int { return d.Config.bins() }

// Generate builds the data set of cfg with random draws keyed on seed.
// Generation is deterministic: the same cfg and seed give identical arrays.
func Generate(cfg *Config, seed uint64) (*Dataset, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := *cfg
	raw, err := latents(&c, seed)
	if err != nil {
		return nil, err
	}
	norm, err := normalize(&c, raw)
	if err != nil {
		return nil, err
	}
	w, b := readout(&c, seed)
	lam := rates(&c, norm, w, b)
	d := &Dataset{Config: c, Seed: seed, Latents: raw, Normalized: norm, Weights: w, Bias: b, ConversionFactor: 1}

	per := c.bins() * c.Neurons
	nv := c.validTrials()
	nt := c.trials() - nv
	d.TrainData, d.ValidData = make([]int32, 0, nt*per), make([]int32, 0, nv*per)
	d.TrainTruth, d.ValidTruth = make([]float64, 0, nt*per), make([]float64, 0, nv*per)
	d.TrainInds, d.ValidInds = make([]int64, 0, nt), make([]int64, 0, nv)
	d.TrainCondition, d.ValidCondition = make([]int64, 0, nt), make([]int64, 0, nv)
	counts, truth := make([]int32, per), make([]float64, per)
	for cond := 0; cond < c.Conditions; cond++ {
		cl := lam[cond*c.Steps*c.Neurons : (cond+1)*c.Steps*c.Neurons]
		binTruth(&c, cl, truth)
		for rep := 0; rep < c.TrialsPerCondition; rep++ {
			g := cond*c.TrialsPerCondition + rep
			spikeTrial(&c, seed, g, cl, counts)
			if g%c.ValidEvery == 0 {
				d.ValidData = append(d.ValidData, counts...)
				d.ValidTruth = append(d.ValidTruth, truth...)
				d.ValidInds = append(d.ValidInds, int64(g))
				d.ValidCondition = append(d.ValidCondition, int64(cond))
			} else {
				d.TrainData = append(d.TrainData, counts...)
				d.TrainTruth = append(d.TrainTruth, truth...)
				d.TrainInds = append(d.TrainInds, int64(g))
				d.TrainCondition = append(d.TrainCondition, int64(cond))
			}
		}
	}
	return d, nil
}

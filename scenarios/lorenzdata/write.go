package lorenzdata

import "github.com/physim/physim/internal/arrayio"

// arrays lists the contents of lorenz.h5 and lorenz.npz:
//
//	train_data, valid_data       int32   trials × bins × neurons  spike counts
//	train_truth, valid_truth     float64 trials × bins × neurons  expected counts per bin
//	train_inds, valid_inds       int64   trials                   0-based trial indices
//	train_condition, valid_condition int64 trials                 condition of each trial
//	conversion_factor            float64 (1,)                     truth / conversion_factor = counts per bin
//	latents                      float64 conditions × steps × 3   raw Lorenz states
//	latents_normalized           float64 conditions × steps × 3   what the readout sees
//	readout_weights              float64 neurons × 3
//	readout_bias                 float64 neurons
//	train_encod_data, train_recon_data, valid_encod_data, valid_recon_data
//	                             int32   copies of the data under the names lfads-torch reads
func (d *Dataset) arrays() []arrayio.Array {
	c := &d.Config
	nt, nv := len(d.TrainInds), len(d.ValidInds)
	b, n := c.bins(), c.Neurons
	return []arrayio.Array{
		{Name: "train_data", Shape: []int{nt, b, n}, Data: d.TrainData},
		{Name: "valid_data", Shape: []int{nv, b, n}, Data: d.ValidData},
		{Name: "train_truth", Shape: []int{nt, b, n}, Data: d.TrainTruth},
		{Name: "valid_truth", Shape: []int{nv, b, n}, Data: d.ValidTruth},
		{Name: "train_inds", Shape: []int{nt}, Data: d.TrainInds},
		{Name: "valid_inds", Shape: []int{nv}, Data: d.ValidInds},
		{Name: "train_condition", Shape: []int{nt}, Data: d.TrainCondition},
		{Name: "valid_condition", Shape: []int{nv}, Data: d.ValidCondition},
		{Name: "conversion_factor", Shape: []int{1}, Data: []float64{d.ConversionFactor}},
		{Name: "latents", Shape: []int{c.Conditions, c.Steps, 3}, Data: d.Latents},
		{Name: "latents_normalized", Shape: []int{c.Conditions, c.Steps, 3}, Data: d.Normalized},
		{Name: "readout_weights", Shape: []int{n, 3}, Data: d.Weights},
		{Name: "readout_bias", Shape: []int{n}, Data: d.Bias},
		{Name: "train_encod_data", Shape: []int{nt, b, n}, Data: d.TrainData},
		{Name: "train_recon_data", Shape: []int{nt, b, n}, Data: d.TrainData},
		{Name: "valid_encod_data", Shape: []int{nv, b, n}, Data: d.ValidData},
		{Name: "valid_recon_data", Shape: []int{nv, b, n}, Data: d.ValidData},
	}
}

// WriteHDF5 writes the arrays as top-level datasets of an HDF5 file at
// path (conventionally lorenz.h5), atomically (see arrayio.WriteHDF5).
func (d *Dataset) WriteHDF5(path string) error { return arrayio.WriteHDF5(path, d.arrays()) }

// WriteNPZ writes the same arrays as a NumPy .npz archive at path
// (conventionally lorenz.npz), atomically.
func (d *Dataset) WriteNPZ(path string) error { return arrayio.WriteNPZ(path, d.arrays()) }

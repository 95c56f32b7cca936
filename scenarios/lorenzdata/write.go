package lorenzdata

import (
	"archive/zip"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/klauspost/compress/flate"
	"github.com/scigolib/hdf5"

	"github.com/physim/physim/internal/atomicfile"
)

// array is one named, row-major array of the output files.
type array struct {
	name  string
	shape []int
	data  any // []int32, []int64 or []float64
}

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
func (d *Dataset) arrays() []array {
	c := &d.Config
	nt, nv := len(d.TrainInds), len(d.ValidInds)
	b, n := c.bins(), c.Neurons
	return []array{
		{"train_data", []int{nt, b, n}, d.TrainData},
		{"valid_data", []int{nv, b, n}, d.ValidData},
		{"train_truth", []int{nt, b, n}, d.TrainTruth},
		{"valid_truth", []int{nv, b, n}, d.ValidTruth},
		{"train_inds", []int{nt}, d.TrainInds},
		{"valid_inds", []int{nv}, d.ValidInds},
		{"train_condition", []int{nt}, d.TrainCondition},
		{"valid_condition", []int{nv}, d.ValidCondition},
		{"conversion_factor", []int{1}, []float64{d.ConversionFactor}},
		{"latents", []int{c.Conditions, c.Steps, 3}, d.Latents},
		{"latents_normalized", []int{c.Conditions, c.Steps, 3}, d.Normalized},
		{"readout_weights", []int{n, 3}, d.Weights},
		{"readout_bias", []int{n}, d.Bias},
		{"train_encod_data", []int{nt, b, n}, d.TrainData},
		{"train_recon_data", []int{nt, b, n}, d.TrainData},
		{"valid_encod_data", []int{nv, b, n}, d.ValidData},
		{"valid_recon_data", []int{nv, b, n}, d.ValidData},
	}
}

// WriteHDF5 writes the arrays as top-level datasets of an HDF5 file at
// path (conventionally lorenz.h5), atomically: a reader never sees a
// partial file. Storage is contiguous and uncompressed (48 MB for the
// default recipe): the gzip and shuffle filters of scigolib/hdf5 v0.14.0
// write files that libhdf5 (h5py) cannot decode.
func (d *Dataset) WriteHDF5(path string) error {
	af, err := atomicfile.Create(path)
	if err != nil {
		return fmt.Errorf("lorenzdata: %w", err)
	}
	if err := d.writeHDF5(af.Name()); err != nil {
		af.Abort()
		return fmt.Errorf("lorenzdata: writing %s: %w", path, err)
	}
	return af.Commit()
}

func (d *Dataset) writeHDF5(tmp string) error {
	fw, err := hdf5.CreateForWrite(tmp, hdf5.CreateTruncate)
	if err != nil {
		return err
	}
	for _, a := range d.arrays() {
		dims := make([]uint64, len(a.shape))
		for i, s := range a.shape {
			dims[i] = uint64(s)
		}
		var dt hdf5.Datatype
		switch a.data.(type) {
		case []int32:
			dt = hdf5.Int32
		case []int64:
			dt = hdf5.Int64
		case []float64:
			dt = hdf5.Float64
		default:
			panic(fmt.Sprintf("lorenzdata: array %s has unsupported type %T", a.name, a.data))
		}
		ds, err := fw.CreateDataset("/"+a.name, dt, dims)
		if err != nil {
			fw.Close()
			return fmt.Errorf("dataset %s: %w", a.name, err)
		}
		if err := ds.Write(a.data); err != nil {
			fw.Close()
			return fmt.Errorf("dataset %s: %w", a.name, err)
		}
	}
	return fw.Close()
}

// WriteNPZ writes the same arrays as a NumPy .npz archive at path
// (conventionally lorenz.npz; deflate-compressed like
// numpy.savez_compressed), atomically.
func (d *Dataset) WriteNPZ(path string) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		for _, a := range d.arrays() {
			ew, err := zw.Create(a.name + ".npy")
			if err != nil {
				return err
			}
			if err := writeNPY(ew, a); err != nil {
				return fmt.Errorf("array %s: %w", a.name, err)
			}
		}
		return zw.Close()
	})
	if err != nil {
		return fmt.Errorf("lorenzdata: writing %s: %w", path, err)
	}
	return nil
}

// writeNPY writes a in the NPY format, version 1.0 (numpy.lib.format): the
// magic string, a little-endian header length, a Python-literal header
// padded with spaces to a multiple of 64 bytes and ended by a newline, then
// the little-endian data in C order. (npyio's writer discovers types by
// reflection on every element, about 1 µs each, which made this file take
// tens of seconds; its reader checks the output in the tests.)
func writeNPY(w io.Writer, a array) error {
	var descr string
	switch a.data.(type) {
	case []int32:
		descr = "<i4"
	case []int64:
		descr = "<i8"
	case []float64:
		descr = "<f8"
	default:
		panic(fmt.Sprintf("lorenzdata: array %s has unsupported type %T", a.name, a.data))
	}
	dims := make([]string, len(a.shape))
	for i, s := range a.shape {
		dims[i] = strconv.Itoa(s)
	}
	shape := "(" + strings.Join(dims, ", ")
	if len(dims) == 1 {
		shape += ","
	}
	shape += ")"
	header := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, shape)
	const preamble = 10 // magic (6) + version (2) + header length (2)
	pad := 64 - (preamble+len(header)+1)%64
	if pad == 64 {
		pad = 0
	}
	header += strings.Repeat(" ", pad) + "\n"
	buf := make([]byte, 0, preamble+len(header))
	buf = append(buf, "\x93NUMPY\x01\x00"...)
	buf = binary.LittleEndian.AppendUint16(buf, uint16(len(header)))
	buf = append(buf, header...)
	if _, err := w.Write(buf); err != nil {
		return err
	}
	return binary.Write(w, binary.LittleEndian, a.data)
}

// Package arrayio writes named numeric arrays as NumPy .npz archives and as
// HDF5 files, the formats Python users load unchanged (numpy.load,
// h5py.File). Files are written atomically.
package arrayio

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

// Array is one named array in row-major (C) order. Data is []int32,
// []int64 or []float64 with len equal to the product of Shape.
type Array struct {
	Name  string
	Shape []int
	Data  any
}

func (a Array) check() {
	n := 1
	for _, s := range a.Shape {
		n *= s
	}
	var l int
	switch d := a.Data.(type) {
	case []int32:
		l = len(d)
	case []int64:
		l = len(d)
	case []float64:
		l = len(d)
	default:
		panic(fmt.Sprintf("arrayio: array %s has unsupported type %T", a.Name, a.Data))
	}
	if l != n {
		panic(fmt.Sprintf("arrayio: array %s has %d elements for shape %v", a.Name, l, a.Shape))
	}
}

// WriteNPZ writes the arrays as a deflate-compressed .npz archive (like
// numpy.savez_compressed) at path, atomically.
func WriteNPZ(path string, arrays []Array) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		for _, a := range arrays {
			a.check()
			ew, err := zw.Create(a.Name + ".npy")
			if err != nil {
				return err
			}
			if err := writeNPY(ew, a); err != nil {
				return fmt.Errorf("array %s: %w", a.Name, err)
			}
		}
		return zw.Close()
	})
	if err != nil {
		return fmt.Errorf("arrayio: writing %s: %w", path, err)
	}
	return nil
}

// writeNPY writes a in the NPY format, version 1.0 (numpy.lib.format): the
// magic string, a little-endian header length, a Python-literal header
// padded with spaces to a multiple of 64 bytes and ended by a newline, then
// the little-endian data in C order. (npyio's writer discovers types by
// reflection on every element, about 1 µs each; its reader checks this
// output in the tests.)
func writeNPY(w io.Writer, a Array) error {
	var descr string
	switch a.Data.(type) {
	case []int32:
		descr = "<i4"
	case []int64:
		descr = "<i8"
	case []float64:
		descr = "<f8"
	}
	dims := make([]string, len(a.Shape))
	for i, s := range a.Shape {
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
	return binary.Write(w, binary.LittleEndian, a.Data)
}

// WriteHDF5 writes the arrays as top-level datasets of an HDF5 file at
// path, atomically. Storage is contiguous and uncompressed: the gzip and
// shuffle filters of scigolib/hdf5 v0.14.0 write files that libhdf5 (h5py)
// cannot decode.
func WriteHDF5(path string, arrays []Array) error {
	af, err := atomicfile.Create(path)
	if err != nil {
		return fmt.Errorf("arrayio: %w", err)
	}
	if err := writeHDF5(af.Name(), arrays); err != nil {
		af.Abort()
		return fmt.Errorf("arrayio: writing %s: %w", path, err)
	}
	return af.Commit()
}

func writeHDF5(tmp string, arrays []Array) error {
	fw, err := hdf5.CreateForWrite(tmp, hdf5.CreateTruncate)
	if err != nil {
		return err
	}
	for _, a := range arrays {
		a.check()
		dims := make([]uint64, len(a.Shape))
		for i, s := range a.Shape {
			dims[i] = uint64(s)
		}
		var dt hdf5.Datatype
		switch a.Data.(type) {
		case []int32:
			dt = hdf5.Int32
		case []int64:
			dt = hdf5.Int64
		case []float64:
			dt = hdf5.Float64
		}
		ds, err := fw.CreateDataset("/"+a.Name, dt, dims)
		if err != nil {
			fw.Close()
			return fmt.Errorf("dataset %s: %w", a.Name, err)
		}
		if err := ds.Write(a.Data); err != nil {
			fw.Close()
			return fmt.Errorf("dataset %s: %w", a.Name, err)
		}
	}
	return fw.Close()
}

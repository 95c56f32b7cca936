package trajectory

import (
	"fmt"
	"iter"
	"strings"

	"github.com/physim/physim/sim"
)

// Reader gives access to the frames of a trajectory in any order.
// Implementations are not safe for concurrent use.
type Reader interface {
	// Header returns what is constant across frames; its slices belong to
	// the reader and must not be modified.
	Header() Header
	// NumFrames returns the number of complete frames.
	NumFrames() int
	// ReadFrame reads frame i (0 ≤ i < NumFrames) into dst, reusing its
	// slices.
	ReadFrame(i int, dst *Frame) error
	// Frame returns frame i in newly allocated memory.
	Frame(i int) (*Frame, error)
	// Close releases the file.
	Close() error
}

// Writer appends frames to a trajectory. A Writer is a sim.Observer.
type Writer interface {
	// Write appends f; its slices must match the header (it panics
	// otherwise).
	Write(f *Frame) error
	// Observe appends the state s as a frame; it panics if s does not
	// have Header.N particles.
	Observe(s *sim.State) error
	// Close finishes the file; the writer must not be used afterwards.
	Close() error
}

var (
	_ Reader = (*NativeReader)(nil)
	_ Reader = (*XYZReader)(nil)
	_ Writer = (*NativeWriter)(nil)
	_ Writer = (*XYZWriter)(nil)
)

type format int

const (
	formatXYZ format = iota
	formatXYZGzip
	formatNative
)

// formatOf picks the format from the file name's extension.
func formatOf(path string) (format, error) {
	p := strings.ToLower(path)
	switch {
	case strings.HasSuffix(p, ".pstraj"):
		return formatNative, nil
	case strings.HasSuffix(p, ".xyz.gz"), strings.HasSuffix(p, ".extxyz.gz"):
		return formatXYZGzip, nil
	case strings.HasSuffix(p, ".xyz"), strings.HasSuffix(p, ".extxyz"):
		return formatXYZ, nil
	}
	return 0, fmt.Errorf("trajectory: unknown extension of %s (want .xyz, .xyz.gz or .pstraj)", path)
}

// Open opens the trajectory at path for reading, choosing the format from
// the extension: ".xyz" or ".extxyz" (extended XYZ), the same with ".gz"
// (gzip-compressed extended XYZ), or ".pstraj" (native).
func Open(path string) (Reader, error) {
	f, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	if f == formatNative {
		return OpenNative(path)
	}
	return OpenXYZ(path)
}

// Create creates the trajectory file path (truncating an existing one) in
// the format its extension names; see Open.
func Create(path string, h Header) (Writer, error) {
	f, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	if f == formatNative {
		return CreateNative(path, h)
	}
	return CreateXYZ(path, h)
}

// All iterates over the frames of r in order, each in newly allocated
// memory. Iteration stops after the first error, which it yields.
func All(r Reader) iter.Seq2[*Frame, error] {
	return func(yield func(*Frame, error) bool) {
		for i := 0; i < r.NumFrames(); i++ {
			f, err := r.Frame(i)
			if !yield(f, err) || err != nil {
				return
			}
		}
	}
}

package trajectory

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// XYZReader reads an extended XYZ file, plain or gzip compressed. Open
// scans the file once to find the frames; a truncated last frame (a killed
// run) is left out. Every frame must have the particle count of the first.
//
// Species map to type indices through the type_names key that XYZWriter
// writes, or else in the order of first appearance in frame 0. The
// per-particle value is the first R:1 property of frame 0 other than the
// standard ones; further properties are skipped. Only orthorhombic
// Lattices are accepted.
//
// Random access into a plain file seeks directly; a gzip file is
// decompressed from the start when a frame before the current position is
// requested, so play gzip files forwards (or use the native format).
type XYZReader struct {
	path    string
	file    *os.File
	gz      *gzip.Reader // nil for plain text
	br      *bufio.Reader
	pos     int64   // uncompressed offset of the next byte of br
	offsets []int64 // uncompressed offset of each complete frame
	h       Header
	typeOf  map[string]int32
	line    []byte
	fields  [][]byte
}

// OpenXYZ opens the extended XYZ file path (gzip compressed if its name ends
// in ".gz") and indexes its frames.
func OpenXYZ(path string) (*XYZReader, error) {
	f, err := formatOf(path)
	if err != nil || f == formatNative {
		return nil, fmt.Errorf("trajectory: %s is not an .xyz or .xyz.gz file name", path)
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	r := &XYZReader{path: path, file: file}
	if f == formatXYZGzip {
		if r.gz, err = gzip.NewReader(file); err != nil {
			file.Close()
			return nil, fmt.Errorf("trajectory: %s: %w", path, err)
		}
		r.br = bufio.NewReaderSize(r.gz, 1<<16)
	} else {
		r.br = bufio.NewReaderSize(file, 1<<16)
	}
	if err := r.scan(); err != nil {
		file.Close()
		return nil, err
	}
	if err := r.readHeader(); err != nil {
		file.Close()
		return nil, err
	}
	return r, nil
}

// Header returns the layout found in frame 0.
func (r *XYZReader) Header() Header { return r.h }

// NumFrames returns the number of complete frames.
func (r *XYZReader) NumFrames() int { return len(r.offsets) }

// Frame returns frame i in newly allocated memory.
func (r *XYZReader) Frame(i int) (*Frame, error) {
	f := new(Frame)
	return f, r.ReadFrame(i, f)
}

// ReadFrame reads frame i into dst, reusing its slices.
func (r *XYZReader) ReadFrame(i int, dst *Frame) error {
	if i < 0 || i >= len(r.offsets) {
		return fmt.Errorf("trajectory: frame %d out of range [0, %d) in %s", i, len(r.offsets), r.path)
	}
	if err := r.seek(r.offsets[i]); err != nil {
		return err
	}
	return r.parseFrame(i, dst)
}

// Close closes the file.
func (r *XYZReader) Close() error { return r.file.Close() }

// scan records the offset of every complete frame.
func (r *XYZReader) scan() error {
	n := -1
	for k := 0; ; k++ {
		start := r.pos
		line, err := r.readLine()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.scanError(err)
		}
		m, err := strconv.Atoi(strings.TrimSpace(string(line)))
		if err != nil || m < 0 {
			return fmt.Errorf("trajectory: %s frame %d: first line %q is not a particle count", r.path, k, line)
		}
		if n >= 0 && m != n {
			return fmt.Errorf("trajectory: %s frame %d has %d particles, frame 0 has %d", r.path, k, m, n)
		}
		n = m
		for j := 0; j <= n; j++ {
			if _, err := r.readLine(); err != nil {
				if err == io.EOF {
					return nil // truncated last frame
				}
				return r.scanError(err)
			}
		}
		r.offsets = append(r.offsets, start)
	}
}

// scanError treats a gzip stream cut short as the end of the file and
// reports any other read error.
func (r *XYZReader) scanError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return nil
	}
	return fmt.Errorf("trajectory: reading %s: %w", r.path, err)
}

// readLine returns the next line without its line ending; the slice is
// valid until the next call. A last line without a newline is returned
// too; io.EOF follows it.
func (r *XYZReader) readLine() ([]byte, error) {
	r.line = r.line[:0]
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.pos += int64(len(chunk))
		if err == nil && len(r.line) == 0 {
			return trimEOL(chunk), nil // common case: no copy
		}
		r.line = append(r.line, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(r.line) > 0:
			return trimEOL(r.line), nil
		case err != nil:
			return nil, err
		}
		return trimEOL(r.line), nil
	}
}

func trimEOL(b []byte) []byte {
	b = b[:len(b)-btoi(len(b) > 0 && b[len(b)-1] == '\n')]
	return b[:len(b)-btoi(len(b) > 0 && b[len(b)-1] == '\r')]
}

// seek positions the reader at uncompressed offset off.
func (r *XYZReader) seek(off int64) error {
	if r.gz == nil {
		if _, err := r.file.Seek(off, io.SeekStart); err != nil {
			return fmt.Errorf("trajectory: %s: %w", r.path, err)
		}
		r.br.Reset(r.file)
		r.pos = off
		return nil
	}
	if off < r.pos {
		if _, err := r.file.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("trajectory: %s: %w", r.path, err)
		}
		if err := r.gz.Reset(r.file); err != nil {
			return fmt.Errorf("trajectory: %s: %w", r.path, err)
		}
		r.br.Reset(r.gz)
		r.pos = 0
	}
	n, err := r.br.Discard(int(off - r.pos))
	r.pos += int64(n)
	if err != nil {
		return fmt.Errorf("trajectory: %s: %w", r.path, err)
	}
	return nil
}

// readHeader derives the header from frame 0.
func (r *XYZReader) readHeader() error {
	r.typeOf = map[string]int32{}
	if len(r.offsets) == 0 {
		return nil
	}
	if err := r.seek(0); err != nil {
		return err
	}
	if _, err := r.readLine(); err != nil {
		return fmt.Errorf("trajectory: %s: %w", r.path, err)
	}
	line, err := r.readLine()
	if err != nil {
		return fmt.Errorf("trajectory: %s: %w", r.path, err)
	}
	kv, err := parseKeyValues(line)
	if err != nil {
		return fmt.Errorf("trajectory: %s frame 0: %w", r.path, err)
	}
	cols, err := parseProperties(kv["properties"], "")
	if err != nil {
		return fmt.Errorf("trajectory: %s frame 0: %w", r.path, err)
	}
	r.h.Velocities = cols.velo >= 0
	r.h.ValueName = cols.valueName
	if names, ok := kv["type_names"]; ok {
		r.h.TypeNames = strings.Fields(names)
		for t, name := range r.h.TypeNames {
			r.typeOf[name] = int32(t)
		}
	}
	// Frame 0 assigns indices to species missing from type_names.
	var f Frame
	if err := r.seek(0); err != nil {
		return err
	}
	if err := r.parseFrame(0, &f); err != nil {
		return err
	}
	r.h.N = len(f.Pos)
	r.h.Types = f.Types
	return nil
}

// parseFrame parses the frame at the current position into dst.
func (r *XYZReader) parseFrame(k int, dst *Frame) error {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("trajectory: %s frame %d: %s", r.path, k, fmt.Sprintf(format, a...))
	}
	line, err := r.readLine()
	if err != nil {
		return fail("%v", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(line)))
	if err != nil || n < 0 {
		return fail("first line %q is not a particle count", line)
	}
	if line, err = r.readLine(); err != nil {
		return fail("%v", err)
	}
	kv, err := parseKeyValues(line)
	if err != nil {
		return fail("%v", err)
	}
	if err := parseBox(kv, dst); err != nil {
		return fail("%v", err)
	}
	cols, err := parseProperties(kv["properties"], r.h.ValueName)
	if err != nil {
		return fail("%v", err)
	}
	if (cols.velo >= 0) != r.h.Velocities || (cols.value >= 0) != (r.h.ValueName != "") {
		return fail("Properties %q differ from those of frame 0", kv["properties"])
	}
	dst.Types = resize(dst.Types, n)
	dst.Pos = resize(dst.Pos, n)
	dst.Vel = dst.Vel[:0]
	if cols.velo >= 0 {
		dst.Vel = resize(dst.Vel, n)
	}
	dst.Value = dst.Value[:0]
	if cols.value >= 0 {
		dst.Value = resize(dst.Value, n)
	}
	for i := 0; i < n; i++ {
		if line, err = r.readLine(); err != nil {
			return fail("particle %d: %v", i, err)
		}
		r.fields = splitFields(r.fields[:0], line)
		if len(r.fields) != cols.total {
			return fail("particle %d has %d fields, Properties declare %d", i, len(r.fields), cols.total)
		}
		species := r.fields[cols.species]
		t, ok := r.typeOf[string(species)]
		if !ok {
			if k != 0 {
				return fail("particle %d has species %q, absent from frame 0", i, species)
			}
			t = int32(len(r.typeOf))
			r.typeOf[string(species)] = t
			r.h.TypeNames = append(r.h.TypeNames, string(species))
		}
		dst.Types[i] = t
		if err := parseFloats32(dst.Pos[i][:], r.fields[cols.pos:]); err != nil {
			return fail("particle %d position: %v", i, err)
		}
		if cols.velo >= 0 {
			if err := parseFloats32(dst.Vel[i][:], r.fields[cols.velo:]); err != nil {
				return fail("particle %d velocity: %v", i, err)
			}
		}
		if cols.value >= 0 {
			if err := parseFloats32(dst.Value[i:i+1], r.fields[cols.value:]); err != nil {
				return fail("particle %d %s: %v", i, r.h.ValueName, err)
			}
		}
	}
	return nil
}

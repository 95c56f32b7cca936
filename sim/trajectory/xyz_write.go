package trajectory

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/klauspost/compress/gzip"

	"github.com/physim/physim/sim"
)

// XYZWriter appends frames to an extended XYZ file, plain or gzip
// compressed. Every frame is written (and, for gzip, flushed) whole, so a
// killed run leaves all frames written before the last one readable.
type XYZWriter struct {
	h       Header
	path    string
	file    *os.File
	gz      *gzip.Writer // nil for plain text
	w       io.Writer
	buf     []byte
	names   []string // names of types 0 … max(h.Types)
	scratch Frame
	err     error // sticky: the first write error
}

// CreateXYZ creates the extended XYZ file path; a name ending in ".gz" is
// gzip compressed.
func CreateXYZ(path string, h Header) (*XYZWriter, error) {
	if err := h.check(); err != nil {
		return nil, err
	}
	f, err := formatOf(path)
	if err != nil || f == formatNative {
		return nil, fmt.Errorf("trajectory: %s is not an .xyz or .xyz.gz file name", path)
	}
	file, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	x := &XYZWriter{h: h, path: path, file: file, w: file, names: typeNames(&h)}
	if f == formatXYZGzip {
		x.gz = gzip.NewWriter(file)
		x.w = x.gz
	}
	return x, nil
}

// Observe appends the state s as a frame (see Header for what it stores).
// It panics if s does not have Header.N particles.
func (x *XYZWriter) Observe(s *sim.State) error {
	if err := x.h.FillFrame(&x.scratch, s); err != nil {
		return err
	}
	return x.Write(&x.scratch)
}

// Write appends f. It panics if f does not match the header.
func (x *XYZWriter) Write(f *Frame) error {
	checkFrame(&x.h, f)
	if x.err != nil {
		return x.err
	}
	x.buf = appendXYZFrame(x.buf[:0], &x.h, x.names, f)
	if _, err := x.w.Write(x.buf); err != nil {
		x.err = fmt.Errorf("trajectory: writing %s: %w", x.path, err)
		return x.err
	}
	if x.gz != nil {
		if err := x.gz.Flush(); err != nil {
			x.err = fmt.Errorf("trajectory: writing %s: %w", x.path, err)
			return x.err
		}
	}
	return nil
}

// Close finishes the compressed stream, syncs and closes the file.
func (x *XYZWriter) Close() error {
	err := x.err
	if x.gz != nil {
		if e := x.gz.Close(); e != nil && err == nil {
			err = fmt.Errorf("trajectory: closing %s: %w", x.path, e)
		}
	}
	if e := x.file.Sync(); e != nil && err == nil {
		err = fmt.Errorf("trajectory: syncing %s: %w", x.path, e)
	}
	if e := x.file.Close(); e != nil && err == nil {
		err = fmt.Errorf("trajectory: closing %s: %w", x.path, e)
	}
	return err
}

// appendXYZFrame appends the text of one extended XYZ frame to b.
func appendXYZFrame(b []byte, h *Header, names []string, f *Frame) []byte {
	b = strconv.AppendInt(b, int64(h.N), 10)
	b = append(b, '\n')
	b = appendCommentLine(b, h, names, f)
	b = append(b, '\n')
	for i := 0; i < h.N; i++ {
		b = append(b, names[h.Type(i)]...)
		b = appendFloats32(b, f.Pos[i][:])
		if h.Velocities {
			b = appendFloats32(b, f.Vel[i][:])
		}
		if h.ValueName != "" {
			b = appendFloats32(b, f.Value[i:i+1])
		}
		b = append(b, '\n')
	}
	return b
}

// appendCommentLine appends the extended XYZ key=value line: Lattice (when
// every edge is positive), Properties, pbc, Time, Step and type_names
// (the names of all types, so that readers recover the type indices).
func appendCommentLine(b []byte, h *Header, names []string, f *Frame) []byte {
	L := f.Box.L
	if L[0] > 0 && L[1] > 0 && L[2] > 0 {
		b = fmt.Appendf(b, `Lattice="%s 0 0 0 %s 0 0 0 %s" `, fmtFloat(L[0]), fmtFloat(L[1]), fmtFloat(L[2]))
	}
	b = append(b, "Properties=species:S:1:pos:R:3"...)
	if h.Velocities {
		b = append(b, ":velo:R:3"...)
	}
	if h.ValueName != "" {
		b = append(b, ':')
		b = append(b, h.ValueName...)
		b = append(b, ":R:1"...)
	}
	b = append(b, ` pbc="`...)
	for k, p := range f.Box.Periodic {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, "FT"[btoi(p)])
	}
	b = fmt.Appendf(b, `" Time=%s Step=%d`, fmtFloat(f.Time), f.Step)
	if len(names) > 0 {
		b = append(b, ` type_names="`...)
		for t, name := range names {
			if t > 0 {
				b = append(b, ' ')
			}
			b = append(b, name...)
		}
		b = append(b, '"')
	}
	return b
}

// typeNames returns the names of types 0 … max(h.Types); it is empty when
// h has no particles.
func typeNames(h *Header) []string {
	if h.N == 0 {
		return nil
	}
	maxType := int32(0)
	for i := 0; i < h.N; i++ {
		maxType = max(maxType, h.Type(i))
	}
	names := make([]string, maxType+1)
	for t := range names {
		names[t] = h.TypeName(int32(t))
	}
	return names
}

func appendFloats32(b []byte, v []float32) []byte {
	for _, x := range v {
		b = append(b, ' ')
		b = strconv.AppendFloat(b, float64(x), 'g', -1, 32)
	}
	return b
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

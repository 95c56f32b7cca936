package trajectory

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
)

// The native format (".pstraj"), all integers little-endian:
//
//	file   = prefix header-block record* [index-record footer]
//	prefix = magic "physimTR" | version u32 | header-block length u32 | CRC-32C of header-block u32
//	header-block (zstd) = flags u32 | N u64 | value name | type-name count uvarint | type names | types i32×N (if flagTypes)
//	        (strings are a uvarint length and the bytes)
//	record = tag [4]byte ("FRAM" or "INDX") | payload length u32 | CRC-32C of payload u32 | payload
//	frame payload (zstd) = step i64 | time f64 | box edges 3×f64 | periodic bits u8 | float32 data
//	index payload = frame count u64 | record offsets u64×count
//	footer = offset of the index record u64 | "PSTRJEND"
//
// The float32 data are x[N] y[N] z[N], then vx vy vz, then the value, each
// present as the flags say, stored byte-shuffled (all first bytes, then all
// second bytes, ...), which lets zstd compress the slowly varying exponent
// bytes well.
const (
	fileMagic     = "physimTR"
	footerMagic   = "PSTRJEND"
	formatVersion = 1
	prefixSize    = 20
	recordHead    = 12
	footerSize    = 16
	frameFixed    = 8 + 8 + 24 + 1
)

var (
	tagFrame   = [4]byte{'F', 'R', 'A', 'M'}
	tagIndex   = [4]byte{'I', 'N', 'D', 'X'}
	castagnoli = crc32.MakeTable(crc32.Castagnoli)
)

const (
	flagVelocities = 1 << iota
	flagValue
	flagUnwrapped
	flagTypes
)

// floatsPerParticle returns the number of float32 numbers stored per
// particle in a frame of h.
func floatsPerParticle(h *Header) int {
	n := 3
	if h.Velocities {
		n += 3
	}
	if h.ValueName != "" {
		n++
	}
	return n
}

// framePayloadSize returns the uncompressed size of a frame of h.
func framePayloadSize(h *Header) int { return frameFixed + 4*h.N*floatsPerParticle(h) }

func encodeHeader(h *Header) []byte {
	var flags uint32
	if h.Velocities {
		flags |= flagVelocities
	}
	if h.ValueName != "" {
		flags |= flagValue
	}
	if h.Unwrapped {
		flags |= flagUnwrapped
	}
	if h.Types != nil {
		flags |= flagTypes
	}
	b := binary.LittleEndian.AppendUint32(nil, flags)
	b = binary.LittleEndian.AppendUint64(b, uint64(h.N))
	b = appendString(b, h.ValueName)
	b = binary.AppendUvarint(b, uint64(len(h.TypeNames)))
	for _, name := range h.TypeNames {
		b = appendString(b, name)
	}
	for _, t := range h.Types {
		b = binary.LittleEndian.AppendUint32(b, uint32(t))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errShort reports a header block that ends early.
var errShort = errors.New("header block ends early")

func decodeHeader(b []byte) (Header, error) {
	var h Header
	if len(b) < 12 {
		return h, errShort
	}
	flags := binary.LittleEndian.Uint32(b)
	n := binary.LittleEndian.Uint64(b[4:])
	b = b[12:]
	if n > math.MaxInt32 {
		return h, fmt.Errorf("header declares %d particles", n)
	}
	h.N = int(n)
	h.Velocities = flags&flagVelocities != 0
	h.Unwrapped = flags&flagUnwrapped != 0
	var err error
	if h.ValueName, b, err = readString(b); err != nil {
		return h, err
	}
	if (h.ValueName != "") != (flags&flagValue != 0) {
		return h, errors.New("header value flag disagrees with the value name")
	}
	count, k := binary.Uvarint(b)
	if k <= 0 || count > uint64(len(b)) {
		return h, errShort
	}
	b = b[k:]
	for range count {
		var name string
		if name, b, err = readString(b); err != nil {
			return h, err
		}
		h.TypeNames = append(h.TypeNames, name)
	}
	if flags&flagTypes != 0 {
		if len(b) != 4*h.N {
			return h, fmt.Errorf("header holds %d bytes of types for %d particles", len(b), h.N)
		}
		h.Types = make([]int32, h.N)
		for i := range h.Types {
			h.Types[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
		}
	} else if len(b) != 0 {
		return h, fmt.Errorf("header has %d trailing bytes", len(b))
	}
	return h, h.check()
}

func readString(b []byte) (string, []byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return "", nil, errShort
	}
	return string(b[k : k+int(n)]), b[k+int(n):], nil
}

// encodeFrame appends the uncompressed payload of f to b.
func encodeFrame(b []byte, h *Header, f *Frame) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(f.Step))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.Time))
	var periodic byte
	for k := 0; k < 3; k++ {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.Box.L[k]))
		if f.Box.Periodic[k] {
			periodic |= 1 << k
		}
	}
	b = append(b, periodic)
	m := h.N * floatsPerParticle(h)
	start := len(b)
	b = slices.Grow(b, 4*m)[:start+4*m]
	data := b[start:]
	e := 0
	put := func(x float32) {
		u := math.Float32bits(x)
		data[e], data[m+e], data[2*m+e], data[3*m+e] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
		e++
	}
	for k := 0; k < 3; k++ {
		for i := range f.Pos {
			put(f.Pos[i][k])
		}
	}
	if h.Velocities {
		for k := 0; k < 3; k++ {
			for i := range f.Vel {
				put(f.Vel[i][k])
			}
		}
	}
	if h.ValueName != "" {
		for _, v := range f.Value {
			put(v)
		}
	}
	return b
}

// decodeFrame fills dst from an uncompressed payload of the size
// framePayloadSize(h).
func decodeFrame(dst *Frame, h *Header, b []byte) {
	dst.Step = int64(binary.LittleEndian.Uint64(b))
	dst.Time = math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))
	for k := 0; k < 3; k++ {
		dst.Box.L[k] = math.Float64frombits(binary.LittleEndian.Uint64(b[16+8*k:]))
		dst.Box.Periodic[k] = b[40]&(1<<k) != 0
	}
	data := b[frameFixed:]
	m := len(data) / 4
	e := 0
	get := func() float32 {
		u := uint32(data[e]) | uint32(data[m+e])<<8 | uint32(data[2*m+e])<<16 | uint32(data[3*m+e])<<24
		e++
		return math.Float32frombits(u)
	}
	dst.Types = resize(dst.Types, h.N)
	for i := range dst.Types {
		dst.Types[i] = h.Type(i)
	}
	dst.Pos = resize(dst.Pos, h.N)
	for k := 0; k < 3; k++ {
		for i := range dst.Pos {
			dst.Pos[i][k] = get()
		}
	}
	dst.Vel = dst.Vel[:0]
	if h.Velocities {
		dst.Vel = resize(dst.Vel, h.N)
		for k := 0; k < 3; k++ {
			for i := range dst.Vel {
				dst.Vel[i][k] = get()
			}
		}
	}
	dst.Value = dst.Value[:0]
	if h.ValueName != "" {
		dst.Value = resize(dst.Value, h.N)
		for i := range dst.Value {
			dst.Value[i] = get()
		}
	}
}

// putRecordHead writes the tag, payload length and payload checksum into
// the first recordHead bytes of rec, whose payload follows them.
func putRecordHead(rec []byte, tag [4]byte) {
	copy(rec, tag[:])
	payload := rec[recordHead:]
	binary.LittleEndian.PutUint32(rec[4:], uint32(len(payload)))
	binary.LittleEndian.PutUint32(rec[8:], crc32.Checksum(payload, castagnoli))
}

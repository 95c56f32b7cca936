package trajectory

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"

	"github.com/klauspost/compress/zstd"
)

// NativeReader reads a native trajectory file with random access to its
// frames. It is not safe for concurrent use.
type NativeReader struct {
	path      string
	src       io.ReaderAt
	closer    io.Closer // nil when src needs no closing
	dec       *zstd.Decoder
	h         Header
	offsets   []int64 // offset of each frame record
	end       int64   // end of the last frame record
	recovered bool
	rec, raw  []byte
}

// OpenNative opens the native trajectory file path. It reads the index at
// the end of the file; when the index is missing or damaged (a run killed
// before Close), it recovers the frames by scanning the file, keeping every
// complete frame and dropping a truncated last one. A complete frame with a
// bad checksum met while scanning is an error.
func OpenNative(path string) (*NativeReader, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	return newNativeReader(path, file, info.Size(), file)
}

// newNativeReader reads the native trajectory held in the first size bytes
// of src, named path in messages; closer (if not nil) is closed by Close or
// on error.
func newNativeReader(path string, src io.ReaderAt, size int64, closer io.Closer) (*NativeReader, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		if closer != nil {
			closer.Close()
		}
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	r := &NativeReader{path: path, src: src, closer: closer, dec: dec}
	if err := r.open(size); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

func (r *NativeReader) open(size int64) error {
	var prefix [prefixSize]byte
	if _, err := r.src.ReadAt(prefix[:], 0); err != nil || string(prefix[:8]) != fileMagic {
		return fmt.Errorf("trajectory: %s is not a native trajectory (no %q magic)", r.path, fileMagic)
	}
	if v := binary.LittleEndian.Uint32(prefix[8:]); v != formatVersion {
		return fmt.Errorf("trajectory: %s has format version %d, this build reads %d", r.path, v, formatVersion)
	}
	hlen := int64(binary.LittleEndian.Uint32(prefix[12:]))
	if prefixSize+hlen > size {
		return fmt.Errorf("trajectory: %s is truncated inside its header", r.path)
	}
	block := make([]byte, hlen)
	if _, err := r.src.ReadAt(block, prefixSize); err != nil {
		return fmt.Errorf("trajectory: reading %s: %w", r.path, err)
	}
	if crc32.Checksum(block, castagnoli) != binary.LittleEndian.Uint32(prefix[16:]) {
		return fmt.Errorf("trajectory: header checksum mismatch in %s", r.path)
	}
	raw, err := r.dec.DecodeAll(block, nil)
	if err != nil {
		return fmt.Errorf("trajectory: %s header: %w", r.path, err)
	}
	if r.h, err = decodeHeader(raw); err != nil {
		return fmt.Errorf("trajectory: %s header: %w", r.path, err)
	}
	start := prefixSize + hlen
	if r.readIndex(start, size) {
		return nil
	}
	r.recovered = true
	return r.scan(start, size)
}

// readIndex loads the index through the footer and reports whether both
// are present and consistent.
func (r *NativeReader) readIndex(start, size int64) bool {
	if size < start+recordHead+8+footerSize {
		return false
	}
	var foot [footerSize]byte
	if _, err := r.src.ReadAt(foot[:], size-footerSize); err != nil || string(foot[8:]) != footerMagic {
		return false
	}
	at := int64(binary.LittleEndian.Uint64(foot[:]))
	if at < start || at > size-footerSize-recordHead-8 {
		return false
	}
	rec := make([]byte, size-footerSize-at)
	if _, err := r.src.ReadAt(rec, at); err != nil || !recordOK(rec, tagIndex) {
		return false
	}
	count := binary.LittleEndian.Uint64(rec[recordHead:])
	if n := len(rec) - recordHead - 8; n%8 != 0 || count != uint64(n/8) {
		return false
	}
	offsets := make([]int64, count)
	prev := start - recordHead
	for i := range offsets {
		offsets[i] = int64(binary.LittleEndian.Uint64(rec[recordHead+8+8*i:]))
		if offsets[i] < prev+recordHead || offsets[i] > at-recordHead {
			return false
		}
		prev = offsets[i]
	}
	if count > 0 && offsets[0] != start {
		return false
	}
	r.offsets, r.end = offsets, at
	return true
}

// recordOK reports whether rec is a whole record with the given tag, the
// length it declares and a matching checksum.
func recordOK(rec []byte, tag [4]byte) bool {
	return len(rec) >= recordHead && [4]byte(rec[:4]) == tag &&
		int64(binary.LittleEndian.Uint32(rec[4:])) == int64(len(rec)-recordHead) &&
		crc32.Checksum(rec[recordHead:], castagnoli) == binary.LittleEndian.Uint32(rec[8:])
}

// scan finds the frame records one after another from start, stopping at
// the end of the file, at a truncated record or at an index record.
func (r *NativeReader) scan(start, size int64) error {
	var head [recordHead]byte
	at := start
	for {
		r.end = at
		if size-at < recordHead {
			return nil // end of file, or a truncated record head
		}
		if _, err := r.src.ReadAt(head[:], at); err != nil {
			return fmt.Errorf("trajectory: reading %s: %w", r.path, err)
		}
		tag := [4]byte(head[:4])
		if tag == tagIndex {
			return nil
		}
		k := len(r.offsets)
		if tag != tagFrame {
			return fmt.Errorf("trajectory: frame %d has no frame marker (offset %d) in %s; the file is corrupt", k, at, r.path)
		}
		n := int64(binary.LittleEndian.Uint32(head[4:]))
		if at+recordHead+n > size {
			return nil // truncated last frame
		}
		r.rec = resize(r.rec, int(recordHead+n))
		if _, err := r.src.ReadAt(r.rec, at); err != nil {
			return fmt.Errorf("trajectory: reading %s: %w", r.path, err)
		}
		if !recordOK(r.rec, tagFrame) {
			return fmt.Errorf("trajectory: frame %d checksum mismatch in %s", k, r.path)
		}
		r.offsets = append(r.offsets, at)
		at += recordHead + n
	}
}

// Header returns the file's header.
func (r *NativeReader) Header() Header { return r.h }

// NumFrames returns the number of complete frames.
func (r *NativeReader) NumFrames() int { return len(r.offsets) }

// Recovered reports whether the index was missing or damaged, so that the
// frames were found by scanning the file.
func (r *NativeReader) Recovered() bool { return r.recovered }

// Frame returns frame i in newly allocated memory.
func (r *NativeReader) Frame(i int) (*Frame, error) {
	f := new(Frame)
	return f, r.ReadFrame(i, f)
}

// ReadFrame reads frame i into dst, reusing its slices.
func (r *NativeReader) ReadFrame(i int, dst *Frame) error {
	if i < 0 || i >= len(r.offsets) {
		return fmt.Errorf("trajectory: frame %d out of range [0, %d) in %s", i, len(r.offsets), r.path)
	}
	end := r.end
	if i+1 < len(r.offsets) {
		end = r.offsets[i+1]
	}
	r.rec = resize(r.rec, int(end-r.offsets[i]))
	if _, err := r.src.ReadAt(r.rec, r.offsets[i]); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("trajectory: reading frame %d of %s: %w", i, r.path, err)
	}
	if !recordOK(r.rec, tagFrame) {
		return fmt.Errorf("trajectory: frame %d checksum mismatch in %s", i, r.path)
	}
	want := framePayloadSize(&r.h)
	raw, err := r.dec.DecodeAll(r.rec[recordHead:], r.raw[:0])
	if err != nil {
		return fmt.Errorf("trajectory: frame %d of %s does not decompress: %w", i, r.path, err)
	}
	r.raw = raw
	if len(raw) != want {
		return fmt.Errorf("trajectory: frame %d of %s holds %d bytes, the header implies %d", i, r.path, len(raw), want)
	}
	decodeFrame(dst, &r.h, raw)
	return nil
}

// Close closes the file.
func (r *NativeReader) Close() error {
	r.dec.Close()
	if r.closer == nil {
		return nil
	}
	return r.closer.Close()
}

package trajectory

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"os"

	"github.com/klauspost/compress/zstd"

	"github.com/physim/physim/sim"
)

// NativeWriter appends frames to a native trajectory file. Each frame is
// compressed on its own and written with a single write call, so a killed
// run leaves every earlier frame intact; Close appends the index that makes
// random access immediate (OpenNative recovers files without one).
type NativeWriter struct {
	h       Header
	path    string
	file    *os.File
	enc     *zstd.Encoder
	size    int64   // bytes written so far
	offsets []int64 // offset of each frame record
	raw     []byte  // uncompressed payload
	rec     []byte  // record being written
	scratch Frame
	err     error // sticky: the first write error
}

// CreateNative creates (or truncates) the native trajectory file path and
// writes its header.
func CreateNative(path string, h Header) (*NativeWriter, error) {
	if err := h.check(); err != nil {
		return nil, err
	}
	if uint64(framePayloadSize(&h)) > math.MaxUint32/2 { // compressed size must fit a u32
		return nil, fmt.Errorf("trajectory: %d particles is too many for one native frame", h.N)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	file, err := os.Create(path)
	if err != nil {
		enc.Close()
		return nil, fmt.Errorf("trajectory: %w", err)
	}
	w := &NativeWriter{h: h, path: path, file: file, enc: enc}
	block := enc.EncodeAll(encodeHeader(&h), nil)
	b := append([]byte(fileMagic), make([]byte, 12)...)
	binary.LittleEndian.PutUint32(b[8:], formatVersion)
	binary.LittleEndian.PutUint32(b[12:], uint32(len(block)))
	binary.LittleEndian.PutUint32(b[16:], crc32.Checksum(block, castagnoli))
	if err := w.write(append(b, block...)); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Observe appends the state s as a frame (see Header for what it stores).
// It panics if s does not have Header.N particles.
func (w *NativeWriter) Observe(s *sim.State) error {
	if err := w.h.FillFrame(&w.scratch, s); err != nil {
		return err
	}
	return w.Write(&w.scratch)
}

// Write appends f. It panics if f does not match the header.
func (w *NativeWriter) Write(f *Frame) error {
	checkFrame(&w.h, f)
	if w.err != nil {
		return w.err
	}
	w.raw = encodeFrame(w.raw[:0], &w.h, f)
	w.rec = w.enc.EncodeAll(w.raw, resize(w.rec, recordHead))
	putRecordHead(w.rec, tagFrame)
	off := w.size
	if err := w.write(w.rec); err != nil {
		return err
	}
	w.offsets = append(w.offsets, off)
	return nil
}

// write writes b at the end of the file and records the first error.
func (w *NativeWriter) write(b []byte) error {
	if _, err := w.file.Write(b); err != nil {
		w.err = fmt.Errorf("trajectory: writing %s: %w", w.path, err)
		return w.err
	}
	w.size += int64(len(b))
	return nil
}

// Close writes the index and footer (unless a write failed before), syncs
// and closes the file.
func (w *NativeWriter) Close() error {
	if w.err == nil {
		rec := make([]byte, recordHead, recordHead+8+8*len(w.offsets)+footerSize)
		rec = binary.LittleEndian.AppendUint64(rec, uint64(len(w.offsets)))
		for _, off := range w.offsets {
			rec = binary.LittleEndian.AppendUint64(rec, uint64(off))
		}
		putRecordHead(rec, tagIndex)
		rec = binary.LittleEndian.AppendUint64(rec, uint64(w.size))
		w.write(append(rec, footerMagic...))
	}
	err := w.err
	if e := w.file.Sync(); e != nil && err == nil {
		err = fmt.Errorf("trajectory: syncing %s: %w", w.path, e)
	}
	if e := w.file.Close(); e != nil && err == nil {
		err = fmt.Errorf("trajectory: closing %s: %w", w.path, e)
	}
	w.enc.Close()
	return err
}

package trajectory

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// writeNative writes frames to a new native file and returns its path and
// bytes.
func writeNative(t *testing.T, h Header, frames []*Frame) (string, []byte) {
	t.Helper()
	path := tempPath(t, "n.pstraj")
	writeAll(t, path, h, frames)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// TestNativeRoundTrip reads back every frame bit for bit (float32 data are
// stored exactly), together with the header, in random order.
func TestNativeRoundTrip(t *testing.T) {
	for _, h := range []Header{testHeader(100), {N: 7}, {N: 0}} {
		frames := randomFrames(&h, 5, 3)
		path, _ := writeNative(t, h, frames)
		r, err := OpenNative(path)
		if err != nil {
			t.Fatal(err)
		}
		hr := r.Header()
		if r.Recovered() || r.NumFrames() != len(frames) || hr.N != h.N || hr.Velocities != h.Velocities ||
			hr.ValueName != h.ValueName || !reflect.DeepEqual(hr.Types, h.Types) || !reflect.DeepEqual(hr.TypeNames, h.TypeNames) {
			t.Fatalf("header %+v (recovered %v, %d frames), want %+v", hr, r.Recovered(), r.NumFrames(), h)
		}
		var f Frame // reused across reads
		for _, k := range []int{3, 0, 4, 1, 2, 2} {
			if err := r.ReadFrame(k, &f); err != nil {
				t.Fatal(err)
			}
			sameFrame(t, k, &h, &f, frames[k])
		}
		r.Close()
	}
}

// TestNativeRandomEqualsSequential checks that random access and the
// streaming iterator give the same frames.
func TestNativeRandomEqualsSequential(t *testing.T) {
	h := testHeader(64)
	path, _ := writeNative(t, h, randomFrames(&h, 12, 4))
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var seq []*Frame
	for f, err := range All(r) {
		if err != nil {
			t.Fatal(err)
		}
		seq = append(seq, f)
	}
	for _, k := range []int{11, 5, 0, 7} {
		f, err := r.Frame(k)
		if err != nil {
			t.Fatal(err)
		}
		sameFrame(t, k, &h, f, seq[k])
	}
}

// TestNativeRecovery cuts the file at several points: without its footer
// and index every frame is recovered by scanning; cut inside a frame, the
// complete frames before it are recovered.
func TestNativeRecovery(t *testing.T) {
	h := testHeader(40)
	frames := randomFrames(&h, 6, 5)
	path, data := writeNative(t, h, frames)
	r, _ := OpenNative(path)
	offsets, end := r.offsets, r.end
	r.Close()
	cuts := []struct {
		size   int64
		frames int
	}{
		{int64(len(data)) - 1, 6},        // footer damaged
		{end, 6},                         // index and footer gone
		{end + recordHead, 6},            // index record cut
		{offsets[4] + recordHead + 5, 4}, // inside frame 4
		{offsets[3] + 3, 3},              // inside the head of frame 3
		{offsets[0], 0},                  // header only
	}
	for _, c := range cuts {
		os.WriteFile(path, data[:c.size], 0o644)
		r, err := OpenNative(path)
		if err != nil {
			t.Fatalf("cut at %d: %v", c.size, err)
		}
		if !r.Recovered() || r.NumFrames() != c.frames {
			t.Fatalf("cut at %d: recovered=%v, %d frames, want %d", c.size, r.Recovered(), r.NumFrames(), c.frames)
		}
		for k := 0; k < c.frames; k++ {
			f, err := r.Frame(k)
			if err != nil {
				t.Fatal(err)
			}
			sameFrame(t, k, &h, f, frames[k])
		}
		r.Close()
	}
}

// TestNativeCorruptByte flips one byte inside frame 2: with the index the
// other frames still read and frame 2 reports a checksum mismatch; without
// the index, opening fails with the same message.
func TestNativeCorruptByte(t *testing.T) {
	h := testHeader(30)
	path, data := writeNative(t, h, randomFrames(&h, 4, 6))
	r, _ := OpenNative(path)
	at, end := r.offsets[2]+recordHead+10, r.end
	r.Close()
	data[at] ^= 0x40
	os.WriteFile(path, data, 0o644)
	r, err := OpenNative(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Frame(1); err != nil {
		t.Fatal(err)
	}
	want := "trajectory: frame 2 checksum mismatch in " + path
	if _, err := r.Frame(2); err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
	r.Close()
	os.WriteFile(path, data[:end], 0o644)
	if _, err := OpenNative(path); err == nil || err.Error() != want {
		t.Fatalf("without index: error %v, want %q", err, want)
	}
}

// TestNativeNeverPanics opens every truncation and every single-byte
// corruption of a small file and reads all frames it reports: each either
// works or returns a "trajectory: " error, and every corruption is noticed
// (an error, or an index found damaged and replaced by a scan).
func TestNativeNeverPanics(t *testing.T) {
	h := testHeader(5)
	_, data := writeNative(t, h, randomFrames(&h, 3, 7))
	// try reports whether the damage to b was noticed.
	try := func(b []byte) bool {
		r, err := newNativeReader("mem", bytes.NewReader(b), int64(len(b)), nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "trajectory: ") {
				t.Fatalf("error without package prefix: %v", err)
			}
			return true
		}
		defer r.Close()
		noticed := r.Recovered()
		for k := 0; k < r.NumFrames(); k++ {
			if _, err := r.Frame(k); err != nil {
				if !strings.HasPrefix(err.Error(), "trajectory: ") {
					t.Fatalf("error without package prefix: %v", err)
				}
				noticed = true
			}
		}
		return noticed
	}
	for n := range data {
		try(data[:n])
	}
	for i := range data {
		b := append([]byte(nil), data...)
		b[i] ^= 0xff
		if !try(b) {
			t.Fatalf("flipping byte %d of %d went unnoticed", i, len(data))
		}
	}
}

// TestNativeBadFiles checks errors for a foreign file and a damaged header.
func TestNativeBadFiles(t *testing.T) {
	path := tempPath(t, "x.pstraj")
	os.WriteFile(path, []byte("3\nnot a native file\n"), 0o644)
	if _, err := OpenNative(path); err == nil || !strings.Contains(err.Error(), "not a native trajectory") {
		t.Fatalf("foreign file: %v", err)
	}
	h := testHeader(4)
	path, data := writeNative(t, h, randomFrames(&h, 1, 8))
	data[prefixSize+2] ^= 1
	os.WriteFile(path, data, 0o644)
	if _, err := OpenNative(path); err == nil || !strings.Contains(err.Error(), "header checksum mismatch") {
		t.Fatalf("damaged header: %v", err)
	}
}

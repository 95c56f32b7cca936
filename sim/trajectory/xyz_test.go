package trajectory

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// TestXYZExactText pins the whole text of a small frame: the extxyz comment
// line (Lattice, Properties, pbc, Time, Step, type_names) and the atom lines
// as OVITO and ASE parse them.
func TestXYZExactText(t *testing.T) {
	h := Header{N: 3, Types: []int32{0, 1, 0}, TypeNames: []string{"Ar"}, Velocities: true, ValueName: "phase"}
	box := sim.NewPeriodicBox(10, 12.5, 8)
	box.Periodic[2] = false
	f := &Frame{Step: 50, Time: 0.25, Box: box,
		Pos:   [][3]float32{{0.5, 1.25, 2}, {9.75, 0, 7.5}, {3, 4, 5}},
		Vel:   [][3]float32{{0.1, -0.2, 0.3}, {0, 0, 0}, {-1e-05, 2, 1e+06}},
		Value: []float32{1.5, -3.25, 0},
	}
	path := tempPath(t, "x.xyz")
	writeAll(t, path, h, []*Frame{f})
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `3
Lattice="10 0 0 0 12.5 0 0 0 8" Properties=species:S:1:pos:R:3:velo:R:3:phase:R:1 pbc="T T F" Time=0.25 Step=50 type_names="Ar He"
Ar 0.5 1.25 2 0.1 -0.2 0.3 1.5
He 9.75 0 7.5 0 0 0 -3.25
Ar 3 4 5 -1e-05 2 1e+06 0
`
	if string(got) != want {
		t.Fatalf("file text:\n%s\nwant:\n%s", got, want)
	}
}

// TestXYZRoundTrip writes frames as plain and gzip-compressed extended XYZ
// and reads them back bit for bit (the text holds the shortest decimal that
// round-trips each float32); gzip output must be a valid gzip stream for an
// independent decoder (the standard library's) with the same text.
func TestXYZRoundTrip(t *testing.T) {
	h := testHeader(50)
	frames := randomFrames(&h, 4, 1)
	plain, gz := tempPath(t, "a.xyz"), tempPath(t, "a.xyz.gz")
	writeAll(t, plain, h, frames)
	writeAll(t, gz, h, frames)
	for _, path := range []string{plain, gz} {
		r, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		hr := r.Header()
		if hr.N != h.N || !hr.Velocities || hr.ValueName != "phase" || strings.Join(hr.TypeNames, ",") != "Ar,He,Li" {
			t.Fatalf("%s: header %+v", path, hr)
		}
		if r.NumFrames() != len(frames) {
			t.Fatalf("%s: %d frames, want %d", path, r.NumFrames(), len(frames))
		}
		// Read backwards to exercise seeking (re-decompression for gzip).
		for k := len(frames) - 1; k >= 0; k-- {
			f, err := r.Frame(k)
			if err != nil {
				t.Fatal(err)
			}
			sameFrame(t, k, &h, f, frames[k])
		}
		r.Close()
	}
	text, _ := os.ReadFile(plain)
	zf, _ := os.Open(gz)
	defer zf.Close()
	zr, err := gzip.NewReader(zf)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unzipped, text) {
		t.Fatalf("gzip stream does not decode to the plain text (err %v)", err)
	}
}

// TestXYZTruncated checks that a file cut inside its last frame (a killed
// run) keeps its complete frames, for plain text and for a gzip stream
// without its trailer.
func TestXYZTruncated(t *testing.T) {
	h := testHeader(20)
	frames := randomFrames(&h, 3, 2)
	for _, name := range []string{"t.xyz", "t.xyz.gz"} {
		path := tempPath(t, name)
		writeAll(t, path, h, frames)
		data, _ := os.ReadFile(path)
		if err := os.WriteFile(path, data[:len(data)*5/6], 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := OpenXYZ(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.NumFrames() != 2 {
			t.Fatalf("%s: recovered %d frames, want 2", name, r.NumFrames())
		}
		f, err := r.Frame(1)
		if err != nil {
			t.Fatal(err)
		}
		sameFrame(t, 1, &h, f, frames[1])
		r.Close()
	}
}

// TestXYZForeign reads a minimal hand-written file: default Properties
// (species and pos), no Lattice (so no periodic axis), an extra integer
// column that is skipped, species mapped in order of first appearance.
func TestXYZForeign(t *testing.T) {
	path := tempPath(t, "f.extxyz")
	text := "2\nProperties=species:S:1:pos:R:3:id:I:1 energy=-1.5\nO 0 0 0 7\nH\t0.75 0.5 -0.25 8\r\n" +
		"2\nProperties=species:S:1:pos:R:3:id:I:1\nH 1 2 3 1\nO 4 5 6 2" // no final newline
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	h := r.Header()
	if h.N != 2 || h.Velocities || h.ValueName != "" || strings.Join(h.TypeNames, ",") != "O,H" || r.NumFrames() != 2 {
		t.Fatalf("header %+v, %d frames", h, r.NumFrames())
	}
	f, err := r.Frame(1)
	if err != nil {
		t.Fatal(err)
	}
	if f.Box.Periodic != [3]bool{} || f.Types[0] != 1 || f.Pos[1] != [3]float32{4, 5, 6} {
		t.Fatalf("frame 1: %+v", f)
	}
}

// TestXYZBadInput checks that malformed files give errors naming the
// problem, never a panic.
func TestXYZBadInput(t *testing.T) {
	cases := []struct{ text, want string }{
		{"x\n\n", "not a particle count"},
		{"1\nLattice=\"1 0 0 0.5 1 0 0 0 1\"\nA 0 0 0\n", "not orthorhombic"},
		{"1\nLattice=\"1 0 0 0 1 0 0 0\"\nA 0 0 0\n", "9 numbers"},
		{"1\npbc=\"T T T\"\nA 0 0 0\n", "periodic without"},
		{"1\n\nA 0 zero 0\n", "particle 0 position"},
		{"1\n\nA 0 0\n", "has 3 fields"},
		{"1\nProperties=species:S:1\nA\n", "lacks species:S:1 or pos:R:3"},
		{"1\nProperties=\"species:S:1:pos:R\"\nA 0 0 0\n", "triples"},
		{"1\nStep=1.5\nA 0 0 0\n", "Step"},
		{"1\nTime=\"1\nA 0 0 0\n", "unterminated quote"},
		{"1\n\nA 0 0 0\n2\n\nA 0 0 0\nA 0 0 0\n", "frame 1 has 2 particles"},
		{"1\n\nA 0 0 0\n1\n\nB 0 0 0\n", "absent from frame 0"},
	}
	for _, c := range cases {
		path := tempPath(t, "bad.xyz")
		os.WriteFile(path, []byte(c.text), 0o644)
		r, err := OpenXYZ(path)
		if err == nil {
			_, err = r.Frame(r.NumFrames() - 1)
			r.Close()
		}
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "trajectory: ") {
			t.Errorf("%q: error %v, want one containing %q", c.text, err, c.want)
		}
	}
}

// TestXYZNeverPanics damages a small file at every fifth byte (a line
// break, a space, a letter or a quote in place of the byte) and reads every
// frame: each attempt either works or returns a "trajectory: " error.
func TestXYZNeverPanics(t *testing.T) {
	h := testHeader(3)
	path := tempPath(t, "p.xyz")
	writeAll(t, path, h, randomFrames(&h, 2, 12))
	data, _ := os.ReadFile(path)
	for i := 0; i < len(data); i += 5 {
		for _, c := range []byte("\n x\"") {
			b := append([]byte(nil), data...)
			b[i] = c
			os.WriteFile(path, b, 0o644)
			r, err := OpenXYZ(path)
			for k := 0; err == nil && k < r.NumFrames(); k++ {
				_, err = r.Frame(k)
			}
			if r != nil {
				r.Close()
			}
			if err != nil && !strings.HasPrefix(err.Error(), "trajectory: ") {
				t.Fatalf("error without package prefix: %v", err)
			}
		}
	}
}

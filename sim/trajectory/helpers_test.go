package trajectory

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/physim/physim/sim"
)

// randomFrames returns n frames of h with positions uniform in a 7 × 8 × 9
// box, velocities and values Gaussian, and increasing steps and times.
func randomFrames(h *Header, n int, seed uint64) []*Frame {
	rng := rand.New(rand.NewPCG(seed, 1))
	box := sim.NewPeriodicBox(7, 8, 9)
	box.Periodic[2] = false
	frames := make([]*Frame, n)
	for k := range frames {
		f := &Frame{Step: int64(100 * k), Time: 0.005 * float64(100*k), Box: box, Pos: make([][3]float32, h.N)}
		for i := range f.Pos {
			for d := 0; d < 3; d++ {
				f.Pos[i][d] = float32(rng.Float64() * box.L[d])
			}
		}
		if h.Velocities {
			f.Vel = make([][3]float32, h.N)
			for i := range f.Vel {
				f.Vel[i] = [3]float32{float32(rng.NormFloat64()), float32(rng.NormFloat64()), float32(rng.NormFloat64())}
			}
		}
		if h.ValueName != "" {
			f.Value = make([]float32, h.N)
			for i := range f.Value {
				f.Value[i] = float32(rng.NormFloat64())
			}
		}
		frames[k] = f
	}
	return frames
}

// testHeader returns a header of n particles with three types, velocities
// and a value named "phase".
func testHeader(n int) Header {
	h := Header{N: n, Types: make([]int32, n), TypeNames: []string{"Ar"}, Velocities: true, ValueName: "phase"}
	for i := range h.Types {
		h.Types[i] = int32(i % 3)
	}
	return h
}

// writeAll writes frames to path with the writer Create picks.
func writeAll(t testing.TB, path string, h Header, frames []*Frame) {
	t.Helper()
	w, err := Create(path, h)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// sameFrame fails t unless got equals want exactly, with types from h.
func sameFrame(t *testing.T, k int, h *Header, got, want *Frame) {
	t.Helper()
	if got.Step != want.Step || got.Time != want.Time || got.Box != want.Box {
		t.Fatalf("frame %d: step/time/box %d %g %+v, want %d %g %+v", k, got.Step, got.Time, got.Box, want.Step, want.Time, want.Box)
	}
	for i := range got.Types {
		if got.Types[i] != h.Type(i) {
			t.Fatalf("frame %d particle %d: type %d, want %d", k, i, got.Types[i], h.Type(i))
		}
	}
	if len(got.Types) != h.N {
		t.Fatalf("frame %d has %d types, want %d", k, len(got.Types), h.N)
	}
	if !equalOrEmpty(got.Pos, want.Pos) || !equalOrEmpty(got.Vel, want.Vel) || !equalOrEmpty(got.Value, want.Value) {
		t.Fatalf("frame %d: particle data differ", k)
	}
}

func equalOrEmpty[T any](a, b []T) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func tempPath(t testing.TB, name string) string { return filepath.Join(t.TempDir(), name) }

package glview

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// writeTrajectory writes frames to dir/name with the writer that the
// extension selects and returns the path.
func writeTrajectory(t *testing.T, dir, name string, h trajectory.Header, frames []*trajectory.Frame) string {
	t.Helper()
	path := filepath.Join(dir, name)
	w, err := trajectory.Create(path, h)
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
	return path
}

// fccFrames returns nf frames of a 4 × 4 × 4 FCC crystal (256 particles,
// ρ = 0.8, two types) whose particles oscillate about their sites, with
// velocities and a per-particle value (the particle's height z).
func fccFrames(nf int) (trajectory.Header, []*trajectory.Frame) {
	s := sim.FCC(4, 4, 4, 0.8)
	n := s.N()
	h := trajectory.Header{N: n, Types: make([]int32, n), Velocities: true, ValueName: "height"}
	for i := range h.Types {
		h.Types[i] = int32(i % 2)
	}
	frames := make([]*trajectory.Frame, nf)
	for k := range frames {
		f := &trajectory.Frame{Step: int64(10 * k), Time: 0.05 * float64(k), Box: s.Box,
			Pos: make([][3]float32, n), Vel: make([][3]float32, n), Value: make([]float32, n)}
		for i, p := range s.Pos {
			a := 0.1 * math.Sin(float64(k)+float64(i))
			for d := 0; d < 3; d++ {
				f.Pos[i][d] = float32(math.Mod(p[d]+a+s.Box.L[d], s.Box.L[d]))
			}
			f.Vel[i] = [3]float32{float32(math.Cos(float64(i))), float32(math.Sin(float64(i))), 0.3}
			f.Value[i] = f.Pos[i][2]
		}
		frames[k] = f
	}
	return h, frames
}

// helixFrames returns the path of one particle along a helix about the z
// axis (radius 5, pitch 2 per turn), nf frames, in an open box: a
// stand-in for a Lorenz trajectory.
func helixFrames(nf int) (trajectory.Header, []*trajectory.Frame) {
	frames := make([]*trajectory.Frame, nf)
	for k := range frames {
		a := 4 * math.Pi * float64(k) / float64(nf)
		frames[k] = &trajectory.Frame{Step: int64(k), Time: float64(k) * 0.01,
			Pos: [][3]float32{{float32(5 * math.Cos(a)), float32(5 * math.Sin(a)), float32(a / math.Pi)}}}
	}
	return trajectory.Header{N: 1}, frames
}

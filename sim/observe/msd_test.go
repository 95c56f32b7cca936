package observe

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/physim/physim/sim"
)

// TestMSDUniformDisplacement moves every particle by the same d per step,
// wrapping into a small periodic box (so particles cross the boundaries and
// the image counters change): after k steps the MSD is exactly k²|d|², per
// axis k²d_a², up to round-off. The wrapped positions alone would give a
// much smaller value, which the test also checks so that it can fail.
func TestMSDUniformDisplacement(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	s := uniformState(rng, 64, sim.NewPeriodicBox(3, 4, 5))
	d := sim.Vec3{0.37, -0.81, 1.93}
	m := NewMSD(s)
	wrapped0 := append([]sim.Vec3(nil), s.Pos...)
	const steps = 50
	for k := 1; k <= steps; k++ {
		for i := range s.Pos {
			s.Pos[i] = s.Pos[i].Add(d)
			s.Box.Wrap(&s.Pos[i], &s.Image[i])
		}
		s.Step, s.Time = int64(k), 0.01*float64(k)
		if err := m.Observe(s); err != nil {
			t.Fatal(err)
		}
	}
	for k, p := range m.Points() {
		n := float64(k + 1)
		want := n * n * d.Norm2()
		if math.Abs(p.MSD-want) > 1e-12*want || p.Step != int64(k+1) {
			t.Errorf("step %d: MSD = %.15g, want %.15g", p.Step, p.MSD, want)
		}
		for a := 0; a < 3; a++ {
			if w := n * n * d[a] * d[a]; math.Abs(p.Axes[a]-w) > 1e-12*w {
				t.Errorf("step %d axis %d: %.15g, want %.15g", p.Step, a, p.Axes[a], w)
			}
		}
	}
	var naive float64
	for i := range s.Pos {
		naive += s.Box.Delta(wrapped0[i], s.Pos[i]).Norm2() / float64(s.N())
	}
	if final := m.Points()[steps-1].MSD; naive > 0.5*final || s.Image[0] == [3]int32{} {
		t.Errorf("test set-up does not cross boundaries: minimum-image MSD %g vs %g, images %v", naive, final, s.Image[0])
	}
	path := filepath.Join(t.TempDir(), "msd.csv")
	if err := m.WriteCSV(path); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, path, "step,time,msd,msd_x,msd_y,msd_z", steps)
	if last := rows[steps-1]; last[0] != steps || last[1] != 0.5 || last[2] != m.Points()[steps-1].MSD {
		t.Errorf("last CSV row %v", last)
	}
}

func TestMSDMismatchPanics(t *testing.T) {
	m := NewMSD(sim.NewState(3, sim.NewPeriodicBox(1, 1, 1)))
	defer func() {
		if recover() == nil {
			t.Error("no panic for a state of another size")
		}
	}()
	m.Compute(sim.NewState(4, sim.NewPeriodicBox(1, 1, 1)))
}

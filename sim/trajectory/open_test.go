package trajectory

import (
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

func TestUnknownExtension(t *testing.T) {
	for _, name := range []string{"a.dcd", "a.gz", "a.xyzz", "pstraj"} {
		if _, err := Open(name); err == nil || !strings.Contains(err.Error(), "unknown extension") {
			t.Errorf("Open(%q): %v", name, err)
		}
		if _, err := Create(tempPath(t, name), Header{N: 1}); err == nil || !strings.Contains(err.Error(), "unknown extension") {
			t.Errorf("Create(%q): %v", name, err)
		}
	}
}

func TestBadHeader(t *testing.T) {
	for _, h := range []Header{
		{N: 2, Types: []int32{0}},
		{N: 1, Types: []int32{-1}},
		{N: 1, TypeNames: []string{"A B"}},
		{N: 1, ValueName: "pos"},
		{N: 1, ValueName: "1x"},
	} {
		for _, name := range []string{"h.xyz", "h.pstraj"} {
			if _, err := Create(tempPath(t, name), h); err == nil || !strings.HasPrefix(err.Error(), "trajectory: ") {
				t.Errorf("%s %+v: %v", name, h, err)
			}
		}
	}
}

// TestObserveState records a state that has crossed periodic boundaries,
// wrapped and unwrapped, with a value computed from the state, in both
// formats, and checks what is read back against the state in float32.
func TestObserveState(t *testing.T) {
	s := sim.NewState(3, sim.NewPeriodicBox(4, 5, 6))
	s.Step, s.Time = 12, 0.06
	s.Type = []int32{2, 0, 1}
	s.Pos = []sim.Vec3{{0.5, 1, 1.5}, {3.9, 4.9, 5.9}, {2, 2, 2}}
	s.Image = [][3]int32{{1, 0, -1}, {0, -2, 0}, {0, 0, 3}}
	s.Vel = []sim.Vec3{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	for _, unwrapped := range []bool{false, true} {
		for _, name := range []string{"s.xyz.gz", "s.pstraj"} {
			h := HeaderFor(s)
			h.Unwrapped, h.Velocities, h.ValueName = unwrapped, true, "speed"
			h.ValueOf = func(s *sim.State, dst []float32) {
				for i, v := range s.Vel {
					dst[i] = float32(v.Norm())
				}
			}
			path := tempPath(t, name)
			w, err := Create(path, h)
			if err != nil {
				t.Fatal(err)
			}
			var obs sim.Observer = w
			if err := obs.Observe(s); err != nil {
				t.Fatal(err)
			}
			w.Close()
			r, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := r.Frame(0)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			if f.Step != 12 || f.Time != 0.06 || f.Box != s.Box {
				t.Fatalf("%s: step %d time %g box %+v", name, f.Step, f.Time, f.Box)
			}
			for i := 0; i < s.N(); i++ {
				p := s.Pos[i]
				if unwrapped {
					p = s.Unwrapped(i)
				}
				if f.Types[i] != s.Type[i] || f.Pos[i] != vec32(p) || f.Vel[i] != vec32(s.Vel[i]) || f.Value[i] != float32(s.Vel[i].Norm()) {
					t.Fatalf("%s unwrapped=%v particle %d: %+v", name, unwrapped, i, f)
				}
			}
		}
	}
	h := HeaderFor(s)
	h.ValueName = "speed"
	w, _ := Create(tempPath(t, "v.pstraj"), h)
	defer w.Close()
	if err := w.Observe(s); err == nil || !strings.Contains(err.Error(), "no ValueOf") {
		t.Fatalf("missing ValueOf: %v", err)
	}
}

func TestWriteMismatchPanics(t *testing.T) {
	w, _ := Create(tempPath(t, "p.pstraj"), Header{N: 2})
	defer w.Close()
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a frame of the wrong size")
		}
	}()
	w.Write(&Frame{Pos: make([][3]float32, 3)})
}

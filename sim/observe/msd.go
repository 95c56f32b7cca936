package observe

import (
	"fmt"
	"strconv"

	"github.com/physim/physim/sim"
)

// MSDPoint is one measurement of the mean squared displacement.
type MSDPoint struct {
	// Step and Time (τ) are those of the observed state.
	Step int64
	Time float64
	// MSD is ⟨|r_i(t) − r_i(0)|²⟩ over the particles, in σ².
	MSD float64
	// Axes holds the x, y and z parts of MSD (they sum to it), in σ².
	Axes sim.Vec3
}

// MSD measures the mean squared displacement of every particle from its
// position in a reference state, using unwrapped positions (image counters),
// so that crossing periodic boundaries does not fold the displacement back.
// For free diffusion ⟨Δx²⟩ = 2Dt per axis, with D = kT/γ.
type MSD struct {
	ref    []sim.Vec3
	points []MSDPoint
}

// NewMSD returns an MSD whose reference is the unwrapped positions of ref
// (copied).
func NewMSD(ref *sim.State) *MSD {
	m := &MSD{ref: make([]sim.Vec3, ref.N())}
	for i := range m.ref {
		m.ref[i] = ref.Unwrapped(i)
	}
	return m
}

// Compute returns the x, y and z parts of the mean squared displacement of
// s from the reference, in σ². It panics if s has a different number of
// particles than the reference.
func (m *MSD) Compute(s *sim.State) sim.Vec3 {
	if s.N() != len(m.ref) {
		panic(fmt.Sprintf("observe: MSD of %d particles against a reference of %d", s.N(), len(m.ref)))
	}
	var sum sim.Vec3
	for i, r0 := range m.ref {
		d := s.Unwrapped(i).Sub(r0)
		for k := 0; k < 3; k++ {
			sum[k] += d[k] * d[k]
		}
	}
	if len(m.ref) == 0 {
		return sum
	}
	return sum.Scale(1 / float64(len(m.ref)))
}

// Observe records the mean squared displacement of s.
func (m *MSD) Observe(s *sim.State) error {
	a := m.Compute(s)
	m.points = append(m.points, MSDPoint{Step: s.Step, Time: s.Time, MSD: a[0] + a[1] + a[2], Axes: a})
	return nil
}

// Points returns the recorded measurements in order.
func (m *MSD) Points() []MSDPoint { return m.points }

// WriteCSV writes the columns step, time, msd, msd_x, msd_y, msd_z to path
// atomically.
func (m *MSD) WriteCSV(path string) error {
	return writeCSV(path, "step,time,msd,msd_x,msd_y,msd_z", len(m.points), func(b []byte, i int) []byte {
		p := m.points[i]
		b = strconv.AppendInt(b, p.Step, 10)
		return appendFloats(b, p.Time, p.MSD, p.Axes[0], p.Axes[1], p.Axes[2])
	})
}

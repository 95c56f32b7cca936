package neighbor

import (
	"fmt"
	"math"
	"slices"

	"github.com/physim/physim/sim"
)

// DefaultSkin is the Verlet skin in σ used when Verlet.Skin is zero (the
// LAMMPS default for LJ units).
const DefaultSkin = 0.3

// Verlet is a full neighbour list (each pair appears under both particles)
// at radius Cutoff + Skin. Update rebuilds it when any particle has moved
// more than half the skin since the last build, so that every pair within
// Cutoff is always present. Each particle's neighbours are sorted by index,
// so sums over them run in an order that does not depend on when the list
// was built; this makes restarts and parallel runs bit-identical.
type Verlet struct {
	// Cutoff is the interaction range in σ.
	Cutoff float64
	// Skin is the extra shell in σ (DefaultSkin if zero).
	Skin float64
	// Every is the check interval in calls to Update (1 if zero): the
	// displacement check runs only on every Every-th call, like LAMMPS's
	// "neigh_modify every". Every = 1 is always safe.
	Every int

	start []int32 // start[i]:start[i+1] index idx for particle i
	idx   []int32
	ref   []sim.Vec3
	cells CellList
	calls int64

	// Builds counts list builds; Dangerous counts builds at which two
	// particles could together have moved more than the skin, so that a
	// pair may have been missed (possible only with Every > 1).
	Builds, Dangerous int64
}

func (v *Verlet) skin() float64 {
	if v.Skin == 0 {
		return DefaultSkin
	}
	return v.Skin
}

// Radius returns Cutoff + Skin, the radius of the stored pairs.
func (v *Verlet) Radius() float64 { return v.Cutoff + v.skin() }

// Check returns an error if the list cannot be used in box b: a periodic
// edge shorter than 2(r_c + skin), or a non-positive cutoff or negative skin.
func (v *Verlet) Check(b *sim.Box) error {
	if !(v.Cutoff > 0) || math.IsInf(v.Cutoff, 0) {
		return fmt.Errorf("neighbor: cutoff must be positive and finite, got %g", v.Cutoff)
	}
	if v.Skin < 0 {
		return fmt.Errorf("neighbor: skin must be non-negative, got %g", v.Skin)
	}
	return b.CheckCutoff(v.Radius())
}

// Update rebuilds the list if needed and reports whether it did.
func (v *Verlet) Update(s *sim.State) (bool, error) {
	v.calls++
	if v.ref != nil && len(v.ref) == s.N() {
		every := int64(max(v.Every, 1))
		if v.calls%every != 0 {
			return false, nil
		}
		m1, m2 := v.maxDisplacements(s)
		half := v.skin() / 2
		if m1 <= half {
			return false, nil
		}
		if m1+m2 > v.skin() {
			v.Dangerous++
		}
	}
	return true, v.Build(s)
}

// maxDisplacements returns the two largest displacements since the last
// build.
func (v *Verlet) maxDisplacements(s *sim.State) (m1, m2 float64) {
	for i, p := range s.Pos {
		d := s.Box.Delta(v.ref[i], p).Norm2()
		if d > m1 {
			m1, m2 = d, m1
		} else if d > m2 {
			m2 = d
		}
	}
	return math.Sqrt(m1), math.Sqrt(m2)
}

// Build rebuilds the list unconditionally.
func (v *Verlet) Build(s *sim.State) error {
	if err := v.Check(&s.Box); err != nil {
		return err
	}
	r := v.Radius()
	r2 := r * r
	n := s.N()
	v.cells.Build(s, r)
	v.start = slices.Grow(v.start[:0], n+1)[:n+1]
	v.idx = v.idx[:0]
	for i := 0; i < n; i++ {
		v.start[i] = int32(len(v.idx))
		pi := s.Pos[i]
		v.cells.ForEachNear(s, i, func(j int) {
			if s.Box.Delta(pi, s.Pos[j]).Norm2() < r2 {
				v.idx = append(v.idx, int32(j))
			}
		})
		slices.Sort(v.idx[v.start[i]:])
	}
	v.start[n] = int32(len(v.idx))
	v.ref = append(v.ref[:0], s.Pos...)
	v.Builds++
	return nil
}

// Neighbors returns the neighbours of particle i in ascending order. The
// slice belongs to the list and is valid until the next build.
func (v *Verlet) Neighbors(i int) []int32 { return v.idx[v.start[i]:v.start[i+1]] }

// Pairs returns the total number of stored (ordered) pairs.
func (v *Verlet) Pairs() int { return len(v.idx) }

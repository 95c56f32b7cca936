package neighbor

import (
	"fmt"
	"math"

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
//
// A build bins the particles into a CellList, collects the neighbours of
// each particle cell by cell (for a half list only those of higher index),
// and then transposes that list into particle order; the transpose visits
// the sources in ascending index, which sorts every neighbour list without
// a comparison sort. Once its buffers have
// grown, a build allocates nothing. A Verlet must not be copied after its
// first build.
type Verlet struct {
	// Cutoff is the interaction range in σ.
	Cutoff float64
	// Skin is the extra shell in σ (DefaultSkin if zero).
	Skin float64
	// Every is the check interval in calls to Update (1 if zero): the
	// displacement check runs only on every Every-th call, like LAMMPS's
	// "neigh_modify every". Every = 1 is always safe.
	Every int
	// Workers is the number of goroutines of a build (1 if zero). The list
	// is the same for any number of workers.
	Workers int
	// Half stores every pair once, under its larger index (see Lower):
	// half the memory and half the writes of a build. Neighbors and Upper
	// are then unavailable.
	Half bool

	// Builds counts list builds. Dangerous counts builds triggered by a
	// check that followed calls without a check (Every > 1) at which two
	// particles had together moved more than the skin, so that a pair
	// within Cutoff may have been missing on the calls in between.
	Builds, Dangerous int64

	cells CellList
	// byCell holds the neighbours of each slot, slot after slot, and
	// ends[a] the end of those of slot a.
	byCell, ends []int32

	start []int32 // start[i]:start[i+1] index idx for particle i
	upper []int32 // upper[i]:start[i+1] are the neighbours j > i
	idx   []int32

	par parallel // worker state of a build

	built  bool
	half   bool       // Half at the last build
	ref    []sim.Vec3 // positions at the last build
	box    sim.Box    // box at the last build
	radius float64    // radius of the last build
	calls  int64
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
	if v.Skin < 0 || math.IsInf(v.Skin, 0) || math.IsNaN(v.Skin) {
		return fmt.Errorf("neighbor: skin must be non-negative and finite, got %g", v.Skin)
	}
	return b.CheckCutoff(v.Radius())
}

// Update rebuilds the list if needed and reports whether it did. It builds
// on the first call and whenever the particle count, the box, Cutoff,
// Skin or Half changed; otherwise, on every Every-th call, when some
// particle has moved more than Skin/2 since the last build.
func (v *Verlet) Update(s *sim.State) (bool, error) {
	v.calls++
	if !v.built || len(v.ref) != s.N() || v.box != s.Box || v.radius != v.Radius() || v.half != v.Half {
		return true, v.Build(s)
	}
	every := int64(max(v.Every, 1))
	if v.calls%every != 0 {
		return false, nil
	}
	m1, m2 := v.maxDisplacements(s)
	if m1 <= v.skin()/2 {
		return false, nil
	}
	if every > 1 && m1+m2 > v.skin() {
		v.Dangerous++
	}
	return true, v.Build(s)
}

// maxDisplacements returns the two largest (minimum-image) displacements
// since the last build. The loop works on scalars for speed; it runs on
// every check.
func (v *Verlet) maxDisplacements(s *sim.State) (m1, m2 float64) {
	b := &s.Box
	for i := range s.Pos {
		p, r := &s.Pos[i], &v.ref[i]
		dx, dy, dz := b.MinImageXYZ(p[0]-r[0], p[1]-r[1], p[2]-r[2])
		d2 := dx*dx + dy*dy + dz*dz
		if d2 > m1 {
			m1, m2 = d2, m1
		} else if d2 > m2 {
			m2 = d2
		}
	}
	return math.Sqrt(m1), math.Sqrt(m2)
}

// Neighbors returns the neighbours of particle i in ascending order. The
// slice belongs to the list and is valid until the next build. It panics
// for a half list.
func (v *Verlet) Neighbors(i int) []int32 {
	v.needFull("Neighbors")
	return v.idx[v.start[i]:v.start[i+1]]
}

// Upper returns the neighbours j > i of particle i in ascending order, so
// that every pair appears once over all i (a half list, for forces that use
// Newton's third law). The slice belongs to the list and is valid until the
// next build. It panics for a half list (Half set; use Lower).
func (v *Verlet) Upper(i int) []int32 {
	v.needFull("Upper")
	return v.idx[v.upper[i]:v.start[i+1]]
}

// Lower returns the neighbours j < i of particle i in ascending order, so
// that every pair appears once over all i, under its larger index. The
// slice belongs to the list and is valid until the next build.
func (v *Verlet) Lower(i int) []int32 {
	if v.Half {
		return v.idx[v.start[i]:v.start[i+1]]
	}
	return v.idx[v.start[i]:v.upper[i]]
}

// needFull panics if the list is a half list.
func (v *Verlet) needFull(method string) {
	if v.Half {
		panic("neighbor: Verlet." + method + " needs a full list, but Half is set; use Lower")
	}
}

// Pairs returns the total number of stored pairs: ordered pairs (each pair
// twice) for a full list, each pair once for a half list.
func (v *Verlet) Pairs() int { return len(v.idx) }

package neighbor

import (
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/physim/physim/sim"
)

// DefaultLeafSize is the number of slots of a leaf ball when
// BallTree.LeafSize is zero: 2, as in Erwin.
const DefaultLeafSize = 2

// BallTree is a balanced binary partition of a point set built like Erwin's
// ball tree (Zhdanov et al., ICML 2025): every node splits its points at the
// median along the axis of largest spread, and the points are padded to a
// power of two of slots so that the tree is complete and every leaf full.
// One permutation of the slots lays the tree out: ball j at level l is the
// contiguous block of slots [j·S, (j+1)·S) with S = Slots() >> l, so
// per-ball operations are reshapes. A leaf of S slots holding c < S points
// (always c ≥ S/2) fills its last S − c slots with copies of its first
// points; Padding marks those copies.
//
// The tree answers radius and k-nearest-neighbour queries exactly (the
// same sets as a brute-force search), with minimum-image distances along
// the periodic axes of the box it was built with. Each node keeps its
// bounding box for pruning and its bounding ball (centre of the box and the
// largest distance from it to a point) for the Erwin-style API.
//
// Build reuses the tree's memory; queries do not allocate beyond growing
// the caller's slice, and a built tree may be queried concurrently.
type BallTree struct {
	// LeafSize is the number of slots of a leaf ball, a power of two ≥ 2
	// (DefaultLeafSize if zero). Larger leaves build faster and make
	// queries cheaper per point; Erwin's reshapes need balls of at least
	// the leaf size.
	LeafSize int

	box  sim.Box
	n    int        // points
	leaf int        // slots per leaf (LeafSize, or Slots() if smaller)
	perm []int32    // point index of each slot
	pad  []bool     // slot holds a padding copy
	pos  []sim.Vec3 // wrapped position of each slot
	// Nodes in heap order (the children of node k are 2k+1 and 2k+2): the
	// bounding boxes, which queries read, apart from the bounding balls.
	boxes []aabb
	balls []sphere
	rec   []record // build scratch
}

// aabb is the bounding box of a node's points.
type aabb struct{ lo, hi sim.Vec3 }

// sphere is the bounding ball of a node's points.
type sphere struct {
	center sim.Vec3
	radius float64
}

// record carries a point's coordinates with its index through the median
// partitions, which keeps the partitions cache friendly.
type record struct {
	p  sim.Vec3
	id int32
}

// Ball describes one ball of the tree.
type Ball struct {
	// Lo and Hi delimit its slots, Lo:Hi.
	Lo, Hi int
	// Center is the centre of its points' bounding box and Radius the
	// largest distance from it to one of its points (σ, in the wrapped
	// coordinates of the tree).
	Center sim.Vec3
	Radius float64
}

// Build builds the tree over pts. Along the periodic axes of box the points
// are wrapped into the primary cell; open axes take them as they are (pass
// sim.Box{} for a plain point cloud). It returns an error for an invalid
// LeafSize, a non-finite point, or more than 2³⁰ points.
func (t *BallTree) Build(pts []sim.Vec3, box sim.Box) error {
	leaf := t.LeafSize
	if leaf == 0 {
		leaf = DefaultLeafSize
	}
	if leaf < 2 || leaf&(leaf-1) != 0 {
		return fmt.Errorf("neighbor: ball tree leaf size must be a power of two ≥ 2, got %d", t.LeafSize)
	}
	if len(pts) > 1<<30 {
		return fmt.Errorf("neighbor: ball tree of %d points exceeds the limit of 2³⁰", len(pts))
	}
	t.n = 0
	t.rec = slices.Grow(t.rec[:0], len(pts))[:len(pts)]
	for i, p := range pts {
		if !p.IsFinite() {
			return fmt.Errorf("neighbor: ball tree point %d is not finite: %v", i, p)
		}
		var img [3]int32
		box.Wrap(&p, &img)
		t.rec[i] = record{p, int32(i)}
	}
	t.box, t.n = box, len(pts)
	slots := t.Slots()
	t.leaf = min(leaf, slots)
	t.perm = resize(t.perm, slots)
	t.pos = resizeVec(t.pos, slots)
	t.pad = slices.Grow(t.pad[:0], slots)[:slots]
	nn := 0
	if slots > 0 {
		nn = 2*slots/t.leaf - 1
	}
	t.boxes = slices.Grow(t.boxes[:0], nn)[:nn]
	t.balls = slices.Grow(t.balls[:0], nn)[:nn]
	if slots > 0 {
		t.build(0, t.rec, 0, slots, sim.Vec3{})
	}
	return nil
}

// build lays out node k, which holds the records rec in the slots
// [slot, slot+size), and returns the largest squared distance from parent
// (the centre of the parent node) to its points.
func (t *BallTree) build(k int, rec []record, slot, size int, parent sim.Vec3) float64 {
	// One pass for the bounding box and the distance to the parent's
	// centre, on scalars (the compiler keeps sim.Vec3 values in memory).
	lx, ly, lz := rec[0].p[0], rec[0].p[1], rec[0].p[2]
	hx, hy, hz := lx, ly, lz
	cx, cy, cz := parent[0], parent[1], parent[2]
	var toParent float64
	for i := range rec {
		p := &rec[i].p
		x, y, z := p[0], p[1], p[2]
		lx, ly, lz = min(lx, x), min(ly, y), min(lz, z)
		hx, hy, hz = max(hx, x), max(hy, y), max(hz, z)
		dx, dy, dz := x-cx, y-cy, z-cz
		toParent = max(toParent, dx*dx+dy*dy+dz*dz)
	}
	lo, hi := sim.Vec3{lx, ly, lz}, sim.Vec3{hx, hy, hz}
	t.boxes[k] = aabb{lo, hi}
	nd := &t.balls[k]
	nd.center = lo.Add(hi).Scale(0.5)
	if size == t.leaf {
		var r2 float64
		for i := 0; i < size; i++ {
			r := &rec[i%len(rec)]
			t.perm[slot+i], t.pos[slot+i], t.pad[slot+i] = r.id, r.p, i >= len(rec)
			r2 = max(r2, r.p.Sub(nd.center).Norm2())
		}
		nd.radius = math.Sqrt(r2)
		return toParent
	}
	axis := 0
	for a := 1; a < 3; a++ {
		if hi[a]-lo[a] > hi[axis]-lo[axis] {
			axis = a
		}
	}
	mid := len(rec) / 2
	selectAxis(rec, mid, axis, 2*bits.Len(uint(len(rec))))
	half := size / 2
	r2 := t.build(2*k+1, rec[:mid], slot, half, nd.center)
	r2 = max(r2, t.build(2*k+2, rec[mid:], slot+half, half, nd.center))
	nd.radius = math.Sqrt(r2)
	return toParent
}

// selectAxis reorders a so that a[k] holds the element of rank k along
// axis, with no larger element before it and no smaller one after it. It is
// Floyd and Rivest's selection (Commun. ACM 18, 173, 1975): on a long range
// it first selects within a sample around the expected rank, so that the
// pivot lands close to rank k and the partitions shrink fast (about 1.5 n
// comparisons for a median). After depth partitions it falls back to
// sorting, which bounds the work by O(n log n).
func selectAxis(a []record, k, axis, depth int) {
	lo, hi := 0, len(a)-1
	for hi > lo {
		if depth == 0 {
			slices.SortFunc(a[lo:hi+1], func(x, y record) int { return cmpFloat(x.p[axis], y.p[axis]) })
			return
		}
		depth--
		if n := hi - lo + 1; n > 600 {
			// Select within a sample of about n^(2/3) elements, offset by
			// half a standard deviation towards the middle.
			i := float64(k - lo + 1)
			z := math.Log(float64(n))
			s := 0.5 * math.Exp(2*z/3)
			sd := 0.5 * math.Sqrt(z*s*(float64(n)-s)/float64(n))
			if i < float64(n)/2 {
				sd = -sd
			}
			l := max(lo, int(float64(k)-i*s/float64(n)+sd))
			r := min(hi, int(float64(k)+(float64(n)-i)*s/float64(n)+sd))
			selectAxis(a[l:r+1], k-l, axis, depth)
		}
		// Partition around t = a[k] (Hoare, with t moved to an end).
		t := a[k].p[axis]
		i, j := lo, hi
		a[lo], a[k] = a[k], a[lo]
		if a[hi].p[axis] > t {
			a[hi], a[lo] = a[lo], a[hi]
		}
		for i < j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
			for a[i].p[axis] < t {
				i++
			}
			for a[j].p[axis] > t {
				j--
			}
		}
		if a[lo].p[axis] == t {
			a[lo], a[j] = a[j], a[lo]
		} else {
			j++
			a[j], a[hi] = a[hi], a[j]
		}
		// Now a[j] = t, with nothing larger before and nothing smaller after.
		if j <= k {
			lo = j + 1
		}
		if k <= j {
			hi = j - 1
		}
	}
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// Len returns the number of points.
func (t *BallTree) Len() int { return t.n }

// Slots returns the padded number of slots: the smallest power of two ≥
// Len() (0 for no points).
func (t *BallTree) Slots() int {
	if t.n == 0 {
		return 0
	}
	return 1 << bits.Len(uint(t.n-1))
}

// Levels returns the number of levels of balls: level 0 is the root, level
// Levels()−1 the leaves (0 for no points).
func (t *BallTree) Levels() int {
	if t.n == 0 {
		return 0
	}
	return bits.Len(uint(t.Slots() / t.leaf)) // log2(leaves) + 1
}

// Perm returns the point index of each slot; ball j at level l holds the
// points Perm()[j·S : (j+1)·S] with S = Slots() >> l. The slice belongs to
// the tree.
func (t *BallTree) Perm() []int32 { return t.perm }

// Padding reports whether slot s holds a padding copy of a point that also
// occupies an earlier slot of the same leaf.
func (t *BallTree) Padding(s int) bool { return t.pad[s] }

// Ball returns ball j at level l, 0 ≤ j < 2^l.
func (t *BallTree) Ball(l, j int) Ball {
	size := t.Slots() >> l
	nd := &t.balls[(1<<l)-1+j]
	return Ball{Lo: j * size, Hi: (j + 1) * size, Center: nd.center, Radius: nd.radius}
}

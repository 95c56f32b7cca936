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
// same sets as a brute-force search on the wrapped points), with
// minimum-image distances along the periodic axes of the box it was built
// with. Each node keeps its bounding box for pruning and its bounding ball
// (centre of the box and the largest distance from it to a point) for the
// Erwin-style API. Queries stop descending at buckets of a few tens of
// slots (or at the leaves if those are larger) and scan the points, stored
// in tree order without the padding, so their speed does not depend on the
// leaf size.
//
// Build takes O(n log n) time and reuses the tree's memory; queries do not
// allocate beyond growing the caller's slice, and a built tree may be
// queried concurrently.
type BallTree struct {
	// LeafSize is the number of slots of a leaf ball, a power of two ≥ 2
	// (DefaultLeafSize if zero). Erwin's reshapes need balls of at least
	// the leaf size; larger leaves build slightly faster.
	LeafSize int

	box  sim.Box
	n    int     // points
	leaf int     // slots per leaf (LeafSize, or Slots() if smaller)
	perm []int32 // point index of each slot
	pad  []bool  // slot holds a padding copy
	// The points in tree order without the padding copies, wrapped: node k
	// holds items[nodes[k].first : nodes[k].last].
	items []record
	// The nodes in heap order: the children of node k are 2k+1 and 2k+2.
	nodes []node
	rec   []record // build scratch: the records in build order
}

// node is the bounding box of a node's points, the radius of its bounding
// ball (about the centre of the box), and the range of its points in items:
// 64 bytes, one cache line.
type node struct {
	lo, hi      sim.Vec3
	radius      float64
	first, last int32
}

// center returns the centre of the node's box.
func (nd *node) center() sim.Vec3 { return nd.lo.Add(nd.hi).Scale(0.5) }

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
	t.rec = grow(t.rec, len(pts))
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
	t.perm = grow(t.perm, slots)
	t.pad = grow(t.pad, slots)
	t.items = grow(t.items, len(pts))
	nn := 0
	if slots > 0 {
		nn = 2*slots/t.leaf - 1
	}
	t.nodes = grow(t.nodes, nn)
	if slots > 0 {
		t.build(0, t.rec, 0, slots, sim.Vec3{})
	}
	return nil
}

// grow returns a slice of length n that reuses a's memory if it can.
func grow[T any](a []T, n int) []T { return slices.Grow(a[:0], n)[:n] }

// build lays out node k, which holds the records a (a part of rec) in
// the slots [slot, slot+size), and returns the largest squared distance
// from parent (the centre of the parent node) to its points.
func (t *BallTree) build(k int, a []record, slot, size int, parent sim.Vec3) float64 {
	if size <= smallTree && size > t.leaf {
		return t.buildSmall(k, a, slot, size, parent)
	}
	// One pass for the bounding box and the distance to the parent's
	// centre, on scalars (the compiler keeps sim.Vec3 values in memory).
	// New extremes are rare after the first few points, so the branches
	// predict well.
	lx, ly, lz := a[0].p[0], a[0].p[1], a[0].p[2]
	hx, hy, hz := lx, ly, lz
	cx, cy, cz := parent[0], parent[1], parent[2]
	var toParent float64
	for i := range a {
		p := &a[i].p
		x, y, z := p[0], p[1], p[2]
		if x < lx {
			lx = x
		}
		if x > hx {
			hx = x
		}
		if y < ly {
			ly = y
		}
		if y > hy {
			hy = y
		}
		if z < lz {
			lz = z
		}
		if z > hz {
			hz = z
		}
		dx, dy, dz := x-cx, y-cy, z-cz
		if d := dx*dx + dy*dy + dz*dz; d > toParent {
			toParent = d
		}
	}
	first := t.offset(a)
	nd := &t.nodes[k]
	*nd = node{lo: sim.Vec3{lx, ly, lz}, hi: sim.Vec3{hx, hy, hz}, first: int32(first), last: int32(first + len(a))}
	center := nd.center()
	var r2 float64
	if size == t.leaf {
		for i := range a {
			r2 = max(r2, a[i].p.Sub(center).Norm2())
		}
		copy(t.items[first:], a)
		t.setLeaf(slot, size, first, len(a))
	} else {
		mid := len(a) / 2
		selectAxis(a, mid, nd.axis(), 2*bits.Len(uint(len(a))))
		half := size / 2
		r2 = t.build(2*k+1, a[:mid], slot, half, center)
		r2 = max(r2, t.build(2*k+2, a[mid:], slot+half, half, center))
	}
	t.nodes[k].radius = math.Sqrt(r2)
	return toParent
}

// offset returns the position of a's first record in rec.
func (t *BallTree) offset(a []record) int { return cap(t.rec) - cap(a) }

// setLeaf fills the slots [slot, slot+size) of a leaf with the indices of
// the n ≥ size/2 items from first, then with copies of its first points.
func (t *BallTree) setLeaf(slot, size, first, n int) {
	perm, pad := t.perm[slot:slot+size], t.pad[slot:slot+size]
	for i, it := range t.items[first : first+n] {
		perm[i], pad[i] = it.id, false
	}
	for i := n; i < size; i++ {
		perm[i], pad[i] = perm[i-n], true
	}
}

// axis returns the axis of largest spread of the box, the lowest of equal
// ones.
func (nd *node) axis() int {
	a := 0
	for c := 1; c < 3; c++ {
		if nd.hi[c]-nd.lo[c] > nd.hi[a]-nd.lo[a] {
			a = c
		}
	}
	return a
}

// smallTree is the largest node, in slots, whose subtree buildSmall lays
// out.
const smallTree = 32

// small is the working set of buildSmall: the records of a subtree, their
// ranks along each axis, and the record of each rank.
type small struct {
	a    []record
	rank [3][smallTree]uint8
	at   [3][smallTree]uint8
	next int // the next free item
}

// buildSmall lays out the subtree of node k (at most smallTree slots) as
// build does. It ranks its points along each axis once; every node below
// then is a set of ranks per axis (bit masks), whose lowest and highest
// ranks give its bounding box, whose lower half along the split axis
// gives the left child, and which it translates to the other axes through
// the ranks. No records move until the leaves copy them to items.
func (t *BallTree) buildSmall(k int, a []record, slot, size int, parent sim.Vec3) float64 {
	var s small
	s.a, s.next = a, t.offset(a)
	// Rank by coordinate, then by position in a, with one comparison per
	// pair and axis and no branch.
	var rx, ry, rz [smallTree]int32 // 32 bits: smallTree ≤ 32
	for i := range a {
		p := &a[i].p
		x, y, z := p[0], p[1], p[2]
		var cx, cy, cz int32
		for j := i + 1; j < len(a); j++ {
			q := &a[j].p
			bx, by, bz := b2i(q[0] < x), b2i(q[1] < y), b2i(q[2] < z)
			cx, cy, cz = cx+bx, cy+by, cz+bz
			rx[j], ry[j], rz[j] = rx[j]+1-bx, ry[j]+1-by, rz[j]+1-bz
		}
		rx[i], ry[i], rz[i] = rx[i]+cx, ry[i]+cy, rz[i]+cz
	}
	for i := range a {
		s.rank[0][i], s.at[0][rx[i]] = uint8(rx[i]), uint8(i)
		s.rank[1][i], s.at[1][ry[i]] = uint8(ry[i]), uint8(i)
		s.rank[2][i], s.at[2][rz[i]] = uint8(rz[i]), uint8(i)
	}
	all := ^uint32(0) >> (32 - len(a)) // every rank
	cx, cy, cz := parent[0], parent[1], parent[2]
	var toParent float64
	for i := range a {
		p := &a[i].p
		dx, dy, dz := p[0]-cx, p[1]-cy, p[2]-cz
		toParent = max(toParent, dx*dx+dy*dy+dz*dz)
	}
	t.smallNode(&s, k, [3]uint32{all, all, all}, slot, size)
	return toParent
}

// smallNode lays out node k of a buildSmall subtree, the records whose
// ranks along axis c are the bits of mask[c].
func (t *BallTree) smallNode(s *small, k int, mask [3]uint32, slot, size int) {
	a := s.a
	m0, m1, m2 := mask[0], mask[1], mask[2]
	lx, hx := a[s.at[0][bits.TrailingZeros32(m0)]].p[0], a[s.at[0][31-bits.LeadingZeros32(m0)]].p[0]
	ly, hy := a[s.at[1][bits.TrailingZeros32(m1)]].p[1], a[s.at[1][31-bits.LeadingZeros32(m1)]].p[1]
	lz, hz := a[s.at[2][bits.TrailingZeros32(m2)]].p[2], a[s.at[2][31-bits.LeadingZeros32(m2)]].p[2]
	cx, cy, cz := (lx+hx)*0.5, (ly+hy)*0.5, (lz+hz)*0.5 // node.center
	n := bits.OnesCount32(m0)
	var r2 float64
	for m := m0; m != 0; m &= m - 1 {
		p := &a[s.at[0][bits.TrailingZeros32(m)]].p
		dx, dy, dz := p[0]-cx, p[1]-cy, p[2]-cz
		r2 = max(r2, dx*dx+dy*dy+dz*dz)
	}
	nd := &t.nodes[k]
	*nd = node{sim.Vec3{lx, ly, lz}, sim.Vec3{hx, hy, hz}, math.Sqrt(r2), int32(s.next), int32(s.next + n)}
	if size == t.leaf {
		items := t.items[s.next : s.next+n]
		i := 0
		for m := m0; m != 0; m &= m - 1 {
			items[i] = a[s.at[0][bits.TrailingZeros32(m)]]
			i++
		}
		t.setLeaf(slot, size, s.next, n)
		s.next += n
		return
	}
	// The lower half along the split axis, in ranks along every axis.
	axis := nd.axis()
	upper := mask[axis]
	for i := 0; i < n/2; i++ {
		upper &= upper - 1
	}
	var l0, l1, l2 uint32
	at := &s.at[axis]
	for m := mask[axis] &^ upper; m != 0; m &= m - 1 {
		e := at[bits.TrailingZeros32(m)]
		l0 |= 1 << s.rank[0][e]
		l1 |= 1 << s.rank[1][e]
		l2 |= 1 << s.rank[2][e]
	}
	half := size / 2
	t.smallNode(s, 2*k+1, [3]uint32{l0, l1, l2}, slot, half)
	t.smallNode(s, 2*k+2, [3]uint32{m0 &^ l0, m1 &^ l1, m2 &^ l2}, slot+half, half)
}

// selectAxis reorders a so that a[k] holds the record of rank k in the
// order of before along axis, with no record after it in that order before
// it and none before it after it. It is a quickselect: long ranges take
// their pivot as Floyd and Rivest do (Commun. ACM 18, 173, 1975),
// selecting within a sample around the expected rank so that the pivot
// lands close to rank k (about 1.5 n comparisons for a median), shorter
// ones the median of three; partition works without branches, and the
// order is strict, so ties cost nothing. After depth partitions it sorts,
// which bounds the work by O(n log n).
func selectAxis(a []record, k, axis, depth int) {
	lo, hi := 0, len(a) // a[lo:hi] holds rank k
	for hi-lo > 8 {
		if depth == 0 {
			slices.SortFunc(a[lo:hi], func(x, y record) int { return compare(&x, &y, axis) })
			return
		}
		depth--
		if n := hi - lo; n > 600 {
			// Select within a sample of about n^(2/3) records, offset by
			// half a standard deviation towards the middle.
			i := float64(k - lo + 1)
			z := math.Log(float64(n))
			s := 0.5 * math.Exp(2*z/3)
			sd := 0.5 * math.Sqrt(z*s*(float64(n)-s)/float64(n))
			if i < float64(n)/2 {
				sd = -sd
			}
			l := max(lo, int(float64(k)-i*s/float64(n)+sd))
			r := min(hi-1, int(float64(k)+(float64(n)-i)*s/float64(n)+sd))
			selectAxis(a[l:r+1], k-l, axis, depth)
			a[k], a[hi-1] = a[hi-1], a[k]
		} else {
			// The median of the first, middle and last records.
			x, y, z := &a[lo], &a[lo+n/2], &a[hi-1]
			if before(y, x, axis) {
				*x, *y = *y, *x
			}
			if before(z, y, axis) {
				*y, *z = *z, *y
				if before(y, x, axis) {
					*x, *y = *y, *x
				}
			}
			*y, *z = *z, *y
		}
		// Partition around the pivot at a[hi-1] and put it in its place.
		j := lo + partition(a[lo:hi-1], &a[hi-1], axis)
		a[j], a[hi-1] = a[hi-1], a[j]
		switch {
		case k < j:
			hi = j
		case k > j:
			lo = j + 1
		default:
			return
		}
	}
	for i := lo + 1; i < hi; i++ { // insertion sort
		for j := i; j > lo && before(&a[j], &a[j-1], axis); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// partition reorders a so that the records before t (in the order of
// before along axis) come first, and returns their number. It is Lomuto's
// scheme without branches: every record is swapped to the boundary, which
// advances when the record is before t.
func partition(a []record, t *record, axis int) int {
	tx, tid := t.p[axis], t.id
	j := 0
	for i := range a {
		x, id := a[i].p[axis], a[i].id
		a[i], a[j] = a[j], a[i]
		j += int(b2i(x < tx) | b2i(x == tx)&b2i(id < tid))
	}
	return j
}

// before reports whether x comes before y along axis: by coordinate, then
// by index, a strict total order.
func before(x, y *record, axis int) bool {
	return x.p[axis] < y.p[axis] || x.p[axis] == y.p[axis] && x.id < y.id
}

// compare is before as a three-way comparison.
func compare(x, y *record, axis int) int {
	switch {
	case before(x, y, axis):
		return -1
	case before(y, x, axis):
		return 1
	}
	return 0
}

// b2i returns 1 if c holds and 0 otherwise, without a branch.
func b2i(c bool) int32 {
	var i int32
	if c {
		i = 1
	}
	return i
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
	nd := &t.nodes[(1<<l)-1+j]
	return Ball{Lo: j * size, Hi: (j + 1) * size, Center: nd.center(), Radius: nd.radius}
}

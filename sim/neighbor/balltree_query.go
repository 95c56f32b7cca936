package neighbor

import (
	"math"
	"math/bits"
	"slices"

	"github.com/physim/physim/sim"
)

// Hit is a point found by a query: its index and its (minimum-image)
// distance in σ from the query point.
type Hit struct {
	Index int32
	Dist  float64
}

// withinBucket and nearestBucket are the numbers of slots of the nodes at
// which Within and Nearest stop descending and test every point (about as
// many points), unless the leaves are larger. Larger buckets mean fewer
// nodes to test and more points; in the in.lj fluid 32 is the fastest of 8,
// 16 and 32 for radii from 1 to 5 σ, and 8 for the 16 nearest neighbours.
const (
	withinBucket  = 32
	nearestBucket = 8
)

// maxStack bounds the depth-first stack of Nearest: a tree of at most 2³⁰
// slots has at most 31 levels, and the stack holds at most one pending
// sibling per level plus the node at hand.
const maxStack = 64

// imageReach is the largest radius, as a fraction of a periodic edge, for
// which Within searches the periodic images of the query point as separate
// open queries: up to it a point lies within the radius of at most one
// image, and that image is the minimum image. Larger radii take the
// minimum image per point.
const imageReach = 0.4

// Within appends to out the indices of the points whose minimum-image
// distance from q is less than r (σ), in an order fixed by the tree, and
// returns the extended slice; it may use and grow out's spare capacity as
// scratch. Like the points, q is wrapped along periodic axes first; a
// non-finite q has no neighbours.
//
// When r is at most 0.4 edges of every periodic axis, the search runs once
// for each periodic image of q that comes within r of the points' bounding
// box, with open-space distances. The node bounds and the test of each
// point use the floating-point operations of sim.Box.Delta, so the result
// is that of a brute-force search bit for bit.
func (t *BallTree) Within(q sim.Vec3, r float64, out []int32) []int32 {
	if t.n == 0 || !(r > 0) || !q.IsFinite() {
		return out
	}
	var img [3]int32
	t.box.Wrap(&q, &img)
	r2 := r * r
	// The shifts s (0 and ±L along periodic axes) for which the image
	// displacement (p − q) + s of some point can be shorter than r.
	var shifts [3][3]float64
	var ns [3]int
	root := &t.nodes[0]
	for a := 0; a < 3; a++ {
		ns[a] = 1
		if !t.box.Periodic[a] {
			continue
		}
		l := t.box.L[a]
		if r > imageReach*l {
			return t.withinImaged(0, t.firstBucket(withinBucket), q, r2, out)
		}
		ns[a] = 0
		for _, s := range [3]float64{0, -l, l} {
			if g := gap((root.lo[a]-q[a])+s, (root.hi[a]-q[a])+s); g*g < r2 {
				shifts[a][ns[a]] = s
				ns[a]++
			}
		}
	}
	for _, sz := range shifts[2][:ns[2]] {
		for _, sy := range shifts[1][:ns[1]] {
			for _, sx := range shifts[0][:ns[0]] {
				out = t.withinShifted(q, sim.Vec3{sx, sy, sz}, r2, out)
			}
		}
	}
	return out
}

// withinShifted appends the points with |(p − q) + s|² < r2, the
// displacement formed component by component in that order.
//
// It descends breadth first, a level at a time, keeping the children whose
// box comes within r of q as the next frontier, which it stores in out's
// spare capacity and extends without branches. Then it moves the buckets
// it reached behind room for all their points and scans them, runs of
// consecutive buckets (contiguous points) together, storing each point and
// advancing past it if it is within r.
func (t *BallTree) withinShifted(q, s sim.Vec3, r2 float64, out []int32) []int32 {
	qx, qy, qz := q[0], q[1], q[2]
	sx, sy, sz := s[0], s[1], s[2]
	base := len(out)
	out = append(out, 0) // the root
	cur, n := base, 1    // the frontier: out[cur : cur+n]
	for range bits.Len(uint(t.firstBucket(withinBucket))) {
		next := cur + n
		if cap(out) < next+2*n {
			out = slices.Grow(out[:next], 2*n)
		}
		out = out[:next+2*n]
		m := 0
		for _, k := range out[cur:next] {
			for c := 2*k + 1; c <= 2*k+2; c++ {
				nc := &t.nodes[c]
				gx := gap((nc.lo[0]-qx)+sx, (nc.hi[0]-qx)+sx)
				gy := gap((nc.lo[1]-qy)+sy, (nc.hi[1]-qy)+sy)
				gz := gap((nc.lo[2]-qz)+sz, (nc.hi[2]-qz)+sz)
				out[next+m] = c
				m += below(gx*gx+gy*gy+gz*gz, r2)
			}
		}
		cur, n = next, m
	}
	// Move the buckets behind room for all their points.
	total := 0
	for _, k := range out[cur : cur+n] {
		total += int(t.nodes[k].last - t.nodes[k].first)
	}
	if end := base + total + n; cap(out) < end {
		out = slices.Grow(out[:cur+n], end-cur-n)
	}
	out = out[:max(len(out), base+total+n)]
	buckets := out[base+total : base+total+n]
	copy(buckets, out[cur:cur+n])
	m := base
	for i := 0; i < n; {
		j := i + 1
		for j < n && buckets[j] == buckets[j-1]+1 {
			j++
		}
		items := t.items[t.nodes[buckets[i]].first:t.nodes[buckets[j-1]].last]
		i = j
		buf := out[m : m+len(items)]
		c := 0
		for e := range items {
			it := &items[e]
			dx, dy, dz := (it.p[0]-qx)+sx, (it.p[1]-qy)+sy, (it.p[2]-qz)+sz
			buf[c] = it.id
			c += below(dx*dx+dy*dy+dz*dz, r2)
		}
		m += c
	}
	return out[:m]
}

// withinImaged appends the points of the subtree of node k within
// minimum-image distance √r2 of q, depth first, for radii beyond
// imageReach of a periodic edge; buckets start at node bucket.
func (t *BallTree) withinImaged(k, bucket int, q sim.Vec3, r2 float64, out []int32) []int32 {
	if t.gap2(k, q) >= r2 {
		return out
	}
	if k < bucket {
		out = t.withinImaged(2*k+1, bucket, q, r2, out)
		return t.withinImaged(2*k+2, bucket, q, r2, out)
	}
	nd := &t.nodes[k]
	for i := nd.first; i < nd.last; i++ {
		if t.dist2(q, i) < r2 {
			out = append(out, t.items[i].id)
		}
	}
	return out
}

// pending is a node waiting on the stack of Nearest with its distance
// bound.
type pending struct {
	node int
	gap2 float64
}

// Nearest returns the min(k, Len()) points nearest to q (wrapped along
// periodic axes), sorted by distance and, among equal distances, by index,
// in out's memory.
func (t *BallTree) Nearest(q sim.Vec3, k int, out []Hit) []Hit {
	out = out[:0]
	k = min(k, t.n)
	if k <= 0 {
		return out
	}
	var img [3]int32
	t.box.Wrap(&q, &img)
	bucket := t.firstBucket(nearestBucket)
	// out is a max-heap on (squared distance, index) of the best k so far;
	// Dist holds squared distances until the end.
	var stack [maxStack]pending
	stack[0] = pending{0, t.gap2(0, q)}
	for sp := 1; sp > 0; {
		sp--
		nd := stack[sp]
		if len(out) == k && nd.gap2 > out[0].Dist {
			continue
		}
		if nd.node < bucket {
			a, b := 2*nd.node+1, 2*nd.node+2
			ga, gb := t.gap2(a, q), t.gap2(b, q)
			if ga > gb { // visit the nearer child first
				a, b, ga, gb = b, a, gb, ga
			}
			stack[sp], stack[sp+1] = pending{b, gb}, pending{a, ga}
			sp += 2
			continue
		}
		n := &t.nodes[nd.node]
		for i := n.first; i < n.last; i++ {
			h := Hit{t.items[i].id, t.dist2(q, i)}
			switch {
			case len(out) < k:
				out = append(out, h)
				siftUp(out, len(out)-1)
			case hitLess(h, out[0]):
				out[0] = h
				siftDown(out, 0)
			}
		}
	}
	slices.SortFunc(out, func(a, b Hit) int {
		if hitLess(a, b) {
			return -1
		}
		return 1 // distinct indices: never equal
	})
	for i := range out {
		out[i].Dist = math.Sqrt(out[i].Dist)
	}
	return out
}

func hitLess(a, b Hit) bool { return a.Dist < b.Dist || (a.Dist == b.Dist && a.Index < b.Index) }

func siftUp(h []Hit, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !hitLess(h[p], h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func siftDown(h []Hit, i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && hitLess(h[c], h[c+1]) {
			c++
		}
		if !hitLess(h[i], h[c]) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// firstBucket returns the heap index of the first node at which a query
// with buckets of the given number of slots stops descending: the first
// node of that size, or the first leaf, or the root of a smaller tree.
func (t *BallTree) firstBucket(slots int) int { return max(t.Slots()/max(t.leaf, slots), 1) - 1 }

// dist2 returns the squared minimum-image distance from q to item i,
// |sim.Box.Delta(q, p)|² bit for bit (the same operations on scalars, which
// the compiler keeps in registers).
func (t *BallTree) dist2(q sim.Vec3, i int32) float64 {
	p, b := &t.items[i].p, &t.box
	dx, dy, dz := p[0]-q[0], p[1]-q[1], p[2]-q[2]
	if b.Periodic[0] {
		dx = image(dx, b.L[0])
	}
	if b.Periodic[1] {
		dy = image(dy, b.L[1])
	}
	if b.Periodic[2] {
		dz = image(dz, b.L[2])
	}
	return dx*dx + dy*dy + dz*dz
}

// image returns the minimum image of the displacement d along a periodic
// axis of length l, as sim.Box.MinImage computes it. Below 0.4 l the image
// is d itself (d/l rounds to 0), which skips the division for most pairs.
func image(d, l float64) float64 {
	if math.Abs(d) > 0.4*l {
		return d - l*math.Round(d/l)
	}
	return d
}

// gap2 returns a lower bound on dist2 from q to any point of node k. Along
// each axis it takes the smallest distance from q to the node's box over
// the images the minimum image can pick (shifts of 0 and ±L), with the same
// floating-point operations as dist2; rounding is monotone, so the bound
// holds exactly.
func (t *BallTree) gap2(k int, q sim.Vec3) float64 {
	nd, b := &t.nodes[k], &t.box
	lx, ly, lz := nd.lo[0]-q[0], nd.lo[1]-q[1], nd.lo[2]-q[2]
	hx, hy, hz := nd.hi[0]-q[0], nd.hi[1]-q[1], nd.hi[2]-q[2]
	gx, gy, gz := gap(lx, hx), gap(ly, hy), gap(lz, hz)
	if b.Periodic[0] {
		gx = min(gx, gap(lx-b.L[0], hx-b.L[0]), gap(lx+b.L[0], hx+b.L[0]))
	}
	if b.Periodic[1] {
		gy = min(gy, gap(ly-b.L[1], hy-b.L[1]), gap(ly+b.L[1], hy+b.L[1]))
	}
	if b.Periodic[2] {
		gz = min(gz, gap(lz-b.L[2], hz-b.L[2]), gap(lz+b.L[2], hz+b.L[2]))
	}
	return gx*gx + gy*gy + gz*gz
}

// gap returns the distance from 0 to the interval [lo, hi] (lo ≤ hi):
// lo if lo > 0, −hi if hi < 0, else 0, without branches. Rounding is
// monotone, so for displacements formed with the same operations from
// coordinates inside a box it is a lower bound on their magnitude.
func gap(lo, hi float64) float64 { return max(0, lo, -hi) }

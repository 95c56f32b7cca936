package neighbor

import (
	"math"
	"slices"

	"github.com/physim/physim/sim"
)

// Hit is a point found by a query: its index and its (minimum-image)
// distance in σ from the query point.
type Hit struct {
	Index int32
	Dist  float64
}

// maxStack bounds the depth-first stack of a query: a tree of at most 2³⁰
// slots has at most 31 levels, and the stack holds at most one pending
// sibling per level plus the node at hand.
const maxStack = 64

// pending is a node waiting on the query stack with its distance bound.
type pending struct {
	node int
	gap2 float64
}

// Within appends to out the indices of the points whose minimum-image
// distance from q is less than r (σ), in slot order, and returns the
// extended slice. Like the points, q is wrapped along periodic axes first.
func (t *BallTree) Within(q sim.Vec3, r float64, out []int32) []int32 {
	if t.n == 0 || !(r > 0) {
		return out
	}
	var img [3]int32
	t.box.Wrap(&q, &img)
	r2 := r * r
	first := t.firstLeaf()
	var stack [maxStack]int
	stack[0] = 0
	for sp := 1; sp > 0; {
		sp--
		k := stack[sp]
		if t.gap2(k, q) >= r2 {
			continue
		}
		if k < first {
			stack[sp], stack[sp+1] = 2*k+2, 2*k+1
			sp += 2
			continue
		}
		s0 := (k - first) * t.leaf
		for s := s0; s < s0+t.leaf; s++ {
			if !t.pad[s] && t.dist2(q, s) < r2 {
				out = append(out, t.perm[s])
			}
		}
	}
	return out
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
	first := t.firstLeaf()
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
		if nd.node < first {
			a, b := 2*nd.node+1, 2*nd.node+2
			ga, gb := t.gap2(a, q), t.gap2(b, q)
			if ga > gb { // visit the nearer child first
				a, b, ga, gb = b, a, gb, ga
			}
			stack[sp], stack[sp+1] = pending{b, gb}, pending{a, ga}
			sp += 2
			continue
		}
		s0 := (nd.node - first) * t.leaf
		for s := s0; s < s0+t.leaf; s++ {
			if t.pad[s] {
				continue
			}
			h := Hit{t.perm[s], t.dist2(q, s)}
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

// firstLeaf returns the heap index of the first leaf node.
func (t *BallTree) firstLeaf() int { return t.Slots()/t.leaf - 1 }

// dist2 returns the squared minimum-image distance from q to slot s,
// |sim.Box.Delta(q, p)|² bit for bit (the same operations on scalars, which
// the compiler keeps in registers).
func (t *BallTree) dist2(q sim.Vec3, s int) float64 {
	p, b := &t.pos[s], &t.box
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
	nd, b := &t.boxes[k], &t.box
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
// lo if lo > 0, −hi if hi < 0, else 0, without branches.
func gap(lo, hi float64) float64 { return max(0, lo, -hi) }

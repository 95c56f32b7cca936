// Package neighbor finds the pairs of particles closer than a cutoff: a
// cell list, a Verlet list built from it with a skin and a half-skin rebuild
// rule, and a ball tree. Every structure gives exactly the pairs of the
// brute-force O(N²) search under the minimum-image convention.
package neighbor

import (
	"math"

	"github.com/physim/physim/sim"
)

// CellList bins particles into cubic-ish cells whose edges are at least the
// search radius, so that all neighbours of a particle lie in its own and the
// 26 surrounding cells. Along an axis with fewer than three cells (or an
// open axis) the list degrades gracefully to a single cell per axis, which
// is still exact.
type CellList struct {
	n     [3]int // cells per axis
	size  sim.Vec3
	head  []int32 // first particle of each cell, -1 if empty
	next  []int32 // next particle in the same cell, -1 at the end
	cells []int32 // cell of each particle
	lo    sim.Vec3
}

// Build bins the positions of s for search radius r. It reuses the list's
// memory.
func (c *CellList) Build(s *sim.State, r float64) {
	b := &s.Box
	lo, hi := sim.Vec3{}, b.L
	for k := 0; k < 3; k++ {
		if !b.Periodic[k] { // open axis: bin over the actual extent
			lo[k], hi[k] = math.Inf(1), math.Inf(-1)
			for _, p := range s.Pos {
				lo[k] = math.Min(lo[k], p[k])
				hi[k] = math.Max(hi[k], p[k])
			}
			if len(s.Pos) == 0 {
				lo[k], hi[k] = 0, 1
			}
			hi[k] += 1e-9 * (1 + math.Abs(hi[k]))
		}
		ext := hi[k] - lo[k]
		n := int(ext / r)
		if n < 3 {
			n = 1
		}
		if n > 1024 {
			n = 1024
		}
		c.n[k] = n
		c.size[k] = ext / float64(n)
	}
	c.lo = lo
	nc := c.n[0] * c.n[1] * c.n[2]
	c.head = resize(c.head, nc)
	for i := range c.head {
		c.head[i] = -1
	}
	c.next = resize(c.next, len(s.Pos))
	c.cells = resize(c.cells, len(s.Pos))
	// Insert in reverse so that each cell's chain runs in ascending index.
	for i := len(s.Pos) - 1; i >= 0; i-- {
		ci := int32(c.cellOf(s.Pos[i]))
		c.cells[i] = ci
		c.next[i] = c.head[ci]
		c.head[ci] = int32(i)
	}
}

func resize(a []int32, n int) []int32 {
	if cap(a) < n {
		return make([]int32, n)
	}
	return a[:n]
}

func (c *CellList) cellOf(p sim.Vec3) int {
	var idx [3]int
	for k := 0; k < 3; k++ {
		x := int((p[k] - c.lo[k]) / c.size[k])
		if x < 0 {
			x = 0
		}
		if x >= c.n[k] {
			x = c.n[k] - 1
		}
		idx[k] = x
	}
	return (idx[2]*c.n[1]+idx[1])*c.n[0] + idx[0]
}

// Cells returns the number of cells per axis.
func (c *CellList) Cells() [3]int { return c.n }

// ForEachNear calls fn for every particle j ≠ i in the cells around
// particle i (a superset of its neighbours within the build radius). Each j
// is visited once. Positions must be those the list was built from.
func (c *CellList) ForEachNear(s *sim.State, i int, fn func(j int)) {
	ci := int(c.cells[i])
	cx := ci % c.n[0]
	cy := (ci / c.n[0]) % c.n[1]
	cz := ci / (c.n[0] * c.n[1])
	var rng [3][]int
	for k, ck := range [3]int{cx, cy, cz} {
		rng[k] = c.stencil(k, ck, &s.Box)
	}
	for _, z := range rng[2] {
		for _, y := range rng[1] {
			for _, x := range rng[0] {
				for j := c.head[(z*c.n[1]+y)*c.n[0]+x]; j >= 0; j = c.next[j] {
					if int(j) != i {
						fn(int(j))
					}
				}
			}
		}
	}
}

// stencil returns the cell indices along axis k adjacent to ck (itself
// included), each once.
func (c *CellList) stencil(k, ck int, b *sim.Box) []int {
	n := c.n[k]
	if n == 1 {
		return []int{0}
	}
	out := make([]int, 0, 3)
	for d := -1; d <= 1; d++ {
		x := ck + d
		if x < 0 || x >= n {
			if !b.Periodic[k] {
				continue
			}
			x = (x + n) % n
		}
		out = append(out, x)
	}
	return out
}

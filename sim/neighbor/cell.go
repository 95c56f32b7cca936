// Package neighbor finds the pairs of particles closer than a cutoff: a
// cell list, a Verlet list built from it with a skin and a half-skin rebuild
// rule, and a ball tree. Every structure gives exactly the pairs of the
// brute-force O(N²) search under the minimum-image convention.
package neighbor

import (
	"fmt"
	"math"
	"slices"

	"github.com/physim/physim/sim"
)

// cellsPerRadius is the number of cells spanning the search radius along
// an axis. Cells of half the radius hug the search sphere more tightly than
// cells of the full radius (about 5³·(1/2)³ = 15.6 instead of 27 cell
// volumes r³ visited per particle) while keeping the rows of cells long.
const cellsPerRadius = 2

// binMargin widens the cells slightly beyond radius/cellsPerRadius so that
// round-off in binning can never move two particles closer than the radius
// out of each other's stencil.
const binMargin = 1e-9

// cellsPerParticle caps the number of cells at this many per particle (and
// at least minCells), so that a sparse open system cannot ask for a huge grid.
const (
	cellsPerParticle = 4
	minCells         = 64
)

// maxSegments bounds the number of contiguous slot ranges a stencil visits:
// (2m+1)² rows of cells along x, each split in two at most by a periodic
// wrap.
const maxSegments = 2 * (2*cellsPerRadius + 1) * (2*cellsPerRadius + 1)

// CellList bins particles into cells at least half the search radius wide
// and stores them sorted by cell, so that the candidates of a particle are a
// few contiguous ranges of memory. A query visits the cells within the
// search radius and keeps exactly the particles whose minimum-image distance
// is below it. Along a periodic axis too short for a stencil of distinct
// cells (shorter than about 2.5 radii) the list uses a single cell and the minimum
// image per pair, which is still exact. Positions outside the primary cell
// of a periodic axis are wrapped first.
//
// Build allocates only when the particle or cell count grows; queries never
// allocate (beyond growing the caller's slice). A built list may be queried
// from several goroutines at once.
type CellList struct {
	box   sim.Box
	r2    float64
	n     [3]int // cells per axis
	reach [3]int // stencil half-width in cells per axis
	// xreach[|dy|][|dz|] is the half-width along x of the row of cells at
	// offsets dy, dz, or −1 if that row lies entirely beyond the radius.
	xreach [cellsPerRadius + 1][cellsPerRadius + 1]int
	inv    [3]float64 // 1 / cell edge (0 for a single cell of zero extent)
	lo     sim.Vec3   // lower corner of the binned region
	imaged bool       // minimum image per pair (a short periodic axis)
	// fast images pairs with sim.Imager, which may differ from
	// sim.Box.MinImage only at half an edge: safe unless a periodic edge
	// is within rounding of twice the radius.
	fast bool
	im   sim.Imager

	start []int32    // cell c holds slots start[c]:start[c+1]
	pos   []sim.Vec3 // wrapped position of each slot
	id    []int32    // particle index of each slot
	slot  []int32    // slot of each particle
	cell  []int32    // scratch: cell of each particle
}

// segment is a contiguous range of slots with the image shift that turns
// their displacements from the query point into minimum images.
type segment struct {
	lo, hi int32
	shift  sim.Vec3
}

// Build bins the positions of s, which must be finite, for search radius r
// (σ). It reuses the list's memory. It panics if r is not positive and
// finite.
func (c *CellList) Build(s *sim.State, r float64) {
	if !(r > 0) || math.IsInf(r, 0) {
		panic(fmt.Sprintf("neighbor: cell list radius must be positive and finite, got %g", r))
	}
	c.box = s.Box
	c.r2 = r * r
	c.layout(s.Pos, r)
	c.sort(s.Pos)
}

// layout chooses the grid: cells per axis, their inverse edges and the
// stencil reach.
func (c *CellList) layout(pos []sim.Vec3, r float64) {
	var ext [3]float64
	for k := 0; k < 3; k++ {
		c.lo[k], ext[k] = 0, c.box.L[k]
		if !c.box.Periodic[k] {
			c.lo[k], ext[k] = openExtent(pos, k)
		}
	}
	limit := max(minCells, cellsPerParticle*len(pos))
	for k := 0; k < 3; k++ {
		c.n[k] = max(1, int(min(ext[k]*cellsPerRadius/(r*(1+binMargin)), float64(limit))))
	}
	for float64(c.n[0])*float64(c.n[1])*float64(c.n[2]) > float64(limit) {
		k := 0
		for j := 1; j < 3; j++ {
			if c.n[j] > c.n[k] {
				k = j
			}
		}
		c.n[k] /= 2
	}
	c.imaged = false
	for k := 0; k < 3; k++ {
		c.inv[k], c.reach[k] = 0, 0
		if c.n[k] == 1 {
			if ext[k] > 0 {
				c.inv[k] = 1 / ext[k]
			}
			continue
		}
		size := ext[k] / float64(c.n[k])
		c.inv[k] = 1 / size
		c.reach[k] = min(int(math.Ceil(r*(1+binMargin)/size)), cellsPerRadius)
		if c.box.Periodic[k] && c.n[k] < 2*c.reach[k]+1 {
			c.n[k], c.reach[k], c.inv[k] = 1, 0, 1/ext[k]
		}
	}
	c.rowReach(ext, r*(1+binMargin))
	c.fast, c.im = true, c.box.Imager()
	for k := 0; k < 3; k++ {
		if c.box.Periodic[k] && c.n[k] == 1 {
			c.imaged = true
		}
		if c.box.Periodic[k] && c.box.L[k] <= 2*r*(1+1e-9) {
			c.fast = false
		}
	}
}

// rowReach fills xreach: a row of cells at offsets dy, dz is at least
// gap = ((|dy|−1)⁺ size_y, (|dz|−1)⁺ size_z) away in y and z, so only cells
// with (|dx|−1)⁺ size_x < √(R² − |gap|²) along it can hold neighbours.
func (c *CellList) rowReach(ext [3]float64, R float64) {
	var size [3]float64
	for k := range size {
		size[k] = ext[k] / float64(c.n[k])
	}
	for dy := 0; dy <= c.reach[1]; dy++ {
		for dz := 0; dz <= c.reach[2]; dz++ {
			gy := float64(max(dy-1, 0)) * size[1]
			gz := float64(max(dz-1, 0)) * size[2]
			rest := R*R - gy*gy - gz*gz
			switch {
			case rest <= 0:
				c.xreach[dy][dz] = -1
			case c.reach[0] == 0:
				c.xreach[dy][dz] = 0
			default:
				c.xreach[dy][dz] = min(c.reach[0], int(math.Sqrt(rest)/size[0])+1)
			}
		}
	}
}

// openExtent returns the lower bound and the extent of the coordinates
// along axis k.
func openExtent(pos []sim.Vec3, k int) (lo, ext float64) {
	if len(pos) == 0 {
		return 0, 0
	}
	lo, hi := pos[0][k], pos[0][k]
	for _, p := range pos[1:] {
		lo = min(lo, p[k])
		hi = max(hi, p[k])
	}
	return lo, hi - lo
}

// sort bins the particles with a stable counting sort: slots run cell by
// cell, and by ascending particle index inside a cell.
func (c *CellList) sort(pos []sim.Vec3) {
	n := len(pos)
	nc := c.n[0] * c.n[1] * c.n[2]
	c.start = grow(c.start, nc+1)
	clear(c.start)
	c.pos = grow(c.pos, n)
	c.id = grow(c.id, n)
	c.slot = grow(c.slot, n)
	c.cell = grow(c.cell, n)
	for i, p := range pos {
		ci := c.index(c.coords(c.wrap(p)))
		c.cell[i] = int32(ci)
		c.start[ci+1]++
	}
	for ci := 0; ci < nc; ci++ {
		c.start[ci+1] += c.start[ci]
	}
	for i := range pos {
		ci := c.cell[i]
		c.slot[i] = c.start[ci]
		c.start[ci]++
	}
	// start[c] now holds the end of cell c; shift back by one cell.
	copy(c.start[1:], c.start[:nc])
	c.start[0] = 0
	for i, p := range pos {
		a := c.slot[i]
		c.pos[a] = c.wrap(p)
		c.id[a] = int32(i)
	}
}

func (c *CellList) wrap(p sim.Vec3) sim.Vec3 {
	var img [3]int32
	c.box.Wrap(&p, &img)
	return p
}

// coords returns the cell coordinates of the wrapped position p, clamped to
// the grid.
func (c *CellList) coords(p sim.Vec3) [3]int {
	var cc [3]int
	for k := 0; k < 3; k++ {
		cc[k] = min(max(int((p[k]-c.lo[k])*c.inv[k]), 0), c.n[k]-1)
	}
	return cc
}

func (c *CellList) index(cc [3]int) int { return (cc[2]*c.n[1]+cc[1])*c.n[0] + cc[0] }

// volume returns the volume of the binned region in σ³ (0 if it is flat).
func (c *CellList) volume() float64 {
	v := 1.0
	for k := 0; k < 3; k++ {
		if c.inv[k] == 0 {
			return 0
		}
		v *= float64(c.n[k]) / c.inv[k]
	}
	return v
}

// Cells returns the number of cells per axis.
func (c *CellList) Cells() [3]int { return c.n }

// Query appends to out the indices of the particles whose minimum-image
// distance from p is less than the build radius, in cell order, and returns
// the extended slice. Positions must be those the list was built from.
func (c *CellList) Query(p sim.Vec3, out []int32) []int32 {
	p = c.wrap(p)
	var segs [maxSegments]segment
	k, total := c.stencil(c.coords(p), &segs)
	return c.gather(p, segs[:k], total, -1, -1, out)
}

// stencil fills segs with the slot ranges of the cells that may hold
// particles within the radius of a point in cell cc, and returns their
// number and total length.
func (c *CellList) stencil(cc [3]int, segs *[maxSegments]segment) (k, total int) {
	var zs, ys [2*cellsPerRadius + 1]int
	var zsh, ysh [2*cellsPerRadius + 1]float64
	var zd, yd [2*cellsPerRadius + 1]int
	nz := c.axis(2, cc[2], &zs, &zsh, &zd)
	ny := c.axis(1, cc[1], &ys, &ysh, &yd)
	nx, L := c.n[0], c.box.L[0]
	for iz := 0; iz < nz; iz++ {
		for iy := 0; iy < ny; iy++ {
			xr := c.xreach[yd[iy]][zd[iz]]
			if xr < 0 {
				continue
			}
			x0, x1 := cc[0]-xr, cc[0]+xr
			if !c.box.Periodic[0] {
				x0, x1 = max(x0, 0), min(x1, nx-1)
			}
			row := (zs[iz]*c.n[1] + ys[iy]) * nx
			add := func(a, b int, sx float64) {
				g := segment{lo: c.start[row+a], hi: c.start[row+b+1], shift: sim.Vec3{sx, ysh[iy], zsh[iz]}}
				segs[k] = g
				total += int(g.hi - g.lo)
				k++
			}
			if x0 < 0 {
				add(x0+nx, nx-1, -L)
			}
			add(max(x0, 0), min(x1, nx-1), 0)
			if x1 >= nx {
				add(0, x1-nx, L)
			}
		}
	}
	return k, total
}

// axis lists the cells within reach of cell ck along axis k (y or z), with
// the image shift and the distance in cells of each, and returns their
// number.
func (c *CellList) axis(k, ck int, cells *[2*cellsPerRadius + 1]int, shifts *[2*cellsPerRadius + 1]float64, dist *[2*cellsPerRadius + 1]int) int {
	n, m := c.n[k], 0
	for x := ck - c.reach[k]; x <= ck+c.reach[k]; x++ {
		switch {
		case x >= 0 && x < n:
			cells[m], shifts[m] = x, 0
		case !c.box.Periodic[k]:
			continue
		case x < 0:
			cells[m], shifts[m] = x+n, -c.box.L[k]
		default:
			cells[m], shifts[m] = x-n, c.box.L[k]
		}
		dist[m] = abs(x - ck)
		m++
	}
	return m
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// gather appends to out the particles of the segments within the radius of
// p whose index exceeds above (−1 for all), skipping slot self (−1 for
// none); total is the segments' length.
//
// Every candidate is stored at buf[n] and n advances (by below and after,
// without a branch) only for those kept, which avoids a mispredicted
// branch per candidate. Self is dropped after its segment. The loop
// works on scalars because the compiler keeps sim.Vec3 values in memory.
// The displacement is formed as (q − p) + shift and squared in the order of
// sim.Vec3.Norm2, which equals |sim.Box.Delta(p, q)|² bit for bit for every
// pair within the radius; on a short periodic axis the minimum image is
// taken per pair instead, with sim.Imager where it gives the same pairs.
func (c *CellList) gather(p sim.Vec3, segs []segment, total int, self, above int32, out []int32) []int32 {
	n := len(out)
	out = slices.Grow(out, total)
	buf := out[:n+total]
	px, py, pz := p[0], p[1], p[2]
	r2 := c.r2
	for i := range segs {
		g := &segs[i]
		pos, id := c.pos[g.lo:g.hi], c.id[g.lo:g.hi]
		id = id[:len(pos)]
		n0 := n
		if c.imaged {
			n = c.gatherImaged(pos, id, p, r2, above, buf, n)
		} else {
			sx, sy, sz := g.shift[0], g.shift[1], g.shift[2]
			for j := range pos {
				q := &pos[j]
				dx, dy, dz := q[0]-px+sx, q[1]-py+sy, q[2]-pz+sz
				buf[n] = id[j]
				n += below(dx*dx+dy*dy+dz*dz, r2) & after(id[j], above)
			}
		}
		if g.lo <= self && self < g.hi {
			// Self was kept (at distance 0); drop it. The order of the
			// entries does not matter to the callers.
			k := slices.Index(buf[n0:n], c.id[self])
			n--
			buf[n0+k] = buf[n]
		}
	}
	return out[:n]
}

// gatherImaged is the loop of gather with the minimum image per pair.
func (c *CellList) gatherImaged(pos []sim.Vec3, id []int32, p sim.Vec3, r2 float64, above int32, buf []int32, n int) int {
	b, im := &c.box, &c.im
	for j := range pos {
		q := &pos[j]
		dx, dy, dz := q[0]-p[0], q[1]-p[1], q[2]-p[2]
		if c.fast {
			dx, dy, dz = im.Image(dx, dy, dz)
		} else {
			dx, dy, dz = b.MinImageXYZ(dx, dy, dz)
		}
		buf[n] = id[j]
		n += below(dx*dx+dy*dy+dz*dz, r2) & after(id[j], above)
	}
	return n
}

// after returns 1 if i > j and 0 otherwise, without a branch, for i ≥ 0
// and j ≥ −1.
func after(i, j int32) int { return int(uint32(j-i) >> 31) }

// below returns 1 if x < y and 0 otherwise, for x and y not NaN, without a
// branch: the difference of two distinct floats is never zero, and its sign
// bit is set exactly when x < y (x − x = +0).
func below(x, y float64) int { return int(math.Float64bits(x-y) >> 63) }

// neighbors appends, slot by slot for the slots of cells [c0, c1), the
// indices of the particles within the radius of each (itself excluded),
// or with half only those of higher index; ends[a] receives the length of
// out after slot a.
func (c *CellList) neighbors(c0, c1 int, half bool, ends []int32, out []int32) []int32 {
	var segs [maxSegments]segment
	for ci := c0; ci < c1; ci++ {
		a0, a1 := c.start[ci], c.start[ci+1]
		if a0 == a1 {
			continue
		}
		k, total := c.stencil(c.cellCoords(ci), &segs)
		for a := a0; a < a1; a++ {
			self, above := a, int32(-1)
			if half {
				self, above = -1, c.id[a]
			}
			out = c.gather(c.pos[a], segs[:k], total, self, above, out)
			ends[a] = int32(len(out))
		}
	}
	return out
}

func (c *CellList) cellCoords(ci int) [3]int {
	return [3]int{ci % c.n[0], (ci / c.n[0]) % c.n[1], ci / (c.n[0] * c.n[1])}
}

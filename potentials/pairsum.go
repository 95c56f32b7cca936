package potentials

import (
	"slices"

	"github.com/physim/physim/sim"
)

// The pair sum. The Verlet list is a half list: each pair (a, b), a < b,
// is stored once, in Lower(b). A pair closer than r_c is evaluated with
// the displacement d = r_a − r_b (minimum image) and c = F/r(|d|²): the
// force on b is −c·d and the force on a is +c·d. Each particle's force is
// accumulated in one chain, in ascending neighbour index: first its lower
// neighbours, then its upper ones. This order does not depend on the
// number of workers or on when the list was built, so neither do the
// results.
//
// Worker w owns the particles [lo, hi) and writes only their forces. It
// walks its particles b in ascending order and adds the pairs of Lower(b)
// to b's chain and, for neighbours a ≥ lo, to a's chain, where they are
// upper contributions. Then it adds, for b ≥ hi in ascending order, the
// pairs (a, b) with a in [lo, hi): the last upper contributions of its
// particles, which the owner of b evaluates too. A pair evaluated twice
// is evaluated from b's side both times, with the same operations, so the
// chains are bit for bit those of a single worker. Only pairs across
// worker boundaries are evaluated twice.

// pairCall holds what the workers of one Compute call share.
type pairCall struct {
	pos, f []sim.Vec3
	im     sim.Imager
	// lo and hi bound the region where a particle's in-cutoff neighbours
	// need no minimum image (empty if some particle lies outside the box).
	lo, hi sim.Vec3
}

// newPairCall prepares the sum over s for cutoff rc into f.
func newPairCall(s *sim.State, f []sim.Vec3, rc float64) pairCall {
	c := pairCall{pos: s.Pos, f: f, im: s.Box.Imager()}
	c.lo, c.hi = s.Box.Interior(rc)
	in0, in1 := s.Box.Interior(0)
	for i := range s.Pos {
		if !inside(&s.Pos[i], &in0, &in1) {
			c.lo, c.hi = in1, in0
			break
		}
	}
	return c
}

// inside reports whether q lies in the box with corners lo, hi.
func inside(q, lo, hi *sim.Vec3) bool {
	return q[0] >= lo[0] && q[0] <= hi[0] && q[1] >= lo[1] && q[1] <= hi[1] && q[2] >= lo[2] && q[2] <= hi[2]
}

// pairWorker is one worker's scratch: the in-cutoff neighbours of one
// particle, their displacements, r², u and F/r.
type pairWorker struct {
	j                     []int32
	dx, dy, dz, r2, u, fr []float64
}

// sumRange adds the forces of particles lo..hi−1 into p.cur.f and stores
// their half-list energies and virials.
func (p *Pair) sumRange(lo, hi int, wk *pairWorker) {
	c := &p.cur
	f := c.f
	for b := lo; b < hi; b++ {
		k := p.evaluate(wk, b, p.list.Lower(b))
		fx, fy, fz := f[b][0], f[b][1], f[b][2]
		var e, w float64
		js, dx, dy, dz, r2, u := wk.j[:k], wk.dx[:k], wk.dy[:k], wk.dz[:k], wk.r2[:k], wk.u[:k]
		for i, cf := range wk.fr[:k] {
			// Explicit conversions round each product, so that no fused
			// multiply-add makes the two sides of a pair differ.
			x, y, z := float64(cf*dx[i]), float64(cf*dy[i]), float64(cf*dz[i])
			fx -= x
			fy -= y
			fz -= z
			e += u[i]
			w += cf * r2[i]
			if a := int(js[i]); a >= lo {
				fa := &f[a]
				fa[0] += x
				fa[1] += y
				fa[2] += z
			}
		}
		f[b] = sim.Vec3{fx, fy, fz}
		p.en[b], p.vir[b] = e, w
	}
	for b := hi; b < len(f); b++ {
		nb := p.list.Lower(b)
		if len(nb) == 0 || int(nb[0]) >= hi || int(nb[len(nb)-1]) < lo {
			continue
		}
		i0, _ := slices.BinarySearch(nb, int32(lo))
		i1, _ := slices.BinarySearch(nb, int32(hi))
		k := p.evaluate(wk, b, nb[i0:i1])
		js, dx, dy, dz := wk.j[:k], wk.dx[:k], wk.dy[:k], wk.dz[:k]
		for i, cf := range wk.fr[:k] {
			fa := &f[js[i]]
			fa[0] += float64(cf * dx[i])
			fa[1] += float64(cf * dy[i])
			fa[2] += float64(cf * dz[i])
		}
	}
}

// evaluate gathers the neighbours nb of particle b within the cutoff into
// the scratch arrays and evaluates the law on them; it returns their count.
func (p *Pair) evaluate(wk *pairWorker, b int, nb []int32) int {
	k := wk.gather(&p.cur, b, nb, p.rc2)
	p.batch.EnergyForces(wk.r2[:k], wk.u[:k], wk.fr[:k])
	return k
}

// gather stores the neighbours nb of particle i that lie within the cutoff
// (r² < rc2), with their displacements r_j − r_i and r², at the start of
// the scratch arrays, in the order of nb, and returns their count.
//
// For a particle at least r_c inside every periodic face, the plain
// difference of positions is already the minimum image of every in-cutoff
// neighbour, bit for bit (sim.Box.Interior); the first loop skips the
// imaging, about a third of the loop's work, for most particles of a large
// box. Both loops give the same displacements for such a particle.
func (wk *pairWorker) gather(c *pairCall, i int, nb []int32, rc2 float64) int {
	wk.reserve(len(nb))
	pos := c.pos
	q := &pos[i]
	xi, yi, zi := q[0], q[1], q[2]
	js, dx, dy, dz, r2 := wk.j[:len(nb)], wk.dx[:len(nb)], wk.dy[:len(nb)], wk.dz[:len(nb)], wk.r2[:len(nb)]
	k := 0
	if inside(q, &c.lo, &c.hi) {
		for _, j := range nb {
			pj := &pos[j]
			x, y, z := pj[0]-xi, pj[1]-yi, pj[2]-zi
			d2 := x*x + y*y + z*z
			// Store unconditionally and advance only inside the cutoff:
			// a conditional move instead of a hard-to-predict branch.
			js[k], dx[k], dy[k], dz[k], r2[k] = j, x, y, z, d2
			if d2 < rc2 {
				k++
			}
		}
		return k
	}
	im := &c.im
	for _, j := range nb {
		pj := &pos[j]
		x, y, z := im.Image(pj[0]-xi, pj[1]-yi, pj[2]-zi)
		d2 := x*x + y*y + z*z
		js[k], dx[k], dy[k], dz[k], r2[k] = j, x, y, z, d2
		if d2 < rc2 {
			k++
		}
	}
	return k
}

// reserve makes room for n neighbours.
func (wk *pairWorker) reserve(n int) {
	if len(wk.r2) >= n {
		return
	}
	n = max(n, 2*len(wk.r2))
	wk.j = make([]int32, n)
	wk.dx = make([]float64, n)
	wk.dy = make([]float64, n)
	wk.dz = make([]float64, n)
	wk.r2 = make([]float64, n)
	wk.u = make([]float64, n)
	wk.fr = make([]float64, n)
}

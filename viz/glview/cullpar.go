package glview

import (
	"math"
	"sync"
)

// cullBlock is the number of spheres projected as one piece of work.
const cullBlock = 8192

// Phases of the culler's workers.
const (
	phaseProject = iota
	phaseWalk
)

// culler drops spheres hidden behind nearer ones (see cull.go). Its
// buffers persist from call to call, so that culling does not allocate
// once they have grown. The result does not depend on the number of
// workers.
type culler struct {
	workers int
	pool    *cullPool // nil until the first call with several workers

	// inputs of the call in progress
	all  *sphereSet
	view cullView

	blocks []candBlock // projection output, per block of cullBlock spheres
	sorted []cullCand  // candidates from near to far
	count  []int32     // bucket offsets of the sort
	grid   grid
	shows  [][]bool // per strip: the sorted candidate shows there
	out    sphereSet
}

// candBlock holds the candidates of one block of spheres.
type candBlock struct {
	cand   []cullCand
	rhoSum float64 // sum of the positive occluder radii (pixels)
}

// newCuller returns a culler that shares its work among workers
// goroutines (at least one: the caller's).
func newCuller(workers int) *culler { return &culler{workers: max(workers, 1)} }

// cull returns the spheres of all that may be visible through cam in a
// w × h viewport whose near clip plane is at distance near, nearest
// first. The result is valid until the next call.
func (cl *culler) cull(all *sphereSet, cam *Camera, w, h int, near float32) *sphereSet {
	cl.all, cl.view = all, newCullView(cam, w, h, near)
	nb := (all.len() + cullBlock - 1) / cullBlock
	cl.blocks = resize(cl.blocks, nb)
	cl.run(phaseProject)
	cl.sort()
	cl.grid.reset(w, h, cl.cellSize())
	cl.shows = resize(cl.shows, cl.workers)
	for s := range cl.shows {
		cl.shows[s] = resize(cl.shows[s], len(cl.sorted))
	}
	cl.run(phaseWalk)
	cl.out.resize(0)
	for k := range cl.sorted {
		for s := range cl.shows {
			if cl.shows[s][k] {
				cl.out.xyzr = append(cl.out.xyzr, cl.sorted[k].xyzr)
				cl.out.color = append(cl.out.color, cl.sorted[k].color)
				break
			}
		}
	}
	cl.all = nil
	return &cl.out
}

// run performs a phase on every worker and waits for them.
func (cl *culler) run(phase int) {
	if cl.workers == 1 {
		cl.work(0, phase)
		return
	}
	if cl.pool == nil {
		cl.pool = newCullPool(cl.workers, cl.work)
	}
	cl.pool.do(phase)
}

// work does worker w's share of a phase: blocks w, w+W, … of the
// projection, or strip w of W of the walk.
func (cl *culler) work(w, phase int) {
	switch phase {
	case phaseProject:
		for b := w; b < len(cl.blocks); b += cl.workers {
			cl.projectBlock(b)
		}
	case phaseWalk: // strips of whole tiles, so that no tile is shared
		t0, t1 := w*cl.grid.tnx/cl.workers, (w+1)*cl.grid.tnx/cl.workers
		cl.walkStrip(cl.shows[w], t0*tileCells, min(t1*tileCells, cl.grid.nx))
	}
}

// projectBlock projects block b of the spheres.
func (cl *culler) projectBlock(b int) {
	blk := &cl.blocks[b]
	blk.cand, blk.rhoSum = blk.cand[:0], 0
	lo, hi := b*cullBlock, min((b+1)*cullBlock, cl.all.len())
	for i := lo; i < hi; i++ {
		if c, ok := cl.view.project(cl.all.xyzr[i], cl.all.color[i]); ok {
			blk.cand = append(blk.cand, c)
			blk.rhoSum += float64(max(c.rho, 0))
		}
	}
}

// cellSize returns the grid's cell size: a third of the mean occluder
// radius, from 1 to maxCellSize pixels.
func (cl *culler) cellSize() int {
	var sum float64
	for b := range cl.blocks {
		sum += cl.blocks[b].rhoSum
	}
	if len(cl.sorted) == 0 {
		return maxCellSize
	}
	return min(max(int(sum/float64(len(cl.sorted))/3), 1), maxCellSize)
}

// sort orders the candidates from near to far, by depth bucket and then
// by sphere index, so that the order is deterministic.
func (cl *culler) sort() {
	lo, hi := float32(math.Inf(1)), float32(math.Inf(-1))
	n := 0
	for b := range cl.blocks {
		for _, c := range cl.blocks[b].cand {
			lo, hi = min(lo, c.near), max(hi, c.near)
		}
		n += len(cl.blocks[b].cand)
	}
	scale := float32(0)
	if hi > lo {
		scale = (cullBuckets - 1) / (hi - lo)
	}
	cl.count = resize(cl.count, cullBuckets+1)
	clear(cl.count)
	for b := range cl.blocks {
		for _, c := range cl.blocks[b].cand {
			cl.count[int((c.near-lo)*scale)+1]++
		}
	}
	for k := 1; k <= cullBuckets; k++ {
		cl.count[k] += cl.count[k-1]
	}
	if cap(cl.sorted) < n { // grow with headroom, not to the exact size
		cl.sorted = make([]cullCand, n, n+n/4)
	}
	cl.sorted = cl.sorted[:n]
	for b := range cl.blocks {
		for _, c := range cl.blocks[b].cand {
			k := int((c.near - lo) * scale)
			cl.sorted[cl.count[k]] = c
			cl.count[k]++
		}
	}
}

// walkStrip marks in shows the sorted candidates that show in cell
// columns [cx0, cx1), letting each occlude there.
func (cl *culler) walkStrip(shows []bool, cx0, cx1 int) {
	for k := range cl.sorted {
		c := &cl.sorted[k]
		shows[k] = false
		if !c.bounded {
			shows[k] = cx0 == 0 // drawn untested, once
			continue
		}
		if cl.grid.hidden(c, cx0, cx1) {
			continue
		}
		shows[k] = true
		if c.rho > 0 {
			cl.grid.occlude(c, cx0, cx1)
		}
	}
}

// stop ends the worker goroutines.
func (cl *culler) stop() {
	if cl.pool != nil {
		cl.pool.stop()
		cl.pool = nil
	}
}

// cullPool runs phases of work on helper goroutines: the caller is worker
// 0 and helper i is worker i+1.
type cullPool struct {
	phase []chan int
	wg    sync.WaitGroup
	work  func(worker, phase int)
}

func newCullPool(workers int, work func(worker, phase int)) *cullPool {
	p := &cullPool{phase: make([]chan int, workers-1), work: work}
	for i := range p.phase {
		p.phase[i] = make(chan int, 1)
		go p.serve(i+1, p.phase[i])
	}
	return p
}

func (p *cullPool) serve(worker int, phases chan int) {
	for ph := range phases {
		p.work(worker, ph)
		p.wg.Done()
	}
}

// do runs a phase on every worker and waits for all.
func (p *cullPool) do(phase int) {
	p.wg.Add(len(p.phase))
	for _, ch := range p.phase {
		ch <- phase
	}
	p.work(0, phase)
	p.wg.Wait()
}

func (p *cullPool) stop() {
	for _, ch := range p.phase {
		close(ch)
	}
}

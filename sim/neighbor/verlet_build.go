package neighbor

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/physim/physim/sim"
)

// minPerWorker is the fewest particles worth a worker of their own.
const minPerWorker = 2048

// parallel holds the per-worker state of a build. Worker w collects the
// neighbours of the cells [cellLo[w], cellLo[w+1]) into bufs[w] (worker 0
// into byCell directly) and transposes the sources [w·N/nw, (w+1)·N/nw),
// writing from the cursors cur[w], which start where the sources of the
// earlier workers end.
type parallel struct {
	nw     int
	cellLo []int
	bufs   [][]int32
	cur    [][]int32
	pool   *pool
}

// pool runs one stage of a build on nw goroutines; its jobs are made once,
// so that starting them allocates nothing.
type pool struct {
	v     *Verlet
	stage func(v *Verlet, w int)
	jobs  []func()
	wg    sync.WaitGroup
}

// Build rebuilds the list unconditionally.
func (v *Verlet) Build(s *sim.State) error {
	if err := v.Check(&s.Box); err != nil {
		return err
	}
	for i, p := range s.Pos {
		if !p.IsFinite() {
			return fmt.Errorf("neighbor: position of particle %d is not finite: %v", i, p)
		}
	}
	n := s.N()
	v.built = false
	c := &v.cells
	c.Build(s, v.Radius())
	v.setWorkers(max(1, min(v.Workers, n/minPerWorker)))
	v.ends = grow(v.ends, n)
	v.run((*Verlet).collect)
	if err := v.concat(); err != nil {
		return err
	}
	v.start = grow(v.start, n+1)
	v.idx = grow(v.idx, len(v.byCell))
	switch {
	case v.Half:
		// A list's length is the number of its lower neighbours: count.
		v.run((*Verlet).count)
		v.start[0] = 0
		for d := 0; d < n; d++ {
			at := v.start[d]
			for _, cnt := range v.par.cur {
				at += cnt[d]
			}
			v.start[d+1] = at
		}
		v.cursors()
	default:
		v.start[0] = 0
		for i := 0; i < n; i++ {
			a := c.slot[i]
			v.start[i+1] = v.start[i] + v.ends[a] - v.begin(a)
		}
		v.upper = grow(v.upper, n)
		if v.par.nw > 1 {
			v.run((*Verlet).count)
			v.cursors()
		} else {
			v.par.cur[0] = grow(v.par.cur[0], n)
			copy(v.par.cur[0], v.start[:n])
		}
	}
	v.run((*Verlet).transpose)
	v.ref = append(v.ref[:0], s.Pos...)
	v.box, v.radius, v.half, v.built = s.Box, v.Radius(), v.Half, true
	v.Builds++
	return nil
}

// setWorkers sizes the worker state for nw workers and splits the cells
// among them by particle count.
func (v *Verlet) setWorkers(nw int) {
	p := &v.par
	if p.nw != nw {
		p.nw = nw
		p.cellLo = make([]int, nw+1)
		p.bufs = make([][]int32, nw)
		p.cur = make([][]int32, nw)
		p.pool = nil
		if nw > 1 {
			p.pool = newPool(nw)
		}
	}
	start := v.cells.start
	n := len(v.cells.slot)
	for w := 1; w < nw; w++ {
		p.cellLo[w], _ = slices.BinarySearch(start, int32(w*n/nw))
	}
	p.cellLo[nw] = len(start) - 1
}

func newPool(nw int) *pool {
	p := &pool{jobs: make([]func(), nw-1)}
	for w := 1; w < nw; w++ {
		p.jobs[w-1] = func() {
			p.stage(p.v, w)
			p.wg.Done()
		}
	}
	return p
}

// run runs stage for every worker and waits for all of them.
func (v *Verlet) run(stage func(v *Verlet, w int)) {
	p := v.par.pool
	if p == nil {
		stage(v, 0)
		return
	}
	p.v, p.stage = v, stage
	p.wg.Add(len(p.jobs))
	for _, job := range p.jobs {
		go job()
	}
	stage(v, 0)
	p.wg.Wait()
	p.v, p.stage = nil, nil
}

// collect gathers the neighbours of worker w's cells, slot by slot; ends
// are relative to the worker's buffer until concat.
func (v *Verlet) collect(w int) {
	p := &v.par
	buf := &p.bufs[w]
	if w == 0 {
		buf = &v.byCell
	}
	if cap(*buf) == 0 {
		// Reserve the expected size at once, rather than growing through
		// copies that leave garbage several times the final size.
		c := &v.cells
		*buf = make([]int32, 0, v.expected(int(c.start[p.cellLo[w+1]]-c.start[p.cellLo[w]]), len(c.slot)))
	}
	*buf = v.cells.neighbors(p.cellLo[w], p.cellLo[w+1], v.Half, v.ends, (*buf)[:0])
}

// expected returns 10% more than the expected number of list entries of m
// of the n particles, at the mean density of the binned region.
func (v *Verlet) expected(m, n int) int {
	vol := v.cells.volume()
	if vol == 0 {
		return 0
	}
	r := v.Radius()
	per := min(float64(n-1), float64(n)/vol*4*math.Pi/3*r*r*r)
	if v.Half {
		per /= 2
	}
	return int(1.1 * per * float64(m))
}

// concat appends the buffers of workers 1… to byCell and shifts their ends.
func (v *Verlet) concat() error {
	p := &v.par
	for w := 1; w < p.nw; w++ {
		base := int32(len(v.byCell))
		v.byCell = append(v.byCell, p.bufs[w]...)
		for a := v.cells.start[p.cellLo[w]]; a < v.cells.start[p.cellLo[w+1]]; a++ {
			v.ends[a] += base
		}
	}
	if len(v.byCell) > math.MaxInt32 {
		return fmt.Errorf("neighbor: %d neighbour entries exceed the int32 index range; reduce the cutoff or the particle count", len(v.byCell))
	}
	return nil
}

// sources returns the particle range whose entries worker w transposes.
func (v *Verlet) sources(w int) (lo, hi int) {
	n := len(v.cells.slot)
	return w * n / v.par.nw, (w + 1) * n / v.par.nw
}

// count counts, per destination, the entries of worker w's sources.
func (v *Verlet) count(w int) {
	cnt := grow(v.par.cur[w], len(v.cells.slot))
	clear(cnt)
	lo, hi := v.sources(w)
	for s := lo; s < hi; s++ {
		a := v.cells.slot[s]
		for _, d := range v.byCell[v.begin(a):v.ends[a]] {
			cnt[d]++
		}
	}
	v.par.cur[w] = cnt
}

// cursors turns the per-worker counts into the workers' first write
// positions.
func (v *Verlet) cursors() {
	cur := v.par.cur
	for d := range len(v.cells.slot) {
		at := v.start[d]
		for w := range cur {
			at, cur[w][d] = at+cur[w][d], at
		}
	}
}

// transpose appends every source s of worker w, in ascending order, to the
// lists of its neighbours: since all sources are visited in ascending
// order, every list comes out sorted. A half list gets only the sources
// below each particle, its lower neighbours.
func (v *Verlet) transpose(w int) {
	cur := v.par.cur[w]
	lo, hi := v.sources(w)
	for s := lo; s < hi; s++ {
		a := v.cells.slot[s]
		if !v.Half {
			v.upper[s] = cur[s] // every neighbour j < s is in place
		}
		for _, d := range v.byCell[v.begin(a):v.ends[a]] {
			v.idx[cur[d]] = int32(s)
			cur[d]++
		}
	}
}

// begin returns the start in byCell of the neighbours of slot a.
func (v *Verlet) begin(a int32) int32 {
	if a == 0 {
		return 0
	}
	return v.ends[a-1]
}

package integrators

import (
	"sync"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
)

// The fewest particles worth a goroutine of their own. Handing a chunk to
// a second goroutine and joining it cost 0.1–0.2 ms per parallel loop in
// the in.lj benchmark on the project's machine, so a chunk must hold about
// half a millisecond of work: velocity Verlet's update and a kick cost about
// 8 ns a particle, the noisy updates (BAOAB, Brownian) about 50 ns. With
// 2048-particle chunks two workers made the Verlet step of 32,000 atoms
// twice as slow as one (28 against 13.5 ns per atom-step).
const (
	plainChunk = 65536
	noisyChunk = 8192
)

// step is the state of the step in progress, which an integrator's
// per-particle update reads: the particles and the noise key of the step.
type step struct {
	s   *sim.State
	key rng.Key
}

// chunks runs a per-particle update over contiguous ranges of particles on
// up to a given number of goroutines. The updates of different particles
// are independent and their noise is keyed on the particle index, so the
// result is the same for every worker count. The goroutine bodies are made
// once, which keeps a step free of allocations.
type chunks struct {
	wg   sync.WaitGroup
	jobs []func()         // the bodies of workers 1 … len(jobs)
	body func(lo, hi int) // the update in progress
	n    int              // particles of the update in progress
	w    int              // workers of the update in progress
}

// run calls body over [0, n) split into up to workers contiguous ranges of
// at least minChunk particles.
func (c *chunks) run(n, workers, minChunk int, body func(lo, hi int)) {
	w := max(min(workers, n/minChunk), 1)
	if w == 1 {
		body(0, n)
		return
	}
	for k := len(c.jobs) + 1; k < w; k++ {
		c.jobs = append(c.jobs, func() {
			defer c.wg.Done()
			c.body(c.n*k/c.w, c.n*(k+1)/c.w)
		})
	}
	c.body, c.n, c.w = body, n, w
	c.wg.Add(w - 1)
	for _, job := range c.jobs[:w-1] {
		go job()
	}
	body(0, n/w)
	c.wg.Wait()
	c.body = nil
}

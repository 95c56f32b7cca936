package integrators

import "sync"

// minChunk is the fewest particles worth a goroutine: below it the cost of
// starting and joining one (a few µs) exceeds the update it would take over.
const minChunk = 2048

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

// run calls body over [0, n) split into up to workers contiguous ranges.
func (c *chunks) run(n, workers int, body func(lo, hi int)) {
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

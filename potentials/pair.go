package potentials

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/neighbor"
)

// PairSettings configures a Pair force. The zero value is a serial force
// with the default Verlet skin, a list check on every call and no tail
// corrections.
type PairSettings struct {
	// Skin is the Verlet skin in σ (neighbor.DefaultSkin if zero).
	Skin float64
	// Every is the neighbour-list check interval in calls to Compute (1 if
	// zero; see neighbor.Verlet.Every — values above 1 can miss pairs).
	Every int
	// Workers is the number of goroutines over contiguous particle ranges,
	// for the force sum and the list build; 0 or 1 is serial. Results are
	// bit-identical for every value.
	Workers int
	// Tail adds the law's analytic tail corrections (see TailCorrector)
	// for a homogeneous fluid at ρ = N/V: N·ρ·e to the energy and
	// 3V·ρ²·p to the virial, so that sim.State.Pressure includes P_tail.
	// It requires a law implementing TailCorrector, the plain cut for laws
	// with a cutoff mode, and a box periodic along all three axes.
	Tail bool
}

// NeighborStats reports the pair force's Verlet-list counters.
type NeighborStats struct {
	// Builds counts list builds; Dangerous counts builds at which a pair
	// may have been missed (possible only with Every > 1).
	Builds, Dangerous int64
	// Pairs is the number of pairs within r_c + skin, each counted once.
	Pairs int
	// ListTime is the wall time spent checking and rebuilding the list,
	// part of the time spent in Compute.
	ListTime time.Duration
}

// Pair is the sim.Force of a pair law summed over all pairs closer than the
// law's cutoff, under the box's minimum image. All particles interact
// through the same law (types are ignored).
//
// It owns a Verlet list and evaluates every pair once, with Newton's third
// law (see pairsum.go for the scheme). The force on each particle is summed
// over its neighbours in ascending index order, and energies and virials
// are reduced in particle order, so results are bit-identical for any
// Workers and do not depend on when the list was rebuilt. Compute allocates
// only on the first call (and when the neighbour count grows).
type Pair struct {
	law          PairLaw
	batch        pairBatch // law prepared for the pair loop
	rc, rc2      float64
	tail         bool
	tailE, tailP float64 // TailCorrection's e and p
	list         neighbor.Verlet
	listTime     time.Duration // see NeighborStats.ListTime

	en, vir []float64    // per-particle sums over the half list
	work    []pairWorker // one scratch area per worker
	split   []int        // worker w owns particles split[w]:split[w+1]
	tails   []int        // pairs worker w evaluates twice (see balance)
	jobs    []func()     // one goroutine body per worker
	wg      sync.WaitGroup
	cur     pairCall // the Compute call in progress
}

// NewPair returns the pair force of law. It returns an error when the law's
// parameters are invalid, the settings are negative, or Tail is requested
// for a law without a valid tail correction.
func NewPair(law PairLaw, set PairSettings) (*Pair, error) {
	if err := law.Validate(); err != nil {
		return nil, err
	}
	if set.Workers < 0 || set.Every < 0 || set.Skin < 0 {
		return nil, fmt.Errorf("potentials: pair settings must be non-negative, got Workers %d, Every %d, Skin %g σ", set.Workers, set.Every, set.Skin)
	}
	rc := law.Range()
	nw := max(set.Workers, 1)
	p := &Pair{
		law:   law,
		batch: batchOf(law),
		rc:    rc,
		rc2:   rc * rc,
		tail:  set.Tail,
		list:  neighbor.Verlet{Cutoff: rc, Skin: set.Skin, Every: set.Every, Workers: nw, Half: true},
		work:  make([]pairWorker, nw),
	}
	if set.Tail {
		tc, ok := law.(TailCorrector)
		if !ok {
			return nil, fmt.Errorf("potentials: pair law %T has no tail correction", law)
		}
		var err error
		if p.tailE, p.tailP, err = tc.TailCorrection(); err != nil {
			return nil, err
		}
	}
	p.jobs = make([]func(), nw-1)
	for w := range p.jobs {
		p.jobs[w] = func() {
			defer p.wg.Done()
			p.sumWorker(w + 1)
		}
	}
	return p, nil
}

// Law returns the pair law.
func (p *Pair) Law() PairLaw { return p.law }

// NeighborStats returns the Verlet-list counters.
func (p *Pair) NeighborStats() NeighborStats {
	return NeighborStats{Builds: p.list.Builds, Dangerous: p.list.Dangerous, Pairs: p.list.Pairs(), ListTime: p.listTime}
}

// Compute adds the pair forces of s into f and returns the energy (ε) and
// virial W = Σ_pairs r_ij·F_ij (ε), tail corrections included when
// requested. It returns an error when the box is too small for the cutoff
// plus skin, or when Tail is set and the box is not periodic in x, y and z.
// It panics if len(f) != s.N().
func (p *Pair) Compute(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
	n := s.N()
	if len(f) != n {
		panic(fmt.Sprintf("potentials: force buffer has %d entries for %d particles", len(f), n))
	}
	if p.tail && s.Box.Periodic != [3]bool{true, true, true} {
		return sim.ForceResult{}, fmt.Errorf("potentials: tail corrections need a box periodic along x, y and z (a homogeneous fluid), got periodic %v", s.Box.Periodic)
	}
	t0 := time.Now()
	rebuilt, err := p.list.Update(s)
	p.listTime += time.Since(t0)
	if err != nil {
		return sim.ForceResult{}, fmt.Errorf("potentials: pair force of %T: %w", p.law, err)
	}
	if rebuilt {
		p.balance(n)
	}
	p.en = resizeFloats(p.en, n)
	p.vir = resizeFloats(p.vir, n)
	p.cur = newPairCall(s, f, p.rc)
	if nw := len(p.jobs) + 1; nw == 1 || n < nw {
		p.sumRange(0, n, &p.work[0])
	} else {
		p.wg.Add(len(p.jobs))
		for _, job := range p.jobs {
			go job()
		}
		p.sumWorker(0)
		p.wg.Wait()
	}
	p.cur = pairCall{}
	var r sim.ForceResult
	for i := range n {
		r.Energy += p.en[i]
		r.Virial += p.vir[i]
	}
	if p.tail {
		vol := s.Box.Volume()
		rho := float64(n) / vol
		r.Energy += float64(n) * rho * p.tailE
		r.Virial += 3 * vol * rho * rho * p.tailP
	}
	return r, nil
}

// sumWorker runs worker w of the Compute call in progress on its
// contiguous share of the particles.
func (p *Pair) sumWorker(w int) {
	p.sumRange(p.split[w], p.split[w+1], &p.work[w])
}

// balance splits the n particles into contiguous worker ranges of about
// equal work: list pairs plus particles, and the pairs a worker evaluates
// a second time because they cross into a later range (see pairsum.go).
// Any split gives the same results; this one gives the workers equal
// shares of the work.
func (p *Pair) balance(n int) {
	nw := len(p.work)
	if cap(p.split) < nw+1 {
		p.split = make([]int, nw+1)
		p.tails = make([]int, nw)
	}
	p.split = p.split[:nw+1]
	clear(p.tails)
	p.cut(n)
	// The tails depend on the split; two corrections bring the shares
	// within a fraction of a per cent.
	for range min(nw-1, 2) {
		p.countTails(n)
		p.cut(n)
	}
}

// cut sets the split so that each worker gets an equal share of the
// pairs and particles, counting its tails as its own.
func (p *Pair) cut(n int) {
	nw := len(p.work)
	total := p.list.Pairs() + n
	for _, t := range p.tails {
		total += t
	}
	done, w := p.tails[0], 1
	for i := 0; i < n && w < nw; i++ {
		done += len(p.list.Lower(i)) + 1
		for w < nw && done*nw >= w*total {
			p.split[w] = i + 1
			done += p.tails[w]
			w++
		}
	}
	for ; w <= nw; w++ {
		p.split[w] = n
	}
	p.split[0] = 0
}

// countTails counts, for each worker of the current split, the pairs
// (a, b) with a in its range and b in a later one.
func (p *Pair) countTails(n int) {
	clear(p.tails)
	w := 0
	for b := 0; b < n; b++ {
		for b >= p.split[w+1] {
			w++
		}
		nb := p.list.Lower(b)
		if len(nb) == 0 || int(nb[0]) >= p.split[w] {
			continue
		}
		for v := 0; v < w; v++ {
			i0, _ := slices.BinarySearch(nb, int32(p.split[v]))
			i1, _ := slices.BinarySearch(nb, int32(p.split[v+1]))
			p.tails[v] += i1 - i0
		}
	}
}

// resizeFloats returns a of length n, reusing its memory when it can.
func resizeFloats(a []float64, n int) []float64 {
	if cap(a) < n {
		return make([]float64, n)
	}
	return a[:n]
}

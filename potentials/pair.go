package potentials

import (
	"fmt"
	"sync"

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
	// Workers is the number of goroutines over contiguous particle ranges;
	// 0 or 1 is serial. Results are bit-identical for every value.
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
	// Pairs is the number of stored ordered pairs (within r_c + skin).
	Pairs int
}

// Pair is the sim.Force of a pair law summed over all pairs closer than the
// law's cutoff, under the box's minimum image. It owns a full Verlet list;
// each particle sums its own force over its neighbours in ascending index
// order, and per-particle energies and virials are reduced in particle order,
// so results are bit-identical for any Workers. All particles interact
// through the same law (types are ignored). Compute allocates only on the
// first call (and when the neighbour count grows).
type Pair struct {
	law          PairLaw
	rc2          float64
	tail         bool
	tailE, tailP float64 // TailCorrection's e and p
	list         neighbor.Verlet

	en, vir []float64    // per-particle halves of the pair sums
	work    []pairWorker // one scratch area per worker
	jobs    []func()     // one goroutine body per worker
	wg      sync.WaitGroup
	cur     *sim.State // the state of the Compute call in progress
	curF    []sim.Vec3
}

// pairWorker is one worker's scratch for the in-cutoff neighbours of a
// particle.
type pairWorker struct {
	d         []sim.Vec3
	r2, u, fr []float64
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
	p := &Pair{
		law:  law,
		rc2:  rc * rc,
		tail: set.Tail,
		list: neighbor.Verlet{Cutoff: rc, Skin: set.Skin, Every: set.Every},
		work: make([]pairWorker, max(set.Workers, 1)),
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
	p.jobs = make([]func(), len(p.work))
	for w := range p.jobs {
		p.jobs[w] = func() {
			defer p.wg.Done()
			n, nw := p.cur.N(), len(p.work)
			p.sumRange(p.cur, p.curF, w*n/nw, (w+1)*n/nw, &p.work[w])
		}
	}
	return p, nil
}

// Law returns the pair law.
func (p *Pair) Law() PairLaw { return p.law }

// NeighborStats returns the Verlet-list counters.
func (p *Pair) NeighborStats() NeighborStats {
	return NeighborStats{Builds: p.list.Builds, Dangerous: p.list.Dangerous, Pairs: p.list.Pairs()}
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
	if _, err := p.list.Update(s); err != nil {
		return sim.ForceResult{}, fmt.Errorf("potentials: pair force of %T: %w", p.law, err)
	}
	p.en = resizeFloats(p.en, n)
	p.vir = resizeFloats(p.vir, n)
	if len(p.work) == 1 || n < len(p.work) {
		p.sumRange(s, f, 0, n, &p.work[0])
	} else {
		p.cur, p.curF = s, f
		p.wg.Add(len(p.jobs))
		for _, job := range p.jobs {
			go job()
		}
		p.wg.Wait()
		p.cur, p.curF = nil, nil
	}
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

// sumRange computes the forces, energies and virials of particles lo..hi−1.
func (p *Pair) sumRange(s *sim.State, f []sim.Vec3, lo, hi int, wk *pairWorker) {
	box := &s.Box
	pos := s.Pos
	rc2 := p.rc2
	for i := lo; i < hi; i++ {
		nb := p.list.Neighbors(i)
		wk.reserve(len(nb))
		pi := pos[i]
		k := 0
		for _, j := range nb {
			d := box.MinImage(pos[j].Sub(pi))
			r2 := d.Norm2()
			// Store unconditionally and advance only inside the cutoff:
			// a conditional move instead of a hard-to-predict branch.
			wk.d[k], wk.r2[k] = d, r2
			if r2 < rc2 {
				k++
			}
		}
		p.law.EnergyForces(wk.r2[:k], wk.u[:k], wk.fr[:k])
		var fi sim.Vec3
		var e, w float64
		for m, c := range wk.fr[:k] {
			d := wk.d[m]
			fi[0] -= c * d[0]
			fi[1] -= c * d[1]
			fi[2] -= c * d[2]
			e += wk.u[m]
			w += c * wk.r2[m]
		}
		f[i] = f[i].Add(fi)
		p.en[i] = 0.5 * e
		p.vir[i] = 0.5 * w
	}
}

// reserve makes room for n neighbours.
func (wk *pairWorker) reserve(n int) {
	if len(wk.r2) >= n {
		return
	}
	n = max(n, 2*len(wk.r2))
	wk.d = make([]sim.Vec3, n)
	wk.r2 = make([]float64, n)
	wk.u = make([]float64, n)
	wk.fr = make([]float64, n)
}

// resizeFloats returns a of length n, reusing its memory when it can.
func resizeFloats(a []float64, n int) []float64 {
	if cap(a) < n {
		return make([]float64, n)
	}
	return a[:n]
}

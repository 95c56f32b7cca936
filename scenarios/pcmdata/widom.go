package pcmdata

import (
	"fmt"
	"math"

	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/neighbor"
	"github.com/physim/physim/sim/rng"
	"github.com/physim/physim/sim/stats"
)

// StreamWidom is the sim/rng stream of the Widom insertion positions.
const StreamWidom = rng.StreamUser + 1

// Widom estimates the excess chemical potential of a homogeneous fluid in
// the canonical ensemble by test-particle insertion,
//
//	βμ_ex = −ln ⟨exp(−βΔU)⟩,
//
// with ΔU the interaction energy of a ghost particle at a uniformly random
// position in the periodic box. Each observation inserts Insertions ghosts
// at positions keyed on (Seed, step, insertion index), so results do not
// depend on the worker count; the per-observation mean Boltzmann factors
// form a time series whose block average gives the standard error. Set the
// fields before the first Observe.
type Widom struct {
	// Pair is the pair law of the fluid (its cutoff bounds the search).
	Pair potentials.PairLaw
	// KT is the temperature in ε.
	KT float64
	// Insertions is the number of ghosts per observation.
	Insertions int
	// Seed keys the insertion positions.
	Seed uint64

	cells  neighbor.CellList
	near   []int32
	series stats.Series
}

// Observe inserts the ghosts into s, which must be periodic in x, y and z.
func (w *Widom) Observe(s *sim.State) error {
	b := &s.Box
	if !(b.Periodic[0] && b.Periodic[1] && b.Periodic[2]) {
		return fmt.Errorf("pcmdata: Widom insertion needs a box periodic in x, y and z")
	}
	if w.Insertions < 1 || !(w.KT > 0) || w.Pair == nil {
		return fmt.Errorf("pcmdata: Widom insertion needs a pair law, kT > 0 and at least one insertion (got kT = %g, %d insertions)", w.KT, w.Insertions)
	}
	rc := w.Pair.Range()
	w.cells.Build(s, rc)
	sum := 0.0
	for k := 0; k < w.Insertions; k++ {
		u := rng.Key{Seed: w.Seed, Step: uint64(s.Step), Particle: uint32(k), Stream: StreamWidom}.Uniform4()
		p := sim.Vec3{u[0] * b.L[0], u[1] * b.L[1], u[2] * b.L[2]}
		w.near = w.cells.Query(p, w.near[:0])
		du := 0.0
		for _, j := range w.near {
			d := b.Delta(p, s.Pos[j])
			r2 := d.Dot(d)
			if r2 < rc*rc {
				e, _ := w.Pair.EnergyForce(r2)
				du += e
			}
		}
		sum += math.Exp(-du / w.KT)
	}
	w.series.Add(sum / float64(w.Insertions))
	return nil
}

// Samples returns the number of observations.
func (w *Widom) Samples() int64 { return w.series.Len() }

// BoltzmannFactor returns ⟨exp(−βΔU)⟩ with its block-averaged standard
// error.
func (w *Widom) BoltzmannFactor() stats.MeanErr { return w.series.Estimate() }

// BetaMuEx returns βμ_ex = −ln⟨exp(−βΔU)⟩ with its standard error
// (propagated to first order).
func (w *Widom) BetaMuEx() stats.MeanErr {
	e := w.BoltzmannFactor()
	return stats.MeanErr{Mean: -math.Log(e.Mean), StdErr: e.StdErr / e.Mean}
}

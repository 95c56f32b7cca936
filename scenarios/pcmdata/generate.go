package pcmdata

import (
	"context"
	"fmt"
	"math"

	"github.com/physim/physim/potentials"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/observe"
	"github.com/physim/physim/sim/rng"
	"github.com/physim/physim/sim/stats"
)

// Builder makes the bulk system of one state: a periodic cubic box of
// Recipe.Particles particles at density rho with the truncated LJ force and
// a thermostatted integrator at Recipe.KT, initialised (Init called) and
// keyed on seed.
type Builder func(rho float64, seed uint64) (*sim.State, sim.Integrator, error)

// StateData is what the data set holds for one bulk state: what was
// measured, then what Derive computes from it.
type StateData struct {
	// Density ρ (σ⁻³) and box edge (σ).
	Density, Edge float64
	// Samples is the number of configurations sampled for g(r).
	Samples int64
	// BetaMuEx is βμ_ex by Widom insertion.
	BetaMuEx stats.MeanErr
	// Pressure (ε σ⁻³, virial route with the thermostat kT) and potential
	// energy per particle (ε) of the truncated fluid.
	Pressure, Energy stats.MeanErr
	// G is g(r) on the histogram bins (Dataset.RDFR) with standard errors.
	G []stats.MeanErr

	// FitBetaMuEx and FitPressure (ε σ⁻³) are the smooth equation of state
	// fitted to the Widom βμ_ex and the virial pressure of all states
	// together (Dataset.Fit); FitBetaMuEx is the training target.
	FitBetaMuEx, FitPressure float64
	// Compressibility = β∂P/∂ρ = 1 + ρ dβμ_ex/dρ from the fit; the OZ
	// inversion reproduces it as 1 − ρĉ(0).
	Compressibility float64
	// Offset is the fitted offset δ of g − 1 (PairData), OffsetLP the
	// Lebowitz–Percus prediction (1 − S(0))/N it should be close to.
	Offset, OffsetLP float64
	// C is c(r) on Dataset.CR, CK = ĉ(k) (σ³) and SK = S(k) on Dataset.K.
	C, CK, SK []float64
	// C2 is the planar kernel c2(z) (σ²) on Dataset.Z.
	C2 []float64
	// C0 = ĉ(0) (σ³).
	C0 float64
	// OZIterations is the fixed-point iteration count of the inversion.
	OZIterations int
	// JZG is the JZG equation of state of the truncated and shifted fluid.
	JZG EOS
}

// EOSFitDegree is the degree of the polynomial βμ_ex(ρ) of the equation-of-
// state fit.
const EOSFitDegree = 6

// storedR and storedK bound the radii and wavenumbers of the stored c(r)
// and ĉ(k), S(k): beyond them c and ĉ are negligible.
const (
	storedR = 10.0 // σ
	storedK = 40.0 // σ⁻¹
)

// stateSeed returns the seed of state i of a data set keyed on seed.
func stateSeed(seed uint64, i int) uint64 {
	w := rng.Key{Seed: seed, Step: uint64(i), Stream: rng.StreamUser + 2}.Uint32x4()
	return uint64(w[0]) | uint64(w[1])<<32
}

// PairLaw returns the LJ law of the recipe: truncated and shifted at
// Cutoff, the potential whose Boltzmann distribution dynamics with
// plain-cut forces samples.
func (r *Recipe) PairLaw() potentials.LJ {
	return potentials.LJ{Cutoff: r.Cutoff, Mode: potentials.CutShifted}
}

// BetaU returns the reduced pair potential βu(r) of PairLaw.
func (r *Recipe) BetaU(x float64) float64 {
	if x >= r.Cutoff {
		return 0
	}
	u, _ := r.PairLaw().EnergyForce(x * x)
	return u / r.KT
}

// Generate runs every bulk state of r in turn and derives their
// correlations (Derive), then runs the inhomogeneous test set of pr
// (GenerateProfiles), and returns the data set. Either part may be empty
// (no densities, no potentials). progress, if not nil, is called with the
// number of MD steps done since its last call. The data set depends only
// on the recipes, seed and builders.
func Generate(ctx context.Context, r *Recipe, pr ProfileRecipe, seed uint64, build Builder, buildPlanar PlanarBuilder, progress func(int64)) (*Dataset, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if err := pr.validate(r); err != nil {
		return nil, err
	}
	if len(r.Densities) == 0 && pr.Potentials == 0 {
		return nil, fmt.Errorf("pcm-data: nothing to do: no densities and no profile potentials")
	}
	d := newDataset(r, seed)
	for i, rho := range r.Densities {
		st, err := d.measure(ctx, rho, stateSeed(seed, i), build, progress)
		if err != nil {
			return nil, fmt.Errorf("pcm-data: state ρ = %g: %w", rho, err)
		}
		d.States = append(d.States, *st)
	}
	if len(d.States) > 0 {
		if err := d.Derive(); err != nil {
			return d, err
		}
	}
	if pr.Potentials > 0 {
		if err := d.GenerateProfiles(ctx, pr, buildPlanar, progress); err != nil {
			return d, err
		}
	}
	return d, nil
}

// measure simulates one state.
func (d *Dataset) measure(ctx context.Context, rho float64, seed uint64, build Builder, progress func(int64)) (*StateData, error) {
	r := &d.Recipe
	s, integ, err := build(rho, seed)
	if err != nil {
		return nil, err
	}
	if s.N() != r.Particles {
		return nil, fmt.Errorf("builder made %d particles, recipe asks for %d", s.N(), r.Particles)
	}
	tick := func(int64) {
		if progress != nil {
			progress(1)
		}
	}
	eq := sim.Runner{Integrator: integ, Progress: tick}
	if err := eq.Run(ctx, s, r.EquilibrationSteps); err != nil {
		return nil, err
	}
	rdf := &observe.RDF{RMax: r.RDFRange, Bins: r.rdfBins()}
	widom := &Widom{Pair: r.PairLaw(), KT: r.KT, Insertions: r.Insertions, Seed: seed}
	var press, energy stats.Series
	sample := sim.ObserverFunc(func(s *sim.State) error {
		press.Add(s.Pressure(r.KT))
		energy.Add(s.PotentialEnergy / float64(s.N()))
		return widom.Observe(s)
	})
	prod := sim.Runner{Integrator: integ, Progress: tick, Observers: []sim.Every{{N: r.SampleEvery, Observer: sample}, {N: r.RDFEvery, Observer: rdf}}}
	if err := prod.Run(ctx, s, r.Steps); err != nil {
		return nil, err
	}
	if d.RDFR == nil {
		d.RDFR = rdf.R()
	}
	return &StateData{Density: rho, Edge: s.Box.L[0], Samples: rdf.Frames(), BetaMuEx: widom.BetaMuEx(),
		Pressure: press.Estimate(), Energy: energy.Estimate(), G: rdf.G(), JZG: ShiftedJZG(rho, r.KT, r.Cutoff)}, nil
}

// Derive computes, from the measured g(r), βμ_ex and P of every state, the
// smooth equation of state (Fit), the compressibility it implies, and by OZ
// inversion constrained to that compressibility c(r), ĉ(k), S(k) and c2(z).
// It overwrites earlier derived values, so a stored data set can be
// re-derived without new simulations.
func (d *Dataset) Derive() error {
	r := &d.Recipe
	n := len(d.States)
	if n < 3 {
		return fmt.Errorf("pcm-data: deriving the correlations needs at least 3 states for the equation-of-state fit, got %d", n)
	}
	rho := d.column(func(s *StateData) float64 { return s.Density })
	mu := d.column(func(s *StateData) float64 { return s.BetaMuEx.Mean })
	muErr := d.column(func(s *StateData) float64 { return s.BetaMuEx.StdErr })
	bp := d.column(func(s *StateData) float64 { return s.Pressure.Mean / r.KT })
	bpErr := d.column(func(s *StateData) float64 { return s.Pressure.StdErr / r.KT })
	fit, err := FitEOS(rho, mu, muErr, bp, bpErr, min(EOSFitDegree, 2*n-1))
	if err != nil {
		return err
	}
	d.Fit = fit
	d.CR, d.K = nil, nil
	for i := range d.States {
		st := &d.States[i]
		st.FitBetaMuEx = fit.BetaMuEx(st.Density)
		st.FitPressure = r.KT * fit.BetaPressure(st.Density)
		st.Compressibility = fit.Compressibility(st.Density)
		st.OffsetLP = (1 - 1/st.Compressibility) / float64(r.Particles)
		g := means(st.G)
		corr, err := InvertOZ(PairData{Density: st.Density, Particles: r.Particles, R: d.RDFR, G: g,
			MatchRadius: r.MatchRadius, Compressibility: st.Compressibility}, HNC(r.BetaU), OZSettings{})
		if err != nil {
			return fmt.Errorf("pcm-data: state ρ = %g: %w", st.Density, err)
		}
		st.OZIterations, st.C0, st.Offset = corr.Iterations, corr.C0, corr.Offset
		st.C2 = corr.Planar(d.Z)
		d.sampleGrids(corr)
		st.C, st.CK, st.SK = nil, nil, nil
		for _, x := range d.CR {
			st.C = append(st.C, corr.C[int(math.Round(x/corr.Dr))-1])
		}
		for j := range d.K {
			st.CK = append(st.CK, corr.CK[j])
			st.SK = append(st.SK, corr.SK[j])
		}
	}
	return nil
}

// sampleGrids fixes the stored r and k grids from the first inversion:
// every second transform point up to storedR, every point up to storedK.
func (d *Dataset) sampleGrids(c *Correlations) {
	if d.CR != nil {
		return
	}
	for i := 1; i < len(c.C) && c.R(i) <= storedR+1e-9; i += 2 {
		d.CR = append(d.CR, c.R(i))
	}
	for j := 0; j < len(c.CK) && c.K(j) <= storedK; j++ {
		d.K = append(d.K, c.K(j))
	}
}

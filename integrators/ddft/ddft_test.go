package ddft

import (
	"context"
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// mainJobSystem is the main job's DDFT set-up on a smaller box: WBII with the
// Barker–Henderson diameter plus BH mean field cut at 4σ, kT = 2, in the
// seed paper's Gaussian-sum potential, periodic length L and spacing dz.
func mainJobSystem(t testing.TB, L, dz float64) System {
	g := mustGrid(t, L, dz, true)
	f := mustFunctional(t, g, functional.Spec{HardSpheres: "wb2", Attraction: "bh", Cutoff: 4, KT: 2})
	return System{Excess: f, V: gaussianSum(L), KT: 2, Static: true}
}

func uniform(n int, rho float64) []float64 {
	r := make([]float64, n)
	for i := range r {
		r[i] = rho
	}
	return r
}

// Mass is conserved to round-off by every stepper, periodic and bounded.
func TestMassConservation(t *testing.T) {
	sys := mainJobSystem(t, 5, 0.025)
	g := sys.Excess.Grid()
	cases := map[string]Settings{
		"explicit":          {D: 0.25},
		"explicit adaptive": {D: 0.25, Adaptive: true},
		"spectral":          {D: 0.25, Scheme: Spectral, Dt: 1e-3},
		"spectral adaptive": {D: 0.25, Scheme: Spectral, Adaptive: true},
	}
	bounded := mustGrid(t, 5, 0.025, false)
	for name, s := range cases {
		d, err := New(sys, s)
		if err != nil {
			t.Fatal(err)
		}
		rho := uniform(g.N, 0.6)
		m0 := g.Integral(rho)
		st, err := d.Run(context.Background(), rho, 0, 1, Frames{})
		if err != nil {
			t.Fatal(err)
		}
		if dm := math.Abs(g.Integral(rho)-m0) / m0; dm > 1e-13 {
			t.Errorf("%s: relative mass change %.2g after %d steps", name, dm, st.Steps)
		}
		t.Logf("%s: %d steps (%d rejected), relative mass change %.1e", name, st.Steps, st.Rejected, math.Abs(g.Integral(rho)-m0)/m0)
	}
	// Bounded box with a hard wall at each end and inside V = +Inf cells.
	f := mustFunctional(t, bounded, functional.Spec{HardSpheres: "wb2"})
	d, err := New(System{Excess: f, V: wall(0.5, 4.5, gaussianSum(5)), Static: true}, Settings{Adaptive: true})
	if err != nil {
		t.Fatal(err)
	}
	rho := make([]float64, bounded.N)
	for i := range rho {
		if z := bounded.Z(i); z > 0.5 && z < 4.5 {
			rho[i] = 0.7
		}
	}
	m0 := bounded.Integral(rho)
	if _, err := d.Run(context.Background(), rho, 0, 0.5, Frames{}); err != nil {
		t.Fatal(err)
	}
	if dm := math.Abs(bounded.Integral(rho)-m0) / m0; dm > 1e-13 {
		t.Errorf("bounded: relative mass change %.2g", dm)
	}
}

// The free energy never increases along the dynamics (static V), for the
// explicit stepper at every step and the adaptive spectral stepper at every
// frame; it falls by a clear amount, and the profile stays non-negative.
func TestLyapunov(t *testing.T) {
	sys := mainJobSystem(t, 5, 0.025)
	g := sys.Excess.Grid()
	d, err := New(sys, Settings{D: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	rho := uniform(g.N, 0.6)
	F0, _ := d.FreeEnergy(rho, 0)
	prev := F0
	for k := 0; k < 400; k++ {
		if err := d.Step(rho, 0, d.Settings().Dt); err != nil {
			t.Fatal(err)
		}
		F, err := d.FreeEnergy(rho, 0)
		if err != nil {
			t.Fatal(err)
		}
		if F > prev+1e-13*math.Abs(prev) {
			t.Fatalf("explicit step %d: βF/A rose from %.15g to %.15g", k, prev, F)
		}
		prev = F
	}
	t.Logf("explicit: βF/A %.6f → %.6f over 400 steps", F0, prev)
	if F0-prev < 1e-3 {
		t.Errorf("free energy barely moved (%.3g); the test has no power", F0-prev)
	}
	ds, err := New(sys, Settings{D: 0.25, Scheme: Spectral, Adaptive: true})
	if err != nil {
		t.Fatal(err)
	}
	rho = uniform(g.N, 0.6)
	prev = math.Inf(1)
	_, err = ds.Run(context.Background(), rho, 0, 5, Frames{Every: 0.05, Observe: func(tt float64, r []float64) error {
		F, err := ds.FreeEnergy(r, tt)
		if err != nil {
			return err
		}
		if F > prev+1e-13*math.Abs(prev) {
			t.Errorf("spectral: βF/A rose to %.15g at t = %v (from %.15g)", F, tt, prev)
		}
		if i := firstInvalid(r); i >= 0 {
			t.Errorf("spectral: negative density at t = %v", tt)
		}
		prev = F
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
}

// Long-time DDFT relaxes to the canonical cDFT minimiser at the same N
// (WBII + mean field, kT = 2, ρ̄ = 0.6 in the Gaussian-sum potential, 25τ
// at D = 1, i.e. 40 times the slowest diffusive time L²/(4π²D)).
func TestRelaxationToCanonicalMinimiser(t *testing.T) {
	sys := mainJobSystem(t, 5, 0.025)
	g := sys.Excess.Grid()
	eq, err := Canonical(sys, 0.6, EquilibriumSettings{})
	if err != nil {
		t.Fatal(err)
	}
	// Adaptive steps leave noise at the tolerance level near the steady
	// state (3e-7 at Tol = 1e-6, 2e-9 at 1e-8), so Tol = 1e-8 here.
	cases := []Settings{{D: 1, Scheme: Spectral, Adaptive: true, Tol: 1e-8}}
	if !testing.Short() {
		cases = append(cases, Settings{D: 1, Adaptive: true, Tol: 1e-8}) // ~9e4 explicit steps
	}
	for _, s := range cases {
		d, err := New(sys, s)
		if err != nil {
			t.Fatal(err)
		}
		rho := uniform(g.N, 0.6)
		st, err := d.Run(context.Background(), rho, 0, 25, Frames{})
		if err != nil {
			t.Fatal(err)
		}
		diff := maxAbsDiff(rho, eq.Rho)
		t.Logf("scheme %d: %d steps, max |ρ_DDFT − ρ_cDFT| = %.2g (ρ in [%.3f, %.3f]); cDFT %d iterations",
			s.Scheme, st.Steps, diff, minOf(eq.Rho), maxOf(eq.Rho), eq.Iterations)
		if diff > 1e-7 {
			t.Errorf("scheme %d: DDFT at t = 25τ differs from the canonical minimiser by %.3g", s.Scheme, diff)
		}
	}
}

func minOf(f []float64) float64 {
	m := math.Inf(1)
	for _, v := range f {
		m = math.Min(m, v)
	}
	return m
}

func maxOf(f []float64) float64 {
	m := math.Inf(-1)
	for _, v := range f {
		m = math.Max(m, v)
	}
	return m
}

// Ideal gas in a harmonic trap V = k(z − z0)²/2 is the Ornstein–Uhlenbeck
// process: ⟨z⟩ − z0 ∝ e^{−Dβkt}, Var = 1/(βk) + (Var₀ − 1/(βk)) e^{−2Dβkt}.
// The moments of the cell masses carry an O(dz²) error (2.5e-5 at
// dz = 0.01, 6e-6 at 0.005), hence the tolerance 1e-4.
func TestHarmonicTrapOrnsteinUhlenbeck(t *testing.T) {
	g := mustGrid(t, 10, 0.01, false)
	id, _ := functional.NewIdeal(g)
	const k, z0, kT, D = 4.0, 5.0, 1.0, 1.0
	V := planarFunc(func(z, _ float64) (float64, float64) { return k * (z - z0) * (z - z0) / 2, k * (z - z0) })
	d, err := New(System{Excess: id, V: V, KT: kT, Static: true}, Settings{D: D, Adaptive: true, Tol: 1e-7})
	if err != nil {
		t.Fatal(err)
	}
	rho := make([]float64, g.N)
	for i := range rho {
		x := g.Z(i) - 4
		rho[i] = math.Exp(-x * x / (2 * 0.1))
	}
	moments := func(r []float64) (mean, v float64) {
		m0, m1, m2 := 0.0, 0.0, 0.0
		for i, x := range r {
			z := g.Z(i)
			m0 += x
			m1 += x * z
			m2 += x * z * z
		}
		mean = m1 / m0
		return mean, m2/m0 - mean*mean
	}
	mean0, var0 := moments(rho)
	bk := k / kT
	worst := 0.0
	_, err = d.Run(context.Background(), rho, 0, 0.5, Frames{Every: 0.05, Observe: func(tt float64, r []float64) error {
		mean, v := moments(r)
		wantMean := z0 + (mean0-z0)*math.Exp(-D*bk*tt)
		wantVar := 1/bk + (var0-1/bk)*math.Exp(-2*D*bk*tt)
		worst = math.Max(worst, math.Max(math.Abs(mean-wantMean), math.Abs(v-wantVar)))
		if math.Abs(mean-wantMean) > 1e-4 || math.Abs(v-wantVar) > 1e-4 {
			t.Errorf("t = %.2f: ⟨z⟩ = %.7f want %.7f; Var = %.7f want %.7f", tt, mean, wantMean, v, wantVar)
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("harmonic trap: worst |moment error| over 0 ≤ t ≤ 0.5τ = %.2g", worst)
}

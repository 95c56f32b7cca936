package ddft

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// The steppers agree: fixed-step explicit Euler at the default dt, adaptive
// Heun, fixed ETD1 and adaptive ETD2 integrate the same interacting system
// in a time-dependent potential to the same profile at t = 0.5τ (Euler's
// O(dt) error at dt = 1.6e-4 bounds the spread).
func TestSteppersAgree(t *testing.T) {
	sys := mainJobSystem(t, 5, 0.025)
	gs := gaussianSum(5)
	sys.V = planarFunc(func(z, tt float64) (float64, float64) {
		v, dv := gs(z, tt)
		s := 1 + 0.5*math.Sin(4*tt)
		return s * v, s * dv
	})
	sys.Static = false
	g := sys.Excess.Grid()
	settings := map[string]Settings{
		"euler":     {D: 0.25},
		"heun":      {D: 0.25, Adaptive: true, Tol: 1e-6},
		"etd1":      {D: 0.25, Scheme: Spectral, Dt: 1e-4},
		"etd2":      {D: 0.25, Scheme: Spectral, Adaptive: true, Tol: 1e-6},
		"reference": {D: 0.25, Scheme: Spectral, Adaptive: true, Tol: 1e-9},
	}
	out := map[string][]float64{}
	for name, s := range settings {
		d, err := New(sys, s)
		if err != nil {
			t.Fatal(err)
		}
		rho := uniform(g.N, 0.6)
		st, err := d.Run(context.Background(), rho, 0, 0.5, Frames{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = rho
		t.Logf("%s: %d steps, %d rejected, %d evaluations, dt in [%.2g, %.2g]", name, st.Steps, st.Rejected, st.Evaluations, st.MinDt, st.MaxDt)
	}
	ref := out["reference"]
	for name, tol := range map[string]float64{"euler": 2e-4, "heun": 2e-5, "etd1": 2e-4, "etd2": 2e-5} {
		diff := maxAbsDiff(out[name], ref)
		t.Logf("%s: max |ρ − ρ_ref| = %.2g", name, diff)
		if diff > tol {
			t.Errorf("%s differs from the reference by %.3g (tolerance %.1g)", name, diff, tol)
		}
	}
}

// Frames fire at the start, at every multiple of Every and at the end, for
// fixed and adaptive steps, and an observer error stops the run.
func TestFrames(t *testing.T) {
	g := mustGrid(t, 4, 0.01, true)
	id, _ := functional.NewIdeal(g)
	sys := System{Excess: id, V: planarFunc(drivenPotential)}
	for _, s := range []Settings{{Dt: 2e-5}, {Adaptive: true}, {Scheme: Spectral, Adaptive: true}} {
		d, err := New(sys, s)
		if err != nil {
			t.Fatal(err)
		}
		var got []float64
		_, err = d.Run(context.Background(), uniform(g.N, 1), 1, 0.25, Frames{Every: 0.1, Observe: func(tt float64, _ []float64) error {
			got = append(got, tt)
			return nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		want := []float64{1, 1.1, 1.2, 1.25}
		if len(got) != len(want) {
			t.Fatalf("settings %+v: frames at %v, want %v", s, got, want)
		}
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-12 {
				t.Errorf("settings %+v: frames at %v, want %v", s, got, want)
			}
		}
	}
	d, _ := New(sys, Settings{})
	stop := errors.New("enough")
	n := 0
	_, err := d.Run(context.Background(), uniform(g.N, 1), 0, 1, Frames{Every: 0.01, Observe: func(float64, []float64) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	}})
	if !errors.Is(err, stop) {
		t.Errorf("observer error not returned: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.Run(ctx, uniform(g.N, 1), 0, 1, Frames{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}

// Bad input gives clear errors and never a NaN profile.
func TestBadInput(t *testing.T) {
	g := mustGrid(t, 5, 0.01, true)
	hs := mustFunctional(t, g, functional.Spec{HardSpheres: "wb2"})
	expect := func(what string, err error, words ...string) {
		t.Helper()
		if err == nil {
			t.Errorf("%s: no error", what)
			return
		}
		for _, w := range words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", what, err, w)
			}
		}
	}
	// Packing fraction ≥ 1 in the initial profile.
	d, _ := New(System{Excess: hs}, Settings{})
	rho := uniform(g.N, 0.5)
	for i := 100; i < 200; i++ {
		rho[i] = 2.5
	}
	_, err := d.Run(context.Background(), rho, 0, 0.01, Frames{})
	expect("dense initial profile", err, "packing fraction")
	// Infinite potential where there are particles.
	d, _ = New(System{Excess: hs, V: wall(1, 4, nil), Static: true}, Settings{})
	_, err = d.Run(context.Background(), uniform(g.N, 0.5), 0, 0.01, Frames{})
	expect("particles inside a wall", err, "infinite potential")
	// A wall moving into the fluid (time-dependent V, adaptive).
	moving := planarFunc(func(z, tt float64) (float64, float64) {
		if z < 0.5+tt {
			return math.Inf(1), 0
		}
		return 0, 0
	})
	d, _ = New(System{Excess: hs, V: moving}, Settings{Adaptive: true})
	rho = uniform(g.N, 0.5)
	for i := 0; i < 50; i++ {
		rho[i] = 0
	}
	_, err = d.Run(context.Background(), rho, 0, 0.1, Frames{})
	expect("moving wall", err, "infinite potential")
	// Explicit step beyond the stability limit.
	d, _ = New(System{Excess: hs}, Settings{Dt: 1e-3})
	rho = uniform(g.N, 0.5)
	_, err = d.Run(context.Background(), rho, 0, 0.01, Frames{})
	expect("explicit dt too large", err, "stability limit")
	for _, v := range rho {
		if math.IsNaN(v) {
			t.Fatal("NaN profile after a refused step")
		}
	}
	// Spectral on a bounded grid; NaN and negative initial densities.
	gb := mustGrid(t, 5, 0.01, false)
	_, err = New(System{Excess: mustFunctional(t, gb, functional.Spec{})}, Settings{Scheme: Spectral})
	expect("spectral on a bounded grid", err, "periodic")
	d, _ = New(System{Excess: hs}, Settings{})
	rho = uniform(g.N, 0.5)
	rho[7] = math.NaN()
	_, err = d.Run(context.Background(), rho, 0, 0.01, Frames{})
	expect("NaN density", err, "non-negative and finite")
	rho[7] = -0.1
	_, err = d.Run(context.Background(), rho, 0, 0.01, Frames{})
	expect("negative density", err, "non-negative")
	// NaN potential.
	d, _ = New(System{Excess: hs, V: planarFunc(func(z, _ float64) (float64, float64) { return math.NaN(), 0 })}, Settings{})
	_, err = d.Run(context.Background(), uniform(g.N, 0.5), 0, 0.01, Frames{})
	expect("NaN potential", err, "external potential")

	// Equilibrium: diverging plain Picard, iteration limit, no room.
	gw := mustGrid(t, 8, 0.01, false)
	hw := mustFunctional(t, gw, functional.Spec{HardSpheres: "wb2"})
	eq, err := GrandCanonicalDensity(System{Excess: hw}, 0.8, EquilibriumSettings{Mixing: 1, History: -1})
	expect("plain Picard with α = 1", err, "did not converge", "diverged or stalled", "lower Mixing")
	if !errors.Is(err, ErrNotConverged) {
		t.Errorf("diverging Picard: error %v does not wrap ErrNotConverged", err)
	}
	if eq != nil {
		for _, v := range eq.Rho {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatal("diverged solve returned a non-finite profile")
			}
		}
	}
	t.Logf("diverging Picard: %v", err)
	_, err = GrandCanonicalDensity(System{Excess: hw}, 0.8, EquilibriumSettings{MaxIter: 5})
	expect("5 iterations", err, "after 5 iterations")
	_, err = Canonical(System{Excess: hw, V: wall(10, -1, nil)}, 0.5, EquilibriumSettings{})
	expect("no room", err, "infinite everywhere")
	_, err = GrandCanonicalDensity(System{Excess: hw}, 2.5, EquilibriumSettings{})
	expect("bulk beyond close packing", err, "packing fraction")
}

// A step does not allocate (explicit and spectral).
func TestStepNoAllocations(t *testing.T) {
	sys := mainJobSystem(t, 5, 0.025)
	for _, s := range []Settings{{D: 0.25}, {D: 0.25, Scheme: Spectral, Dt: 1e-3}} {
		d, err := New(sys, s)
		if err != nil {
			t.Fatal(err)
		}
		rho := uniform(sys.Excess.Grid().N, 0.6)
		dt := d.Settings().Dt
		if n := testing.AllocsPerRun(10, func() { d.Step(rho, 0, dt) }); n != 0 {
			t.Errorf("scheme %d: Step allocates %v times", s.Scheme, n)
		}
	}
}

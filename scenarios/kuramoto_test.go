package scenarios

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// The default run (N = 1000 Lorentzian quantile frequencies, Δ = 0.5,
// all-to-all K = 2, Heun dt = 0.01 for t = 60) gives r over the second half
// within 0.01 of the exact N → ∞ value √(1 − 2Δ/K) = 0.7071; finite-N
// effects with quantile frequencies are ~1e-3 (VALIDATION.md: 0.7071).
// Below threshold (K = 0.5 K_c) r must fall to the finite-size floor,
// r < 3/√N. K = 1.5 and 3 have theory 0.5774 and 0.8165.
func TestKuramotoScenarioTheory(t *testing.T) {
	for _, k := range []float64{0.5, 1.5, 2, 3} {
		c := Kuramoto{}.DefaultConfig().(*KuramotoConfig)
		c.K = k
		dir, sum, err := runInTemp(t, context.Background(), Kuramoto{}, c, 1)
		if err != nil {
			t.Fatal(err)
		}
		sum.has(t, "order_parameter.csv", "order_parameter.png")
		if rows := csvRows(t, filepath.Join(dir, "order_parameter.csv")); len(rows) != 601 {
			t.Errorf("order_parameter.csv has %d rows, want 601", len(rows))
		}
		r, th, kc := sum.num(t, "order_parameter"), sum.num(t, "order_parameter_theory"), sum.num(t, "critical_coupling")
		t.Logf("K = %g: r = %v, theory %.4f, K_c = %g", k, r, th.Mean, kc.Mean)
		if kc.Mean != 1 {
			t.Errorf("K_c = %g, want 2Δ = 1", kc.Mean)
		}
		if k > kc.Mean {
			if math.Abs(r.Mean-th.Mean) > 0.01 || th.Mean != math.Sqrt(1-1/k) {
				t.Errorf("K = %g: r = %v, theory %g: off by more than 0.01", k, r, th.Mean)
			}
		} else if th.Mean != 0 || r.Mean > 3/math.Sqrt(1000) {
			t.Errorf("K = %g below K_c: r = %v (theory %g), want < 3/√N", k, r, th.Mean)
		}
	}
}

// Identical oscillators (width 0) started aligned on a ring stay aligned,
// so every phase is θ = ω₀t; the trajectory must hold one frame per
// trajectory_every steps with the phase reduced to (−π, π] as value.
func TestKuramotoScenarioTrajectory(t *testing.T) {
	c := Kuramoto{}.DefaultConfig().(*KuramotoConfig)
	c.Oscillators, c.Topology, c.Width, c.Center, c.K = 36, "lattice-2d", 0, 1.3, 1
	c.InitialPhases, c.Steps, c.SampleEvery, c.TrajectoryEvery = "aligned", 500, 10, 50
	dir, sum, err := runInTemp(t, context.Background(), Kuramoto{}, c, 2)
	if err != nil {
		t.Fatal(err)
	}
	sum.has(t, "phases.pstraj")
	if r := sum.num(t, "order_parameter"); math.Abs(r.Mean-1) > 1e-12 {
		t.Errorf("aligned identical oscillators: r = %v", r)
	}
	tr, err := trajectory.Open(filepath.Join(dir, "phases.pstraj"))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	if tr.NumFrames() != 11 || tr.Header().ValueName != "phase" {
		t.Fatalf("%d frames with value %q, want 11 with phase", tr.NumFrames(), tr.Header().ValueName)
	}
	f, err := tr.Frame(7)
	if err != nil {
		t.Fatal(err)
	}
	want := math.Remainder(1.3*f.Time, 2*math.Pi)
	if f.Step != 350 || f.Pos[7] != [3]float32{1, 1, 0} {
		t.Errorf("frame 7: step %d, oscillator 7 at %v; want step 350 at (1, 1, 0)", f.Step, f.Pos[7])
	}
	for i, v := range f.Value {
		if math.Abs(float64(v)-want) > 1e-5 {
			t.Fatalf("frame 7 oscillator %d: phase %g, want %g", i, v, want)
		}
	}
}

// A cancelled run stops with an error wrapping sim.ErrInterrupted and still
// writes what it measured (the initial sample) and the summary.
func TestKuramotoScenarioInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir, sum, err := runInTemp(t, ctx, Kuramoto{}, Kuramoto{}.DefaultConfig(), 1)
	if !errors.Is(err, sim.ErrInterrupted) {
		t.Fatalf("err = %v, want an interruption", err)
	}
	if rows := csvRows(t, filepath.Join(dir, "order_parameter.csv")); len(rows) != 1 {
		t.Errorf("%d rows written before the interruption, want 1", len(rows))
	}
	sum.num(t, "order_parameter_final")
}

// Bad input is refused by Validate (after --set as on the command line)
// with an error naming the key.
func TestKuramotoScenarioBadInput(t *testing.T) {
	sc := Kuramoto{}
	rejects(t, sc, "oscillators", "oscillators=0")
	rejects(t, sc, "dt", "dt=0")
	rejects(t, sc, "dt", "dt=-0.01")
	rejects(t, sc, "steps", "steps=0")
	rejects(t, sc, "noise", "noise=-1")
	rejects(t, sc, "width", "width=-0.5")
	rejects(t, sc, "frequencies", "frequencies=cauchy")
	rejects(t, sc, "topology", "topology=ring")
	rejects(t, sc, "scheme", "scheme=leapfrog")
	rejects(t, sc, "initial_phases", "initial_phases=sync")
	rejects(t, sc, "lattice_nx", "topology=lattice-2d", "oscillators=10")
	rejects(t, sc, "lattice_nx", "topology=lattice-2d", "oscillators=10", "lattice_nx=3")
	rejects(t, sc, "trajectory_every", "trajectory_every=15")
	rejects(t, sc, "trajectory_file", "trajectory_every=10", "trajectory_file=sub/x.pstraj")
	rejects(t, sc, "unknown config key osc", "osc=3")
}

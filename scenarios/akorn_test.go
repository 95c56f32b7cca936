package scenarios

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

func smallAKOrN() *AKOrNConfig {
	c := AKOrN{}.DefaultConfig().(*AKOrNConfig)
	c.Oscillators, c.Dim, c.Coupling, c.K, c.Dt, c.Steps = 48, 4, "random", 1, 0.02, 400
	c.Field = []float64{0, 0, 0, 0.3}
	return c
}

// With symmetric random couplings, a field and no natural frequencies the
// flow is a gradient flow of E, so E must not rise between any two steps
// (both update modes; tolerance 1e-12 |E| for round-off), and geodesic
// steps keep |x_i| = 1 to round-off. With natural frequencies E is no
// Lyapunov function and must rise at some step, which shows the check can
// fail.
func TestAKOrNScenarioEnergyDescent(t *testing.T) {
	for _, mode := range []string{"geodesic", "normalize"} {
		c := smallAKOrN()
		c.Mode = mode
		_, sum, err := runInTemp(t, context.Background(), AKOrN{}, c, 5)
		if err != nil {
			t.Fatal(err)
		}
		sum.has(t, "energy.csv", "energy.png")
		e0, e1, rise := sum.num(t, "energy_initial").Mean, sum.num(t, "energy_final").Mean, sum.num(t, "energy_max_rise").Mean
		t.Logf("%s: E %.6g → %.6g, largest rise between steps %.3g, max ||x|−1| %.2g", mode, e0, e1, rise, sum.num(t, "max_norm_deviation").Mean)
		if rise > 1e-12*math.Abs(e1) || !(e1 < e0) {
			t.Errorf("%s: energy rose by %.3g (E %g → %g)", mode, rise, e0, e1)
		}
		if mode == "geodesic" && sum.num(t, "max_norm_deviation").Mean > 1e-12 {
			t.Errorf("geodesic steps left |x| off 1 by %g", sum.num(t, "max_norm_deviation").Mean)
		}
	}
	c := smallAKOrN()
	c.Width, c.Quantiles = 1, true
	_, sum, err := runInTemp(t, context.Background(), AKOrN{}, c, 5)
	if err != nil {
		t.Fatal(err)
	}
	rise := sum.num(t, "energy_max_rise").Mean
	t.Logf("with natural frequencies: largest rise %.3g", rise)
	if rise <= 0 || string(sum.Observables["energy_descent_expected"]) != "false" {
		t.Errorf("with natural frequencies the energy never rose (largest change %g) or descent was expected", rise)
	}
}

// Identical oscillators with all-to-all coupling J_ij = (K/N) I reach full
// synchrony, |mean x| = 1 and E = −KN/2; the same coupling given as N×N
// weights or as the full (N·dim)² matrix gives bit-identical runs.
func TestAKOrNScenarioAllToAll(t *testing.T) {
	const n, d = 20, 3
	c := AKOrN{}.DefaultConfig().(*AKOrNConfig)
	c.Oscillators, c.Coupling, c.Dt, c.Steps, c.SampleEvery = n, "all-to-all", 0.05, 600, 10
	dir, sum, err := runInTemp(t, context.Background(), AKOrN{}, c, 3)
	if err != nil {
		t.Fatal(err)
	}
	e, emin, r := sum.num(t, "energy_final").Mean, sum.num(t, "energy_minimum").Mean, sum.num(t, "order_parameter").Mean
	t.Logf("E = %.12g (minimum −KN/2 = %g), |mean x| = %.12g", e, emin, r)
	if emin != -n/2 || math.Abs(e-emin) > 1e-9 || math.Abs(r-1) > 1e-9 {
		t.Errorf("all-to-all: E = %g (want %d), r = %g (want 1)", e, -n/2, r)
	}
	ref, _ := os.ReadFile(filepath.Join(dir, "energy.csv"))

	weights := make([][]float64, n)
	full := make([][]float64, n*d)
	for i := range weights {
		weights[i] = make([]float64, n)
		for j := range weights[i] {
			weights[i][j] = c.K / n
		}
	}
	for a := range full {
		full[a] = make([]float64, n*d)
		for b := a % d; b < n*d; b += d {
			full[a][b] = c.K / n
		}
	}
	for _, m := range [][][]float64{weights, full} {
		c.Coupling, c.CouplingMatrix = "matrix", m
		dir, _, err := runInTemp(t, context.Background(), AKOrN{}, c, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "energy.csv")); string(got) != string(ref) {
			t.Errorf("%d×%d coupling_matrix differs from all-to-all", len(m), len(m))
		}
	}
}

// The trajectory holds one frame per trajectory_every steps with the unit
// vectors as velocities, at R(1 + x_i) on a sphere of radius R = √N/2, or
// at the lattice sites for a lattice coupling.
func TestAKOrNScenarioTrajectory(t *testing.T) {
	for _, coupling := range []string{"random", "lattice-2d"} {
		c := smallAKOrN()
		c.Oscillators, c.Dim, c.Field, c.Coupling, c.Steps, c.SampleEvery, c.TrajectoryEvery = 36, 3, nil, coupling, 40, 5, 20
		dir, _, err := runInTemp(t, context.Background(), AKOrN{}, c, 1)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := trajectory.Open(filepath.Join(dir, "vectors.pstraj"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := tr.Frame(2)
		tr.Close()
		if err != nil || tr.NumFrames() != 3 || f.Step != 40 {
			t.Fatalf("%s: %d frames, frame 2 at step %d (%v); want 3 frames, the last at step 40", coupling, tr.NumFrames(), f.Step, err)
		}
		for i, v := range f.Vel {
			norm := math.Sqrt(float64(v[0]*v[0] + v[1]*v[1] + v[2]*v[2]))
			var off float64
			if coupling == "random" {
				for a := range v {
					off = math.Max(off, math.Abs(float64(f.Pos[i][a]-3*(1+v[a]))))
				}
			} else {
				off = math.Abs(float64(f.Pos[i][0]-float32(i%6))) + math.Abs(float64(f.Pos[i][1]-float32(i/6)))
			}
			if math.Abs(norm-1) > 1e-6 || off > 1e-5 {
				t.Fatalf("%s oscillator %d: vector %v (norm %g) at %v", coupling, i, v, norm, f.Pos[i])
			}
		}
	}
}

// A cancelled run returns an error wrapping sim.ErrInterrupted after
// writing the initial sample.
func TestAKOrNScenarioInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir, sum, err := runInTemp(t, ctx, AKOrN{}, smallAKOrN(), 1)
	if !errors.Is(err, sim.ErrInterrupted) {
		t.Fatalf("err = %v, want an interruption", err)
	}
	if rows := csvRows(t, filepath.Join(dir, "energy.csv")); len(rows) != 1 {
		t.Errorf("%d rows written, want 1", len(rows))
	}
	sum.num(t, "energy_final")
}

// Bad input, including a natural-frequency matrix that is not
// antisymmetric and coupling matrices of the wrong shape, is refused with
// an error naming the key.
func TestAKOrNScenarioBadInput(t *testing.T) {
	sc := AKOrN{}
	rejects(t, sc, "omega_matrix is not antisymmetric", "dim=2", "omega_matrix=[[0, 1], [1, 0]]")
	rejects(t, sc, "omega_matrix is not antisymmetric", "dim=2", "omega_matrix=[[1, 1], [-1, 0]]")
	rejects(t, sc, "omega_matrix has the wrong shape", "omega_matrix=[[0, 1, 0], [-1, 0, 0]]")
	rejects(t, sc, "coupling_matrix has the wrong shape", "coupling=matrix", "oscillators=3", "coupling_matrix=[[0, 1], [1, 0]]")
	rejects(t, sc, "coupling_matrix has the wrong shape", "coupling=matrix", "oscillators=2", "dim=2", "coupling_matrix=[[0, 1], [1]]")
	rejects(t, sc, "needs config key coupling_matrix", "coupling=matrix")
	rejects(t, sc, `set coupling = "matrix"`, "oscillators=4", "coupling_matrix=[[0, 1], [1, 0]]")
	rejects(t, sc, "oscillators", "oscillators=0")
	rejects(t, sc, "oscillators × dim", "oscillators=3000")
	rejects(t, sc, "dim", "dim=1")
	rejects(t, sc, "dt", "dt=0")
	rejects(t, sc, "dt", "dt=-0.1")
	rejects(t, sc, "steps", "steps=0")
	rejects(t, sc, "field", "field=[1, 0]")
	rejects(t, sc, "mode", "mode=euler")
	rejects(t, sc, "coupling", "coupling=dense")
	rejects(t, sc, "lattice_nx", "oscillators=250")
	rejects(t, sc, "frequencies", "frequencies=cauchy")
	rejects(t, sc, "trajectory_every", "sample_every=3", "trajectory_every=10")
}

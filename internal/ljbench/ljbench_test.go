package ljbench

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/physim/physim/internal/lammps"
)

// testdata/log.langevin.txt is LAMMPS (Debian 20220106) running the input
// of Case{LAMMPS, 4000, Langevin} with 10 warm-up and 50 timed steps.
func TestParseLog(t *testing.T) {
	data, err := os.ReadFile("testdata/log.langevin.txt")
	if err != nil {
		t.Fatal(err)
	}
	s, err := parseLog(string(data), 50)
	if err != nil {
		t.Fatal(err)
	}
	want := Sample{Steps: 50, Wall: seconds(0.102226), Pair: seconds(0.07476), Neighbor: seconds(0.013333),
		Integrate: seconds(0.012496), Other: seconds(0.0013224) + seconds(0.00011899) + seconds(0.0001947),
		Builds: 2, Temp: 0.95980738, Energy: -5.6102287}
	if s != want {
		t.Errorf("parsed %+v\nwant   %+v", s, want)
	}
	if r := s.AtomSteps(4000); math.Abs(r-4000*489.114*50/50) > 0.001*r {
		t.Errorf("atom-steps/s %g, log says %g", r, 4000*489.114)
	}
	if _, err := parseLog(strings.Split(string(data), "MPI task timing")[0], 50); err == nil {
		t.Error("a log without its timing breakdown was accepted")
	}
}

// The LAMMPS input is in.lj with the warm-up run first and, for Langevin
// dynamics, fix langevin at T = 1.44 with damping time 1.
func TestInput(t *testing.T) {
	set := Settings{Warmup: 7, Steps: 30}.withDefaults()
	in, err := set.input(Case{Engine: LAMMPS, Atoms: 32000, Dynamics: Langevin})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"lattice fcc 0.8442", "region box block 0 20 0 20 0 20", "velocity all create 1.44 87287", "pair_style lj/cut 2.5",
		"neighbor 0.3 bin", "neigh_modify delay 0 every 20 check no", "fix 1 all nve", "fix 2 all langevin 1.44 1.44 1 ", "timestep 0.005", "run 7\n", "run 30\n"} {
		if !strings.Contains(in, line) {
			t.Errorf("input lacks %q:\n%s", line, in)
		}
	}
	if strings.Index(in, "run 7") > strings.Index(in, "run 30") {
		t.Error("the warm-up run comes after the timed run")
	}
	if _, err := set.input(Case{Engine: LAMMPS, Atoms: 32000, Dynamics: Brownian}); err == nil {
		t.Error("a LAMMPS input for Brownian dynamics was made")
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, s := range []Settings{
		{Atoms: []int{1000}},
		{Atoms: []int{108}},
		{Dynamics: []string{"md"}},
		{Workers: []int{0}},
		{Steps: -1},
		{Reps: -2},
		{Dt: math.NaN()},
	} {
		if _, err := Run(context.Background(), s, io.Discard, io.Discard); err == nil {
			t.Errorf("settings %+v accepted", s)
		}
	}
	if n, err := fccCells(256000); n != 40 || err != nil {
		t.Errorf("fccCells(256000) = %d, %v", n, err)
	}
}

// A small benchmark of every dynamics: physim's final states are
// identical for 1 and 2 workers, the breakdown adds up to the wall time,
// and the NVE run keeps the total energy to 1e-4 relative.
func TestRunSmall(t *testing.T) {
	set := Settings{Atoms: []int{500}, Dynamics: []string{NVE, Langevin, Brownian}, Workers: []int{1, 2}, Steps: 40, Warmup: 5, Reps: 2}
	var out bytes.Buffer
	res, err := Run(context.Background(), set, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 6 {
		t.Fatalf("%d results, want 6", len(res))
	}
	for _, r := range res {
		if id := identical(res, r, 1); r.Case.Workers == 2 && id != "yes" {
			t.Errorf("%+v: identical = %q", r.Case, id)
		}
		for _, s := range r.Samples {
			if sum := s.Pair + s.Neighbor + s.Integrate + s.Other; sum != s.Wall || s.Pair <= 0 || s.Integrate <= 0 {
				t.Errorf("%+v: breakdown %v + %v + %v + %v ≠ wall %v", r.Case, s.Pair, s.Neighbor, s.Integrate, s.Other, s.Wall)
			}
		}
	}
	if !strings.Contains(out.String(), "identical") || strings.Contains(out.String(), "NO") {
		t.Errorf("table:\n%s", out.String())
	}
}

// The NVE benchmark integrates Newton's equations: the total energy per
// atom after 100 steps from the in.lj start (lattice energy −6.7733681 plus
// 1.5·1.44·(N−1)/N) has moved by less than 0.015 ε. LAMMPS's published
// in.lj log shows −0.009 ε (−4.6134 to −4.6223), the dt = 0.005 error of
// the melting lattice; a wrong force or integrator would move it by far
// more.
func TestRunConservesEnergy(t *testing.T) {
	set := Settings{Steps: 100, Warmup: -1, Seed: 3}.withDefaults()
	s, err := set.runPhysim(context.Background(), Case{Engine: Physim, Atoms: 500, Dynamics: NVE, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	e0 := -6.7733681 + 1.5*KT*499/500
	if e := s.Energy + 1.5*s.Temp*499/500; math.Abs(e-e0) > 0.015 {
		t.Errorf("E/N after 100 steps %.6f, initial %.6f", e, e0)
	}
	if s.Temp > 1 || s.Temp < 0.5 {
		t.Errorf("T after 100 steps %.3f: the lattice should melt to about 0.7", s.Temp)
	}
}

// With lmp installed, physim and LAMMPS simulate the same physics: after
// the in.lj start and 100 steps, the temperature and energy per atom of
// 4000 atoms agree within three standard deviations of a difference of two
// independent runs. The deviations were measured over six physim seeds:
// NVE σ_T = 0.006, σ_U = 0.009 ε; Langevin σ_T = 0.013, σ_U = 0.017 ε.
func TestAgreesWithLAMMPS(t *testing.T) {
	if !lammps.Available() {
		t.Skip("lmp not installed")
	}
	set := Settings{Steps: 100, Warmup: -1, TempDir: t.TempDir()}.withDefaults()
	for _, c := range []struct {
		d          string
		sigT, sigU float64
	}{{NVE, 0.006, 0.009}, {Langevin, 0.013, 0.017}} {
		p, err := set.runPhysim(context.Background(), Case{Engine: Physim, Atoms: 4000, Dynamics: c.d, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		l, err := set.runLAMMPS(context.Background(), Case{Engine: LAMMPS, Atoms: 4000, Dynamics: c.d, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(p.Temp-l.Temp) > 3*math.Sqrt2*c.sigT || math.Abs(p.Energy-l.Energy) > 3*math.Sqrt2*c.sigU {
			t.Errorf("%s: physim T %.4f, U/N %.4f; LAMMPS T %.4f, U/N %.4f", c.d, p.Temp, p.Energy, l.Temp, l.Energy)
		}
		if l.Wall <= 0 || l.Wall > time.Minute {
			t.Errorf("%s: LAMMPS loop time %v", c.d, l.Wall)
		}
	}
}

func TestMedianAndRatio(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median = %v", m)
	}
	if m := median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median = %v", m)
	}
	ph := &Result{Case: Case{Engine: Physim, Atoms: 4000, Dynamics: NVE, Workers: 1},
		Samples: []Sample{{Steps: 10, Wall: time.Second}, {Steps: 10, Wall: 2 * time.Second}, {Steps: 10, Wall: time.Second}}}
	lm := &Result{Case: Case{Engine: LAMMPS, Atoms: 4000, Dynamics: NVE, Workers: 1},
		Samples: []Sample{{Steps: 10, Wall: 2 * time.Second}, {Steps: 10, Wall: 2 * time.Second}, {Steps: 10, Wall: 3 * time.Second}}}
	// Per-repetition ratios 2, 1, 3: median 2.
	if r := ratio([]*Result{ph, lm}, ph, LAMMPS); r != 2 {
		t.Errorf("ratio %v, want 2", r)
	}
	if r := ratio([]*Result{ph, lm}, ph, LAMMPSOpt); r != 0 {
		t.Errorf("ratio to a missing engine %v, want 0", r)
	}
	if m := ph.Median(); m.Wall != time.Second {
		t.Errorf("median sample wall %v", m.Wall)
	}
}

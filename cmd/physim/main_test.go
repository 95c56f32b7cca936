package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/physim/physim/sim"
)

func physim(t *testing.T, ctx context.Context, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(ctx, args, &out, &errb)
	return out.String(), errb.String(), err
}

func TestList(t *testing.T) {
	out, _, err := physim(t, context.Background(), "list")
	if err != nil || !strings.Contains(out, "lj-fluid") {
		t.Fatalf("list: %q, %v", out, err)
	}
}

// Bad input is refused with an error that names the problem, before any
// simulation starts.
func TestRunRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	badToml := filepath.Join(dir, "bad.toml")
	os.WriteFile(badToml, []byte("particles = [1,\n"), 0o644)
	unknownToml := filepath.Join(dir, "unknown.toml")
	os.WriteFile(unknownToml, []byte("partikles = 10\n"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "no-such"}, "unknown scenario"},
		{[]string{"run", "lj-fluid", "--set", "partikles=10"}, "partikles"},
		{[]string{"run", "lj-fluid", "--set", "steps=abc"}, "steps"},
		{[]string{"run", "lj-fluid", "--set", "dt=0"}, "dt"},
		{[]string{"run", "lj-fluid", "--set", "dt=-0.001"}, "dt"},
		{[]string{"run", "lj-fluid", "--set", "dynamics=md"}, "dynamics"},
		{[]string{"run", "lj-fluid", "--set", "particles=100"}, "shorter than 2 × (cutoff + skin)"},
		{[]string{"run", "lj-fluid", "--set", "nokey"}, "key=value"},
		{[]string{"run", "lj-fluid", "--config", badToml}, "bad.toml"},
		{[]string{"run", "lj-fluid", "--config", unknownToml}, "partikles"},
		{[]string{"run", "lj-fluid", "--config", filepath.Join(dir, "missing.toml")}, "missing.toml"},
		{[]string{"run", "lj-fluid", "--out", filepath.Join(file, "sub")}, "output directory"},
		{[]string{"run", "lj-fluid", "--workers", "0", "--out", dir}, "workers"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"train"}, "usage"},
		{[]string{"train", "functional", "--steps", "-1"}, "steps"},
		{[]string{"train", "functional", "--data", filepath.Join(dir, "nodata"), "--out", dir}, "nodata"},
		{[]string{"run", "akorn", "--set", "dim=2", "--set", "omega_matrix=[[0,1],[1,0]]"}, "omega_matrix"},
		{[]string{"run", "akorn", "--set", "coupling=matrix", "--set", "oscillators=3", "--set", "coupling_matrix=[[0,1],[1,0]]"}, "coupling_matrix"},
		{[]string{"run", "lorenz", "--set", "neurons=0"}, "neurons"},
		{[]string{"run", "kuramoto", "--set", "dt=0"}, "dt"},
		{[]string{"run", "bd-vs-ddft", "--set", "functionals=[\"magic\"]"}, "magic"},
		{[]string{"run", "bd-vs-ddft", "--set", "box=5"}, "2 × (cutoff + skin)"},
		{[]string{"run", "dft-planar", "--set", "ensemble=micro"}, "ensemble"},
	}
	for _, c := range cases {
		start := time.Now()
		_, _, err := physim(t, context.Background(), c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("physim %s: err = %v, want it to mention %q", strings.Join(c.args, " "), err, c.want)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("physim %s took %v to fail", strings.Join(c.args, " "), time.Since(start))
		}
	}
}

// --dump-config prints TOML that --config reads back unchanged.
func TestDumpConfigRoundTrip(t *testing.T) {
	out, _, err := physim(t, context.Background(), "run", "lj-fluid", "--set", "kT=1.5", "--set", "dynamics=nve", "--dump-config")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "kT = 1.5") || !strings.Contains(out, `dynamics = "nve"`) {
		t.Fatalf("dump does not show the overrides:\n%s", out)
	}
	path := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(path, []byte(out), 0o644)
	again, _, err := physim(t, context.Background(), "run", "lj-fluid", "--config", path, "--dump-config")
	if err != nil || again != out {
		t.Fatalf("round trip changed the config (err %v):\n%s\nvs\n%s", err, out, again)
	}
}

// A short run writes the summary with the promised fields and files.
func TestRunWritesSummary(t *testing.T) {
	dir := t.TempDir()
	_, stderr, err := physim(t, context.Background(), "run", "lj-fluid", "--out", dir, "--seed", "3", "--workers", "2",
		"--set", "particles=500", "--set", "steps=100", "--set", "equilibration_steps=20", "--set", "trajectory_every=50")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sum struct {
		Scenario    string
		Version     string
		Seed        uint64
		Config      map[string]any
		Observables map[string]json.RawMessage
		Outputs     []string
		Timing      map[string]float64
		Status      string
	}
	if err := json.Unmarshal(data, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Scenario != "lj-fluid" || sum.Seed != 3 || sum.Config["particles"] != float64(500) || sum.Status != "completed" {
		t.Errorf("summary header wrong: %+v", sum)
	}
	for _, k := range []string{"potential_energy_per_particle", "pressure", "temperature"} {
		var me struct{ Mean, Stderr *float64 }
		if err := json.Unmarshal(sum.Observables[k], &me); err != nil || me.Mean == nil {
			t.Errorf("observable %s = %s", k, sum.Observables[k])
		}
	}
	for _, f := range []string{"thermo.csv", "rdf.csv", "rdf.png", "checkpoint.bin", "trajectory.pstraj", "msd.csv"} {
		found := false
		for _, o := range sum.Outputs {
			found = found || o == f
		}
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil || !found {
			t.Errorf("output %s missing (listed: %v)", f, found)
		}
	}
	if sum.Timing["wall_seconds"] <= 0 || sum.Timing["cpu_seconds"] <= 0 {
		t.Errorf("timing = %v", sum.Timing)
	}
}

// Interrupting a run leaves a valid checkpoint, the thermo rows written so
// far and a summary marked interrupted.
func TestInterruptLeavesCheckpoint(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// Cancel once the production run has logged some rows.
		for {
			time.Sleep(50 * time.Millisecond)
			data, _ := os.ReadFile(filepath.Join(dir, "thermo.csv"))
			if strings.Count(string(data), "\n") > 3 {
				cancel()
				return
			}
		}
	}()
	_, _, err := physim(t, ctx, "run", "lj-fluid", "--out", dir, "--workers", "2",
		"--set", "particles=500", "--set", "steps=100000", "--set", "equilibration_steps=0", "--set", "sample_every=5")
	if !errors.Is(err, sim.ErrInterrupted) {
		t.Fatalf("err = %v, want an interruption", err)
	}
	ck, err := sim.ReadCheckpoint(filepath.Join(dir, "checkpoint.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if ck.State.Step == 0 || ck.State.N() != 500 {
		t.Errorf("checkpoint at step %d with %d particles", ck.State.Step, ck.State.N())
	}
	data, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if !strings.Contains(string(data), `"status": "interrupted"`) {
		t.Errorf("summary does not say interrupted:\n%s", data)
	}
}

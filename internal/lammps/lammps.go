// Package lammps writes LAMMPS input scripts for the set-ups physim
// compares against, runs the `lmp` binary, and parses its thermo output and
// performance line. LAMMPS is an independent reference; nothing of it is
// linked into physim.
package lammps

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// LJ describes a Lennard-Jones fluid run in LAMMPS units lj.
type LJ struct {
	// Cells is the number of FCC unit cells per edge (N = 4·Cells³).
	Cells int
	// Density in σ⁻³ and initial temperature kT.
	Density, KT float64
	// Cutoff in σ; Tail adds LAMMPS's analytic tail corrections.
	Cutoff float64
	Tail   bool
	// Skin of the neighbour list in σ; Every is "neigh_modify every"
	// (with check yes when Check).
	Skin  float64
	Every int
	Check bool
	// Dynamics is "nve" or "langevin"; Damp is LAMMPS's damping time
	// m/γ for "fix langevin".
	Dynamics string
	Damp     float64
	Dt       float64
	// Equilibrate and Steps are step counts; ThermoEvery is the output
	// period during the production run.
	Equilibrate, Steps, ThermoEvery int
	Seed                            int
	// Suffix selects an accelerator package style, e.g. "opt".
	Suffix string
}

// Input returns the LAMMPS input script.
func (p LJ) Input() string {
	var b strings.Builder
	w := func(f string, a ...any) { fmt.Fprintf(&b, f+"\n", a...) }
	w("units lj")
	w("atom_style atomic")
	w("lattice fcc %g", p.Density)
	w("region box block 0 %d 0 %d 0 %d", p.Cells, p.Cells, p.Cells)
	w("create_box 1 box")
	w("create_atoms 1 box")
	w("mass 1 1.0")
	w("velocity all create %g %d loop geom", p.KT, p.Seed)
	w("pair_style lj/cut %g", p.Cutoff)
	w("pair_coeff 1 1 1.0 1.0 %g", p.Cutoff)
	if p.Tail {
		w("pair_modify tail yes")
	}
	check := "no"
	if p.Check {
		check = "yes"
	}
	w("neighbor %g bin", p.Skin)
	w("neigh_modify delay 0 every %d check %s", max(p.Every, 1), check)
	w("fix 1 all nve")
	if p.Dynamics == "langevin" {
		w("fix 2 all langevin %g %g %g %d", p.KT, p.KT, p.Damp, p.Seed+1)
	}
	w("timestep %g", p.Dt)
	w("thermo_style custom step temp pe press")
	w("thermo_modify norm yes")
	if p.Equilibrate > 0 {
		w("thermo %d", max(p.Equilibrate, 1))
		w("run %d", p.Equilibrate)
	}
	w("thermo %d", max(p.ThermoEvery, 1))
	w("run %d", p.Steps)
	return b.String()
}

// Available reports whether lmp is on the PATH.
func Available() bool {
	_, err := exec.LookPath("lmp")
	return err == nil
}

// Run writes input into dir, runs lmp there (single process) and returns
// its log. args are extra command-line arguments, e.g. {"-sf", "opt"}.
func Run(ctx context.Context, dir, input string, args ...string) (string, error) {
	if !Available() {
		return "", errors.New("lammps: lmp not found; install it with: apt-get install lammps")
	}
	in := filepath.Join(dir, "in.physim")
	if err := os.WriteFile(in, []byte(input), 0o644); err != nil {
		return "", fmt.Errorf("lammps: %w", err)
	}
	cmd := exec.CommandContext(ctx, "lmp", append([]string{"-in", in, "-log", filepath.Join(dir, "log.lammps"), "-screen", "none"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OMP_NUM_THREADS=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("lammps: lmp failed: %v: %s", err, stderr.String())
	}
	log, err := os.ReadFile(filepath.Join(dir, "log.lammps"))
	if err != nil {
		return "", fmt.Errorf("lammps: %w", err)
	}
	return string(log), nil
}

// Thermo is one "run" block of thermo output: column names and rows.
type Thermo struct {
	Columns []string
	Rows    [][]float64
}

// Column returns the named column of the block.
func (t Thermo) Column(name string) ([]float64, error) {
	for k, c := range t.Columns {
		if strings.EqualFold(c, name) {
			out := make([]float64, len(t.Rows))
			for i, r := range t.Rows {
				out[i] = r[k]
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("lammps: no thermo column %q (have %v)", name, t.Columns)
}

// ParseThermo returns every thermo block of a log, in order.
func ParseThermo(log string) ([]Thermo, error) {
	var out []Thermo
	var cur *Thermo
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 && f[0] == "Step" {
			out = append(out, Thermo{Columns: f})
			cur = &out[len(out)-1]
			continue
		}
		if cur == nil {
			continue
		}
		if len(f) != len(cur.Columns) {
			cur = nil
			continue
		}
		row := make([]float64, len(f))
		for k, s := range f {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				cur = nil
				break
			}
			row[k] = v
		}
		if cur != nil {
			cur.Rows = append(cur.Rows, row)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("lammps: no thermo output in log")
	}
	return out, nil
}

// Performance is LAMMPS's "Performance:" and "Loop time" lines.
type Performance struct {
	LoopSeconds     float64
	TimestepsPerSec float64
	AtomStepsPerSec float64
	Atoms           int
}

// ParsePerformance returns the performance of the last run in log.
func ParsePerformance(log string) (Performance, error) {
	var p Performance
	found := false
	for _, line := range strings.Split(log, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 4 && f[0] == "Loop" && f[1] == "time":
			// Loop time of T on P procs for S steps with N atoms
			p.LoopSeconds, _ = strconv.ParseFloat(f[3], 64)
			if len(f) >= 12 {
				p.Atoms, _ = strconv.Atoi(f[11])
			}
		case len(f) > 1 && f[0] == "Performance:":
			found = true
			for k := 1; k+1 < len(f); k++ {
				v, err := strconv.ParseFloat(f[k], 64)
				if err != nil {
					continue
				}
				unit := strings.TrimSuffix(f[k+1], ",")
				switch unit {
				case "timesteps/s":
					p.TimestepsPerSec = v
				case "Matom-step/s":
					p.AtomStepsPerSec = v * 1e6
				case "katom-step/s":
					p.AtomStepsPerSec = v * 1e3
				case "atom-step/s":
					p.AtomStepsPerSec = v
				}
			}
		}
	}
	if !found {
		return p, errors.New("lammps: no Performance line in log")
	}
	// Older versions print no atom-step rate.
	if p.AtomStepsPerSec == 0 {
		p.AtomStepsPerSec = p.TimestepsPerSec * float64(p.Atoms)
	}
	return p, nil
}

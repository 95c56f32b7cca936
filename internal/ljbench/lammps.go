package ljbench

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/physim/physim/internal/lammps"
)

// input returns the LAMMPS input of case c: in.lj with Warmup untimed
// steps before the timed run, and for Langevin dynamics fix langevin at
// KT with damping time Damp on top of fix nve.
func (s Settings) input(c Case) (string, error) {
	n, err := fccCells(c.Atoms)
	if err != nil {
		return "", err
	}
	if c.Dynamics != NVE && c.Dynamics != Langevin {
		return "", fmt.Errorf("ljbench: no LAMMPS input for %s dynamics", c.Dynamics)
	}
	return lammps.LJ{
		Cells: n, Density: Density, KT: KT, Cutoff: Cutoff, Skin: Skin, Every: ListEvery,
		Dynamics: c.Dynamics, Damp: Damp, Dt: s.dt(c.Dynamics),
		Equilibrate: s.Warmup, Steps: s.Steps, ThermoEvery: s.Steps, Seed: lammpsSeed,
	}.Input(), nil
}

// runLAMMPS runs one repetition of c with lmp in a fresh temporary
// directory and reads the timed run's figures from its log.
func (s Settings) runLAMMPS(ctx context.Context, c Case) (Sample, error) {
	in, err := s.input(c)
	if err != nil {
		return Sample{}, err
	}
	dir, err := os.MkdirTemp(s.TempDir, "physim-bench-lammps-")
	if err != nil {
		return Sample{}, fmt.Errorf("ljbench: %w", err)
	}
	defer os.RemoveAll(dir)
	var args []string
	if c.Engine == LAMMPSOpt {
		args = []string{"-sf", "opt"}
	}
	log, err := lammps.Run(ctx, dir, in, args...)
	if err != nil {
		return Sample{}, err
	}
	return parseLog(log, s.Steps)
}

// parseLog reads the last run of a LAMMPS log: its performance, timing
// breakdown, neighbour-list builds and final temperature and energy.
func parseLog(log string, steps int) (Sample, error) {
	perf, err := lammps.ParsePerformance(log)
	if err != nil {
		return Sample{}, err
	}
	th, err := lammps.ParseThermo(log)
	if err != nil {
		return Sample{}, err
	}
	last := th[len(th)-1]
	temp, err := last.Column("Temp")
	if err != nil {
		return Sample{}, err
	}
	pe, err := last.Column("PotEng")
	if err != nil {
		return Sample{}, err
	}
	if len(temp) == 0 {
		return Sample{}, fmt.Errorf("ljbench: empty thermo block in the LAMMPS log")
	}
	smp := Sample{Steps: steps, Wall: seconds(perf.LoopSeconds), Temp: temp[len(temp)-1], Energy: pe[len(pe)-1]}
	// The sections and the build count follow the last Loop time line.
	tail := log[strings.LastIndex(log, "Loop time"):]
	for _, line := range strings.Split(tail, "\n") {
		f := strings.Split(line, "|")
		if len(f) >= 3 {
			t, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
			if err != nil {
				continue
			}
			switch strings.TrimSpace(f[0]) {
			case "Pair":
				smp.Pair = seconds(t)
			case "Neigh":
				smp.Neighbor = seconds(t)
			case "Modify":
				smp.Integrate = seconds(t)
			default:
				smp.Other += seconds(t)
			}
		}
		if v, ok := strings.CutPrefix(line, "Neighbor list builds = "); ok {
			smp.Builds, _ = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	if smp.Pair == 0 {
		return smp, fmt.Errorf("ljbench: no timing breakdown in the LAMMPS log")
	}
	return smp, nil
}

// seconds converts seconds to a Duration.
func seconds(t float64) time.Duration { return time.Duration(t * float64(time.Second)) }

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/physim/physim/internal/lammps"
	"github.com/physim/physim/internal/ljbench"
)

const benchUsage = `Usage:
  physim bench lj [flags]   LAMMPS's in.lj benchmark (see physim bench lj -h)
  physim bench bd [flags]   Brownian dynamics of the BD-versus-DDFT workload
`

// runBench is the bench command: it times physim on in.lj (optionally
// against LAMMPS) or on the BD workload and prints tables to stdout.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, benchUsage)
		return errors.New("bench: name a benchmark: lj or bd")
	}
	switch args[0] {
	case "lj":
		return benchLJ(ctx, args[1:], stdout, stderr)
	case "bd":
		return benchBD(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, benchUsage)
		return nil
	}
	fmt.Fprint(stderr, benchUsage)
	return fmt.Errorf("bench: unknown benchmark %q (want lj or bd)", args[0])
}

func benchLJ(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("physim bench lj", flag.ContinueOnError)
	fs.SetOutput(stderr)
	atoms := fs.String("atoms", "32000", "comma-separated system sizes, each 4n³ (4000, 32000, 108000, 256000, ...)")
	dyn := fs.String("dynamics", "nve,langevin", "comma-separated dynamics: nve, langevin, brownian")
	workers := fs.String("workers", "", "comma-separated worker counts (default 1 and all CPUs)")
	steps := fs.Int("steps", 100, "timed steps per run")
	warmup := fs.Int("warmup", 20, "untimed steps before the timed ones")
	reps := fs.Int("reps", 5, "repetitions; medians are reported")
	dt := fs.Float64("dt", 0, "time step in τ (default 0.005; 0.0002 for brownian)")
	vs := fs.Bool("vs-lammps", false, "also run LAMMPS (lmp, plain and -sf opt), alternating with physim, and print the ratios")
	seed := fs.Uint64("seed", 1, "random seed of physim's velocities and noise")
	prof := fs.String("cpuprofile", "", "write a CPU profile of physim's runs to this file (go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bench lj: unexpected arguments %q", fs.Args())
	}
	set := ljbench.Settings{Steps: *steps, Warmup: *warmup, Reps: *reps, Dt: *dt, VsLAMMPS: *vs, Seed: *seed}
	var err error
	if set.Atoms, err = intList("atoms", *atoms); err != nil {
		return err
	}
	if set.Workers, err = intList("workers", *workers); err != nil {
		return err
	}
	set.Dynamics = strings.Split(*dyn, ",")
	if *warmup == 0 {
		set.Warmup = -1 // none; a zero field would mean the default
	}
	if *vs && !lammps.Available() {
		return errors.New("bench lj: --vs-lammps needs lmp on the PATH (apt-get install lammps)")
	}
	stop, err := startProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	_, err = ljbench.Run(ctx, set, stdout, stderr)
	return err
}

func benchBD(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("physim bench bd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var set ljbench.BDSettings
	fs.IntVar(&set.Particles, "particles", 600, "number of LJ particles")
	fs.Float64Var(&set.Skin, "skin", 0.3, "Verlet skin in σ (the scenario's default is 0.3)")
	fs.IntVar(&set.Steps, "steps", 2000, "timed steps per run")
	fs.IntVar(&set.Warmup, "warmup", 200, "untimed steps before the timed ones")
	fs.IntVar(&set.Reps, "reps", 5, "repetitions; medians are reported")
	fs.IntVar(&set.Workers, "workers", 0, "workers of the parallel trial and trials of the batch (default all CPUs)")
	prof := fs.String("cpuprofile", "", "write a CPU profile to this file (go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bench bd: unexpected arguments %q", fs.Args())
	}
	if set.Warmup == 0 {
		set.Warmup = -1 // none; a zero field would mean the default
	}
	stop, err := startProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	_, err = ljbench.RunBD(ctx, set, stdout, stderr)
	return err
}

// intList parses a comma-separated list of integers ("" gives nil).
func intList(name, s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("bench: --%s: %q is not an integer", name, f)
		}
		out = append(out, n)
	}
	return out, nil
}

// startProfile starts a CPU profile into path (nothing if path is empty)
// and returns the function that stops it.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench: --cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: --cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

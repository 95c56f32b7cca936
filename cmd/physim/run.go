package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/physim/physim/scenarios"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/viz/glview"
)

// stringList collects a repeated flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runScenario(ctx context.Context, reg *scenarios.Registry, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("physim run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "output directory (default out/NAME)")
	seed := fs.Uint64("seed", 1, "random seed")
	workers := fs.Int("workers", runtime.NumCPU(), "worker goroutines (results do not depend on it)")
	cfgFile := fs.String("config", "", "TOML configuration file (see --dump-config)")
	dump := fs.Bool("dump-config", false, "print the effective configuration as TOML and exit")
	view := fs.Bool("view", false, "show the running particle simulation in a window (viewer build)")
	snapshot := fs.String("snapshot", "", "write a PNG picture of the final particle state (viewer build)")
	colorBy := fs.String("color", "auto", "colouring for --view/--snapshot: auto, type, speed, z")
	var sets stringList
	fs.Var(&sets, "set", "override one config key: --set key=value (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: physim run NAME [flags]   (flags may also follow NAME)")
		fs.PrintDefaults()
	}
	// Accept the scenario name before or after the flags.
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return err
		}
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if name == "" {
		fs.Usage()
		return errors.New("run: no scenario named (physim list shows them)")
	}
	sc, err := reg.Get(name)
	if err != nil {
		return err
	}
	cfg := sc.DefaultConfig()
	if *cfgFile != "" {
		if err := scenarios.ApplyFile(cfg, *cfgFile); err != nil {
			return err
		}
	}
	for _, kv := range sets {
		if err := scenarios.ApplySet(cfg, kv); err != nil {
			return err
		}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if *dump {
		data, err := scenarios.DumpConfig(cfg)
		if err != nil {
			return err
		}
		_, err = stdout.Write(data)
		return err
	}
	if *view || *snapshot != "" {
		if err := requireViewer(); err != nil {
			return fmt.Errorf("--view/--snapshot: %w", err)
		}
	}
	if *workers < 1 {
		return fmt.Errorf("--workers must be at least 1, got %d", *workers)
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join("out", name)
	}
	if err := ensureWritableDir(dir); err != nil {
		return err
	}
	sum := scenarios.NewSummary(name, *seed, cfg)
	env := &scenarios.Env{
		Out: dir, Seed: *seed, Workers: *workers, Log: stderr, Summary: sum,
		Progress: func(label string, total int64) scenarios.Progress { return newProgress(stderr, label, total) },
	}
	start, cpu0 := time.Now(), scenarios.ProcessCPUSeconds()
	w := &watcher{view: *view, snapshot: *snapshot}
	if w.opts.Color, err = glview.ParseColorBy(*colorBy); err != nil {
		return err
	}
	runErr := w.run(ctx, sc, env, cfg, stderr)
	sum.Timing = scenarios.Timing{WallSeconds: time.Since(start).Seconds(), CPUSeconds: scenarios.ProcessCPUSeconds() - cpu0}
	if runErr != nil {
		sum.Status = "failed: " + runErr.Error()
		if errors.Is(runErr, sim.ErrInterrupted) || errors.Is(runErr, context.Canceled) {
			sum.Status = "interrupted"
		}
	}
	if err := sum.Write(dir); err != nil && runErr == nil {
		runErr = err
	}
	if runErr == nil {
		fmt.Fprintf(stderr, "physim: %s finished in %.1f s; results in %s (summary.json)\n", name, sum.Timing.WallSeconds, dir)
	}
	return runErr
}

// ensureWritableDir creates dir and proves it writable before any long work.
func ensureWritableDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output directory %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".physim-write-test*")
	if err != nil {
		return fmt.Errorf("output directory %s is not writable: %w", dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

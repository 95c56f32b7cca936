package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/physim/physim/learned"
	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/scenarios"
)

// runTrain implements `physim train functional`: it retrains the neural
// excess functional from a PCM bulk data set (physim run pcm-data makes
// one) and writes model.json, loss.png and loss.csv.
func runTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "functional" {
		return errors.New("train: usage: physim train functional [--data DIR] [--out DIR] [--seed N] [--steps N] [--pure]")
	}
	fs := flag.NewFlagSet("physim train functional", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", learned.DefaultDataset, "PCM bulk data set directory")
	out := fs.String("out", "out/train-functional", "output directory")
	seed := fs.Uint64("seed", 1, "seed of the initial parameters")
	steps := fs.Int("steps", 0, "Adam steps (0: the default, 12000)")
	pure := fs.Bool("pure", false, "train a pure network instead of a correction to WBII + mean field")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *steps < 0 {
		return fmt.Errorf("train: --steps must be non-negative, got %d", *steps)
	}
	if err := ensureWritableDir(*out); err != nil {
		return err
	}
	set := learned.TrainSettings{Seed: *seed, Steps: *steps, PhysimVersion: scenarios.Version}
	if *pure {
		set.Base = &functional.Spec{}
	}
	total := int64(*steps)
	if total == 0 {
		total = 12000
	}
	bar := newProgress(stderr, "train", total)
	done := 0
	_, files, err := learned.TrainFromDataset(ctx, *data, *out, set, func(step int) {
		bar.Add(int64(step - done))
		done = step
	})
	bar.Done()
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	return nil
}

// Command physim runs physim's named scenarios.
//
//	physim list                      one line per scenario
//	physim run NAME [flags]          run a scenario (see physim run -h)
//	physim version                   print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/physim/physim/scenarios"
	"github.com/physim/physim/sim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "physim:", err)
		if errors.Is(err, sim.ErrInterrupted) {
			os.Exit(130)
		}
		os.Exit(1)
	}
}

const usage = `physim: physics simulation with learned components

Usage:
  physim list                 list the scenarios
  physim run NAME [flags]     run a scenario (physim run -h for flags)
  physim bench lj|bd [flags]  time physim on LAMMPS's in.lj or the BD workload
  physim view FILE [flags]    play a trajectory (physim view -h; viewer build)
  physim train functional     retrain the neural functional from the PCM data set
  physim version              print the version
`

// run is the whole program, testable without os.Exit.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	reg := scenarios.Default()
	switch args[0] {
	case "list":
		for _, name := range reg.Names() {
			s, _ := reg.Get(name)
			fmt.Fprintf(stdout, "%-20s %s\n", name, s.Describe())
		}
		return nil
	case "run":
		return runScenario(ctx, reg, args[1:], stdout, stderr)
	case "bench":
		return runBench(ctx, args[1:], stdout, stderr)
	case "view":
		return viewCommand(ctx, args[1:], stdout, stderr)
	case "train":
		return runTrain(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "physim", scenarios.Version)
		return nil
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

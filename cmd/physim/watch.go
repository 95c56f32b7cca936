package main

import (
	"context"
	"fmt"
	"io"

	"github.com/physim/physim/scenarios"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
	"github.com/physim/physim/viz/glview"
)

// watcher implements run --view and --snapshot: it hands the scenario an
// observer on its particle state, opens the live window on the main
// goroutine, and renders the final state.
type watcher struct {
	view     bool
	snapshot string
	opts     glview.Options
	state    *sim.State
	live     *glview.Live
	liveCh   chan *glview.Live
}

// observer is scenarios.Env.Watch; it runs on the scenario's goroutine.
func (w *watcher) observer(s *sim.State) sim.Observer {
	w.state = s
	if !w.view {
		return sim.ObserverFunc(func(*sim.State) error { return nil })
	}
	if w.live == nil {
		w.live = glview.NewLive(trajectory.HeaderFor(s))
		w.liveCh <- w.live
	}
	return w.live
}

// run executes the scenario, with the window on this (main) goroutine
// while the simulation runs on another. Closing the window, or a window
// that cannot open, does not stop or slow the simulation: frames are then
// dropped.
func (w *watcher) run(ctx context.Context, sc scenarios.Scenario, env *scenarios.Env, cfg scenarios.Config, stderr io.Writer) error {
	if w.view || w.snapshot != "" {
		env.Watch = w.observer
	}
	w.liveCh = make(chan *glview.Live, 1)
	done := make(chan error, 1)
	go func() {
		err := sc.Run(ctx, env, cfg)
		if w.live != nil {
			w.live.Close()
		}
		done <- err
	}()
	var runErr error
	select {
	case live := <-w.liveCh:
		if err := viewLive(ctx, live, w.opts); err != nil {
			fmt.Fprintln(stderr, "physim: --view:", err, "(the simulation goes on without a window)")
		}
		runErr = <-done
	case runErr = <-done:
		if w.view {
			fmt.Fprintf(stderr, "physim: --view: scenario %s has no particle state to show\n", sc.Name())
		}
	}
	if runErr != nil || w.snapshot == "" {
		return runErr
	}
	if w.state == nil {
		return fmt.Errorf("--snapshot: scenario %s has no particle state to render", sc.Name())
	}
	if err := snapshotState(w.snapshot, w.state, w.opts); err != nil {
		return fmt.Errorf("--snapshot: %w", err)
	}
	fmt.Fprintf(stderr, "physim: wrote %s\n", w.snapshot)
	return nil
}

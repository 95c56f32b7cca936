//go:build viewer

package main

import (
	"context"
	"io"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/viz/glview"
)

// viewCommand runs `physim view FILE [flags]` (see physim view -h): it plays
// a trajectory in an OpenGL window, or with --screenshot writes one frame
// as a PNG without a window.
func viewCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return glview.RunCommand(ctx, args, stdout, stderr)
}

// viewLive shows the frames published to live in a window until the
// window closes or ctx ends; run the simulation on another goroutine with
// live as an observer. It must be called from the main goroutine.
func viewLive(ctx context.Context, live *glview.Live, opts glview.Options) error {
	return glview.ViewLive(ctx, live, opts)
}

// snapshotState writes a PNG of the particle state s.
func snapshotState(path string, s *sim.State, opts glview.Options) error {
	return glview.SnapshotState(path, s, opts)
}

// requireViewer returns nil: this build has the viewer.
func requireViewer() error { return nil }

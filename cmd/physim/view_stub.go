//go:build !viewer

package main

import (
	"context"
	"errors"
	"io"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/viz/glview"
)

// errNoViewer explains how to get a binary with the viewer.
var errNoViewer = errors.New(`this physim was built without the OpenGL viewer; install the X11 and OpenGL headers and rebuild with the viewer tag:
  apt-get install libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libgl1-mesa-dev
  go build -tags viewer -o physim ./cmd/physim`)

// viewCommand reports that the viewer is not compiled in.
func viewCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.Join(errors.New("view: no viewer in this build"), errNoViewer)
}

// viewLive reports that the viewer is not compiled in.
func viewLive(ctx context.Context, live *glview.Live, opts glview.Options) error {
	return errNoViewer
}

// snapshotState reports that the viewer is not compiled in.
func snapshotState(path string, s *sim.State, opts glview.Options) error { return errNoViewer }

// requireViewer reports that this build has no viewer.
func requireViewer() error { return errNoViewer }

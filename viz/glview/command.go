//go:build viewer

package glview

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/physim/physim/sim/trajectory"
)

// RunCommand runs `physim view ARGS`: it plays a trajectory in a window,
// or with --screenshot writes one frame as a PNG. Run with -h for the
// flags. It must be called from the main goroutine.
func RunCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseCommand(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	r, err := trajectory.Open(c.file)
	if err != nil {
		return fmt.Errorf("view: %w", err)
	}
	defer r.Close()
	c.opts.Log = stdout
	if c.screenshot != "" {
		if err := Screenshot(c.screenshot, r, c.opts); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "wrote", c.screenshot)
		return nil
	}
	err = View(ctx, r, c.opts)
	if errors.Is(err, ErrNoDisplay) {
		return fmt.Errorf("%w; to render an image without a display use: physim view %s --screenshot out.png [--frame N] [--size WxH]", err, c.file)
	}
	return err
}

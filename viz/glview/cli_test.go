package glview

import (
	"io"
	"strings"
	"testing"
)

// Flags may come before or after the file; values reach the options.
func TestParseCommand(t *testing.T) {
	for _, args := range [][]string{
		{"t.xyz", "--mode", "arrows", "--color", "speed", "--radius", "0.3,0.6", "--range", "-1,2", "--size", "640x480", "--frame", "-1", "--fps", "12", "--arrow", "0.7", "--no-box"},
		{"--mode", "arrows", "--color", "speed", "--radius", "0.3,0.6", "--range", "-1,2", "t.xyz", "--size", "640x480", "--frame", "-1", "--fps", "12", "--arrow", "0.7", "--no-box"},
	} {
		c, err := parseCommand(args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		o := c.opts
		if c.file != "t.xyz" || o.Mode != Arrows || o.Color != ColorSpeed || len(o.Radii) != 2 || o.Radii[1] != 0.6 ||
			o.Range != [2]float32{-1, 2} || o.Width != 640 || o.Height != 480 || o.Frame != -1 || o.Speed != 12 ||
			o.ArrowLength != 0.7 || !o.HideBox || o.HideOverlay || c.screenshot != "" {
			t.Errorf("%q parsed as %+v", args, c)
		}
	}
	c, err := parseCommand([]string{"a.pstraj", "--screenshot", "x.png"}, io.Discard)
	if err != nil || c.screenshot != "x.png" || c.opts.Width != 1280 || c.opts.Height != 720 || c.opts.Speed != 30 {
		t.Errorf("defaults: %+v, %v", c, err)
	}
	for _, bad := range [][]string{
		{"a.xyz", "--size", "100"}, {"a.xyz", "--size", "0x5"}, {"a.xyz", "--range", "2,1"},
		{"a.xyz", "--radius", "big"}, {"a.xyz", "--color", "mauve"}, {"a.xyz", "b.xyz"}, {},
	} {
		if _, err := parseCommand(bad, io.Discard); err == nil {
			t.Errorf("%q accepted", bad)
		} else if !strings.Contains(err.Error(), "view") && !strings.Contains(err.Error(), "glview") {
			t.Errorf("%q: error %q does not name the command", bad, err)
		}
	}
}

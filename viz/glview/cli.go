package glview

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// command is a parsed `physim view` command line.
type command struct {
	file       string
	screenshot string // PNG path; empty opens a window
	opts       Options
}

const commandUsage = `Usage: physim view FILE [flags]   (flags may also precede FILE)

Plays a trajectory (.pstraj, .xyz, .xyz.gz) in a window, or with
--screenshot renders one frame off-screen (under a private Xvfb when there
is no display) and writes a PNG.
`

// parseCommand parses the arguments of `physim view`; usage goes to
// stderr. Flags may come before or after the file name.
func parseCommand(args []string, stderr io.Writer) (*command, error) {
	c := &command{}
	fs := flag.NewFlagSet("physim view", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mode := fs.String("mode", "spheres", "drawing: spheres, arrows (vector = velocity), unitsphere (positions as unit vectors) or lines (paths)")
	colour := fs.String("color", "auto", "colouring: auto, type, speed, value, z or phase")
	radius := fs.String("radius", "", "sphere radius per type in σ, comma-separated (default 0.5; 0.04 in unitsphere mode)")
	rng := fs.String("range", "", "colour-map range LO,HI (default: from the first frame)")
	fs.Var(float32Flag{&c.opts.ArrowLength}, "arrow", "length in σ of the longest arrow (default 0.8 × mean spacing)")
	fs.Float64Var(&c.opts.Speed, "fps", defaultSpeed, "playback rate in frames per second")
	size := fs.String("size", "1280x720", "window or image size WxH in pixels")
	fs.StringVar(&c.screenshot, "screenshot", "", "render one frame off-screen and write this PNG, without a window")
	fs.IntVar(&c.opts.Frame, "frame", 0, "frame to show first or to capture (negative counts from the end)")
	fs.BoolVar(&c.opts.HideBox, "no-box", false, "hide the box wireframe")
	fs.BoolVar(&c.opts.HideOverlay, "no-overlay", false, "hide the text overlay")
	fs.Usage = func() {
		fmt.Fprint(stderr, commandUsage)
		fs.PrintDefaults()
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		c.file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if c.file == "" && fs.NArg() > 0 {
		c.file = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return nil, err
		}
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("view: unexpected arguments %q", fs.Args())
	}
	if c.file == "" {
		fs.Usage()
		return nil, errors.New("view: no trajectory file given")
	}
	var err error
	if c.opts.Mode, err = ParseMode(*mode); err != nil {
		return nil, err
	}
	if c.opts.Color, err = ParseColorBy(*colour); err != nil {
		return nil, err
	}
	if c.opts.Radii, err = parseFloats(*radius, "radius"); err != nil {
		return nil, err
	}
	if *rng != "" {
		r, err := parseFloats(*rng, "range")
		if err != nil {
			return nil, err
		}
		if len(r) != 2 || !(r[0] < r[1]) {
			return nil, fmt.Errorf("view: --range wants LO,HI with LO < HI, got %q", *rng)
		}
		c.opts.Range = [2]float32{r[0], r[1]}
	}
	if c.opts.Width, c.opts.Height, err = parseSize(*size); err != nil {
		return nil, err
	}
	return c, nil
}

// parseFloats parses a comma-separated list of numbers.
func parseFloats(s, what string) ([]float32, error) {
	if s == "" {
		return nil, nil
	}
	var out []float32
	for _, f := range strings.Split(s, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 32)
		if err != nil {
			return nil, fmt.Errorf("view: --%s: %q is not a number", what, f)
		}
		out = append(out, float32(x))
	}
	return out, nil
}

// parseSize parses WxH.
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	if !ok || err != nil || w < 1 || h < 1 || w > maxImageSide || h > maxImageSide {
		return 0, 0, fmt.Errorf("view: --size wants WxH with 1 to %d pixels a side, got %q", maxImageSide, s)
	}
	return w, h, nil
}

// float32Flag is a flag.Value for a float32.
type float32Flag struct{ p *float32 }

func (f float32Flag) String() string {
	if f.p == nil {
		return "0"
	}
	return strconv.FormatFloat(float64(*f.p), 'g', -1, 32)
}

func (f float32Flag) Set(s string) error {
	x, err := strconv.ParseFloat(s, 32)
	*f.p = float32(x)
	return err
}

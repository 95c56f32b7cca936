package glview

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"github.com/physim/physim/sim/trajectory"
)

// Mode selects how particles are drawn.
type Mode int

const (
	// Spheres draws each particle as a lit sphere of its type's radius.
	Spheres Mode = iota
	// Arrows draws, for each particle, an arrow from its position along its
	// velocity vector (oscillators on a lattice store the unit vector there).
	Arrows
	// UnitSphere draws each position, normalised, as a point on a reference
	// unit sphere (oscillators that store their unit vector as position).
	UnitSphere
	// Lines draws the path of every particle up to the current frame, with a
	// sphere at its head (trajectories of flows such as Lorenz).
	Lines
)

var modeNames = [...]string{"spheres", "arrows", "unitsphere", "lines"}

// String returns the mode's name as ParseMode accepts it.
func (m Mode) String() string {
	if m >= 0 && int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ParseMode returns the mode named s: spheres, arrows, unitsphere or lines.
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if strings.EqualFold(s, n) {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("glview: unknown mode %q (want %s)", s, strings.Join(modeNames[:], ", "))
}

// ColorBy selects what sets a particle's colour.
type ColorBy int

const (
	// ColorAuto colours by type in Spheres mode, by phase in Arrows and
	// UnitSphere modes and by z in Lines mode.
	ColorAuto ColorBy = iota
	// ColorType gives each particle type its own colour.
	ColorType
	// ColorSpeed maps |v| (σ/τ) to a sequential colour map.
	ColorSpeed
	// ColorValue maps the trajectory's per-particle value to a sequential
	// colour map.
	ColorValue
	// ColorZ maps the z coordinate (σ) to a sequential colour map.
	ColorZ
	// ColorPhase maps a phase to a cyclic colour map: the per-particle value
	// (in rad) when the trajectory has one, else the azimuth atan2(y, x) of
	// the particle's vector (its velocity in Arrows mode, else its position).
	ColorPhase
)

var colorNames = [...]string{"auto", "type", "speed", "value", "z", "phase"}

// String returns the colouring's name as ParseColorBy accepts it.
func (c ColorBy) String() string {
	if c >= 0 && int(c) < len(colorNames) {
		return colorNames[c]
	}
	return fmt.Sprintf("ColorBy(%d)", int(c))
}

// ParseColorBy returns the colouring named s: auto, type, speed, value, z
// or phase.
func ParseColorBy(s string) (ColorBy, error) {
	for i, n := range colorNames {
		if strings.EqualFold(s, n) {
			return ColorBy(i), nil
		}
	}
	return 0, fmt.Errorf("glview: unknown colouring %q (want %s)", s, strings.Join(colorNames[:], ", "))
}

// Options configure a viewer or an off-screen renderer. The zero value
// means the documented defaults.
type Options struct {
	// Width and Height are the window or image size in pixels; 0 means
	// 1280 × 720.
	Width, Height int
	// Mode selects how particles are drawn (default Spheres).
	Mode Mode
	// Color selects the colouring (default ColorAuto).
	Color ColorBy
	// Radii holds the sphere radius in σ of types 0, 1, …; types beyond the
	// list take its last entry. Empty means 0.5 (half the LJ σ) in Spheres
	// mode, 0.04 in UnitSphere mode (the reference sphere has radius 1) and
	// 1/80 of the scene's size in Lines mode.
	Radii []float32
	// Range is the value mapped to the two ends of a sequential colour map;
	// when Range[0] == Range[1] it is taken from the first frame shown (from
	// all frames in Lines mode).
	Range [2]float32
	// ArrowLength is the length in σ of the longest arrow of the first frame
	// in Arrows mode; 0 means 0.8 times the mean particle spacing.
	ArrowLength float32
	// Frame is the frame View shows first and Screenshot draws; negative
	// values count from the end (−1 is the last frame).
	Frame int
	// Speed is the playback rate in frames per second; 0 means 30.
	Speed float64
	// Background is the clear colour; a zero alpha means dark grey
	// (25, 25, 30).
	Background color.RGBA
	// Camera, when non-nil, is the initial camera; nil fits the camera to
	// the scene.
	Camera *Camera
	// HideBox hides the wireframe of the simulation box.
	HideBox bool
	// HideOverlay hides the text overlay (frame, time, frames per second).
	HideOverlay bool
	// Log receives the viewer's messages (the key help, the screenshots it
	// writes); nil discards them.
	Log io.Writer
}

// Defaults of Options.
const (
	defaultWidth       = 1280
	defaultHeight      = 720
	defaultRadius      = 0.5
	defaultUnitRadius  = 0.04
	defaultLinesRadius = 1.0 / 80
	defaultSpeed       = 30
	maxImageSide       = 16384
)

var defaultBackground = color.RGBA{25, 25, 30, 255}

// withDefaults returns o with every zero field replaced by its default;
// the radius default of Lines mode depends on the scene and is left empty.
func (o Options) withDefaults() Options {
	if o.Width == 0 && o.Height == 0 {
		o.Width, o.Height = defaultWidth, defaultHeight
	}
	if o.Color == ColorAuto {
		switch o.Mode {
		case Arrows, UnitSphere:
			o.Color = ColorPhase
		case Lines:
			o.Color = ColorZ
		default:
			o.Color = ColorType
		}
	}
	if len(o.Radii) == 0 {
		switch o.Mode {
		case Spheres, Arrows:
			o.Radii = []float32{defaultRadius}
		case UnitSphere:
			o.Radii = []float32{defaultUnitRadius}
		}
	}
	if o.Speed == 0 {
		o.Speed = defaultSpeed
	}
	if o.Background.A == 0 {
		o.Background = defaultBackground
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	return o
}

// checkSize returns an error if the image size is out of range.
func (o *Options) checkSize() error {
	if o.Width < 1 || o.Height < 1 || o.Width > maxImageSide || o.Height > maxImageSide {
		return fmt.Errorf("glview: size %d×%d out of range (1 to %d pixels a side)", o.Width, o.Height, maxImageSide)
	}
	return nil
}

// check returns an error naming the first option that cannot be used with
// trajectories of header h. It expects o.withDefaults().
func (o *Options) check(h *headerInfo) error {
	if err := o.checkSize(); err != nil {
		return err
	}
	if o.Mode < Spheres || o.Mode > Lines {
		return fmt.Errorf("glview: unknown mode %d", int(o.Mode))
	}
	for _, r := range o.Radii {
		if !(r > 0) {
			return fmt.Errorf("glview: radius %g must be positive", r)
		}
	}
	if !(o.Speed > 0) {
		return fmt.Errorf("glview: playback speed %g frames/s must be positive", o.Speed)
	}
	if o.ArrowLength < 0 {
		return fmt.Errorf("glview: arrow length %g must not be negative", o.ArrowLength)
	}
	if o.Mode == Arrows && !h.velocities {
		return fmt.Errorf("glview: arrows mode draws each particle's vector from its velocities, and %s has none", h.name)
	}
	switch o.Color {
	case ColorSpeed:
		if !h.velocities {
			return fmt.Errorf("glview: colouring by speed needs velocities, and %s has none", h.name)
		}
	case ColorValue:
		if !h.value {
			return fmt.Errorf("glview: colouring by value needs a per-particle value, and %s has none", h.name)
		}
	case ColorType, ColorZ, ColorPhase:
	default:
		return fmt.Errorf("glview: unknown colouring %d", int(o.Color))
	}
	return nil
}

// headerInfo is what option checks need to know about a trajectory.
type headerInfo struct {
	name       string // file name or "the live feed", for messages
	velocities bool
	value      bool
}

// newCheckedPainter returns a painter for trajectories of header h, or
// an error if the options do not suit them; name names the trajectory in
// messages. It expects o.withDefaults().
func newCheckedPainter(o Options, h *trajectory.Header, name string) (*painter, error) {
	info := headerInfo{name: name, velocities: h.Velocities, value: h.ValueName != ""}
	if err := o.check(&info); err != nil {
		return nil, err
	}
	return newPainter(o, h), nil
}

// frameIndex resolves frame i (negative counts from the end) of a
// trajectory of n frames.
func frameIndex(i, n int) (int, error) {
	if n == 0 {
		return 0, fmt.Errorf("glview: the trajectory has no frames")
	}
	j := i
	if j < 0 {
		j += n
	}
	if j < 0 || j >= n {
		return 0, fmt.Errorf("glview: frame %d out of range (the trajectory has %d frames)", i, n)
	}
	return j, nil
}

// radius returns the sphere radius of type t.
func (o *Options) radius(t int32) float32 {
	if int(t) < len(o.Radii) {
		return o.Radii[t]
	}
	return o.Radii[len(o.Radii)-1]
}

package glview

import (
	"math"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// build gives each type its radius and colour, bounds the box and draws
// its twelve edges, and allocates nothing once its slices have grown.
func TestBuildSpheres(t *testing.T) {
	h, frames := fccFrames(1)
	f := frames[0]
	opts := Options{Radii: []float32{0.3, 0.6}}.withDefaults()
	p := newPainter(opts, &h)
	var c content
	p.build(&c, f)
	if c.spheres.len() != h.N || len(c.lines) != 24 || len(c.arrows) != 0 {
		t.Fatalf("%d spheres, %d line vertices, %d arrows", c.spheres.len(), len(c.lines), len(c.arrows))
	}
	for i, s := range c.spheres.xyzr {
		if want := opts.Radii[h.Types[i]]; s[3] != want || c.spheres.color[i] != typeColor(h.Types[i]) {
			t.Fatalf("sphere %d: radius %g colour %08x, type %d", i, s[3], c.spheres.color[i], h.Types[i])
		}
	}
	l := float32(f.Box.L[0])
	if !near32(c.centre[0], l/2, 1e-5) || c.radius < l*float32(math.Sqrt(3))/2 || c.flat {
		t.Errorf("bounds: centre %v radius %g flat %v for a box of edge %g", c.centre, c.radius, c.flat, l)
	}
	if a := testing.AllocsPerRun(5, func() { p.build(&c, f) }); a != 0 {
		t.Errorf("build allocates %.0f times per frame", a)
	}
}

// Sequential colours span the first frame's range unless a range is
// given; speed is |v|.
func TestBuildColourRanges(t *testing.T) {
	h, frames := fccFrames(2)
	for _, c := range []struct {
		opts   Options
		lo, hi float32
	}{
		{Options{Color: ColorZ}, minZ(frames[0]), maxZ(frames[0])},
		{Options{Color: ColorZ, Range: [2]float32{-1, 1}}, -1, 1},
		{Options{Color: ColorSpeed}, float32(math.Sqrt(1.09)), float32(math.Sqrt(1.09))},
	} {
		p := newPainter(c.opts.withDefaults(), &h)
		var ct content
		p.build(&ct, frames[0])
		p.build(&ct, frames[1]) // the range stays that of the first frame
		if !near32(p.lo, c.lo, 1e-5) || !near32(p.hi, c.hi, 1e-5) {
			t.Errorf("%v: range [%g, %g], want [%g, %g]", c.opts.Color, p.lo, p.hi, c.lo, c.hi)
		}
	}
}

func minZ(f *trajectory.Frame) float32 {
	m := float32(math.Inf(1))
	for _, p := range f.Pos {
		m = min(m, p[2])
	}
	return m
}

func maxZ(f *trajectory.Frame) float32 {
	m := float32(math.Inf(-1))
	for _, p := range f.Pos {
		m = max(m, p[2])
	}
	return m
}

// Arrows start from the velocities, the longest 0.8 mean spacings long by
// default, coloured by the vector's azimuth; unit-sphere mode normalises
// positions and draws the reference sphere.
func TestBuildArrowsAndUnitSphere(t *testing.T) {
	box := sim.NewOpenBox(sim.Vec3{4, 4, 0})
	f := &trajectory.Frame{Box: box, Pos: make([][3]float32, 16), Vel: make([][3]float32, 16)}
	for i := range f.Pos {
		f.Pos[i] = [3]float32{float32(i % 4), float32(i / 4), 0}
		a := float64(i) * 2 * math.Pi / 16
		f.Vel[i] = [3]float32{float32(2 * math.Cos(a)), float32(2 * math.Sin(a)), 0}
	}
	h := &trajectory.Header{N: 16, Velocities: true}
	p := newPainter(Options{Mode: Arrows}.withDefaults(), h)
	var c content
	p.build(&c, f)
	// The box spans 4 × 4 σ² with 16 sites: spacing 1.
	if got := norm(c.arrows[5].Vec); !near32(got, 0.8, 1e-6) {
		t.Errorf("arrow length %g, want 0.8", got)
	}
	if c.arrows[4].Color != cyclic(float32(4*2*math.Pi/16)) || !c.flat {
		t.Errorf("arrow 4 colour %08x, want the colour of its azimuth; flat %v", c.arrows[4].Color, c.flat)
	}
	p = newPainter(Options{Mode: UnitSphere}.withDefaults(), h)
	f.Pos[3] = [3]float32{0, 3, 4}
	p.build(&c, f)
	if s := c.spheres.xyzr[3]; !near32(s[1], 0.6, 1e-6) || !near32(s[2], 0.8, 1e-6) || s[3] != defaultUnitRadius {
		t.Errorf("unit sphere: %v, want (0, 0.6, 0.8) radius %g", s, defaultUnitRadius)
	}
	if len(c.lines) != 2*64*11 || c.centre != (vec3{}) {
		t.Errorf("reference sphere: %d line vertices, centre %v", len(c.lines), c.centre)
	}
}

// Lines mode keeps every particle's path, coloured over the range of all
// frames, and sizes the heads from the scene.
func TestTracks(t *testing.T) {
	h, frames := helixFrames(50)
	r := memReader{h, frames}
	p := newPainter(Options{Mode: Lines}.withDefaults(), &h)
	tr, err := loadTracks(r, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.verts) != 50 || tr.verts[49].Pos != frames[49].Pos[0] {
		t.Fatalf("%d vertices; last %v", len(tr.verts), tr.verts[49].Pos)
	}
	if first, count := tr.path(0, 10); first != 0 || count != 11 {
		t.Errorf("path to frame 10: first %d count %d", first, count)
	}
	if p.lo != frames[0].Pos[0][2] || p.hi != frames[49].Pos[0][2] {
		t.Errorf("colour range [%g, %g], want the path's z range", p.lo, p.hi)
	}
	if tr.verts[0].Color != sequential(p.lo, p.lo, p.hi) || tr.verts[49].Color != sequential(p.hi, p.lo, p.hi) {
		t.Error("path ends not coloured by the ends of the map")
	}
	if want := norm(sub(tr.hi, tr.lo)) / 80; !near32(p.opts.Radii[0], want, 1e-5) {
		t.Errorf("head radius %g, want %g", p.opts.Radii[0], want)
	}
}

// memReader serves frames from memory.
type memReader struct {
	h      trajectory.Header
	frames []*trajectory.Frame
}

func (m memReader) Header() trajectory.Header { return m.h }
func (m memReader) NumFrames() int            { return len(m.frames) }
func (m memReader) Close() error              { return nil }
func (m memReader) Frame(i int) (*trajectory.Frame, error) {
	f := &trajectory.Frame{}
	return f, m.ReadFrame(i, f)
}
func (m memReader) ReadFrame(i int, dst *trajectory.Frame) error {
	src := m.frames[i]
	*dst = trajectory.Frame{Step: src.Step, Time: src.Time, Box: src.Box, Types: m.h.Types,
		Pos: append(dst.Pos[:0], src.Pos...), Vel: append(dst.Vel[:0], src.Vel...), Value: append(dst.Value[:0], src.Value...)}
	return nil
}

// Options that do not suit a trajectory are refused with a clear message.
func TestOptionChecks(t *testing.T) {
	plain := &trajectory.Header{N: 3}
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{Color: ColorSpeed}, "needs velocities"},
		{Options{Color: ColorValue}, "per-particle value"},
		{Options{Mode: Arrows}, "arrows mode"},
		{Options{Radii: []float32{0.5, -1}}, "radius"},
		{Options{Width: 20000, Height: 10}, "size"},
		{Options{Speed: -1}, "playback speed"},
	} {
		_, err := newCheckedPainter(c.opts.withDefaults(), plain, "x.xyz")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one containing %q", c.opts, err, c.want)
		}
	}
	if _, err := frameIndex(-1, 5); err != nil {
		t.Error(err)
	}
	if i, _ := frameIndex(-2, 5); i != 3 {
		t.Errorf("frame −2 of 5 is %d, want 3", i)
	}
	if _, err := frameIndex(5, 5); err == nil {
		t.Error("frame 5 of 5 accepted")
	}
	if _, err := frameIndex(0, 0); err == nil {
		t.Error("empty trajectory accepted")
	}
}

// A non-finite position does not spoil the scene's bounds.
func TestBoundsIgnoreNonFinitePositions(t *testing.T) {
	nan := float32(math.NaN())
	f := &trajectory.Frame{Pos: [][3]float32{{1, 2, 3}, {nan, 0, 0}, {-1, 5, float32(math.Inf(1))}, {3, 4, 5}}}
	lo, hi := bounds(f)
	if lo != (vec3{1, 2, 3}) || hi != (vec3{3, 4, 5}) {
		t.Errorf("bounds %v %v, want (1, 2, 3) (3, 4, 5)", lo, hi)
	}
}

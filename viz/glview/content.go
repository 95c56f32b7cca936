package glview

import (
	"math"

	"github.com/physim/physim/sim/trajectory"
)

// sphereSet holds spheres as the GPU reads them, from two texture
// buffers: centre and radius (σ), and packed colour.
type sphereSet struct {
	xyzr  [][4]float32
	color []uint32
}

// resize sets the number of spheres to n, reusing memory.
func (s *sphereSet) resize(n int) {
	s.xyzr, s.color = resize(s.xyzr, n), resize(s.color, n)
}

// len returns the number of spheres.
func (s *sphereSet) len() int { return len(s.xyzr) }

// arrowInstance is one arrow as the GPU reads it (28 bytes): origin and
// vector (σ) and packed colour.
type arrowInstance struct {
	Origin vec3
	Vec    vec3
	Color  uint32
}

// lineVertex is one end of a line segment (16 bytes).
type lineVertex struct {
	Pos   vec3
	Color uint32
}

// content is the geometry of one displayed frame, on the CPU. Its slices
// are reused from frame to frame.
type content struct {
	spheres sphereSet
	arrows  []arrowInstance
	lines   []lineVertex // pairs (GL_LINES): box edges or reference sphere
	// centre and radius bound the scene (σ); flat tells that it has no
	// extent in z.
	centre vec3
	radius float32
	flat   bool
}

// painter turns frames into content with the colouring and scales fixed
// by the options and the first frame it sees.
type painter struct {
	opts     Options // with defaults applied
	hasValue bool
	fixed    bool    // range and arrow scale are set
	lo, hi   float32 // sequential colour range
	arrowLen float32 // σ per unit of vector length
	maxR     float32 // largest sphere radius (σ)
	tracks   *tracks // paths of Lines mode, nil in other modes
	types    []int32 // the header's types, for frames that lack them
}

func newPainter(o Options, h *trajectory.Header) *painter {
	p := &painter{opts: o, hasValue: h.ValueName != "", types: h.Types}
	for _, r := range o.Radii {
		p.maxR = max(p.maxR, r)
	}
	return p
}

// scalar returns particle i's value for the sequential colour map.
func (p *painter) scalar(f *trajectory.Frame, i int) float32 {
	switch p.opts.Color {
	case ColorSpeed:
		return norm(f.Vel[i])
	case ColorValue:
		return f.Value[i]
	}
	return f.Pos[i][2]
}

// color returns the colour of particle i.
func (p *painter) color(f *trajectory.Frame, i int) uint32 {
	switch p.opts.Color {
	case ColorType:
		return typeColor(p.typeOf(f, i))
	case ColorPhase:
		if p.hasValue {
			return cyclic(f.Value[i])
		}
		v := f.Pos[i]
		if p.opts.Mode == Arrows {
			v = f.Vel[i]
		}
		return cyclic(float32(math.Atan2(float64(v[1]), float64(v[0]))))
	}
	return sequential(p.scalar(f, i), p.lo, p.hi)
}

// typeOf returns the type of particle i: from the frame, else from the
// header, else 0.
func (p *painter) typeOf(f *trajectory.Frame, i int) int32 {
	switch {
	case f.Types != nil:
		return f.Types[i]
	case p.types != nil:
		return p.types[i]
	}
	return 0
}

// fix sets the colour range and the arrow scale from f unless the options
// set them.
func (p *painter) fix(f *trajectory.Frame) {
	if p.fixed {
		return
	}
	p.fixed = true
	p.lo, p.hi = p.opts.Range[0], p.opts.Range[1]
	if p.lo == p.hi {
		p.lo, p.hi = float32(math.Inf(1)), float32(math.Inf(-1))
		for i := range f.Pos {
			if x := p.scalar(f, i); x == x {
				p.lo, p.hi = min(p.lo, x), max(p.hi, x)
			}
		}
	}
	if p.opts.Mode == Arrows && len(f.Vel) > 0 {
		var vmax float32
		for _, v := range f.Vel {
			vmax = max(vmax, norm(v))
		}
		length := p.opts.ArrowLength
		if length == 0 {
			length = 0.8 * spacing(f)
		}
		p.arrowLen = 1
		if vmax > 0 {
			p.arrowLen = length / vmax
		}
	}
}

// build fills c with frame f.
func (p *painter) build(c *content, f *trajectory.Frame) {
	p.fix(f)
	n := len(f.Pos)
	c.spheres.resize(0)
	c.arrows, c.lines = c.arrows[:0], c.lines[:0]
	switch p.opts.Mode {
	case Arrows:
		c.arrows = resize(c.arrows, n)
		for i := range c.arrows {
			c.arrows[i] = arrowInstance{f.Pos[i], scale(f.Vel[i], p.arrowLen), p.color(f, i)}
		}
	default:
		c.spheres.resize(n)
		for i := range c.spheres.xyzr {
			pos := f.Pos[i]
			if p.opts.Mode == UnitSphere {
				if l := norm(pos); l > 0 {
					pos = scale(pos, 1/l)
				}
			}
			c.spheres.xyzr[i] = [4]float32{pos[0], pos[1], pos[2], p.opts.radius(p.typeOf(f, i))}
			c.spheres.color[i] = p.color(f, i)
		}
	}
	if p.opts.Mode == UnitSphere {
		c.centre, c.radius, c.flat = vec3{}, 1+p.maxR, false
		c.lines = appendReferenceSphere(c.lines)
		return
	}
	lo, hi := bounds(f)
	if p.tracks != nil {
		lo, hi = p.tracks.lo, p.tracks.hi
	}
	c.centre, c.radius = scale(add(lo, hi), 0.5), norm(sub(hi, lo))/2+p.maxR+p.arrowLen*maxSpeed(f, p.opts.Mode)
	c.flat = hi[2]-lo[2] <= 1e-6*max(hi[0]-lo[0], hi[1]-lo[1])
	if !p.opts.HideBox {
		c.lines = appendBox(c.lines, f)
	}
}

// maxSpeed returns the largest vector length in Arrows mode and 0 otherwise.
func maxSpeed(f *trajectory.Frame, m Mode) float32 {
	var v float32
	if m == Arrows {
		for _, x := range f.Vel {
			v = max(v, norm(x))
		}
	}
	return v
}

// bounds returns the corners of the axis-aligned box that holds every
// finite position of f and its simulation box.
func bounds(f *trajectory.Frame) (lo, hi vec3) {
	inf := float32(math.Inf(1))
	lo, hi = vec3{inf, inf, inf}, vec3{-inf, -inf, -inf}
	if hasBox(f) {
		lo = vec3{}
		for k := 0; k < 3; k++ {
			hi[k] = max(float32(f.Box.L[k]), 0)
		}
	}
	for _, p := range f.Pos {
		if finite(p) {
			for k := 0; k < 3; k++ {
				lo[k], hi[k] = min(lo[k], p[k]), max(hi[k], p[k])
			}
		}
	}
	if lo[0] > hi[0] { // nothing finite
		return vec3{}, vec3{}
	}
	return lo, hi
}

// finite tells whether every coordinate of p is finite.
func finite(p vec3) bool {
	s := p[0] + p[1] + p[2]
	return s-s == 0
}

// hasBox tells whether f's box has extent along at least two axes, so that
// it is worth drawing.
func hasBox(f *trajectory.Frame) bool {
	n := 0
	for _, l := range f.Box.L {
		if l > 0 {
			n++
		}
	}
	return n >= 2
}

// spacing returns the mean particle spacing (σ): (extent volume / N)^(1/d)
// over the d axes with extent.
func spacing(f *trajectory.Frame) float32 {
	lo, hi := bounds(f)
	vol, d := 1.0, 0
	for k := 0; k < 3; k++ {
		if e := float64(hi[k] - lo[k]); e > 0 {
			vol *= e
			d++
		}
	}
	if d == 0 || len(f.Pos) == 0 {
		return 1
	}
	return float32(math.Pow(vol/float64(len(f.Pos)), 1/float64(d)))
}

// resize returns a with length n, reallocating only when its capacity is
// too small.
func resize[T any](a []T, n int) []T {
	if cap(a) < n {
		return make([]T, n)
	}
	return a[:n]
}

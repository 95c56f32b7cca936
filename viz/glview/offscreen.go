//go:build viewer

package glview

import (
	"bytes"
	"errors"
	"image"

	"github.com/go-gl/gl/v3.3-core/gl"
	"github.com/go-gl/glfw/v3.3/glfw"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// Offscreen renders frames into images without showing a window (it
// uses a hidden one for its OpenGL context, so it needs an X display;
// Screenshot provides one). Like all of this package's OpenGL code it must
// run on the main goroutine, which the package locks to the main thread.
type Offscreen struct {
	opts   Options
	win    *glfw.Window
	r      *renderer
	t      *target
	img    *image.RGBA
	c      content
	text   []byte
	glyphs []textInstance
}

// NewOffscreen prepares rendering of opts.Width × opts.Height images.
func NewOffscreen(opts Options) (*Offscreen, error) {
	o := &Offscreen{opts: opts.withDefaults()}
	if err := o.opts.checkSize(); err != nil {
		return nil, err
	}
	var err error
	if o.win, err = openWindow(64, 64, "physim", false); err != nil {
		return nil, err
	}
	if o.r, err = newRenderer(); err != nil {
		o.win.Destroy()
		return nil, err
	}
	if o.t, err = newTarget(o.opts.Width, o.opts.Height); err != nil {
		o.r.delete()
		o.win.Destroy()
		return nil, err
	}
	o.img = image.NewRGBA(image.Rect(0, 0, o.opts.Width, o.opts.Height))
	return o, nil
}

// Render draws frame f of a trajectory with header h; the image stays
// valid until the next call. Lines mode needs the whole trajectory: use
// RenderFrame.
func (o *Offscreen) Render(h *trajectory.Header, f *trajectory.Frame) (*image.RGBA, error) {
	if o.opts.Mode == Lines {
		return nil, errors.New("glview: lines mode draws whole trajectories; use RenderFrame")
	}
	p, err := newCheckedPainter(o.opts, h, "the frame")
	if err != nil {
		return nil, err
	}
	return o.render(p, f, &status{frame: -1, frames: -1})
}

// RenderFrame draws frame i of r (i < 0 counts from the end); the image
// stays valid until the next call.
func (o *Offscreen) RenderFrame(r trajectory.Reader, i int) (*image.RGBA, error) {
	i, err := frameIndex(i, r.NumFrames())
	if err != nil {
		return nil, err
	}
	h := r.Header()
	p, err := newCheckedPainter(o.opts, &h, "the trajectory")
	if err != nil {
		return nil, err
	}
	o.win.MakeContextCurrent()
	if o.opts.Mode == Lines {
		t, err := loadTracks(r, p)
		if err != nil {
			return nil, err
		}
		o.r.uploadTracks(t)
	}
	f, err := r.Frame(i)
	if err != nil {
		return nil, err
	}
	return o.render(p, f, &status{frame: i, frames: r.NumFrames(), step: f.Step, time: f.Time})
}

// render draws f with p; st.frame ≥ 0 shows a one-line overlay.
func (o *Offscreen) render(p *painter, f *trajectory.Frame, st *status) (*image.RGBA, error) {
	o.win.MakeContextCurrent()
	p.build(&o.c, f)
	if err := o.r.upload(&o.c); err != nil {
		return nil, err
	}
	o.glyphs = o.glyphs[:0]
	scale := textScale(o.opts.Height)
	if !o.opts.HideOverlay && st.frame >= 0 {
		o.text = appendStatus(o.text[:0], st)
		line, _, _ := bytes.Cut(o.text, []byte{'\n'})
		o.glyphs = layoutText(o.glyphs, line, 8*scale, 8*scale, scale)
	}
	o.r.uploadText(o.glyphs)
	cam := initialCamera(&o.opts, &o.c)
	o.t.bind()
	o.r.draw(&scene{
		cam: &cam, centre: o.c.centre, radius: o.c.radius,
		width: o.opts.Width, height: o.opts.Height, background: o.opts.Background,
		trackFrame: st.frame, textScale: scale,
	})
	o.t.read(o.img)
	gl.BindFramebuffer(gl.FRAMEBUFFER, 0)
	return o.img, glError("rendering off-screen")
}

// Close frees the OpenGL objects and the hidden window.
func (o *Offscreen) Close() {
	o.win.MakeContextCurrent()
	o.t.delete()
	o.r.delete()
	o.win.Destroy()
}

// Screenshot renders frame opts.Frame of r off-screen and writes it to
// path as a PNG, atomically. Without a display it runs its own Xvfb for
// the duration, setting $DISPLAY meanwhile. It must be called from the
// main goroutine.
func Screenshot(path string, r trajectory.Reader, opts Options) error {
	return withDisplay(func() error {
		o, err := NewOffscreen(opts)
		if err != nil {
			return err
		}
		defer o.Close()
		img, err := o.RenderFrame(r, opts.Frame)
		if err != nil {
			return err
		}
		return writePNG(path, img)
	})
}

// SnapshotState renders the particle state s off-screen and writes it to
// path as a PNG, atomically, like Screenshot (its own Xvfb when there is no
// display). It must be called from the main goroutine.
func SnapshotState(path string, s *sim.State, opts Options) error {
	h := trajectory.HeaderFor(s)
	var f trajectory.Frame
	if err := copyState(&f, &h, s); err != nil {
		return err
	}
	return withDisplay(func() error {
		o, err := NewOffscreen(opts)
		if err != nil {
			return err
		}
		defer o.Close()
		img, err := o.Render(&h, &f)
		if err != nil {
			return err
		}
		return writePNG(path, img)
	})
}

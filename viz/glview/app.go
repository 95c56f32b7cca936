//go:build viewer

package glview

import (
	"context"
	"fmt"
	"image"
	"os"

	"github.com/go-gl/gl/v3.3-core/gl"
	"github.com/go-gl/glfw/v3.3/glfw"

	"github.com/physim/physim/sim/trajectory"
)

// app is an interactive viewer window.
type app struct {
	opts   Options
	win    *glfw.Window
	r      *renderer
	src    source
	p      *painter
	c      content
	shown  *trajectory.Frame // frame whose content is uploaded
	cam    Camera
	home   Camera // the camera that reset restores
	fitted bool   // home is set
	sc     scene
	st     status
	text   []byte
	glyphs []textInstance
	fps    fpsMeter
	last   float64 // time of the previous tick (s)
	dirty  bool    // the window needs redrawing
	input  input
	shots  int  // screenshots taken
	shot   bool // take a screenshot after the next draw
	fbW    int  // framebuffer size (pixels) and window height (screen
	fbH    int  // units), kept by callbacks because asking GLFW for them
	winH   int  // allocates
}

// View opens a window that plays r and returns when the window closes or
// ctx is done. See the package documentation for the mouse and keys. It
// must be called from the main goroutine.
func View(ctx context.Context, r trajectory.Reader, opts Options) error {
	a, err := newFileApp(r, opts)
	if err != nil {
		return err
	}
	defer a.close()
	return a.loop(ctx)
}

// ViewLive opens a window that shows the newest frame of l and returns
// when the window closes or ctx is done; frames published after that are
// dropped. Lines mode is not available live. It must be called from the
// main goroutine while another goroutine runs the simulation.
func ViewLive(ctx context.Context, l *Live, opts Options) error {
	a, err := newLiveApp(l, opts)
	if err != nil {
		return err
	}
	defer a.close()
	return a.loop(ctx)
}

func newFileApp(r trajectory.Reader, opts Options) (*app, error) {
	o := opts.withDefaults()
	start, err := frameIndex(o.Frame, r.NumFrames())
	if err != nil {
		return nil, err
	}
	h := r.Header()
	p, err := newCheckedPainter(o, &h, "the trajectory")
	if err != nil {
		return nil, err
	}
	var t *tracks
	if o.Mode == Lines {
		if t, err = loadTracks(r, p); err != nil {
			return nil, err
		}
	}
	return newApp(o, p, t, func() source { return newPlayer(r, start, o.Speed) })
}

func newLiveApp(l *Live, opts Options) (*app, error) {
	o := opts.withDefaults()
	if o.Mode == Lines {
		return nil, fmt.Errorf("glview: lines mode needs a whole trajectory; a live view shows spheres, arrows or unitsphere")
	}
	h := l.Header()
	p, err := newCheckedPainter(o, &h, "the live feed")
	var a *app
	if err == nil {
		a, err = newApp(o, p, nil, func() source { return newLiveSource(l) })
	}
	if err != nil {
		l.detach() // no window: the producer should not copy frames for nobody
		return nil, err
	}
	return a, nil
}

// newApp opens the window; src is called once the window is open.
func newApp(o Options, p *painter, t *tracks, src func() source) (*app, error) {
	win, err := openWindow(o.Width, o.Height, "physim view", true)
	if err != nil {
		return nil, err
	}
	r, err := newRenderer()
	if err != nil {
		win.Destroy()
		return nil, err
	}
	if t != nil {
		r.uploadTracks(t)
	}
	a := &app{opts: o, win: win, r: r, p: p, src: src(), dirty: true, last: glfw.GetTime()}
	a.input.button = -1
	a.fbW, a.fbH = win.GetFramebufferSize()
	_, a.winH = win.GetSize()
	a.installCallbacks()
	glfw.SwapInterval(1)
	fmt.Fprintln(o.Log, helpText)
	return a, nil
}

// helpText lists the controls.
const helpText = `physim view: drag to orbit, right- or shift-drag to pan, scroll to zoom;
  space play/pause, ←/→ step, PgUp/PgDn ±10 frames, Home/End first/last,
  ↑/↓ faster/slower, r reset view, s screenshot, o overlay, b box, q or Esc quit`

func (a *app) loop(ctx context.Context) error {
	for !a.win.ShouldClose() && ctx.Err() == nil {
		if err := a.tick(); err != nil {
			return err
		}
	}
	return nil
}

// tick handles pending events, advances playback and redraws the window
// when something changed. It does not allocate.
func (a *app) tick() error {
	if a.dirty {
		glfw.PollEvents()
	} else {
		glfw.WaitEventsTimeout(1.0 / 60) // idle: do not spin
	}
	now := glfw.GetTime()
	dt := now - a.last
	a.last = now
	if err := a.src.update(dt); err != nil {
		return err
	}
	if f := a.src.frame(); f != nil && f != a.shown {
		a.shown = f
		a.p.build(&a.c, f)
		if err := a.r.upload(&a.c); err != nil {
			return err
		}
		if !a.fitted {
			a.home, a.fitted = initialCamera(&a.opts, &a.c), true
			a.cam = a.home
		}
		a.dirty = true
	}
	a.fps.roll(now) // shown at the next redraw: an idle window does not redraw
	w, h := a.fbW, a.fbH
	if !a.dirty || w == 0 || h == 0 {
		return nil
	}
	a.dirty = false
	a.drawTo(w, h)
	a.win.SwapBuffers()
	a.fps.add(glfw.GetTime() - now)
	if a.shot {
		a.shot = false
		if err := a.screenshot(w, h); err != nil { // keep viewing
			fmt.Fprintln(a.opts.Log, "screenshot failed:", err)
		}
	}
	return nil
}

// drawTo draws the current state into the bound framebuffer of w × h
// pixels.
func (a *app) drawTo(w, h int) {
	scale := textScale(h)
	a.st = status{}
	a.src.fill(&a.st)
	a.st.fps = a.fps.rate()
	a.glyphs = a.glyphs[:0]
	if !a.opts.HideOverlay {
		a.text = appendStatus(a.text[:0], &a.st)
		a.glyphs = layoutText(a.glyphs, a.text, 8*scale, 8*scale, scale)
	}
	a.r.uploadText(a.glyphs)
	a.sc = scene{
		cam: &a.cam, centre: a.c.centre, radius: a.c.radius, width: w, height: h,
		background: a.opts.Background, trackFrame: -1, textScale: scale,
	}
	if a.p.tracks != nil {
		a.sc.trackFrame = a.st.frame
	}
	a.r.draw(&a.sc)
}

// screenshot renders the current view into a w × h image and writes it to
// the first free physim-view-NNNN.png in the working directory.
func (a *app) screenshot(w, h int) error {
	t, err := newTarget(w, h)
	if err != nil {
		return err
	}
	defer t.delete()
	t.bind()
	a.drawTo(w, h)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	t.read(img)
	gl.BindFramebuffer(gl.FRAMEBUFFER, 0)
	for {
		a.shots++
		path := fmt.Sprintf("physim-view-%04d.png", a.shots)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		if err := writePNG(path, img); err != nil {
			return err
		}
		fmt.Fprintln(a.opts.Log, "wrote", path)
		return nil
	}
}

// close releases the window, its OpenGL objects and the frame source.
func (a *app) close() {
	a.src.close()
	a.win.MakeContextCurrent()
	a.r.delete()
	a.win.Destroy()
}

// fpsMeter averages the time to draw a frame over half-second windows.
type fpsMeter struct {
	sum, shown float64 // seconds drawing in this window; rate of the last
	n          int
	start      float64
}

// add records a frame that took dt seconds to draw and swap.
func (m *fpsMeter) add(dt float64) { m.sum += dt; m.n++ }

// roll closes the half-second window when it has ended at time now.
func (m *fpsMeter) roll(now float64) {
	if now-m.start < 0.5 {
		return
	}
	m.start = now
	if m.n > 0 && m.sum > 0 {
		m.shown = float64(m.n) / m.sum
	}
	m.sum, m.n = 0, 0
}

// rate returns the frames per second the last window measured.
func (m *fpsMeter) rate() float64 { return m.shown }

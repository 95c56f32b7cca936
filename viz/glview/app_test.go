//go:build viewer

package glview

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// ticks runs the window's loop body until cond holds (at most 5 s).
func ticks(t *testing.T, a *app, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var err error
		ok := false
		onMain(func() {
			err = a.tick()
			ok = cond()
		})
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("condition not reached within 5 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// press sends a key to the window on the main thread.
func press(a *app, k glfw.Key) { onMain(func() { a.key(k) }) }

// The interactive window under Xvfb: it shows the first frame, steps,
// jumps, plays, resets the view, writes a screenshot and quits on q.
func TestInteractiveWindow(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	h, frames := fccFrames(5)
	r, err := trajectory.Open(writeTrajectory(t, dir, "w.pstraj", h, frames))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var log bytes.Buffer
	var a *app
	onMain(func() { a, err = newFileApp(r, Options{Width: 320, Height: 240, Log: &log}) })
	if err != nil {
		t.Fatal(err)
	}
	defer onMain(a.close)
	p := a.src.(*player)
	ticks(t, a, func() bool { return a.shown != nil && p.cur == 0 })
	if !strings.Contains(log.String(), "space play/pause") {
		t.Errorf("no key help in the log: %q", log.String())
	}
	press(a, glfw.KeyRight)
	ticks(t, a, func() bool { return p.cur == 1 })
	press(a, glfw.KeyEnd)
	ticks(t, a, func() bool { return p.cur == 4 })
	press(a, glfw.KeyHome)
	ticks(t, a, func() bool { return p.cur == 0 })
	press(a, glfw.KeyUp)
	press(a, glfw.KeySpace)
	ticks(t, a, func() bool { return p.cur == 3 })
	if !p.playing || p.speed != 60 {
		t.Errorf("playing %v at %g frames/s, want true at 60", p.playing, p.speed)
	}
	press(a, glfw.KeySpace)
	var allocs float64
	onMain(func() {
		allocs = testing.AllocsPerRun(10, func() {
			a.cam.Orbit(1, 0)
			a.dirty = true
			a.tick()
		})
	})
	if allocs != 0 {
		t.Errorf("a redraw allocates %.0f times", allocs)
	}
	home := a.home
	a.cam.Orbit(40, 30)
	a.cam.Zoom(3)
	press(a, glfw.KeyR)
	if a.cam != home {
		t.Errorf("reset view: camera %+v, want %+v", a.cam, home)
	}
	press(a, glfw.KeyS)
	ticks(t, a, func() bool { return strings.Contains(log.String(), "wrote physim-view-0001.png") })
	img := readPNG(t, "physim-view-0001.png")
	if covered, colours, _ := census(img, white); covered < 0.1 || colours < 100 {
		t.Errorf("screenshot looks blank: %.3f covered, %d colours", covered, colours)
	}
	press(a, glfw.KeyQ)
	onMain(func() { err = a.loop(context.Background()) })
	if err != nil {
		t.Errorf("loop after q: %v", err)
	}
	if _, err := os.Stat("physim-view-0001.png"); err != nil {
		t.Error(err)
	}
}

// A live window shows the newest frame of a running producer, which is
// never held up by the window (the slowest Observe is logged); once the
// window closes, the producer's frames are dropped.
func TestLiveWindow(t *testing.T) {
	s := sim.FCC(4, 4, 4, 0.8)
	live := NewLive(trajectory.HeaderFor(s))
	var a *app
	var err error
	onMain(func() { a, err = newLiveApp(live, Options{Width: 160, Height: 120}) })
	if err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var slowest atomic.Int64
	var last atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for k := int64(1); !stop.Load(); k++ {
			s.Step = k
			start := time.Now()
			live.Observe(s)
			if d := int64(time.Since(start)); d > slowest.Load() {
				slowest.Store(d)
			}
			last.Store(k)
		}
	}()
	ticks(t, a, func() bool { return a.shown != nil && a.shown.Step > 100 })
	onMain(a.close)
	stop.Store(true)
	<-done
	t.Logf("producer reached step %d; slowest Observe %v; %d frames dropped", last.Load(), time.Duration(slowest.Load()), live.Dropped())
	if live.Viewing() {
		t.Error("the feed still reports a viewer after the window closed")
	}
	if time.Duration(slowest.Load()) > 100*time.Millisecond {
		t.Errorf("an Observe took %v", time.Duration(slowest.Load()))
	}
	before := live.Dropped()
	live.Observe(s)
	if live.Dropped() != before+1 {
		t.Error("a frame offered after the window closed was not dropped")
	}
}

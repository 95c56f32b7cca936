package glview

import (
	"fmt"
	"sync/atomic"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// liveBuffers is the number of frame buffers a Live cycles through: one
// shown, one published and one being filled, so that the producer always
// finds a free one.
const liveBuffers = 3

// Live carries frames from a running simulation to a viewer (ViewLive)
// without ever making the simulation wait: the producer copies its state
// into a free buffer and publishes it, replacing a published frame that
// the viewer has not taken yet. When the window is slow frames are dropped;
// when it is closed, Observe returns at once without copying.
//
// One goroutine produces (Observe, Send, Close) while the viewer consumes.
type Live struct {
	h        trajectory.Header
	free     chan *trajectory.Frame
	ready    chan *trajectory.Frame
	detached atomic.Bool
	finished atomic.Bool
	dropped  atomic.Int64
}

// NewLive returns a feed of frames laid out as h describes: h.N particles,
// velocities when h.Velocities, and the value h.ValueOf computes when
// h.ValueName is set.
func NewLive(h trajectory.Header) *Live {
	l := &Live{h: h, free: make(chan *trajectory.Frame, liveBuffers), ready: make(chan *trajectory.Frame, 1)}
	for i := 0; i < liveBuffers; i++ {
		l.free <- &trajectory.Frame{}
	}
	return l
}

// Header returns the layout of the frames.
func (l *Live) Header() trajectory.Header { return l.h }

// Observe publishes a copy of s (positions wrapped into the box), so that
// a Live is a sim.Observer. It never blocks. It panics if s does not have
// the header's particle count.
func (l *Live) Observe(s *sim.State) error {
	if s.N() != l.h.N {
		panic(fmt.Sprintf("glview: live state has %d particles, header %d", s.N(), l.h.N))
	}
	return l.publish(func(f *trajectory.Frame) error { return copyState(f, &l.h, s) })
}

// Send publishes a copy of f. It never blocks. It panics if f's positions
// do not match the header's particle count.
func (l *Live) Send(f *trajectory.Frame) {
	if len(f.Pos) != l.h.N {
		panic(fmt.Sprintf("glview: live frame has %d positions, header %d particles", len(f.Pos), l.h.N))
	}
	l.publish(func(dst *trajectory.Frame) error {
		dst.Step, dst.Time, dst.Box = f.Step, f.Time, f.Box
		dst.Pos = append(dst.Pos[:0], f.Pos...)
		dst.Vel = append(dst.Vel[:0], f.Vel...)
		dst.Value = append(dst.Value[:0], f.Value...)
		dst.Types = append(dst.Types[:0], l.h.Types...)
		return nil
	})
}

// Close tells the viewer that the producer has finished.
func (l *Live) Close() { l.finished.Store(true) }

// done tells whether the producer has called Close.
func (l *Live) done() bool { return l.finished.Load() }

// Viewing tells whether a viewer may still take frames; it turns false
// when the window closes.
func (l *Live) Viewing() bool { return !l.detached.Load() }

// Dropped returns the number of frames dropped so far: replaced before
// the viewer took them, or offered after the window closed.
func (l *Live) Dropped() int64 { return l.dropped.Load() }

// publish fills a free buffer with fill and makes it the newest frame.
func (l *Live) publish(fill func(*trajectory.Frame) error) error {
	if l.detached.Load() {
		l.dropped.Add(1)
		return nil
	}
	var f *trajectory.Frame
	select {
	case f = <-l.free:
	default: // cannot happen with liveBuffers buffers, but never wait
		l.dropped.Add(1)
		return nil
	}
	if err := fill(f); err != nil {
		l.free <- f
		return err
	}
	for {
		select {
		case l.ready <- f:
			return nil
		default:
		}
		select {
		case old := <-l.ready:
			l.dropped.Add(1)
			l.free <- old
		default:
		}
	}
}

// take returns the newest published frame, or nil when there is none.
func (l *Live) take() *trajectory.Frame {
	select {
	case f := <-l.ready:
		return f
	default:
		return nil
	}
}

// recycle gives back a frame that take returned.
func (l *Live) recycle(f *trajectory.Frame) { l.free <- f }

// detach marks the viewer as gone.
func (l *Live) detach() { l.detached.Store(true) }

// copyState stores s in f with the layout of h, reusing f's memory.
func copyState(f *trajectory.Frame, h *trajectory.Header, s *sim.State) error {
	if err := h.FillFrame(f, s); err != nil {
		return err
	}
	f.Types = append(f.Types[:0], s.Type...)
	return nil
}

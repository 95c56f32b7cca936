package glview

import (
	"fmt"

	"github.com/physim/physim/sim/trajectory"
)

// source is where a viewer gets its frames: a trajectory file (player) or
// a running simulation (liveSource).
type source interface {
	// update advances playback by dt seconds of wall time.
	update(dt float64) error
	// frame returns the shown frame, nil before the first arrives. A new
	// frame comes in a different buffer, so that comparing pointers tells
	// whether the frame changed.
	frame() *trajectory.Frame
	// fill writes the playback state into s.
	fill(s *status)
	// togglePlay starts or pauses playback.
	togglePlay()
	// step pauses and moves k frames on (back when k < 0).
	step(k int)
	// seek pauses and moves to frame i (i < 0 counts from the end).
	seek(i int)
	// faster multiplies the playback rate by factor.
	faster(factor float64)
	// close releases the source's goroutines.
	close()
}

// Playback rate bounds (frames/s).
const minRate, maxRate = 0.1, 1000

// player plays a trajectory file: it shows frames at the playback rate as
// they arrive from its loader, and asks for the next one ahead of time.
type player struct {
	l       *loader
	frames  int
	cur     int // index of the shown frame, −1 before the first
	shown   *trajectory.Frame
	ahead   loaded // a frame read but not shown yet (frame nil: none)
	pending int    // index last requested and not arrived, −1 none
	want    int    // index asked for by step or seek, −1 none
	playing bool
	speed   float64 // frames/s
	clock   float64 // frames owed to playback
}

// newPlayer plays r from frame start (0 ≤ start < r.NumFrames()) at
// speed frames per second, paused.
func newPlayer(r trajectory.Reader, start int, speed float64) *player {
	return &player{l: newLoader(r), frames: r.NumFrames(), cur: -1, pending: -1, want: start, speed: speed}
}

func (p *player) update(dt float64) error {
	for {
		x, ok := p.l.poll()
		if !ok {
			break
		}
		if x.index == p.pending {
			p.pending = -1
		}
		if x.err != nil {
			p.l.recycle(x.frame)
			return fmt.Errorf("glview: reading frame %d: %w", x.index, x.err)
		}
		if p.ahead.frame != nil {
			p.l.recycle(p.ahead.frame)
		}
		p.ahead = x
	}
	next := p.want
	if next < 0 && p.playing && p.frames > 1 {
		p.clock = min(p.clock+dt*p.speed, 2)
		next = (p.cur + 1) % p.frames
	}
	if next >= 0 && p.ahead.frame != nil && p.ahead.index == next && (p.want >= 0 || p.clock >= 1) {
		if p.shown != nil {
			p.l.recycle(p.shown)
		}
		p.shown, p.cur, p.ahead = p.ahead.frame, next, loaded{}
		if p.want >= 0 {
			p.want = -1
		} else {
			p.clock--
		}
		next = -1
		if p.playing && p.frames > 1 {
			next = (p.cur + 1) % p.frames
		}
	}
	if next >= 0 && next != p.pending && !(p.ahead.frame != nil && p.ahead.index == next) {
		p.l.request(next)
		p.pending = next
	}
	return nil
}

func (p *player) frame() *trajectory.Frame { return p.shown }

func (p *player) fill(s *status) {
	s.frame, s.frames, s.playing, s.speed = p.cur, p.frames, p.playing, p.speed
	if p.shown != nil {
		s.step, s.time = p.shown.Step, p.shown.Time
	}
}

func (p *player) togglePlay() {
	p.playing = !p.playing
	p.clock = 0
}

func (p *player) step(k int) {
	base := p.cur
	if p.want >= 0 {
		base = p.want
	}
	p.seek(min(max(base+k, 0), p.frames-1))
}

func (p *player) seek(i int) {
	p.playing = false
	if i < 0 {
		i += p.frames
	}
	i = min(max(i, 0), p.frames-1)
	p.want = -1
	if i != p.cur {
		p.want = i
	}
}

func (p *player) faster(factor float64) {
	p.speed = min(max(p.speed*factor, minRate), maxRate)
}

func (p *player) close() { p.l.close() }

// liveSource shows the newest frame of a Live feed while following, and
// freezes the shown frame while paused.
type liveSource struct {
	l       *Live
	shown   *trajectory.Frame
	taken   int
	playing bool
}

func newLiveSource(l *Live) *liveSource { return &liveSource{l: l, playing: true} }

func (s *liveSource) update(float64) error {
	if s.playing {
		s.takeNewest()
	}
	return nil
}

// takeNewest shows the newest published frame, if there is a new one.
func (s *liveSource) takeNewest() {
	f := s.l.take()
	if f == nil {
		return
	}
	if s.shown != nil {
		s.l.recycle(s.shown)
	}
	s.shown = f
	s.taken++
}

func (s *liveSource) frame() *trajectory.Frame { return s.shown }

func (s *liveSource) fill(st *status) {
	st.frame, st.frames, st.playing = s.taken, -1, s.playing
	st.dropped, st.finished = s.l.Dropped(), s.l.done()
	if s.shown != nil {
		st.step, st.time = s.shown.Step, s.shown.Time
	}
}

func (s *liveSource) togglePlay() { s.playing = !s.playing }

// step shows the newest frame once when k > 0 (while frozen).
func (s *liveSource) step(k int) {
	s.playing = false
	if k > 0 {
		s.takeNewest()
	}
}

func (s *liveSource) seek(int)       {}
func (s *liveSource) faster(float64) {}
func (s *liveSource) close()         { s.l.detach() }

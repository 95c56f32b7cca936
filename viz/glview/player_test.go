package glview

import (
	"errors"
	"testing"
	"time"

	"github.com/physim/physim/sim/trajectory"
)

// waitFrame updates p with dt per call until frame i shows.
func waitFrame(t *testing.T, p *player, i int, dt float64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for p.cur != i {
		if err := p.update(dt); err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("frame %d never showed (at %d)", i, p.cur)
		}
		time.Sleep(time.Millisecond)
	}
}

// A player shows its first frame, steps, seeks and plays at its rate,
// looping at the end, streaming frames from a file.
func TestPlayer(t *testing.T) {
	h, frames := fccFrames(6)
	r, err := trajectory.Open(writeTrajectory(t, t.TempDir(), "p.pstraj", h, frames))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p := newPlayer(r, 2, 10)
	defer p.close()
	waitFrame(t, p, 2, 0)
	if p.frame().Step != frames[2].Step {
		t.Fatalf("frame 2 shows step %d", p.frame().Step)
	}
	p.step(1)
	waitFrame(t, p, 3, 0)
	p.step(-10) // clamps at the first frame
	waitFrame(t, p, 0, 0)
	p.seek(-1)
	waitFrame(t, p, 5, 0)
	p.togglePlay() // from the last frame, playing loops to the first
	waitFrame(t, p, 0, 0.05)
	// At 10 frames/s, 0.05 s per update shows a new frame every second
	// update once the next frame has arrived.
	shown, updates := 0, 0
	for shown < 3 {
		prev := p.cur
		if err := p.update(0.05); err != nil {
			t.Fatal(err)
		}
		updates++
		if p.cur != prev {
			shown++
			if updates < 2 {
				t.Fatalf("a frame after %d updates of 0.05 s at 10 frames/s", updates)
			}
			updates = 0
		}
		time.Sleep(time.Millisecond)
	}
	p.faster(2)
	var st status
	p.fill(&st)
	if !st.playing || st.speed != 20 || st.frames != 6 {
		t.Errorf("status %+v", st)
	}
	p.faster(1e9)
	if p.speed != maxRate {
		t.Errorf("rate %g not clamped to %d", p.speed, maxRate)
	}
}

// A frame that cannot be read stops playback with an error naming it.
func TestPlayerReportsBadFrames(t *testing.T) {
	h, frames := fccFrames(3)
	p := newPlayer(failingReader{memReader{h, frames}, 1}, 0, 30)
	defer p.close()
	waitFrame(t, p, 0, 0)
	p.step(1)
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := p.update(0)
		if err != nil {
			if !errors.Is(err, errBadFrame) {
				t.Errorf("error %v does not wrap the reader's", err)
			}
			t.Logf("error: %v", err)
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no error for an unreadable frame")
		}
		time.Sleep(time.Millisecond)
	}
}

var errBadFrame = errors.New("bad frame")

// failingReader fails to read one frame.
type failingReader struct {
	memReader
	bad int
}

func (f failingReader) ReadFrame(i int, dst *trajectory.Frame) error {
	if i == f.bad {
		return errBadFrame
	}
	return f.memReader.ReadFrame(i, dst)
}

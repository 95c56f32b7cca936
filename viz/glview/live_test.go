package glview

import (
	"sync"
	"testing"
	"time"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// With no viewer taking frames, a producer is never held up: every
// Observe returns at once, the newest frame is the one kept, and the
// replaced ones count as dropped. After warm-up Observe does not
// allocate.
func TestLiveNeverBlocksTheProducer(t *testing.T) {
	s := sim.FCC(3, 3, 3, 0.8)
	h := trajectory.HeaderFor(s)
	h.Velocities = true
	l := NewLive(h)
	var slowest time.Duration
	for k := 0; k < 1000; k++ {
		s.Step = int64(k)
		start := time.Now()
		if err := l.Observe(s); err != nil {
			t.Fatal(err)
		}
		slowest = max(slowest, time.Since(start))
	}
	t.Logf("slowest Observe of 1000 with nobody watching: %v", slowest)
	if slowest > 50*time.Millisecond {
		t.Errorf("an Observe took %v", slowest)
	}
	f := l.take()
	if f == nil || f.Step != 999 || len(f.Vel) != s.N() || len(f.Types) != s.N() {
		t.Fatalf("newest frame: %+v", f)
	}
	if l.Dropped() != 999 {
		t.Errorf("%d dropped, want 999", l.Dropped())
	}
	l.recycle(f)
	if a := testing.AllocsPerRun(20, func() { l.Observe(s) }); a != 0 {
		t.Errorf("Observe allocates %.0f times", a)
	}
	l.detach()
	before := l.Dropped()
	s.Step = 5000
	l.Observe(s)
	if l.Viewing() || l.Dropped() != before+1 {
		t.Errorf("after the viewer left: viewing %v, dropped %d (was %d)", l.Viewing(), l.Dropped(), before)
	}
	if f := l.take(); f != nil && f.Step == 5000 {
		t.Error("a frame was copied after the viewer left")
	}
}

// A producer and a slow consumer run concurrently (go test -race checks
// the hand-over): the consumer sees steps in increasing order, ending with
// the last one, and every frame is either seen or dropped.
func TestLiveConcurrentHandOver(t *testing.T) {
	h := trajectory.Header{N: 10}
	l := NewLive(h)
	const n = 5000
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f := &trajectory.Frame{Pos: make([][3]float32, 10)}
		for k := int64(1); k <= n; k++ {
			f.Step = k
			l.Send(f)
			if k%50 == 0 {
				time.Sleep(100 * time.Microsecond)
			}
		}
		l.Close()
	}()
	src := newLiveSource(l)
	var last int64
	seen := 0
	for !(l.done() && last == n) {
		src.update(0)
		if f := src.frame(); f != nil && f.Step != last {
			if f.Step < last {
				t.Fatalf("step %d after %d", f.Step, last)
			}
			last = f.Step
			seen++
		}
		time.Sleep(50 * time.Microsecond)
	}
	wg.Wait()
	var st status
	src.fill(&st)
	t.Logf("consumer saw %d of %d frames, %d dropped", seen, n, l.Dropped())
	if int64(seen)+l.Dropped() != n || !st.finished || st.frame != seen {
		t.Errorf("seen %d + dropped %d ≠ %d, or status %+v", seen, l.Dropped(), n, st)
	}
	src.close()
	if l.Viewing() {
		t.Error("closing the source did not detach the feed")
	}
}

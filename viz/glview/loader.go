package glview

import "github.com/physim/physim/sim/trajectory"

// loaded is a frame read from a trajectory, or the error reading it.
type loaded struct {
	index int
	frame *trajectory.Frame
	err   error
}

// loaderBuffers is the number of frame buffers a loader cycles through:
// one shown, one read ahead and one being read.
const loaderBuffers = 3

// loader reads frames of a trajectory in its own goroutine, so that
// drawing never waits for the disk and only a few frames are in memory
// whatever the length of the trajectory.
type loader struct {
	r    trajectory.Reader
	req  chan int
	out  chan loaded
	free chan *trajectory.Frame
	quit chan struct{}
	done chan struct{}
}

func newLoader(r trajectory.Reader) *loader {
	l := &loader{
		r:    r,
		req:  make(chan int, 1),
		out:  make(chan loaded, 1),
		free: make(chan *trajectory.Frame, loaderBuffers),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	for i := 0; i < loaderBuffers; i++ {
		l.free <- &trajectory.Frame{}
	}
	go l.run()
	return l
}

func (l *loader) run() {
	defer close(l.done)
	for {
		var i int
		select {
		case <-l.quit:
			return
		case i = <-l.req:
		}
		var f *trajectory.Frame
		select {
		case <-l.quit:
			return
		case f = <-l.free:
		}
		err := l.r.ReadFrame(i, f)
		select {
		case <-l.quit:
			return
		case l.out <- loaded{i, f, err}:
		}
	}
}

// request asks for frame i without blocking; it replaces an earlier
// request that the goroutine has not started on.
func (l *loader) request(i int) {
	for {
		select {
		case l.req <- i:
			return
		default:
		}
		select {
		case <-l.req:
		default:
		}
	}
}

// poll returns a frame that has arrived, if any, without blocking.
func (l *loader) poll() (loaded, bool) {
	select {
	case x := <-l.out:
		return x, true
	default:
		return loaded{}, false
	}
}

// recycle gives back a frame's buffer.
func (l *loader) recycle(f *trajectory.Frame) { l.free <- f }

// close stops the goroutine and waits for it; it does not close the
// reader.
func (l *loader) close() {
	close(l.quit)
	<-l.done
}

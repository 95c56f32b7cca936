package glview

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Xvfb is a virtual X server started by StartXvfb: Mesa renders into it
// in software (llvmpipe), so that windows and screenshots work on machines
// without a screen.
type Xvfb struct {
	// Display is the value for $DISPLAY, such as ":3".
	Display string
	cmd     *exec.Cmd
	exited  chan struct{}
	stderr  bytes.Buffer
}

// StartXvfb starts Xvfb on a free display number (Xvfb picks it) with a
// 1920 × 1080 × 24 screen and waits until it accepts connections. Call
// Stop when done. It does not set $DISPLAY.
func StartXvfb() (*Xvfb, error) {
	path, err := exec.LookPath("Xvfb")
	if err != nil {
		return nil, errors.New("glview: Xvfb not found; install it with: apt-get install xvfb xauth")
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("glview: %w", err)
	}
	defer r.Close()
	x := &Xvfb{exited: make(chan struct{})}
	x.cmd = exec.Command(path, "-displayfd", "3", "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
	x.cmd.ExtraFiles = []*os.File{w} // fd 3 in the child
	x.cmd.Stderr = &x.stderr
	dieWithParent(x.cmd)
	err = x.cmd.Start()
	w.Close()
	if err != nil {
		return nil, fmt.Errorf("glview: start Xvfb: %w", err)
	}
	go func() { x.cmd.Wait(); close(x.exited) }()

	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case s := <-line:
		if _, err := strconv.Atoi(s); err == nil {
			x.Display = ":" + s
			if err := x.waitReady(); err != nil {
				x.Stop()
				return nil, err
			}
			return x, nil
		}
		x.Stop()
		return nil, fmt.Errorf("glview: Xvfb did not report a display number: %s", x.lastWords())
	case <-time.After(15 * time.Second):
		x.Stop()
		return nil, errors.New("glview: Xvfb did not start within 15 s")
	}
}

// waitReady waits until the server accepts connections.
func (x *Xvfb) waitReady() error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := checkDisplay(x.Display)
		if err == nil {
			return nil
		}
		select {
		case <-x.exited:
			return fmt.Errorf("glview: Xvfb exited: %s", x.lastWords())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("glview: Xvfb on %s not ready: %v", x.Display, err)
		}
	}
}

// lastWords returns the tail of what Xvfb wrote to stderr, once it has
// exited (empty before).
func (x *Xvfb) lastWords() string {
	select {
	case <-x.exited:
		b := bytes.TrimSpace(x.stderr.Bytes())
		return string(b[max(0, len(b)-500):])
	default:
		return ""
	}
}

// Stop terminates the server and waits for it to exit.
func (x *Xvfb) Stop() {
	x.cmd.Process.Signal(os.Interrupt)
	select {
	case <-x.exited:
	case <-time.After(5 * time.Second):
		x.cmd.Process.Kill()
		<-x.exited
	}
}

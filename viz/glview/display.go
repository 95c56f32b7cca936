package glview

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

// ErrNoDisplay is returned (wrapped) when no X display can be reached, so
// that no window can open; Screenshot starts its own Xvfb instead.
var ErrNoDisplay = errors.New("glview: no display available")

// checkDisplay returns nil when the X server named by display (the value
// of $DISPLAY, such as ":0" or "host:1.0") accepts connections, and an
// error wrapping ErrNoDisplay otherwise.
func checkDisplay(display string) error {
	if display == "" {
		return fmt.Errorf("%w: DISPLAY is not set", ErrNoDisplay)
	}
	host, rest, ok := strings.Cut(display, ":")
	num, _, _ := strings.Cut(rest, ".")
	if _, err := strconv.Atoi(num); !ok || err != nil {
		return fmt.Errorf("%w: cannot parse DISPLAY=%q", ErrNoDisplay, display)
	}
	const timeout = 2 * time.Second
	var err error
	var c net.Conn
	if host == "" || host == "unix" {
		path := "/tmp/.X11-unix/X" + num
		if c, err = net.DialTimeout("unix", path, timeout); err != nil {
			c, err = net.DialTimeout("unix", "@"+path, timeout) // Linux abstract socket
		}
	} else {
		port, _ := strconv.Atoi(num)
		c, err = net.DialTimeout("tcp", net.JoinHostPort(host, strconv.Itoa(6000+port)), timeout)
	}
	if err != nil {
		return fmt.Errorf("%w: cannot connect to X server DISPLAY=%s: %v", ErrNoDisplay, display, err)
	}
	return c.Close()
}

// withDisplay calls fn with an X display: the one $DISPLAY names when it
// answers, or else a private Xvfb started for the call, with $DISPLAY set
// to it meanwhile (this changes the process's environment).
func withDisplay(fn func() error) error {
	old, had := os.LookupEnv("DISPLAY")
	if checkDisplay(old) == nil {
		return fn()
	}
	x, err := StartXvfb()
	if err != nil {
		return fmt.Errorf("%w (%s) and %v", ErrNoDisplay, displayProblem(old), err)
	}
	defer x.Stop()
	os.Setenv("DISPLAY", x.Display)
	defer func() {
		if had {
			os.Setenv("DISPLAY", old)
		} else {
			os.Unsetenv("DISPLAY")
		}
	}()
	return fn()
}

// displayProblem says in a few words why display cannot be used.
func displayProblem(display string) string {
	if display == "" {
		return "DISPLAY is not set"
	}
	return "DISPLAY=" + display + " does not answer"
}

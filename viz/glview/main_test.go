//go:build viewer

package glview

import (
	"fmt"
	"os"
	"testing"
)

// mainThread runs the OpenGL work of tests on the main goroutine, which
// the package locks to the main thread (GLFW requires it); TestMain serves
// it while the tests run on their own goroutines.
var mainThread = make(chan func())

// TestMain starts a private Xvfb when $DISPLAY is unset, so that the
// viewer's tests run on machines without a screen, and serves mainThread.
func TestMain(m *testing.M) {
	var x *Xvfb
	if os.Getenv("DISPLAY") == "" {
		var err error
		if x, err = StartXvfb(); err != nil {
			fmt.Fprintln(os.Stderr, "glview tests need an X display:", err)
			os.Exit(1)
		}
		os.Setenv("DISPLAY", x.Display)
	}
	code := make(chan int)
	go func() { code <- m.Run() }()
	for {
		select {
		case fn := <-mainThread:
			fn()
		case c := <-code:
			if x != nil {
				x.Stop()
			}
			os.Exit(c)
		}
	}
}

// onMain runs fn on the main thread and waits for it; a panic in fn is
// re-raised in the caller.
func onMain(fn func()) {
	var p any
	done := make(chan struct{})
	mainThread <- func() {
		defer close(done)
		defer func() { p = recover() }()
		fn()
	}
	<-done
	if p != nil {
		panic(p)
	}
}

//go:build viewer

package glview

import (
	"fmt"
	"os"
	"runtime"

	"github.com/go-gl/gl/v3.3-core/gl"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// GLFW must be driven from the main thread: keep the main goroutine on it.
func init() { runtime.LockOSThread() }

// openWindow opens a window of w × h screen pixels with an OpenGL 3.3 core
// context made current on the calling thread (which must be the main
// thread). A hidden window serves off-screen rendering. GLFW stays
// initialised for the life of the process, so that several windows may
// come and go.
func openWindow(w, h int, title string, visible bool) (win *glfw.Window, err error) {
	if err := checkDisplay(os.Getenv("DISPLAY")); err != nil {
		return nil, err
	}
	defer func() {
		// GLFW reports some failures (such as a display that went away)
		// only as panics from later calls.
		if p := recover(); p != nil {
			win, err = nil, fmt.Errorf("glview: GLFW: %v", p)
		}
	}()
	if err := glfw.Init(); err != nil {
		return nil, fmt.Errorf("glview: initialise GLFW: %w", err)
	}
	glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.ContextVersionMajor, 3)
	glfw.WindowHint(glfw.ContextVersionMinor, 3)
	glfw.WindowHint(glfw.OpenGLProfile, glfw.OpenGLCoreProfile)
	glfw.WindowHint(glfw.OpenGLForwardCompatible, glfw.True)
	glfw.WindowHint(glfw.Visible, boolHint(visible))
	glfw.WindowHint(glfw.Resizable, glfw.True)
	win, err = glfw.CreateWindow(w, h, title, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("glview: cannot open an OpenGL 3.3 core window (the driver needs OpenGL 3.3 or later): %w", err)
	}
	win.MakeContextCurrent()
	if err := gl.Init(); err != nil {
		win.Destroy()
		return nil, fmt.Errorf("glview: load OpenGL functions: %w", err)
	}
	return win, nil
}

func boolHint(b bool) int {
	if b {
		return glfw.True
	}
	return glfw.False
}

// glError returns the first pending OpenGL error, if any, naming what was
// being done.
func glError(what string) error {
	if code := gl.GetError(); code != gl.NO_ERROR {
		for gl.GetError() != gl.NO_ERROR {
		}
		return fmt.Errorf("glview: OpenGL error 0x%x while %s", code, what)
	}
	return nil
}

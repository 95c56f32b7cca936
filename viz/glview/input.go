//go:build viewer

package glview

import "github.com/go-gl/glfw/v3.3/glfw"

// input is the state of a mouse drag.
type input struct {
	button       glfw.MouseButton // held button, −1 none
	pan          bool             // the drag pans rather than orbits
	lastX, lastY float64
}

func (a *app) installCallbacks() {
	a.win.SetKeyCallback(func(_ *glfw.Window, k glfw.Key, _ int, act glfw.Action, mods glfw.ModifierKey) {
		if act != glfw.Release {
			a.key(k)
		}
	})
	a.win.SetMouseButtonCallback(func(w *glfw.Window, b glfw.MouseButton, act glfw.Action, mods glfw.ModifierKey) {
		if act == glfw.Release {
			a.input.button = -1
			return
		}
		a.input.button = b
		a.input.pan = b != glfw.MouseButtonLeft || mods&glfw.ModShift != 0
		a.input.lastX, a.input.lastY = w.GetCursorPos()
	})
	a.win.SetCursorPosCallback(func(_ *glfw.Window, x, y float64) {
		if a.input.button < 0 {
			return
		}
		dx, dy := float32(x-a.input.lastX), float32(y-a.input.lastY)
		a.input.lastX, a.input.lastY = x, y
		if a.input.pan {
			a.cam.Pan(dx, dy, max(a.winH, 1))
		} else {
			a.cam.Orbit(dx, dy)
		}
		a.dirty = true
	})
	a.win.SetScrollCallback(func(_ *glfw.Window, _, dy float64) {
		a.cam.Zoom(float32(dy))
		a.dirty = true
	})
	a.win.SetSizeCallback(func(_ *glfw.Window, _, h int) { a.winH = h })
	a.win.SetFramebufferSizeCallback(func(_ *glfw.Window, w, h int) {
		a.fbW, a.fbH = w, h
		a.dirty = true
	})
	a.win.SetRefreshCallback(func(*glfw.Window) { a.dirty = true })
}

// key acts on a key press (or repeat).
func (a *app) key(k glfw.Key) {
	a.dirty = true
	switch k {
	case glfw.KeySpace:
		a.src.togglePlay()
	case glfw.KeyRight, glfw.KeyPeriod:
		a.src.step(1)
	case glfw.KeyLeft, glfw.KeyComma:
		a.src.step(-1)
	case glfw.KeyPageUp:
		a.src.step(10)
	case glfw.KeyPageDown:
		a.src.step(-10)
	case glfw.KeyHome:
		a.src.seek(0)
	case glfw.KeyEnd:
		a.src.seek(-1)
	case glfw.KeyUp, glfw.KeyEqual, glfw.KeyKPAdd:
		a.src.faster(2)
	case glfw.KeyDown, glfw.KeyMinus, glfw.KeyKPSubtract:
		a.src.faster(0.5)
	case glfw.KeyR:
		a.cam = a.home
	case glfw.KeyS:
		a.shot = true
	case glfw.KeyO:
		a.opts.HideOverlay = !a.opts.HideOverlay
	case glfw.KeyB:
		a.p.opts.HideBox = !a.p.opts.HideBox
		a.shown = nil // rebuild the content
	case glfw.KeyQ, glfw.KeyEscape:
		a.win.SetShouldClose(true)
	}
}

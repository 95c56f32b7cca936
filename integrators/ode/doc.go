// Package ode integrates ordinary differential equations dy/dt = f(t, y)
// for any vector field: fixed-step Euler, Heun and classical fourth-order
// Runge–Kutta steppers, and the adaptive Dormand–Prince 5(4) method with
// error control and dense output at requested times.
//
// Every stepper owns its scratch buffers, sized on first use, so stepping is
// allocation-free afterwards; a stepper is not safe for concurrent use.
package ode

// VectorField evaluates the right-hand side f(t, y) of dy/dt = f(t, y) into
// dydt, which has the length of y. It must not retain y or dydt and must not
// modify y.
type VectorField func(t float64, y, dydt []float64)

// Stepper advances y in place by one fixed step h from time t.
type Stepper interface {
	Step(f VectorField, t, h float64, y []float64)
}

// grow returns buf resized to n, reusing its storage when it is big enough.
func grow(buf []float64, n int) []float64 {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]float64, n)
}

package ode

import "fmt"

// Euler is the explicit (forward) Euler method, first order:
// y ← y + h f(t, y).
type Euler struct {
	k []float64
}

// Step advances y by h.
func (e *Euler) Step(f VectorField, t, h float64, y []float64) {
	e.k = grow(e.k, len(y))
	f(t, y, e.k)
	for i, k := range e.k {
		y[i] += h * k
	}
}

// Heun is the explicit trapezoidal rule (Heun's method), second order:
// ỹ = y + h f(t, y); y ← y + h/2 [f(t, y) + f(t+h, ỹ)].
type Heun struct {
	k1, k2, tmp []float64
}

// Step advances y by h.
func (m *Heun) Step(f VectorField, t, h float64, y []float64) {
	n := len(y)
	m.k1, m.k2, m.tmp = grow(m.k1, n), grow(m.k2, n), grow(m.tmp, n)
	f(t, y, m.k1)
	for i := range y {
		m.tmp[i] = y[i] + h*m.k1[i]
	}
	f(t+h, m.tmp, m.k2)
	for i := range y {
		y[i] += 0.5 * h * (m.k1[i] + m.k2[i])
	}
}

// RK4 is the classical fourth-order Runge–Kutta method.
type RK4 struct {
	k1, k2, k3, k4, tmp []float64
}

// Step advances y by h.
func (m *RK4) Step(f VectorField, t, h float64, y []float64) {
	n := len(y)
	m.k1, m.k2, m.k3 = grow(m.k1, n), grow(m.k2, n), grow(m.k3, n)
	m.k4, m.tmp = grow(m.k4, n), grow(m.tmp, n)
	f(t, y, m.k1)
	for i := range y {
		m.tmp[i] = y[i] + 0.5*h*m.k1[i]
	}
	f(t+0.5*h, m.tmp, m.k2)
	for i := range y {
		m.tmp[i] = y[i] + 0.5*h*m.k2[i]
	}
	f(t+0.5*h, m.tmp, m.k3)
	for i := range y {
		m.tmp[i] = y[i] + h*m.k3[i]
	}
	f(t+h, m.tmp, m.k4)
	for i := range y {
		y[i] += h / 6 * (m.k1[i] + 2*m.k2[i] + 2*m.k3[i] + m.k4[i])
	}
}

// NewStepper returns the fixed-step method named "euler", "heun" or "rk4".
func NewStepper(name string) (Stepper, error) {
	switch name {
	case "euler":
		return &Euler{}, nil
	case "heun":
		return &Heun{}, nil
	case "rk4":
		return &RK4{}, nil
	}
	return nil, fmt.Errorf("ode: unknown fixed-step scheme %q (want euler, heun or rk4)", name)
}

// Integrate advances y from t0 by n fixed steps of h with s and returns the
// final time t0 + n h.
func Integrate(s Stepper, f VectorField, t0, h float64, n int, y []float64) float64 {
	for k := 0; k < n; k++ {
		s.Step(f, t0+float64(k)*h, h, y)
	}
	return t0 + float64(n)*h
}

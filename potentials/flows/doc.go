// Package flows holds vector fields of dynamical systems (dy/dt = f(t, y))
// that are not forces on particles: the Lorenz system and its variant used
// by the LFADS demo-data generator. Their Eval methods have the signature of
// ode.VectorField, so any stepper of package integrators/ode integrates them.
package flows

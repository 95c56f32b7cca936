package ode

import (
	"math"
	"testing"
)

// harmonic is the unit harmonic oscillator y = (x, v), ẍ = −x, whose exact
// solution from (1, 0) is (cos t, −sin t).
func harmonic(_ float64, y, dydt []float64) {
	dydt[0] = y[1]
	dydt[1] = -y[0]
}

// globalError integrates the harmonic oscillator to t = 2 with n steps of s
// and returns the Euclidean distance to the exact solution.
func globalError(s Stepper, n int) float64 {
	y := []float64{1, 0}
	T := 2.0
	Integrate(s, harmonic, 0, T/float64(n), n, y)
	return math.Hypot(y[0]-math.Cos(T), y[1]+math.Sin(T))
}

// TestConvergenceOrder measures the order p of each fixed-step method from
// the error ratio at halved steps, e(h)/e(h/2) → 2^p.
func TestConvergenceOrder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		order float64
		n     int
	}{
		{"euler", 1, 400},
		{"heun", 2, 100},
		{"rk4", 4, 20},
	} {
		s, err := NewStepper(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		e1, e2, e3 := globalError(s, tc.n), globalError(s, 2*tc.n), globalError(s, 4*tc.n)
		r1, r2 := e1/e2, e2/e3
		want := math.Pow(2, tc.order)
		t.Logf("%s: errors %.3e %.3e %.3e, ratios %.3f %.3f (2^p = %g)", tc.name, e1, e2, e3, r1, r2, want)
		// The ratio approaches 2^p as h → 0; the leading correction is
		// O(h), under 5% at these step counts.
		if math.Abs(r2/want-1) > 0.05 {
			t.Errorf("%s: error ratio %.4f at halved step, want %g ± 5%%", tc.name, r2, want)
		}
	}
}

// TestRK4ExactForQuartic checks that one RK4 step integrates y' = p(t) for
// a cubic p exactly (Simpson's rule is exact for cubics).
func TestRK4ExactForQuartic(t *testing.T) {
	f := func(t float64, _, dydt []float64) { dydt[0] = 4*t*t*t - 3*t*t + 1 }
	y := []float64{0.5}
	var rk RK4
	rk.Step(f, 1, 2, y)
	want := 0.5 + (81 - 27 + 3) - (1 - 1 + 1) // ∫_1^3 (4t³ − 3t² + 1) dt = [t⁴ − t³ + t]
	if math.Abs(y[0]-want) > 1e-12 {
		t.Errorf("RK4 on a cubic integrand: got %.15g, want %.15g", y[0], want)
	}
}

func TestNewStepperUnknown(t *testing.T) {
	if _, err := NewStepper("leapfrog"); err == nil {
		t.Error("NewStepper accepted an unknown scheme")
	}
}

func TestFixedStepAllocationFree(t *testing.T) {
	y := []float64{1, 0}
	for _, name := range []string{"euler", "heun", "rk4"} {
		s, _ := NewStepper(name)
		s.Step(harmonic, 0, 0.1, y)
		if a := testing.AllocsPerRun(100, func() { s.Step(harmonic, 0, 0.1, y) }); a != 0 {
			t.Errorf("%s: %v allocations per step, want 0", name, a)
		}
	}
}

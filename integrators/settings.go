package integrators

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
)

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkForce rejects a missing force.
func checkForce(name string, f sim.Force) error {
	if f == nil {
		return fmt.Errorf("integrators: %s.Force is nil", name)
	}
	return nil
}

// checkDt rejects a time step that is not positive and finite.
func checkDt(name string, dt float64) error {
	if !(dt > 0) || !finite(dt) {
		return fmt.Errorf("integrators: %s.Dt = %g τ; the time step must be positive and finite", name, dt)
	}
	return nil
}

// checkKT rejects a negative or non-finite temperature.
func checkKT(name string, kT float64) error {
	if !(kT >= 0) || !finite(kT) {
		return fmt.Errorf("integrators: %s.KT = %g ε; the temperature must be non-negative and finite", name, kT)
	}
	return nil
}

// checkGamma rejects a drag coefficient that is not positive and finite.
func checkGamma(name string, gamma float64) error {
	if !(gamma > 0) || !finite(gamma) {
		return fmt.Errorf("integrators: %s.Gamma = %g m/τ; the drag coefficient must be positive and finite", name, gamma)
	}
	return nil
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

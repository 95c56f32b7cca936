package potentials

import (
	"fmt"
	"math"
)

// TabulatedSettings chooses the interpolation of a Tabulated potential. The
// zero value is a clamped natural cubic spline.
type TabulatedSettings struct {
	// Linear selects piecewise-linear interpolation instead of the cubic
	// spline.
	Linear bool
	// Periodic treats the table as one period: V(z + n·dz) = V(z) for n
	// values (the first value is not repeated at the end), with a periodic
	// spline. Otherwise the table is clamped: outside [z0, z0 + (n−1)dz]
	// V keeps its end value and ∂V/∂z is 0, and the cubic spline is natural
	// (zero second derivative at both ends).
	Periodic bool
}

// Tabulated is a planar potential given by values on a uniform z grid,
// interpolated by a C¹ cubic spline (error O(dz⁴) in V, O(dz³) in ∂V/∂z for
// smooth data) or linearly (O(dz²), O(dz)). The derivative returned is the
// exact derivative of the interpolant, so forces are consistent with
// energies. It does not depend on time.
type Tabulated struct {
	z0, dz float64
	v      []float64 // values at z0 + k·dz
	m      []float64 // spline slopes dV/dk in grid units (nil: linear)
	set    TabulatedSettings
}

// NewTabulated returns the potential with values v (ε) at z0 + k·dz (σ),
// k = 0 … len(v)−1. It copies v. It returns an error for dz ≤ 0, fewer than
// three values, or non-finite values.
func NewTabulated(z0, dz float64, v []float64, set TabulatedSettings) (*Tabulated, error) {
	if !(dz > 0) || !isFinite(dz) || !isFinite(z0) {
		return nil, fmt.Errorf("potentials: tabulated potential needs finite z0 and dz > 0, got z0 %g σ, dz %g σ", z0, dz)
	}
	if len(v) < 3 {
		return nil, fmt.Errorf("potentials: tabulated potential needs at least 3 values, got %d", len(v))
	}
	for k, x := range v {
		if !isFinite(x) {
			return nil, fmt.Errorf("potentials: tabulated value %d (z = %g σ) is %g; values must be finite", k, z0+float64(k)*dz, x)
		}
	}
	tb := &Tabulated{z0: z0, dz: dz, v: append([]float64(nil), v...), set: set}
	if !set.Linear {
		var err error
		if tb.m, err = splineSlopes(tb.v, set.Periodic); err != nil {
			return nil, fmt.Errorf("potentials: tabulated spline: %w", err)
		}
	}
	return tb, nil
}

// VdV returns V(z) in ε and ∂V/∂z in ε/σ.
func (tb *Tabulated) VdV(z, _ float64) (v, dv float64) {
	n := len(tb.v)
	x := (z - tb.z0) / tb.dz
	if tb.set.Periodic {
		x -= float64(n) * math.Floor(x/float64(n))
		if x >= float64(n) { // round-off
			x = 0
		}
	} else {
		switch {
		case x <= 0:
			return tb.v[0], 0
		case x >= float64(n-1):
			return tb.v[n-1], 0
		}
	}
	k := int(x)
	t := x - float64(k)
	k1 := k + 1
	if k1 == n {
		k1 = 0
	}
	v0, v1 := tb.v[k], tb.v[k1]
	if tb.m == nil {
		return v0 + t*(v1-v0), (v1 - v0) / tb.dz
	}
	// Cubic Hermite basis on [0, 1] with slopes m (grid units).
	m0, m1 := tb.m[k], tb.m[k1]
	t2 := t * t
	t3 := t2 * t
	v = (2*t3-3*t2+1)*v0 + (t3-2*t2+t)*m0 + (3*t2-2*t3)*v1 + (t3-t2)*m1
	dv = (6*t2-6*t)*(v0-v1) + (3*t2-4*t+1)*m0 + (3*t2-2*t)*m1
	return v, dv / tb.dz
}

package sim

import (
	"errors"
	"math"
	"testing"
)

// EvalForces names the first particle whose force is NaN or ±Inf, wherever
// it sits, and passes finite forces of any size.
func TestEvalForcesFindsNonFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		for _, at := range []int{0, 5, 99} {
			s := NewState(100, NewPeriodicBox(10, 10, 10))
			f := ForceFunc(func(s *State, f []Vec3) (ForceResult, error) {
				for i := range f {
					f[i] = Vec3{1e300, -1e300, 1}
				}
				f[at][at%3] = bad
				return ForceResult{}, nil
			})
			var nf *NonFiniteError
			if err := EvalForces(f, s); !errors.As(err, &nf) || nf.Particle != at {
				t.Errorf("force %v on particle %d: error %v", bad, at, err)
			}
		}
	}
	ok := ForceFunc(func(s *State, f []Vec3) (ForceResult, error) {
		for i := range f {
			f[i] = Vec3{math.MaxFloat64, -math.MaxFloat64, 0}
		}
		return ForceResult{}, nil
	})
	if err := EvalForces(ok, NewState(10, NewPeriodicBox(10, 10, 10))); err != nil {
		t.Errorf("finite forces refused: %v", err)
	}
}

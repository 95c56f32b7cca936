package anderson

import (
	"math"
	"testing"
)

// On the linear fixed point x = Ax + b (A symmetric, spectral radius 0.95,
// so plain mixing converges slowly), Anderson acceleration reaches the
// exact solution to 1e-10 in far fewer iterations than plain mixing, and
// writing the iterate back into x (out aliasing x) gives the same result.
func TestLinearFixedPoint(t *testing.T) {
	const n = 40
	diag := make([]float64, n)
	b := make([]float64, n)
	exact := make([]float64, n)
	for i := range diag {
		diag[i] = 0.95 * float64(i) / float64(n-1)
		b[i] = math.Sin(float64(i))
		exact[i] = b[i] / (1 - diag[i])
	}
	iterate := func(m int) int {
		mx := New(m, n)
		x, r := make([]float64, n), make([]float64, n)
		for it := 1; it <= 10000; it++ {
			worst := 0.0
			for i := range x {
				r[i] = diag[i]*x[i] + b[i] - x[i]
				worst = math.Max(worst, math.Abs(x[i]-exact[i]))
			}
			if worst < 1e-10 {
				return it
			}
			mx.Next(x, x, r, 0.5)
		}
		return 10000
	}
	plain, acc := iterate(0), iterate(8)
	t.Logf("iterations to 1e-10: plain %d, Anderson(8) %d", plain, acc)
	if acc >= 10000 || plain < 5*acc {
		t.Errorf("Anderson took %d iterations, plain mixing %d", acc, plain)
	}
}

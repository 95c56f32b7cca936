package functional

import (
	"math"
	"testing"
)

// direct returns Σ_j K_{i−j} src_j for i in [lo, hi) by brute force, with
// K_m = cum((m+½)dz) − cum((m−½)dz) for |m| ≤ h, periodic or zero-padded.
func direct(g Grid, src []float64, cum func(float64) float64, h, lo, hi int) []float64 {
	out := make([]float64, hi-lo)
	for i := lo; i < hi; i++ {
		for m := -h; m <= h; m++ {
			j := i - m
			if g.Periodic {
				j = ((j % g.N) + g.N) % g.N
			} else if j < 0 || j >= g.N {
				continue
			}
			out[i-lo] += (cum((float64(m)+0.5)*g.Dz) - cum((float64(m)-0.5)*g.Dz)) * src[j]
		}
	}
	return out
}

// The sliding-moment convolution equals the direct sum, for quadratic,
// linear, constant and delta weights, with the support edge inside a cell,
// on a cell edge and at a cell centre, periodic and bounded, and for
// kernels too narrow for moment sums.
func TestBoxConvolutionMatchesDirectSum(t *testing.T) {
	for _, R := range []float64{0.5, 0.505, 0.4784751, 0.013, 0.031} {
		weights := map[string]func(float64) float64{
			"w3":    func(z float64) float64 { z = clamp(z, R); return math.Pi * (R*R*z - z*z*z/3 + 2*R*R*R/3) },
			"w2v":   func(z float64) float64 { z = clamp(z, R); return math.Pi * (z*z - R*R) },
			"box":   func(z float64) float64 { return clamp(z, R) + R },
			"delta": func(z float64) float64 { return 0.5*math.Copysign(0.5, z+R) + 0.5*math.Copysign(0.5, z-R) + 0.5 },
		}
		for _, periodic := range []bool{true, false} {
			g := Grid{N: 700, Dz: 0.01, Periodic: periodic}
			src := smoothProfile(g, 1, 3)
			for i := range src {
				src[i] += 0.2 * math.Sin(float64(i*i)) // rough, with both signs
			}
			for name, cum := range weights {
				k := newBoxKernel(g, cum, R)
				l := newBoxLayout(g, k.h)
				p := l.field()
				l.load(p, src)
				lo, hi := l.span()
				out := [][]float64{l.field()}
				for mirrored, kk := range []boxKernel{k, k.mirror()} {
					l.convolve(p, lo, hi, []boxKernel{kk}, out, false)
					c := cum
					if mirrored == 1 { // taps K_{−m}
						c = func(z float64) float64 { return -cum(-z) }
					}
					want := direct(g, src, c, k.h, lo, hi)
					for i := lo; i < hi; i++ {
						if d := math.Abs(out[0][l.off+i] - want[i-lo]); d > 1e-13 {
							t.Fatalf("R=%v %s periodic=%v: out[%d] = %.16g, direct %.16g", R, name, periodic, i, out[0][l.off+i], want[i-lo])
						}
					}
				}
			}
		}
	}
}

// The FFT convolution of the mean-field kernel equals the direct sum, with
// no wrap-around on a bounded grid.
func TestMeanFieldMatchesDirectSum(t *testing.T) {
	for _, periodic := range []bool{true, false} {
		g := Grid{N: 700, Dz: 0.01, Periodic: periodic}
		m, err := NewMeanField(g, MeanFieldSettings{Split: WCA, Cutoff: 2.5, KT: 1.5})
		if err != nil {
			t.Fatal(err)
		}
		rho := smoothProfile(g, 0.5, 0.9)
		dF := make([]float64, g.N)
		if _, err := m.ExcessFreeEnergy(rho, dF); err != nil {
			t.Fatal(err)
		}
		want := direct(g, rho, func(z float64) float64 { return m.att.cumulative(z) / 1.5 }, halfCells(g, 2.5), 0, g.N)
		for i := range dF {
			if math.Abs(dF[i]-want[i]) > 1e-13 {
				t.Fatalf("periodic=%v: −c1(z_%d) = %.16g, direct %.16g", periodic, i, dF[i], want[i])
			}
		}
	}
}

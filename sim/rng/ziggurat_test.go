package rng

import (
	"math"
	"testing"
)

// The layers close the ziggurat: the recurrence from r reaches f = 1 at the
// last inner layer (x₂₅₆ = 0) and every layer has the same area.
func TestZigguratTableCloses(t *testing.T) {
	v := zigArea(zigR)
	last := zig.f[zigLayers-1] + v/zig.x[zigLayers-1]
	if math.Abs(last-1) > 1e-12 {
		t.Errorf("f(x₂₅₅) + V/x₂₅₅ = %.15f, want 1", last)
	}
	for i := 1; i < zigLayers; i++ {
		if a := zig.x[i] * (zig.f[i+1] - zig.f[i]); math.Abs(a-v) > 1e-12 {
			t.Errorf("layer %d area %g, want %g", i, a, v)
		}
		if !(zig.x[i+1] < zig.x[i]) {
			t.Errorf("edges not decreasing at %d: %g, %g", i, zig.x[i], zig.x[i+1])
		}
	}
	if a := zig.x[0] * zig.f[0]; math.Abs(a-v) > 1e-15 {
		t.Errorf("base layer area %g, want %g", a, v)
	}
}

// normalCDF is Φ(x).
func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// Ziggurat3 draws follow the standard normal: χ² over 60 equiprobable
// bins plus two far-tail bins beyond ±r (where only the slow path reaches)
// of 3×10⁶ draws stays below the 99.99% point of χ²(61) (≈ 112), and the
// moments agree within 5 standard errors.
func TestZiggurat3Distribution(t *testing.T) {
	n := 1000000
	if testing.Short() {
		n = 300000
	}
	const bins = 60
	edges := make([]float64, bins+1)
	for i := range edges {
		edges[i] = math.Sqrt2 * math.Erfinv(2*float64(i)/bins-1)
	}
	counts := make([]float64, bins+2) // plus |x| > r on each side
	var s1, s2, s4 float64
	for i := 0; i < n; i++ {
		for _, x := range (Key{Seed: 9, Step: uint64(i), Particle: 3, Stream: StreamLangevin}).Ziggurat3() {
			s1, s2, s4 = s1+x, s2+x*x, s4+x*x*x*x
			lo, hi := 0, bins
			for hi-lo > 1 {
				if mid := (lo + hi) / 2; x < edges[mid] {
					hi = mid
				} else {
					lo = mid
				}
			}
			counts[lo]++
			if x > zigR {
				counts[bins]++
			} else if x < -zigR {
				counts[bins+1]++
			}
		}
	}
	m := float64(3 * n)
	chi2 := 0.0
	for i := 0; i < bins; i++ {
		d := counts[i] - m/bins
		chi2 += d * d / (m / bins)
	}
	tail := m * normalCDF(-zigR)
	for _, c := range counts[bins:] {
		chi2 += (c - tail) * (c - tail) / tail
	}
	if chi2 > 112 {
		t.Errorf("χ² = %.1f on 61 degrees of freedom", chi2)
	}
	if counts[bins]+counts[bins+1] == 0 {
		t.Errorf("no draw beyond ±r = %g; expected %.0f", zigR, 2*tail)
	}
	mean, v, k := s1/m, s2/m, s4/m
	if math.Abs(mean) > 5/math.Sqrt(m) || math.Abs(v-1) > 5*math.Sqrt(2/m) || math.Abs(k-3) > 5*math.Sqrt(96/m) {
		t.Errorf("moments %g, %g, %g; want 0, 1, 3 within 5σ", mean, v, k)
	}
	t.Logf("χ² = %.1f (61 dof), %v draws beyond ±r (expected %.0f)", chi2, counts[bins]+counts[bins+1], 2*tail)
}

// The three numbers of one key are uncorrelated, and so are those of
// neighbouring particles and steps.
func TestZiggurat3Independent(t *testing.T) {
	const n = 200000
	var c01, c02, c12, cp, cs float64
	for i := 0; i < n; i++ {
		k := Key{Seed: 5, Step: uint64(i), Particle: 1, Stream: StreamBrownian}
		a := k.Ziggurat3()
		k.Particle = 2
		b := k.Ziggurat3()
		k.Particle, k.Step = 1, uint64(i)+1
		c := k.Ziggurat3()
		c01, c02, c12 = c01+a[0]*a[1], c02+a[0]*a[2], c12+a[1]*a[2]
		cp, cs = cp+a[0]*b[0], cs+a[2]*c[2]
	}
	for name, c := range map[string]float64{"x·y": c01, "x·z": c02, "y·z": c12, "particles": cp, "steps": cs} {
		if math.Abs(c/n) > 5/math.Sqrt(n) {
			t.Errorf("correlation %s = %g, want 0 ± %g", name, c/n, 5/math.Sqrt(n))
		}
	}
}

// Ziggurat3 is a pure function of its key and allocates nothing; a stream
// of 2^16 or more is refused.
func TestZiggurat3PureAndChecked(t *testing.T) {
	k := Key{Seed: 1, Step: 77, Particle: 4, Stream: StreamUser}
	if k.Ziggurat3() != k.Ziggurat3() {
		t.Error("two draws of one key differ")
	}
	if a := testing.AllocsPerRun(100, func() { k.Step++; _ = k.Ziggurat3() }); a != 0 {
		t.Errorf("Ziggurat3 allocates %v times", a)
	}
	defer func() {
		if recover() == nil {
			t.Error("stream 1<<16 accepted")
		}
	}()
	Key{Stream: 1 << 16}.Ziggurat3()
}

// BenchmarkNormals times three normals by Box–Muller and by the ziggurat,
// and the Philox block beneath both.
func BenchmarkNormals(b *testing.B) {
	for _, c := range []struct {
		name string
		draw func(Key) float64
	}{
		{"Normal3", func(k Key) float64 { return k.Normal3()[0] }},
		{"Ziggurat3", func(k Key) float64 { return k.Ziggurat3()[0] }},
		{"Philox", func(k Key) float64 { return float64(k.Uint32x4()[0]) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			k := Key{Seed: 1, Stream: StreamLangevin}
			var s float64
			for b.Loop() {
				k.Particle++
				s += c.draw(k)
			}
			_ = s
		})
	}
}

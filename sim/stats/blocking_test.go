package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ar1 returns n values of the AR(1) process x_t = φ x_{t−1} + sqrt(1−φ²) σ ξ_t
// started in its stationary distribution (variance σ²).
func ar1(r *rand.Rand, n int, phi, sigma float64) []float64 {
	x := make([]float64, n)
	x[0] = sigma * r.NormFloat64()
	a := sigma * math.Sqrt(1-phi*phi)
	for t := 1; t < n; t++ {
		x[t] = phi*x[t-1] + a*r.NormFloat64()
	}
	return x
}

// meanSE is the two-pass mean and naive standard error of x.
func meanSE(x []float64) (m, se float64) {
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	var ss float64
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	n := float64(len(x))
	return m, math.Sqrt(ss / (n * (n - 1)))
}

// Every level of the curve equals the naive standard error of the pair
// averages computed directly (two passes), blocks are counted as ⌊n/2^k⌋,
// and the streaming series agrees with the batch analysis at any point.
func TestBlockLevelsMatchDirect(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 1003)
	for i := range x {
		x[i] = 5 + r.NormFloat64()
	}
	b := BlockAverage(x)
	if m, _ := meanSE(x); math.Abs(b.Mean-m) > 1e-13*math.Abs(m) {
		t.Errorf("mean %v, two-pass %v", b.Mean, m)
	}
	if b.N != int64(len(x)) {
		t.Errorf("N = %d, want %d", b.N, len(x))
	}
	y := x
	for k := 0; len(y) >= 2; k++ {
		if k >= len(b.Curve) {
			t.Fatalf("curve has %d levels, want level %d (%d blocks)", len(b.Curve), k, len(y))
		}
		c := b.Curve[k]
		_, se := meanSE(y)
		if c.BlockSize != 1<<k || c.NBlocks != int64(len(x)>>k) || c.NBlocks != int64(len(y)) {
			t.Errorf("level %d: block size %d, %d blocks; want %d, %d", k, c.BlockSize, c.NBlocks, 1<<k, len(y))
		}
		if math.Abs(c.StdErr-se) > 1e-12*se {
			t.Errorf("level %d: stderr %v, direct %v", k, c.StdErr, se)
		}
		if want := se / math.Sqrt(2*float64(len(y)-1)); math.Abs(c.StdErrErr-want) > 1e-12*want {
			t.Errorf("level %d: stderr error %v, want %v", k, c.StdErrErr, want)
		}
		z := make([]float64, len(y)/2)
		for j := range z {
			z[j] = 0.5 * (y[2*j] + y[2*j+1])
		}
		y = z
		if k == len(b.Curve)-1 && len(y) >= 2 {
			t.Fatalf("curve stops at level %d with %d blocks left", k, len(y))
		}
	}

	var s Series
	for i, v := range x {
		s.Add(v)
		if i == 500 {
			mid, want := s.Blocking(), BlockAverage(x[:501])
			if mid.Mean != want.Mean || mid.StdErr != want.StdErr || len(mid.Curve) != len(want.Curve) {
				t.Errorf("series after 501 values %+v, batch %+v", mid, want)
			}
		}
	}
	if got := s.Estimate(); got != b.Estimate() {
		t.Errorf("series %v, batch %v", got, b.Estimate())
	}
}

// For i.i.d. normal data of standard deviation σ the standard error is
// σ/√n: the reported value must lie within 5 of its own standard errors,
// StdErr/sqrt(2(NBlocks−1)), and the mean within 5 standard errors of 0.
func TestIIDNormal(t *testing.T) {
	const n, sigma = 1 << 17, 2.0
	r := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, n)
	for i := range x {
		x[i] = sigma * r.NormFloat64()
	}
	b := BlockAverage(x)
	want := sigma / math.Sqrt(n)
	c := b.Curve[b.Level]
	t.Logf("iid: stderr %.5g (level %d, %d blocks, ± %.2g), exact %.5g", b.StdErr, b.Level, c.NBlocks, c.StdErrErr, want)
	if !b.Converged {
		t.Errorf("blocking did not converge on uncorrelated data")
	}
	if math.Abs(b.StdErr-want) > 5*c.StdErrErr {
		t.Errorf("stderr %v, want %v ± %v (5σ)", b.StdErr, want, 5*c.StdErrErr)
	}
	if math.Abs(b.Mean) > 5*want {
		t.Errorf("mean %v, want 0 ± %v (5σ)", b.Mean, 5*want)
	}
}

// arBlockVar is the variance of the mean of B consecutive values of a
// stationary AR(1) process of variance σ², times B/σ²:
// (1+φ)/(1−φ) − 2φ(1−φ^B)/(B(1−φ)²).
func arBlockVar(phi float64, b int64) float64 {
	return (1+phi)/(1-phi) - 2*phi*(1-math.Pow(phi, float64(b)))/(float64(b)*(1-phi)*(1-phi))
}

// An AR(1) series with φ = 0.9 has standard error of the mean
// sqrt(σ²(1+φ)/((1−φ)n)), 4.36 times the naive one. The reported value must
// match within 5 of its standard errors plus the known bias of blocks of
// finite size B (the AR(1) block-mean variance, arBlockVar).
func TestAR1(t *testing.T) {
	const n, phi, sigma = 1 << 20, 0.9, 1.5
	x := ar1(rand.New(rand.NewPCG(5, 6)), n, phi, sigma)
	b := BlockAverage(x)
	c := b.Curve[b.Level]
	want := math.Sqrt(sigma * sigma * (1 + phi) / ((1 - phi) * n))
	bias := want * (1 - math.Sqrt(arBlockVar(phi, c.BlockSize)/arBlockVar(phi, n)))
	t.Logf("AR(1) φ=%g: stderr %.5g (block %d, %d blocks, ± %.2g), exact %.5g, block bias %.2g, naive %.5g",
		phi, b.StdErr, c.BlockSize, c.NBlocks, c.StdErrErr, want, bias, b.Curve[0].StdErr)
	if !b.Converged {
		t.Errorf("blocking did not converge")
	}
	if math.Abs(b.StdErr-want) > 5*c.StdErrErr+bias {
		t.Errorf("stderr %v, want %v ± %v", b.StdErr, want, 5*c.StdErrErr+bias)
	}
	if naive := b.Curve[0].StdErr; math.Abs(naive-sigma/math.Sqrt(n)) > 0.05*naive {
		t.Errorf("level-0 stderr %v, want about σ/√n = %v", naive, sigma/math.Sqrt(n))
	}
}

// Calibration over independent replicas: the reported errors must describe
// the actual scatter of the means. With R replicas the mean of z² =
// (mean/stderr)² is 1 within about sqrt(2/R) (plus the noise of the error
// estimates themselves); checked at 5 such units.
func TestAR1Calibration(t *testing.T) {
	if testing.Short() {
		t.Skip("replica calibration is long")
	}
	const reps, n, phi = 400, 1 << 15, 0.8
	r := rand.New(rand.NewPCG(7, 8))
	var z2 float64
	for i := 0; i < reps; i++ {
		e := BlockAverage(ar1(r, n, phi, 1)).Estimate()
		z2 += e.Mean * e.Mean / (e.StdErr * e.StdErr)
	}
	z2 /= reps
	t.Logf("⟨z²⟩ over %d AR(1) replicas: %.3f (want 1 ± %.3f)", reps, z2, math.Sqrt(2.0/reps))
	if math.Abs(z2-1) > 5*math.Sqrt(2.0/reps) {
		t.Errorf("⟨z²⟩ = %v, want 1", z2)
	}
}

// A series much shorter than its correlation time never meets the criterion:
// it is flagged and the deepest level with at least 16 blocks is reported.
func TestNotConverged(t *testing.T) {
	x := ar1(rand.New(rand.NewPCG(9, 10)), 4096, 0.999, 1)
	b := BlockAverage(x)
	if b.Converged {
		t.Fatalf("converged at level %d on a series 4 correlation times long", b.Level)
	}
	if c := b.Curve[b.Level]; c.NBlocks < fallbackMinBlocks || c.BlockSize != 256 {
		t.Errorf("fallback level has block size %d and %d blocks, want 256 and 16", c.BlockSize, c.NBlocks)
	}
}

// Empty, single-value and constant series.
func TestDegenerateSeries(t *testing.T) {
	var s Series
	if b := s.Blocking(); !math.IsNaN(b.Mean) || !math.IsNaN(b.StdErr) || b.Level != -1 || b.N != 0 {
		t.Errorf("empty series: %+v", b)
	}
	s.Add(3)
	if b := s.Blocking(); b.Mean != 3 || !math.IsNaN(b.StdErr) || b.Level != -1 || len(b.Curve) != 0 {
		t.Errorf("one value: %+v", b)
	}
	b := BlockAverage([]float64{2, 2, 2, 2, 2, 2, 2})
	if b.Mean != 2 || b.StdErr != 0 || !b.Converged {
		t.Errorf("constant series: %+v", b)
	}
}

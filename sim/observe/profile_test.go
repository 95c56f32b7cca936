package observe

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// slabBox returns a 2 × 2.5 × 8 box, periodic in x and y and, if periodicZ,
// in z.
func slabBox(periodicZ bool) sim.Box {
	b := sim.NewPeriodicBox(2, 2.5, 8)
	b.Periodic[2] = periodicZ
	return b
}

// TestProfileConservesN: both binnings, periodic and open z, an odd bin
// count: Σ ρ dz · Lx·Ly = N to round-off.
func TestProfileConservesN(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, periodic := range []bool{true, false} {
		s := uniformState(rng, 1000, slabBox(periodic))
		s.Pos[0][2], s.Pos[1][2] = 0, math.Nextafter(8, 0) // the ends of the range
		for _, binning := range []Binning{Histogram, CloudInCell} {
			p := &DensityProfile{Bins: 37, Binning: binning}
			rho, err := p.Compute(nil, s)
			if err != nil {
				t.Fatal(err)
			}
			var total float64
			for _, r := range rho {
				total += r * (8.0 / 37) * 2 * 2.5
			}
			if math.Abs(total-1000) > 1e-11 {
				t.Errorf("periodic=%v binning=%d: ∫ρ dz·Lx·Ly = %.15g, want 1000", periodic, binning, total)
			}
		}
	}
}

// TestCloudInCellWeights places single particles at known z with dz = 0.25
// (exact in binary): at a bin centre all weight goes to that bin; a quarter
// bin past a centre splits 3/4 : 1/4; near z = 0 the weight wraps to the
// last bin on a periodic axis and stays in bin 0 on an open one.
func TestCloudInCellWeights(t *testing.T) {
	const nb = 32
	unit := 1 / (2 * 2.5 * 0.25) // ρ of one particle fully in one bin
	cases := []struct {
		z        float64
		periodic bool
		want     map[int]float64
	}{
		{0.125, true, map[int]float64{0: 1}},
		{7.875, true, map[int]float64{31: 1}},
		{0.125, false, map[int]float64{0: 1}},
		{7.875, false, map[int]float64{31: 1}},
		{10*0.25 + 0.125, true, map[int]float64{10: 1}},
		{10*0.25 + 0.125 + 0.0625, true, map[int]float64{10: 0.75, 11: 0.25}},
		{0.025, true, map[int]float64{31: 0.4, 0: 0.6}},
		{0.025, false, map[int]float64{0: 1}},
		{7.99, false, map[int]float64{31: 1}},
		{-0.225, true, map[int]float64{30: 0.4, 31: 0.6}}, // wrapped to 7.775
	}
	for _, c := range cases {
		s := sim.NewState(1, slabBox(c.periodic))
		s.Pos[0][2] = c.z
		rho, err := (&DensityProfile{Bins: nb, Binning: CloudInCell}).Compute(nil, s)
		if err != nil {
			t.Fatal(err)
		}
		for k, r := range rho {
			if want := c.want[k] * unit; math.Abs(r-want) > 1e-12*unit {
				t.Errorf("z = %g periodic=%v: ρ[%d] = %.15g, want %.15g", c.z, c.periodic, k, r, want)
			}
		}
	}
}

// TestProfileIdealGasAverage averages the histogram profile of K
// independent uniform configurations. The count in a bin is binomial
// (N, 1/nb), so the mean is N/V and the standard deviation of the K-trial
// average is σ = sqrt(N p (1 − p)/K)/(Lx Ly dz). With 20 bins, max |z| < 4
// fails by chance with probability 20 · 6.3e-5 = 1.3e-3; the mean of
// (SE/σ)² over bins has standard deviation ≈ sqrt(2/(K−1)/20) = 0.023.
func TestProfileIdealGasAverage(t *testing.T) {
	const n, trials, nb = 400, 200, 20
	rng := rand.New(rand.NewPCG(5, 6))
	box := slabBox(true)
	p := &DensityProfile{Bins: nb, Independent: true}
	for k := 0; k < trials; k++ {
		if err := p.Observe(uniformState(rng, n, box)); err != nil {
			t.Fatal(err)
		}
	}
	dz := 8.0 / nb
	q := 1.0 / nb
	sigma := math.Sqrt(n*q*(1-q)/trials) / (2 * 2.5 * dz)
	var maxZ, ratio2 float64
	for _, e := range p.Result() {
		maxZ = max(maxZ, math.Abs(e.Mean-n/box.Volume())/sigma)
		ratio2 += (e.StdErr / sigma) * (e.StdErr / sigma) / nb
	}
	t.Logf("max |z| = %.2f, mean (SE/σ)² = %.3f", maxZ, ratio2)
	if maxZ > 4 || math.Abs(ratio2-1) > 0.12 {
		t.Errorf("ideal-gas profile: max |z| = %.2f (limit 4), mean (SE/σ)² = %.3f (1 ± 0.12)", maxZ, ratio2)
	}
	if z := p.Z(); len(z) != nb || z[0] != dz/2 || z[nb-1] != 8-dz/2 {
		t.Errorf("bin centres %v", z)
	}
	path := filepath.Join(t.TempDir(), "rho.csv")
	if err := p.WriteCSV(path); err != nil {
		t.Fatal(err)
	}
	for k, row := range readCSV(t, path, "z,rho,stderr", nb) {
		if row[1] != p.Result()[k].Mean {
			t.Errorf("CSV row %d: %v", k, row)
		}
	}
}

// TestProfileAddEqualsObserve checks that profiles computed separately and
// added give the same average as observing the states.
func TestProfileAddEqualsObserve(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	a := &DensityProfile{Bins: 16, Binning: CloudInCell}
	b := &DensityProfile{Bins: 16, Binning: CloudInCell}
	for k := 0; k < 5; k++ {
		s := uniformState(rng, 100, slabBox(true))
		a.Observe(s)
		rho, _ := b.Compute(nil, s)
		b.Add(rho, s.Box.L[2])
	}
	ra, rb := a.Result(), b.Result()
	for k := range ra {
		if ra[k] != rb[k] {
			t.Fatalf("bin %d: %v vs %v", k, ra[k], rb[k])
		}
	}
}

func TestProfileErrors(t *testing.T) {
	s := sim.NewState(2, slabBox(false))
	s.Pos[1][2] = 8.5
	if _, err := (&DensityProfile{}).Compute(nil, s); err == nil || !strings.Contains(err.Error(), "particle 1 at z = 8.5") {
		t.Errorf("particle outside: %v", err)
	}
	flat := sim.NewState(1, sim.NewOpenBox(sim.Vec3{0, 1, 1}))
	if _, err := (&DensityProfile{}).Compute(nil, flat); err == nil || !strings.Contains(err.Error(), "positive box edges") {
		t.Errorf("zero Lx: %v", err)
	}
	p := &DensityProfile{}
	p.Observe(sim.NewState(1, slabBox(true)))
	if err := p.Observe(sim.NewState(1, sim.NewPeriodicBox(2, 2.5, 9))); err == nil || !strings.Contains(err.Error(), "differs") {
		t.Errorf("changed L_z: %v", err)
	}
}

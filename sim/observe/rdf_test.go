package observe

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// uniformState places n particles uniformly at random in a periodic box.
func uniformState(rng *rand.Rand, n int, box sim.Box) *sim.State {
	s := sim.NewState(n, box)
	for i := range s.Pos {
		for k := 0; k < 3; k++ {
			s.Pos[i][k] = rng.Float64() * box.L[k]
		}
	}
	return s
}

// TestRDFIdealGas: for uniform random positions on a torus the pair
// indicators of a shell are pairwise independent, so the summed pair count
// over F frames is binomial with M·F trials (M = N(N−1)/2) and probability
// p_k = shell volume / V. Hence g_k = 1 with standard deviation
// σ_k = sqrt((1 − p_k)/(F M p_k)). With 50 shells, max |z| < 4.5 fails by
// chance with probability 50 · 6.8e-6 = 3.4e-4; the mean of z² has standard
// deviation sqrt(2/50) = 0.2. The standard errors measured across frames
// must match σ_k: over the 44 shells with at least 20 pairs per frame the
// mean of (SE/σ)² has standard deviation ≈ sqrt(2/(F−1)/44) = 0.028, and
// the tolerance 0.12 is 4.3 of those.
func TestRDFIdealGas(t *testing.T) {
	const n, frames, bins = 300, 60, 50
	box := sim.NewPeriodicBox(10, 10, 10)
	rng := rand.New(rand.NewPCG(11, 12))
	g := &RDF{RMax: 5, Bins: bins, Independent: true}
	for f := 0; f < frames; f++ {
		if err := g.Observe(uniformState(rng, n, box)); err != nil {
			t.Fatal(err)
		}
	}
	m := float64(n) * (n - 1) / 2
	dr := 5.0 / bins
	var z2, ratio2 float64
	var nRatio int
	maxZ := 0.0
	for k, e := range g.G() {
		r0, r1 := float64(k)*dr, float64(k+1)*dr
		p := 4 * math.Pi / 3 * (r1*r1*r1 - r0*r0*r0) / box.Volume()
		sigma := math.Sqrt((1 - p) / (frames * m * p))
		z := (e.Mean - 1) / sigma
		z2 += z * z
		maxZ = max(maxZ, math.Abs(z))
		if m*p >= 20 {
			ratio2 += (e.StdErr / sigma) * (e.StdErr / sigma)
			nRatio++
		}
	}
	z2 /= bins
	ratio2 /= float64(nRatio)
	t.Logf("max |z| = %.2f, mean z² = %.3f, mean (SE/σ)² = %.3f over %d shells", maxZ, z2, ratio2, nRatio)
	if maxZ > 4.5 || math.Abs(z2-1) > 0.8 {
		t.Errorf("g(r) of an ideal gas deviates from 1: max |z| = %.2f (limit 4.5), mean z² = %.3f (1 ± 0.8)", maxZ, z2)
	}
	if nRatio < 40 || math.Abs(ratio2-1) > 0.12 {
		t.Errorf("frame standard errors disagree with the binomial ones: mean (SE/σ)² = %.3f over %d shells, want 1 ± 0.12", ratio2, nRatio)
	}
	if g.Frames() != frames {
		t.Errorf("Frames() = %d, want %d", g.Frames(), frames)
	}
}

// TestRDFSimpleCubic: on a simple cubic lattice of constant a = 1 the shells
// at r² = 1, 2, 3, 4, 5, 6, 8 hold 6, 12, 8, 6, 24, 24, 12 neighbours (the
// numbers of integer vectors of those squared lengths) and none at r² = 7.
// The first peak must be the single bin containing r = a, with nothing
// below it, and the coordination numbers are exact up to round-off.
func TestRDFSimpleCubic(t *testing.T) {
	const m = 6
	s := sim.NewState(m*m*m, sim.NewPeriodicBox(m, m, m))
	for i := range s.Pos {
		s.Pos[i] = sim.Vec3{float64(i % m), float64(i / m % m), float64(i / (m * m))}
	}
	g := &RDF{Bins: 125} // r_max = L/2 = 3, dr = 0.024: no shell radius on a bin edge
	if err := g.Observe(s); err != nil {
		t.Fatal(err)
	}
	r, res := g.R(), g.G()
	first := 0
	for res[first].Mean == 0 {
		first++
	}
	if lo, hi := r[first]-0.012, r[first]+0.012; !(lo <= 1 && 1 < hi) || res[first+1].Mean != 0 {
		t.Errorf("first peak is the bin [%g, %g) followed by g = %g, want the isolated bin containing a = 1", lo, hi, res[first+1].Mean)
	}
	shells := []struct{ r0, r1, want float64 }{
		{0, 1.2, 6}, {1.2, 1.6, 12}, {1.6, 1.9, 8}, {1.9, 2.1, 6}, {2.1, 2.3, 24}, {2.3, 2.6, 24}, {2.6, 2.7, 0}, {2.7, 2.9, 12},
	}
	for _, sh := range shells {
		if got := g.Coordination(sh.r0, sh.r1); math.Abs(got-sh.want) > 1e-12*max(1, sh.want) {
			t.Errorf("coordination in [%g, %g) = %.15g, want %g", sh.r0, sh.r1, got, sh.want)
		}
	}
}

func TestRDFErrors(t *testing.T) {
	s := sim.NewState(2, sim.NewPeriodicBox(4, 4, 4))
	if err := (&RDF{RMax: 2.1}).Observe(s); err == nil || !strings.Contains(err.Error(), "exceeds half") {
		t.Errorf("r_max > L/2: %v", err)
	}
	bad := &RDF{RMax: -1}
	for try := 0; try < 2; try++ { // a failed first observation leaves no half-set state
		if err := bad.Observe(s); err == nil || !strings.Contains(err.Error(), "positive and finite") {
			t.Errorf("negative r_max: %v", err)
		}
	}
	open := sim.NewState(2, sim.NewOpenBox(sim.Vec3{4, 4, 4}))
	if err := (&RDF{}).Observe(open); err == nil || !strings.Contains(err.Error(), "periodic") {
		t.Errorf("open box: %v", err)
	}
	if err := (&RDF{}).Observe(sim.NewState(1, sim.NewPeriodicBox(4, 4, 4))); err == nil || !strings.Contains(err.Error(), "two particles") {
		t.Errorf("one particle: %v", err)
	}
}

// TestRDFWriteCSV reads the file back and compares it with R and G.
func TestRDFWriteCSV(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	g := &RDF{Bins: 10}
	for f := 0; f < 3; f++ {
		g.Observe(uniformState(rng, 50, sim.NewPeriodicBox(5, 5, 5)))
	}
	path := filepath.Join(t.TempDir(), "g.csv")
	if err := g.WriteCSV(path); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, path, "r,g,stderr", 10)
	r, res := g.R(), g.G()
	for k, row := range rows {
		if row[0] != r[k] || row[1] != res[k].Mean || row[2] != res[k].StdErr {
			t.Errorf("row %d = %v, want %g %g %g", k, row, r[k], res[k].Mean, res[k].StdErr)
		}
	}
}

// readCSV checks the header and row count of a CSV file and returns its
// numbers.
func readCSV(t *testing.T, path, header string, rows int) [][]float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if lines[0] != header || len(lines) != rows+1 {
		t.Fatalf("%s: header %q and %d rows, want %q and %d", path, lines[0], len(lines)-1, header, rows)
	}
	var out [][]float64
	for _, line := range lines[1:] {
		var row []float64
		for _, f := range strings.Split(line, ",") {
			x, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatal(err)
			}
			row = append(row, x)
		}
		out = append(out, row)
	}
	return out
}

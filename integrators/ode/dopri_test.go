package ode

import (
	"math"
	"testing"
)

// TestDormandPrinceMeetsTolerance integrates the harmonic oscillator over ten
// periods at several tolerances. The flow is an isometry, so the global
// error is at most the sum of the local errors, each of which the
// controller keeps below ‖(ATol + RTol·|y|)‖ ≤ 2√2·tol (Euclidean norm of
// two components with |y| ≤ 1). The error must also fall with the tolerance.
func TestDormandPrinceMeetsTolerance(t *testing.T) {
	T := 20 * math.Pi
	ts := make([]float64, 200)
	for i := range ts {
		ts[i] = T * float64(i+1) / float64(len(ts))
	}
	prev := math.Inf(1)
	for _, tol := range []float64{1e-5, 1e-7, 1e-9} {
		dp := DormandPrince{RTol: tol, ATol: tol}
		y := []float64{1, 0}
		var maxErr float64
		err := dp.Solve(harmonic, 0, y, ts, func(_ int, t float64, yi []float64) {
			maxErr = math.Max(maxErr, math.Hypot(yi[0]-math.Cos(t), yi[1]+math.Sin(t)))
		})
		if err != nil {
			t.Fatal(err)
		}
		endErr := math.Hypot(y[0]-math.Cos(T), y[1]+math.Sin(T))
		t.Logf("tol %.0e: max dense-output error %.2e, end error %.2e, accepted %d, rejected %d, evals %d",
			tol, maxErr, endErr, dp.Stats.Accepted, dp.Stats.Rejected, dp.Stats.Evals)
		if bound := float64(dp.Stats.Accepted) * 2 * math.Sqrt2 * tol; maxErr > bound {
			t.Errorf("tol %g: global error %.3e exceeds the summed local tolerance %.3e", tol, maxErr, bound)
		}
		if maxErr > prev/10 {
			t.Errorf("tol %g: error %.3e did not fall with the tolerance (previous %.3e)", tol, maxErr, prev)
		}
		prev = maxErr
	}
}

// TestDormandPrinceExponentialDecay checks y' = −y with a relative tolerance
// over a range where y falls by e^-20, so the relative control matters.
func TestDormandPrinceExponentialDecay(t *testing.T) {
	dp := DormandPrince{RTol: 1e-8, ATol: 1e-30}
	y := []float64{1}
	f := func(_ float64, y, dydt []float64) { dydt[0] = -y[0] }
	var maxRel float64
	ts := []float64{1, 2, 5, 10, 15, 20}
	if err := dp.Solve(f, 0, y, ts, func(_ int, t float64, yi []float64) {
		maxRel = math.Max(maxRel, math.Abs(yi[0]/math.Exp(-t)-1))
	}); err != nil {
		t.Fatal(err)
	}
	t.Logf("max relative error %.2e with RTol 1e-8 (%d steps)", maxRel, dp.Stats.Accepted)
	// Relative errors add along y' = −y: bound by steps × RTol.
	if bound := float64(dp.Stats.Accepted) * 1e-8; maxRel > bound {
		t.Errorf("relative error %.3e exceeds steps × RTol = %.3e", maxRel, bound)
	}
}

// TestDenseOutputExactForQuartics: the continuous extension is of order 4,
// so within one step it reproduces solutions that are polynomials of degree
// ≤ 4 exactly. H0 and HMax force a single step over [0, 1].
func TestDenseOutputExactForQuartics(t *testing.T) {
	f := func(t float64, _, dydt []float64) {
		dydt[0] = 4 * t * t * t
		dydt[1] = 3*t*t - 2*t
	}
	dp := DormandPrince{H0: 1, HMax: 1, RTol: 1, ATol: 1}
	y := []float64{0, 1}
	ts := []float64{0.1, 0.37, 0.5, 0.81, 1}
	var worst float64
	if err := dp.Solve(f, 0, y, ts, func(_ int, t float64, yi []float64) {
		worst = math.Max(worst, math.Abs(yi[0]-t*t*t*t))
		worst = math.Max(worst, math.Abs(yi[1]-(1+t*t*t-t*t)))
	}); err != nil {
		t.Fatal(err)
	}
	if dp.Stats.Accepted != 1 {
		t.Fatalf("took %d steps, want 1", dp.Stats.Accepted)
	}
	if worst > 1e-14 {
		t.Errorf("dense output off a quartic by %.3e", worst)
	}
}

// TestDormandPrinceBackward integrates backward in time.
func TestDormandPrinceBackward(t *testing.T) {
	var dp DormandPrince
	y := []float64{math.Cos(3), -math.Sin(3)}
	if err := dp.Solve(harmonic, 3, y, []float64{1, 0}, nil); err != nil {
		t.Fatal(err)
	}
	if e := math.Hypot(y[0]-1, y[1]); e > 1e-5 {
		t.Errorf("backward integration to t = 0 off by %.3e", e)
	}
}

func TestDormandPrinceBadInput(t *testing.T) {
	var dp DormandPrince
	y := []float64{1, 0}
	if err := dp.Solve(harmonic, 0, y, []float64{1, 0.5}, nil); err == nil {
		t.Error("accepted non-monotone output times")
	}
	dp.RTol = -1
	if err := dp.Solve(harmonic, 0, y, []float64{1}, nil); err == nil {
		t.Error("accepted a negative tolerance")
	}
	blowup := func(_ float64, y, dydt []float64) { dydt[0] = y[0] * y[0] }
	dp = DormandPrince{}
	if err := dp.Solve(blowup, 0, []float64{1}, []float64{2}, nil); err == nil {
		t.Error("integrated y' = y² through its singularity at t = 1 without error")
	} else {
		t.Log(err)
	}
}

func TestDormandPrinceSteadyAllocations(t *testing.T) {
	var dp DormandPrince
	y := []float64{1, 0}
	ts := []float64{1, 2, 3}
	run := func() {
		y[0], y[1] = 1, 0
		if err := dp.Solve(harmonic, 0, y, ts, nil); err != nil {
			t.Fatal(err)
		}
	}
	run()
	if a := testing.AllocsPerRun(20, run); a != 0 {
		t.Errorf("%v allocations per Solve after warm-up, want 0", a)
	}
}

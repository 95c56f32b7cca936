package kuramoto

import (
	"math"
	"sort"
	"testing"
)

func TestLorentzianQuantilesFormula(t *testing.T) {
	const n, delta = 1000, 0.5
	w, err := Frequencies{Width: delta, Quantiles: true}.Generate(n)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range w {
		want := delta * math.Tan(math.Pi*(float64(i)+0.5)/n-math.Pi/2)
		if math.Abs(v-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Fatalf("ω_%d = %.15g, want Δ tan(π(i+½)/N − π/2) = %.15g", i, v, want)
		}
	}
}

// TestRandomFrequencies checks the sample statistics of random draws of
// N = 20000: Lorentzian quartiles at ω₀ ± Δ (the standard error of a
// sample quartile is √(3/16)/(√N g(q)) = √(3/16)·2πΔ/√N = 0.0096 for
// Δ = 0.5; tolerance 0.03), Gaussian mean and standard deviation
// (tolerances 4 standard errors), uniform support.
func TestRandomFrequencies(t *testing.T) {
	const n = 20000
	sorted := func(fr Frequencies) []float64 {
		w, err := fr.Generate(n)
		if err != nil {
			t.Fatal(err)
		}
		sort.Float64s(w)
		return w
	}
	l := sorted(Frequencies{Dist: "lorentzian", Center: 2, Width: 0.5, Seed: 1})
	q1, q2, q3 := l[n/4], l[n/2], l[3*n/4]
	if math.Abs(q1-1.5) > 0.03 || math.Abs(q2-2) > 0.03 || math.Abs(q3-2.5) > 0.03 {
		t.Errorf("Lorentzian quartiles %.4f %.4f %.4f, want 1.5 2 2.5", q1, q2, q3)
	}
	g := sorted(Frequencies{Dist: "gaussian", Center: -1, Width: 2, Seed: 1})
	var m, v float64
	for _, x := range g {
		m += x
	}
	m /= n
	for _, x := range g {
		v += (x - m) * (x - m)
	}
	sd := math.Sqrt(v / (n - 1))
	if math.Abs(m+1) > 4*2/math.Sqrt(n) || math.Abs(sd-2) > 4*2/math.Sqrt(2*n) {
		t.Errorf("Gaussian mean %.4f, sd %.4f; want −1 and 2", m, sd)
	}
	u := sorted(Frequencies{Dist: "uniform", Center: 1, Width: 0.5, Seed: 1})
	if u[0] < 0.5 || u[n-1] > 1.5 || u[0] > 0.501 || u[n-1] < 1.499 {
		t.Errorf("uniform draws span [%.4f, %.4f], want [0.5, 1.5]", u[0], u[n-1])
	}
	a, _ := Frequencies{Dist: "gaussian", Width: 1, Seed: 1}.Generate(10)
	b, _ := Frequencies{Dist: "gaussian", Width: 1, Seed: 2}.Generate(10)
	if a[0] == b[0] {
		t.Error("different seeds gave the same draw")
	}
}

func TestFrequenciesBadInput(t *testing.T) {
	for name, fr := range map[string]Frequencies{
		"unknown distribution": {Dist: "cauchy2"},
		"negative width":       {Width: -1},
		"explicit count":       {Dist: "explicit", Values: []float64{1, 2}},
	} {
		if _, err := fr.Generate(3); err == nil {
			t.Errorf("%s: no error", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
	if w, err := (Frequencies{Dist: "explicit", Values: []float64{1, 2, 3}}).Generate(3); err != nil || w[2] != 3 {
		t.Errorf("explicit frequencies: %v, %v", w, err)
	}
	if _, err := (Frequencies{}).Generate(0); err == nil {
		t.Error("accepted zero oscillators")
	}
}

package kuramoto

import (
	"math"
	"testing"
)

// meanR advances p by n steps and returns the time average of r.
func meanR(p *Phases, n int) float64 {
	var s float64
	for k := 0; k < n; k++ {
		p.Advance(1)
		r, _ := p.OrderParameter()
		s += r
	}
	return s / float64(n)
}

// TestLorentzianOrderParameter: N = 1000 oscillators with deterministic
// Lorentzian quantile frequencies ω_i = Δ tan(π(i+½)/N − π/2), Δ = 0.5
// (K_c = 2Δ = 1), all-to-all coupling, Heun h = 0.01. The time average of
// r over 30 τ after 30 τ of relaxation must match the exact N → ∞ result
// r = √(1 − 2Δ/K) to 0.01 (finite-N deviations are O(1/N) for quantile
// frequencies). The drifting oscillators (|ω| > K r) must rotate at the
// mean-field frequency sign(ω) √(ω² − (K r)²), measured over whole turns
// (from the first to the last crossing of a multiple of 2π in the window;
// oscillators within 0.25 rad/τ of the locking edge |ω| = K r, where
// the O(1/√N) fluctuations of r matter most, are left out),
// and the locked ones not at all (ψ is stationary because the frequencies
// are symmetric about 0).
func TestLorentzianOrderParameter(t *testing.T) {
	const n, delta, h = 1000, 0.5, 0.01
	om, err := Frequencies{Dist: "lorentzian", Width: delta, Quantiles: true}.Generate(n)
	if err != nil {
		t.Fatal(err)
	}
	for _, K := range []float64{1.5, 2, 3} {
		p, err := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: K}, Dt: h}, make([]float64, n))
		if err != nil {
			t.Fatal(err)
		}
		p.Advance(3000)
		th0 := append([]float64(nil), p.Theta...)
		turns := newTurnCounter(p.Theta, p.Time)
		var r float64
		const steps = 3000
		for k := 0; k < steps; k++ {
			p.Advance(1)
			rk, _ := p.OrderParameter()
			r += rk / steps
			turns.update(p.Theta, p.Time, h)
		}
		want := LorentzianR(K, delta)
		t.Logf("K = %g: r = %.4f, theory %.4f", K, r, want)
		if math.Abs(r-want) > 0.01 {
			t.Errorf("K = %g: r = %.4f, want %.4f ± 0.01", K, r, want)
		}
		var worstDrift, worstLocked float64
		for i, w := range om {
			edge := math.Abs(w) - K*want
			switch {
			case edge < -0.25: // locked: the phase stays put
				worstLocked = math.Max(worstLocked, math.Abs(p.Theta[i]-th0[i]))
			case edge > 0.25 && math.Abs(w) < 30 && turns.count(i) >= 2:
				vth := math.Copysign(math.Sqrt(w*w-K*K*want*want), w)
				worstDrift = math.Max(worstDrift, math.Abs(turns.frequency(i)/vth-1))
			}
		}
		t.Logf("K = %g: drifting oscillators' mean frequency vs sign(ω)√(ω² − K²r²): worst relative deviation %.2e; locked phases moved at most %.2e rad", K, worstDrift, worstLocked)
		// r enters as K²r², so its O(1/N) finite-size error gives well under 1%.
		if worstDrift > 0.01 || worstLocked > 0.01 {
			t.Errorf("K = %g: drift frequencies off by %.3f (relative), locked phases moved %.3f rad", K, worstDrift, worstLocked)
		}
	}
}

// turnCounter records, per oscillator, the times at which the unwrapped
// phase first and last crossed a multiple of 2π (linearly interpolated).
type turnCounter struct {
	prev          []float64
	first, last   []float64
	firstN, lastN []float64
}

func newTurnCounter(theta []float64, t float64) *turnCounter {
	n := len(theta)
	tc := &turnCounter{prev: append([]float64(nil), theta...), first: make([]float64, n), last: make([]float64, n), firstN: make([]float64, n), lastN: make([]float64, n)}
	for i := range tc.first {
		tc.first[i] = math.NaN()
	}
	return tc
}

func (tc *turnCounter) update(theta []float64, t, h float64) {
	for i, th := range theta {
		a, b := math.Floor(tc.prev[i]/(2*math.Pi)), math.Floor(th/(2*math.Pi))
		if a != b {
			m := math.Max(a, b) // the crossed multiple of 2π (one per step here)
			tc0 := t - h + h*(m*2*math.Pi-tc.prev[i])/(th-tc.prev[i])
			if math.IsNaN(tc.first[i]) {
				tc.first[i], tc.firstN[i] = tc0, m
			}
			tc.last[i], tc.lastN[i] = tc0, m
		}
		tc.prev[i] = th
	}
}

func (tc *turnCounter) count(i int) float64 {
	if math.IsNaN(tc.first[i]) {
		return 0
	}
	return math.Abs(tc.lastN[i] - tc.firstN[i])
}

func (tc *turnCounter) frequency(i int) float64 {
	return 2 * math.Pi * (tc.lastN[i] - tc.firstN[i]) / (tc.last[i] - tc.first[i])
}

// TestIncoherentStateFluctuations: below K_c the order parameter is a
// finite-size fluctuation, r ~ 1/√N. Linear theory for Lorentzian
// frequencies gives N⟨r²⟩ → 1/(1 − K/K_c) (Daido, J. Stat. Phys. 60, 753
// (1990)); at K = K_c/2 that is 2, independent of N. We measure N⟨r²⟩ at
// N = 250 and 1000 from random initial phases, averaged over 80 τ (about 20
// correlation times 1/(Δ(1 − K/K_c))) and 2 seeds, and require it within
// [1.3, 2.7] for both N: the expected ±20% statistical error around 2 and
// well away from the values 1 (no coupling) and ≫ 1 (r not ∝ 1/√N).
func TestIncoherentStateFluctuations(t *testing.T) {
	const delta, K, h = 0.5, 0.5, 0.01
	for _, n := range []int{250, 1000} {
		om, _ := Frequencies{Width: delta, Quantiles: true}.Generate(n)
		var acc, rsum float64
		const seeds, steps = 2, 8000
		for seed := uint64(1); seed <= seeds; seed++ {
			p, err := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: K}, Dt: h}, RandomPhases(n, seed))
			if err != nil {
				t.Fatal(err)
			}
			p.Advance(1000)
			for k := 0; k < steps; k++ {
				p.Advance(1)
				r, _ := p.OrderParameter()
				acc += r * r
				rsum += r
			}
		}
		nr2 := float64(n) * acc / (seeds * steps)
		rm := rsum / (seeds * steps)
		t.Logf("N = %d, K = K_c/2: N⟨r²⟩ = %.3f (linear theory 2), ⟨r⟩√N = %.3f", n, nr2, rm*math.Sqrt(float64(n)))
		if nr2 < 1.3 || nr2 > 2.7 {
			t.Errorf("N = %d: N⟨r²⟩ = %.3f, want 2 within [1.3, 2.7]", n, nr2)
		}
		if rm > 3/math.Sqrt(float64(n)) {
			t.Errorf("N = %d: ⟨r⟩ = %.4f above 3/√N", n, rm)
		}
	}
}

// TestGaussianCriticalCoupling checks the self-consistency solver against
// the critical coupling K_c = σ√(8/π) and the near-threshold expansion
// r ≈ √(16 (K − K_c) / (π K_c⁴ (−g”(0)))) with −g”(0) = 1/(σ³√(2π))
// (Strogatz 2000, Eq. 4.13), then runs N = 2000 Gaussian quantile
// frequencies: below K_c (0.8 K_c) r is a finite-size fluctuation,
// r < 3/√(N(1 − K/K_c)) (three times the linear-theory r.m.s.; Daido
// 1990); above it r matches the solver to 0.01.
func TestGaussianCriticalCoupling(t *testing.T) {
	const sigma = 1.3
	kc := GaussianCriticalCoupling(sigma)
	if math.Abs(kc-sigma*math.Sqrt(8/math.Pi)) > 1e-14 {
		t.Fatalf("K_c = %.15g, want σ√(8/π) = %.15g", kc, sigma*math.Sqrt(8/math.Pi))
	}
	if r := GaussianR(kc*(1-1e-6), sigma); r != 0 {
		t.Errorf("GaussianR just below K_c = %g, want 0", r)
	}
	g2 := 1 / (sigma * sigma * sigma * math.Sqrt(2*math.Pi))
	for _, eps := range []float64{1e-4, 1e-3} {
		K := kc * (1 + eps)
		r, approx := GaussianR(K, sigma), math.Sqrt(16*(K-kc)/(math.Pi*math.Pow(kc, 4)*g2))
		// The next term of the expansion is O(K − K_c), relative O(eps).
		if math.Abs(r/approx-1) > 10*eps {
			t.Errorf("K = K_c(1 + %g): r = %.6g, near-threshold expansion %.6g", eps, r, approx)
		}
	}

	const n, h = 2000, 0.01
	om, err := Frequencies{Dist: "gaussian", Width: sigma, Quantiles: true}.Generate(n)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []float64{0.8, 1.25, 1.5} {
		K := f * kc
		th0 := make([]float64, n)
		if f < 1 {
			th0 = RandomPhases(n, 7)
		}
		p, err := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: K}, Dt: h}, th0)
		if err != nil {
			t.Fatal(err)
		}
		p.Advance(3000)
		r := meanR(p, 2000)
		want := GaussianR(K, sigma)
		t.Logf("K = %.2f K_c: r = %.4f, self-consistency %.4f", f, r, want)
		if f < 1 {
			if bound := 3 / math.Sqrt(n*(1-f)); r > bound {
				t.Errorf("K = %.2f K_c: r = %.4f, want < 3/√(N(1 − K/K_c)) = %.4f", f, r, bound)
			}
		} else if math.Abs(r-want) > 0.01 {
			t.Errorf("K = %.2f K_c: r = %.4f, want %.4f ± 0.01", f, r, want)
		}
	}
}

// TestNoisyIdenticalOscillators: identical oscillators with phase noise D
// synchronise above K_c = 2D to r = I₁(Kr/D)/I₀(Kr/D) (Sakaguchi 1988).
// N = 1000, D = 0.5, K = 2 and 4, Euler–Maruyama and stochastic Heun at
// h = 0.01; r averaged over 40 τ. Finite-N fluctuations of r are
// O(1/√N) per sample and the bias O(1/N); tolerance 0.015.
func TestNoisyIdenticalOscillators(t *testing.T) {
	const n, D, h = 1000, 0.5, 0.01
	om := make([]float64, n)
	for _, scheme := range []string{"euler", "heun"} {
		for _, K := range []float64{2, 4} {
			p, err := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: K}, Noise: D, Dt: h, Scheme: scheme, Seed: 3}, make([]float64, n))
			if err != nil {
				t.Fatal(err)
			}
			p.Advance(1000)
			r := meanR(p, 4000)
			want := NoisyIdenticalR(K, D)
			t.Logf("%s, K = %g, D = %g: r = %.4f, theory %.4f", scheme, K, D, r, want)
			if math.Abs(r-want) > 0.015 {
				t.Errorf("%s, K = %g: r = %.4f, want %.4f ± 0.015", scheme, K, r, want)
			}
		}
	}
}

// TestPhaseDiffusion: uncoupled noisy oscillators diffuse,
// θ_i(t) − θ_i(0) − ω_i t ~ N(0, 2Dt), exactly for Euler–Maruyama at any
// h. With N = 4000 the sample variance has standard error 2Dt·√(2/N).
func TestPhaseDiffusion(t *testing.T) {
	const n, D, h, steps = 4000, 0.3, 0.05, 40
	om, _ := Frequencies{Dist: "uniform", Center: 1, Width: 2, Seed: 9}.Generate(n)
	for _, scheme := range []string{"euler", "heun", "rk4"} {
		p, err := NewPhases(PhasesConfig{Omega: om, Noise: D, Dt: h, Scheme: scheme, Seed: 11}, make([]float64, n))
		if err != nil {
			t.Fatal(err)
		}
		p.Advance(steps)
		var m, v float64
		for i, th := range p.Theta {
			d := th - om[i]*p.Time
			m += d
			v += d * d
		}
		m /= n
		v = v/n - m*m
		want := 2 * D * p.Time
		se := want * math.Sqrt(2.0/n)
		t.Logf("%s: variance %.4f, want 2Dt = %.4f ± %.4f; mean %.4f", scheme, v, want, se, m)
		if math.Abs(v-want) > 4*se || math.Abs(m) > 4*math.Sqrt(want/n) {
			t.Errorf("%s: displacement mean %.4f, variance %.4f; want 0 and %.4f", scheme, m, v, want)
		}
	}
}

// TestPhasesDeterministic: the same seed gives bit-identical phases however
// the run is split into Advance calls; another seed differs.
func TestPhasesDeterministic(t *testing.T) {
	om, _ := Frequencies{Dist: "gaussian", Width: 1, Seed: 1}.Generate(50)
	run := func(seed uint64, chunks ...int) []float64 {
		p, err := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: 1}, Noise: 0.1, Dt: 0.01, Seed: seed}, RandomPhases(50, 2))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range chunks {
			p.Advance(c)
		}
		return p.Theta
	}
	a, b, c := run(5, 100), run(5, 37, 63), run(6, 100)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("oscillator %d: %v vs %v after split runs", i, a[i], b[i])
		}
	}
	if a[0] == c[0] {
		t.Error("different seeds gave the same phase")
	}
}

func TestPhasesAllocationFree(t *testing.T) {
	om, _ := Frequencies{Width: 1, Seed: 1}.Generate(64)
	g, _ := NewGraph(64, []Edge{{0, 1, 1}, {1, 0, 1}})
	for _, c := range []Coupling{AllToAll{K: 1}, Lattice{Nx: 8, Ny: 8, K: 1}, g} {
		p, err := NewPhases(PhasesConfig{Omega: om, Coupling: c, Noise: 0.1, Dt: 0.01, Scheme: "rk4"}, make([]float64, 64))
		if err != nil {
			t.Fatal(err)
		}
		p.Advance(1)
		if a := testing.AllocsPerRun(20, func() { p.Advance(1) }); a != 0 {
			t.Errorf("%T: %v allocations per step", c, a)
		}
	}
}

func TestPhasesBadInput(t *testing.T) {
	om := []float64{0, 1, 2, 3}
	for name, cfg := range map[string]PhasesConfig{
		"zero step":     {Omega: om, Dt: 0},
		"negative step": {Omega: om, Dt: -0.1},
		"noise":         {Omega: om, Dt: 0.1, Noise: -1},
		"scheme":        {Omega: om, Dt: 0.1, Scheme: "leapfrog"},
		"lattice size":  {Omega: om, Dt: 0.1, Coupling: Lattice{Nx: 3, Ny: 1}},
		"no oscillator": {Dt: 0.1},
	} {
		_, err := NewPhases(cfg, make([]float64, len(cfg.Omega)))
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		t.Logf("%s: %v", name, err)
	}
	if _, err := NewPhases(PhasesConfig{Omega: om, Dt: 0.1}, make([]float64, 3)); err == nil {
		t.Error("accepted 3 initial phases for 4 oscillators")
	}
}

package kuramoto

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/physim/physim/sim/rng"
)

// randomCoupling returns an (N·n)² matrix of N(0, 1/(N·n)) entries, made
// symmetric when sym is set.
func randomCoupling(nd int, sym bool, seed uint64) *mat.Dense {
	j := mat.NewDense(nd, nd, nil)
	for a := 0; a < nd; a++ {
		for b := 0; b < nd; b++ {
			g := rng.Key{Seed: seed, Step: uint64(a), Particle: uint32(b), Stream: rng.StreamUser}.Normal4()[0]
			j.Set(a, b, g/math.Sqrt(float64(nd)))
		}
	}
	if sym {
		var s mat.Dense
		s.Add(j, j.T())
		s.Scale(0.5, &s)
		return &s
	}
	return j
}

func randomVector(n int, seed uint64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = rng.Key{Seed: seed, Particle: uint32(i), Stream: rng.StreamUser}.Normal4()[0]
	}
	return v
}

// TestSphereEnergyDescent: with symmetric J and Ω = 0 the flow is the
// Riemannian gradient descent of E, dE/dt = −Σ_i |v_i|². Checked two ways:
// (1) a tiny step (h = 1e-7) changes E by −h Σ|v|² to relative 1e-5 (the
// O(h²) remainder); (2) with small steps (h‖J‖ ≪ 1) E never increases, in
// both update modes, over 2000 steps, and decreases overall.
func TestSphereEnergyDescent(t *testing.T) {
	const n, d = 24, 4
	j := randomCoupling(n*d, true, 1)
	c := randomVector(n*d, 2)
	x0 := RandomUnitVectors(n, d, 3)

	s, err := NewSphere(SphereConfig{N: n, Dim: d, J: j, C: c, Dt: 1e-7}, x0)
	if err != nil {
		t.Fatal(err)
	}
	v := make([]float64, n*d)
	s.Velocity(v)
	var v2 float64
	for _, x := range v {
		v2 += x * x
	}
	e0 := s.Energy()
	s.Advance(1)
	rate := (s.Energy() - e0) / 1e-7
	t.Logf("dE/dt = %.8f, −Σ|v|² = %.8f", rate, -v2)
	if math.Abs(rate/(-v2)-1) > 1e-5 {
		t.Errorf("dE/dt = %.8g, want −Σ|v|² = %.8g", rate, -v2)
	}

	for _, mode := range []string{"geodesic", "normalize"} {
		s, err := NewSphere(SphereConfig{N: n, Dim: d, J: j, C: c, Dt: 0.02, Mode: mode}, x0)
		if err != nil {
			t.Fatal(err)
		}
		start := s.Energy()
		prev, worst := start, math.Inf(-1)
		for k := 0; k < 2000; k++ {
			s.Advance(1)
			e := s.Energy()
			worst = math.Max(worst, e-prev)
			prev = e
		}
		t.Logf("%s: E from %.6f to %.6f; largest single-step change %.3e", mode, start, prev, worst)
		if worst > 1e-12*math.Abs(prev) {
			t.Errorf("%s: energy rose by %.3e in one step", mode, worst)
		}
		if !(prev < start-1) {
			t.Errorf("%s: energy did not descend (%.6f → %.6f)", mode, start, prev)
		}
	}
}

// TestSphereReducesToKuramoto: for n = 2, J_ij = (K/N) I and
// Ω_i = RotationGenerator(2, ω_i), x_i = (cos θ_i, sin θ_i) obeys the classic
// Kuramoto model. The tangent velocity equals θ̇_i (−sin θ_i, cos θ_i) to
// round-off, and since a geodesic step on the circle rotates by exactly
// θ̇_i h, the geodesic update is the Euler scheme for the phases: the
// trajectories agree to round-off after 2000 steps.
func TestSphereReducesToKuramoto(t *testing.T) {
	const n, K, h = 60, 1.7, 0.01
	om, _ := Frequencies{Width: 0.5, Seed: 1}.Generate(n)
	th0 := RandomPhases(n, 2)
	j := mat.NewDense(2*n, 2*n, nil)
	omega := make([]float64, 0, 4*n)
	x0 := make([]float64, 2*n)
	for i := 0; i < n; i++ {
		for k := 0; k < n; k++ {
			j.Set(2*i, 2*k, K/n)
			j.Set(2*i+1, 2*k+1, K/n)
		}
		omega = append(omega, RotationGenerator(2, om[i])...)
		x0[2*i], x0[2*i+1] = math.Cos(th0[i]), math.Sin(th0[i])
	}
	s, err := NewSphere(SphereConfig{N: n, Dim: 2, J: j, Omega: omega, Dt: h}, x0)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: K}, Dt: h, Scheme: "euler"}, th0)
	if err != nil {
		t.Fatal(err)
	}
	v, w := make([]float64, 2*n), make([]float64, n)
	s.Velocity(v)
	p.Velocity(w)
	for i := 0; i < n; i++ {
		sn, cs := math.Sincos(th0[i])
		if math.Abs(v[2*i]+w[i]*sn) > 1e-14 || math.Abs(v[2*i+1]-w[i]*cs) > 1e-14 {
			t.Fatalf("oscillator %d: sphere velocity (%g, %g), Kuramoto θ̇ = %g", i, v[2*i], v[2*i+1], w[i])
		}
	}
	s.Advance(2000)
	p.Advance(2000)
	var worst float64
	for i := 0; i < n; i++ {
		d := math.Atan2(s.X[2*i+1], s.X[2*i]) - p.Theta[i]
		d -= 2 * math.Pi * math.Round(d/(2*math.Pi))
		worst = math.Max(worst, math.Abs(d))
	}
	rs, _ := OrderParameter(phasesOf(s.X))
	rp, _ := p.OrderParameter()
	t.Logf("after %d steps: worst phase difference %.2e rad; r = %.6f (sphere) vs %.6f (phases)", 2000, worst, rs, rp)
	if worst > 1e-10 {
		t.Errorf("sphere and Kuramoto phases differ by %.3e rad", worst)
	}
}

func phasesOf(x []float64) []float64 {
	th := make([]float64, len(x)/2)
	for i := range th {
		th[i] = math.Atan2(x[2*i+1], x[2*i])
	}
	return th
}

// TestSphereRotation: without coupling, x(t) = exp(Ω t) x₀. For a generator
// with equal angular velocity ω in both planes of R⁴, Ω² = −ω² I and
// exp(Ωt) x = cos(ωt) x + sin(ωt) Ωx/ω, which the geodesic update follows
// exactly at any step size.
func TestSphereRotation(t *testing.T) {
	const w, h, steps = 1.3, 0.37, 50
	om := RotationGenerator(4, w, w)
	x0 := RandomUnitVectors(1, 4, 9)
	s, err := NewSphere(SphereConfig{N: 1, Dim: 4, Omega: om, Dt: h}, x0)
	if err != nil {
		t.Fatal(err)
	}
	s.Advance(steps)
	sn, cs := math.Sincos(w * h * steps)
	for a := 0; a < 4; a++ {
		var ox float64
		for b := 0; b < 4; b++ {
			ox += om[a*4+b] * x0[b]
		}
		want := cs*x0[a] + sn*ox/w
		if math.Abs(s.X[a]-want) > 1e-13 {
			t.Errorf("component %d: %.15g, want %.15g", a, s.X[a], want)
		}
	}
}

// TestSphereNormsPreserved: the geodesic update keeps every |x_i| = 1 to
// round-off with generic (non-symmetric) coupling, conditioning and
// natural frequencies, without renormalising.
func TestSphereNormsPreserved(t *testing.T) {
	for _, d := range []int{3, 4} {
		const n = 30
		omega := make([]float64, 0, n*d*d)
		for i := 0; i < n; i++ {
			g := randomVector(d*d, uint64(100+i))
			for a := 0; a < d; a++ {
				for b := 0; b < d; b++ {
					omega = append(omega, g[a*d+b]-g[b*d+a])
				}
			}
		}
		s, err := NewSphere(SphereConfig{N: n, Dim: d, J: randomCoupling(n*d, false, 4), C: randomVector(n*d, 5), Omega: omega, Dt: 0.05}, RandomUnitVectors(n, d, 6))
		if err != nil {
			t.Fatal(err)
		}
		s.Advance(10000)
		var worst float64
		for i := 0; i < n; i++ {
			worst = math.Max(worst, math.Abs(norm(s.X[i*d:(i+1)*d])-1))
		}
		t.Logf("n = %d: after 10000 geodesic steps max ||x_i| − 1| = %.2e", d, worst)
		if worst > 1e-13 {
			t.Errorf("n = %d: norms drifted by %.3e", d, worst)
		}
	}
}

// TestSphereModesAgree: the normalise update moves along the same great
// circle as the geodesic one by atan(h|v|) instead of h|v|, an O(h³)
// difference per step, so the trajectories differ by O(h²) at fixed time:
// halving h must divide the difference by about 4.
func TestSphereModesAgree(t *testing.T) {
	const n, d, T = 10, 4, 2.0
	j := randomCoupling(n*d, false, 7)
	x0 := RandomUnitVectors(n, d, 8)
	diff := func(h float64) float64 {
		steps := int(math.Round(T / h))
		g, _ := NewSphere(SphereConfig{N: n, Dim: d, J: j, Dt: h}, x0)
		m, _ := NewSphere(SphereConfig{N: n, Dim: d, J: j, Dt: h, Mode: "normalize"}, x0)
		g.Advance(steps)
		m.Advance(steps)
		var s float64
		for k := range g.X {
			s = math.Max(s, math.Abs(g.X[k]-m.X[k]))
		}
		return s
	}
	d1, d2 := diff(0.02), diff(0.01)
	t.Logf("geodesic vs normalize at T = %g: %.3e (h = 0.02), %.3e (h = 0.01), ratio %.3f", T, d1, d2, d1/d2)
	if r := d1 / d2; r < 3.6 || r > 4.4 {
		t.Errorf("difference ratio %.3f at halved h, want ≈ 4", r)
	}
}

func TestSphereBadInput(t *testing.T) {
	const n, d = 3, 2
	good := SphereConfig{N: n, Dim: d, Dt: 0.1}
	x0 := RandomUnitVectors(n, d, 1)
	bad := RotationGenerator(2, 1)
	bad[1] = 0.5 // Ω[0][1] = 0.5, Ω[1][0] = 1
	for name, tc := range map[string]struct {
		mod  func(c *SphereConfig)
		want string
	}{
		"Omega not antisymmetric": {func(c *SphereConfig) {
			c.Omega = append(append(RotationGenerator(2, 1), bad...), RotationGenerator(2, 1)...)
		}, "Omega of oscillator 1 is not antisymmetric"},
		"J wrong shape":   {func(c *SphereConfig) { c.J = mat.NewDense(5, 6, nil) }, "coupling matrix J is 5×6"},
		"zero step":       {func(c *SphereConfig) { c.Dt = 0 }, "time step Dt"},
		"negative step":   {func(c *SphereConfig) { c.Dt = -1 }, "time step Dt"},
		"C wrong length":  {func(c *SphereConfig) { c.C = make([]float64, 5) }, "conditioning C"},
		"Omega length":    {func(c *SphereConfig) { c.Omega = make([]float64, 5) }, "Omega have 5 entries"},
		"dimension":       {func(c *SphereConfig) { c.Dim = 1 }, "Dim"},
		"unknown mode":    {func(c *SphereConfig) { c.Mode = "exact" }, "Mode"},
		"no oscillators":  {func(c *SphereConfig) { c.N = 0 }, "number of oscillators N"},
		"initial vectors": {func(c *SphereConfig) { c.N = 4 }, "initial state"},
	} {
		cfg := good
		tc.mod(&cfg)
		_, err := NewSphere(cfg, x0)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
			continue
		}
		t.Logf("%s: %v", name, err)
	}
	if _, err := NewSphere(good, make([]float64, n*d)); err == nil {
		t.Error("accepted zero initial vectors")
	}
}

func TestSphereAllocationFree(t *testing.T) {
	const n, d = 8, 4
	s, err := NewSphere(SphereConfig{N: n, Dim: d, J: randomCoupling(n*d, true, 1), C: randomVector(n*d, 2), Omega: append(make([]float64, (n-1)*d*d), RotationGenerator(d, 1, 2)...), Dt: 0.01}, RandomUnitVectors(n, d, 3))
	if err != nil {
		t.Fatal(err)
	}
	if a := testing.AllocsPerRun(20, func() { s.Advance(1); s.Energy() }); a != 0 {
		t.Errorf("%v allocations per step", a)
	}
}

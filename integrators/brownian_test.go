package integrators

import (
	"math"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
)

// With KT = 0 Euler–Maruyama in a harmonic well of stiffness k is the linear
// map x ← (1 − Dt k/Gamma) x, independent of the mass; the stored velocity
// is the displacement of the last step over Dt.
func TestBrownianDeterministicDrift(t *testing.T) {
	const k, gamma, dt, n = 2.0, 4.0, 0.05, 30
	s := sim.NewState(1, sim.NewOpenBox(sim.Vec3{}))
	s.Mass[0] = 3
	x0 := sim.Vec3{1, -2, 0.5}
	s.Pos[0] = x0
	g := &Brownian{Force: spring(k), Dt: dt, Gamma: gamma, Seed: 1}
	mustInit(t, g, s)
	steps(t, g, s, n)
	a := 1 - dt*k/gamma
	for c := 0; c < 3; c++ {
		want := math.Pow(a, n) * x0[c]
		if math.Abs(s.Pos[0][c]-want) > 1e-14 {
			t.Errorf("x[%d] = %.15g, want %.15g", c, s.Pos[0][c], want)
		}
		if v := -k / gamma * math.Pow(a, n-1) * x0[c]; math.Abs(s.Vel[0][c]-v) > 1e-13 {
			t.Errorf("v[%d] = %.15g, want displacement/Dt = %.15g", c, s.Vel[0][c], v)
		}
	}
}

// Free diffusion: Euler–Maruyama is exact in distribution, so the mean
// squared displacement of the unwrapped positions is 6 Σ D Δt with
// D = KT/Gamma, here across a change of Dt and KT in the middle of the run
// (per-step overrides) and with particles crossing the periodic boundaries
// many times. Tolerance: 5 standard errors over independent particles.
func TestBrownianFreeDiffusion(t *testing.T) {
	n := size(2000, 20000)
	b := sim.NewPeriodicBox(2, 2, 2)
	s := uniformPositions(n, b, 31)
	g := &Brownian{Force: zeroForce, Dt: 0.01, KT: 1, Gamma: 2, Seed: 32}
	mustInit(t, g, s)
	start := make([]sim.Vec3, n)
	for i := range start {
		start[i] = s.Unwrapped(i)
	}
	msd := func() []float64 {
		d := make([]float64, n)
		for i := range d {
			d[i] = s.Unwrapped(i).Sub(start[i]).Norm2()
		}
		return d
	}
	steps(t, g, s, 100) // t = 1 at D = 0.5
	checkWithin(t, "MSD at t = 1", independent(msd()), 6*0.5*1, 5)
	g.Dt, g.KT = 0.02, 2
	steps(t, g, s, 50) // t = 2, the second unit at D = 1
	checkWithin(t, "MSD at t = 2", independent(msd()), 6*(0.5+1), 5)
	if math.Abs(s.Time-2) > 1e-12 || s.Step != 150 {
		t.Errorf("clock: step %d, time %v; want 150, 2", s.Step, s.Time)
	}
}

// An ideal gas in the trap βV = k z²/2 (k = 1, D = 1), started at z₀ = 3,
// relaxes as ⟨z⟩(t) = z₀ e^{−Dβk t} and Var(t) = (1 − e^{−2Dβk t})/(βk). At
// Dt = 0.002 the difference between the exact Euler–Maruyama moments,
// z₀(1−a)ⁿ and 2DDt(1 − (1−a)^{2n})/(1 − (1−a)²) with a = Dt·k/Gamma, and the
// continuum ones is checked to be below a tenth of the tolerance, which is 5
// standard errors over independent particles.
func TestBrownianTrapRelaxation(t *testing.T) {
	const kT, gamma, k, z0, dt = 1.0, 1.0, 1.0, 3.0, 0.002
	n := size(2000, 20000)
	s := sim.NewState(n, sim.NewOpenBox(sim.Vec3{1, 1, 1}))
	for i := range s.Pos {
		s.Pos[i][2] = z0
	}
	trap := planarWell(func(z float64) (float64, float64) { return k * z * z / 2, k * z })
	g := &Brownian{Force: trap, Dt: dt, KT: kT, Gamma: gamma, Seed: 41}
	mustInit(t, g, s)
	rate, d, a := kT/gamma*k/kT, kT/gamma, dt*k/gamma
	done := 0
	for _, tm := range []float64{0.25, 0.5, 1, 2} {
		nstep := int(math.Round(tm / dt))
		steps(t, g, s, nstep-done)
		done = nstep
		z := make([]float64, n)
		for i := range z {
			z[i] = s.Pos[i][2]
		}
		mean := independent(z)
		meanWant := z0 * math.Exp(-rate*tm)
		varWant := (1 - math.Exp(-2*rate*tm)) * kT / k
		// Sample variance and its standard error from the second and fourth
		// central moments.
		var m2, m4 float64
		for _, v := range z {
			dz := v - mean.Mean
			m2 += dz * dz / float64(n)
			m4 += dz * dz * dz * dz / float64(n)
		}
		varSE := math.Sqrt((m4 - m2*m2) / float64(n))
		checkWithin(t, "⟨z⟩ at t = "+ftoa(tm), mean, meanWant, 5)
		checkWithin(t, "Var z at t = "+ftoa(tm), stats.MeanErr{Mean: m2, StdErr: varSE}, varWant, 5)

		q := math.Pow(1-a, float64(nstep))
		emMean, emVar := z0*q, 2*d*dt*(1-q*q)/(1-(1-a)*(1-a))
		if math.Abs(emMean-meanWant) > 0.5*mean.StdErr || math.Abs(emVar-varWant) > 0.5*varSE {
			t.Errorf("t = %g: Euler–Maruyama bias (%.2g, %.2g) is not negligible", tm, emMean-meanWant, emVar-varWant)
		}
	}
}

// The stationary variance of Euler–Maruyama in a harmonic well is inflated
// exactly to (kT/k)/(1 − Dt k/(2 Gamma)) (stationary solution of
// x ← (1−a)x + sqrt(2 D Dt) ξ): 4/3 at Dt k/Gamma = 0.5 and 10/9 at 0.2,
// against 1 in the continuum. Tolerance: 5 block-averaged standard errors.
func TestBrownianEMVarianceInflation(t *testing.T) {
	n, nsteps := size(500, 2000), size(1000, 4000)
	for _, a := range []float64{0.5, 0.2} {
		s := normalPositions(n, 1, 51)
		g := &Brownian{Force: spring(1), Dt: a, KT: 1, Gamma: 1, Seed: 52}
		mustInit(t, g, s)
		steps(t, g, s, 200)
		var x2 stats.Series
		for k := 0; k < nsteps; k++ {
			steps(t, g, s, 1)
			var sum float64
			for _, p := range s.Pos {
				sum += p.Norm2()
			}
			x2.Add(sum / float64(3*n))
		}
		want := 1 / (1 - a/2)
		got := blocked(t, "EM variance", &x2)
		checkWithin(t, "EM ⟨x²⟩ at Dt k/Gamma = "+ftoa(a), got, want, 5)
		if want-1 < 10*got.StdErr {
			t.Errorf("the inflation %.4f is not resolved by the error %.4f", want-1, got.StdErr)
		}
	}
}

// doubleWell is V(z) = (z² − 1)² + z/2 in ε: wells at z ≈ ±1 with a barrier
// of about 1 kT at kT = 1 and P(z < 0) ≈ 0.70.
func doubleWell(z float64) (v, dv float64) {
	return (z*z-1)*(z*z-1) + 0.5*z, 4*z*(z*z-1) + 0.5
}

// boltzmannBins returns the probabilities ∫_bin e^{−βV}/Z of nb equal bins
// on [lo, hi] (Simpson's rule; Z over [−4, 4], where e^{−βV} < e^{−200} at
// the ends).
func boltzmannBins(v func(float64) (float64, float64), kT, lo, hi float64, nb int) []float64 {
	integral := func(a, b float64) float64 {
		const m = 400 // even
		h := (b - a) / m
		var sum float64
		for j := 0; j <= m; j++ {
			w := 2.0 + 2*float64(j%2)
			if j == 0 || j == m {
				w = 1
			}
			e, _ := v(a + float64(j)*h)
			sum += w * math.Exp(-e/kT)
		}
		return sum * h / 3
	}
	z := integral(-4, 4)
	p := make([]float64, nb)
	w := (hi - lo) / float64(nb)
	for b := range p {
		p[b] = integral(lo+float64(b)*w, lo+float64(b+1)*w) / z
	}
	return p
}

// Non-interacting Brownian particles in the asymmetric double well, started
// spread uniformly over [−2, 2], relax to the Boltzmann density
// ∝ e^{−βV(z)}. After 6 τ of burn-in (the slowest Smoluchowski relaxation
// rate of this well is 0.80/τ, computed from the Fokker–Planck spectrum, so
// the initial imbalance has decayed by e^{−4.8}), each particle's time-
// averaged occupation of 20 bins on [−2, 2] is an independent sample; every
// bin must match the Boltzmann weight within 5 standard errors over
// particles. The Euler–Maruyama bias, O(Dt·V″/(2Gamma)) in the width of
// the wells (V″ = 8: 0.8 % at Dt = 0.002, 0.4 % at the long test's 0.001),
// is well inside the tolerance. To show that the test has power, the same
// data must reject the Boltzmann weights of a temperature 10 % off.
func TestBrownianDoubleWellBoltzmann(t *testing.T) {
	const nb, lo, hi = 20, -2.0, 2.0
	n, dt, tSample := size(1000, 2000), 0.002, float64(size(8, 12))
	if !testing.Short() {
		dt = 0.001
	}
	b := sim.Box{L: sim.Vec3{5, 5, hi - lo}, Periodic: [3]bool{true, true, false}}
	s := sim.NewState(n, b)
	for i := range s.Pos {
		s.Pos[i][2] = lo + (hi-lo)*(float64(i)+0.5)/float64(n)
	}
	g := &Brownian{Force: planarWell(doubleWell), Dt: dt, KT: 1, Gamma: 1, Seed: 61}
	mustInit(t, g, s)
	steps(t, g, s, int(math.Round(6/dt)))
	nsteps := int(math.Round(tSample / dt))
	occ := make([][]float64, nb) // occ[bin][particle]
	for j := range occ {
		occ[j] = make([]float64, n)
	}
	w := (hi - lo) / nb
	for k := 0; k < nsteps; k++ {
		steps(t, g, s, 1)
		for i, p := range s.Pos {
			if j := int(math.Floor((p[2] - lo) / w)); j >= 0 && j < nb {
				occ[j][i] += 1 / float64(nsteps)
			}
		}
	}
	want := boltzmannBins(doubleWell, 1, lo, hi, nb)
	wrong := boltzmannBins(doubleWell, 1.1, lo, hi, nb)
	var chi2, chi2Wrong, maxWrong float64
	for j := range occ {
		got := independent(occ[j])
		dev := (got.Mean - want[j]) / got.StdErr
		chi2 += dev * dev
		if math.Abs(dev) > 5 {
			t.Errorf("bin [%.1f, %.1f): probability %v, Boltzmann %.5f (%.1fσ)", lo+float64(j)*w, lo+float64(j+1)*w, got, want[j], dev)
		}
		dw := math.Abs(got.Mean-wrong[j]) / got.StdErr
		chi2Wrong += dw * dw
		maxWrong = math.Max(maxWrong, dw)
	}
	t.Logf("double well: χ² = %.1f over %d bins (Dt = %g, %d particles, %g τ sampled); against kT = 1.1: χ² = %.0f, worst bin %.1fσ", chi2, nb, dt, n, tSample, chi2Wrong, maxWrong)
	if maxWrong < 5 {
		t.Errorf("no bin rejects the Boltzmann weights at kT = 1.1 (worst %.1fσ): the test has no power", maxWrong)
	}
}

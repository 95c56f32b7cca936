package integrators

import (
	"math"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
)

// Velocity Verlet on a harmonic oscillator (x₀ = 1, v₀ = 0) is a linear map
// whose solution is exactly x_n = cos(nθ) with cos θ = 1 − h²ω²/2, a
// frequency shift that a wrong splitting would not reproduce.
func TestVerletHarmonicExact(t *testing.T) {
	const omega, h, n = 1.3, 0.2, 1000
	s := sim.NewState(1, sim.NewOpenBox(sim.Vec3{}))
	s.Pos[0] = sim.Vec3{1, -2, 0.5}
	s.Mass[0] = 2
	g := &VelocityVerlet{Force: spring(s.Mass[0] * omega * omega), Dt: h}
	mustInit(t, g, s)
	steps(t, g, s, n)
	theta := math.Acos(1 - h*h*omega*omega/2)
	want := sim.Vec3{1, -2, 0.5}.Scale(math.Cos(n * theta))
	for c := 0; c < 3; c++ {
		if math.Abs(s.Pos[0][c]-want[c]) > 1e-11 {
			t.Errorf("x[%d] after %d steps = %.15g, exact discrete solution %.15g", c, n, s.Pos[0][c], want[c])
		}
	}
	if math.Abs(s.Time-n*h) > 1e-11 || s.Step != n {
		t.Errorf("clock: step %d time %v, want %d and %v", s.Step, s.Time, n, n*h)
	}
}

// energyError runs velocity Verlet on a periodic soft-sphere fluid (32
// particles, kT = 1) for time T and returns the RMS over the run of
// ΔE(t) = E(t) − E(0), and the block-averaged means of ΔE over the first and
// the second half of the run.
func energyError(t *testing.T, seed uint64, dt, T float64) (rms float64, first, second stats.MeanErr) {
	s := uniformPositions(32, sim.NewPeriodicBox(3.2, 3.2, 3.2), seed)
	if err := (MaxwellBoltzmann{KT: 1, Seed: seed}).Assign(s); err != nil {
		t.Fatal(err)
	}
	g := &VelocityVerlet{Force: softPair(5, 1.5), Dt: dt}
	mustInit(t, g, s)
	e0 := s.KineticEnergy() + s.PotentialEnergy
	n := int(math.Round(T / dt))
	var halves [2]stats.Series
	for k := 0; k < n; k++ {
		steps(t, g, s, 1)
		de := s.KineticEnergy() + s.PotentialEnergy - e0
		rms += de * de
		halves[2*k/n].Add(de)
	}
	return math.Sqrt(rms / float64(n)), halves[0].Estimate(), halves[1].Estimate()
}

// The energy error of velocity Verlet scales as Dt²: halving Dt on the same
// initial condition of an interacting, anharmonic fluid (with particles
// crossing the periodic boundaries) divides the RMS energy error over 4 τ
// by 4. Over 4 τ the two trajectories stay close, so the ratio is sharp:
// over eight seeds it scattered by 0.05 about 4.0 (3.89–4.05), and the test
// asks 4 ± 0.4, far from first order (2) or third order (8).
func TestVerletEnergyDt2(t *testing.T) {
	seeds := size(1, 8)
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		r1, _, _ := energyError(t, seed, 0.02, 4)
		r2, _, _ := energyError(t, seed, 0.01, 4)
		t.Logf("seed %d: RMS energy error %.4g (dt 0.02), %.4g (dt 0.01), ratio %.3f", seed, r1, r2, r1/r2)
		if math.Abs(r1/r2-4) > 0.4 {
			t.Errorf("seed %d: energy error ratio %.3f for halved dt, want 4 ± 0.4", seed, r1/r2)
		}
	}
}

// No secular drift: over 100 τ the mean energy error of the second half
// equals that of the first half within 5 block-averaged standard errors of
// their difference, for two time steps.
func TestVerletNoDrift(t *testing.T) {
	if testing.Short() {
		t.Skip("100 τ runs")
	}
	for _, dt := range []float64{0.02, 0.01} {
		rms, a, b := energyError(t, 3, dt, 100)
		se := math.Hypot(a.StdErr, b.StdErr)
		t.Logf("dt %g: RMS energy error %.4g; mean ΔE first half %v, second half %v (%.1fσ apart)", dt, rms, a, b, math.Abs(b.Mean-a.Mean)/se)
		if math.Abs(b.Mean-a.Mean) > 5*se {
			t.Errorf("dt %g: energy drifts from %v to %v over 100 τ", dt, a, b)
		}
	}
}

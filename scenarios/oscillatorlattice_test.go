package scenarios

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

func latticeConfig(nx, ny int, initial, dynamics string) *OscillatorLatticeConfig {
	c := OscillatorLattice{}.DefaultConfig().(*OscillatorLatticeConfig)
	c.Nx, c.Ny, c.Initial, c.Dynamics = nx, ny, initial, dynamics
	return c
}

// A periodic 8 × 8 harmonic lattice started at rest and driven by BAOAB
// (kT = 0.5, γ = 1, h = 0.2) must reach the kinetic temperature BAOAB
// gives exactly, kT·mean_k(1 − h²ω_k²/4) = 0.475, within 4 standard errors
// (block-averaged over the second half); it differs from kT by ~20
// standard errors, so the test sees the discretisation. The trajectory
// holds the initial frame and one per trajectory_every steps.
func TestOscillatorLatticeScenarioThermal(t *testing.T) {
	c := latticeConfig(8, 8, "random", "langevin")
	c.Omega0, c.KT, c.Gamma, c.Dt, c.Amplitude = 1, 0.5, 1, 0.2, 0
	c.Steps, c.SampleEvery, c.TrajectoryEvery = 20000, 5, 5000
	if testing.Short() {
		c.Steps = 10000
	}
	dir, sum, err := runInTemp(t, context.Background(), OscillatorLattice{}, c, 9)
	if err != nil {
		t.Fatal(err)
	}
	sum.has(t, "lattice.csv", "spacetime.png", "lattice.pstraj")
	temp, want := sum.num(t, "kinetic_temperature"), sum.num(t, "kinetic_temperature_expected").Mean
	t.Logf("kinetic temperature %v, BAOAB exact %.5f, kT %g", temp, want, c.KT)
	if math.Abs(want-0.475) > 1e-12 || math.Abs(temp.Mean-want) > 4*temp.StdErr {
		t.Errorf("kinetic temperature %v, want %.5f", temp, want)
	}
	tr, err := trajectory.Open(filepath.Join(dir, "lattice.pstraj"))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	if want := int(c.Steps/c.TrajectoryEvery) + 1; tr.NumFrames() != want || tr.Header().N != 64 || !tr.Header().Velocities {
		t.Errorf("trajectory: %d frames of %d oscillators, want %d frames of 64 with velocities", tr.NumFrames(), tr.Header().N, want)
	}
}

// A plane wave of mode 3 on a periodic 64 × 4 lattice under NVE is a
// normal mode: the phase of its Fourier amplitude must turn at ω(k), so
// the measured phase velocity equals ω(k)/k up to velocity Verlet's phase
// error ω²h²/24 = 3.5e-5 (tolerance 1e-4 relative), and the energy is
// conserved to 1e-4. The cosine coupling at amplitude 0.01 follows the
// same wave up to a relative shift of order (A k)² (tolerance 1e-3).
func TestOscillatorLatticeScenarioPhaseVelocity(t *testing.T) {
	for _, tc := range []struct {
		coupling  string
		amp, rtol float64
	}{{"harmonic", 0.3, 1e-4}, {"cos", 0.01, 1e-3}} {
		c := latticeConfig(64, 4, "plane-wave", "nve")
		c.Coupling, c.WaveMode, c.Amplitude, c.Steps = tc.coupling, 3, tc.amp, 2000
		_, sum, err := runInTemp(t, context.Background(), OscillatorLattice{}, c, 1)
		if err != nil {
			t.Fatal(err)
		}
		v, want, drift := sum.num(t, "phase_velocity"), sum.num(t, "phase_velocity_theory").Mean, sum.num(t, "energy_drift").Mean
		t.Logf("%s: phase velocity %.8f ± %.2g σ/τ, theory ω/k = %.8f; energy drift %.2g", tc.coupling, v.Mean, v.StdErr, want, drift)
		if math.Abs(v.Mean/want-1) > tc.rtol || math.Abs(drift) > 1e-4 {
			t.Errorf("%s: phase velocity %v, theory %g (energy drift %g)", tc.coupling, v, want, drift)
		}
	}
}

// A Gaussian wave packet (mode 16 of 256, k₀ = 0.393, envelope of 12
// sites) under NVE must travel at the group velocity dω/dk = K sin k/ω(k)
// averaged over its spectrum: a packet exp(−x²/2w²) carries intensity
// ∝ exp(−(k − k₀)²w²) in mode k = 2πm/N, which gives 0.5980 σ/τ, 0.9%
// below v_g(k₀) = 0.6034 σ/τ. Tolerance 4 standard errors plus 0.2% for the
// intensity measure (u² + v²/ω(k₀)², not each mode's exact energy) and the
// packet's small left-moving part.
func TestOscillatorLatticeScenarioGroupVelocity(t *testing.T) {
	c := latticeConfig(256, 1, "wave-packet", "nve")
	c.WaveMode, c.PacketWidth, c.Amplitude, c.Dt, c.Steps, c.SampleEvery = 16, 12, 0.1, 0.1, 1000, 2
	_, sum, err := runInTemp(t, context.Background(), OscillatorLattice{}, c, 1)
	if err != nil {
		t.Fatal(err)
	}
	k0 := 2 * math.Pi * 16 / 256
	var num, den float64
	for m := 1; m < 128; m++ {
		k := 2 * math.Pi * float64(m) / 256
		w := math.Exp(-(k - k0) * (k - k0) * 144)
		num += w * c.K * math.Sin(k) / c.Frequency(k, 0)
		den += w
	}
	v, vg0, want := sum.num(t, "group_velocity"), sum.num(t, "group_velocity_theory").Mean, num/den
	t.Logf("packet centre speed %v σ/τ; spectrum-averaged group velocity %.5f, v_g(k₀) = %.5f", v, want, vg0)
	if math.Abs(vg0-c.K*math.Sin(k0)/c.Frequency(k0, 0)) > 1e-12 || math.Abs(v.Mean-want) > 4*v.StdErr+0.002*want {
		t.Errorf("packet centre speed %v, want %g", v, want)
	}
}

// A cancelled run stops with an error wrapping sim.ErrInterrupted and
// writes the initial sample and the image.
func TestOscillatorLatticeScenarioInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir, sum, err := runInTemp(t, ctx, OscillatorLattice{}, OscillatorLattice{}.DefaultConfig(), 1)
	if !errors.Is(err, sim.ErrInterrupted) {
		t.Fatalf("err = %v, want an interruption", err)
	}
	if rows := csvRows(t, filepath.Join(dir, "lattice.csv")); len(rows) != 1 {
		t.Errorf("%d rows written, want 1", len(rows))
	}
	sum.has(t, "spacetime.png")
}

// Bad input is refused with an error naming the key.
func TestOscillatorLatticeScenarioBadInput(t *testing.T) {
	sc := OscillatorLattice{}
	rejects(t, sc, "dt", "dt=0")
	rejects(t, sc, "dt", "dt=-0.05")
	rejects(t, sc, "must be below 2 for a stable step", "dt=1")
	rejects(t, sc, "steps", "steps=0")
	rejects(t, sc, "gamma", "gamma=0")
	rejects(t, sc, "kT", "kT=-1")
	rejects(t, sc, "dynamics", "dynamics=md")
	rejects(t, sc, "k ", "k=-1")
	rejects(t, sc, "Coupling", "coupling=morse")
	rejects(t, sc, "nx", "nx=0")
	rejects(t, sc, "ny", "ny=-2")
	rejects(t, sc, "open", "open=true")
	rejects(t, sc, "wave_mode", "wave_mode=0")
	rejects(t, sc, "wave_mode", "wave_mode=64")
	rejects(t, sc, "amplitude", "amplitude=0")
	rejects(t, sc, "sample_every", "sample_every=100")
	rejects(t, sc, "packet_width", "initial=wave-packet", "packet_width=0")
	rejects(t, sc, "initial", "initial=standing")
	rejects(t, sc, "trajectory_file", "trajectory_every=10", "trajectory_file=")
}

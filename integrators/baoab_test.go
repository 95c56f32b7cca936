package integrators

import (
	"math"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
)

// BAOAB on independent harmonic oscillators (m = 1, ω = 1, kT = 1) samples
// ⟨x²⟩ = 1/ω² exactly and ⟨v²⟩ = 1 − h²ω²/4 at any stable step h
// (Leimkuhler & Matthews 2013; the stationary covariance of the linear
// map). At hω = 0.5 and 1 the velocity deficit (6.25 %, 25 %) is resolved by
// many standard errors, and a wrong splitting (OBABO: ⟨v²⟩ = 1, ⟨x²⟩ =
// 1/(1 − h²ω²/4)) is rejected.
func TestBAOABHarmonicMoments(t *testing.T) {
	n, nsteps := size(200, 1000), size(1000, 8000)
	for _, h := range []float64{0.5, 1} {
		s := normalPositions(n, 1, 11)
		if err := (MaxwellBoltzmann{KT: 1, Seed: 12}).Assign(s); err != nil {
			t.Fatal(err)
		}
		g := &LangevinBAOAB{Force: spring(1), Dt: h, KT: 1, Gamma: 1, Seed: 13}
		mustInit(t, g, s)
		steps(t, g, s, int(20/h)) // 20 friction times
		var x2, v2 stats.Series
		for k := 0; k < nsteps; k++ {
			steps(t, g, s, 1)
			var sx, sv float64
			for i := range s.Pos {
				sx += s.Pos[i].Norm2()
				sv += s.Vel[i].Norm2()
			}
			x2.Add(sx / float64(3*n))
			v2.Add(sv / float64(3*n))
		}
		vWant := 1 - h*h/4
		name := "BAOAB at h=" + ftoa(h)
		checkWithin(t, name+" ⟨x²⟩", blocked(t, name, &x2), 1, 5)
		ve := blocked(t, name, &v2)
		checkWithin(t, name+" ⟨v²⟩", ve, vWant, 5)
		if 1-vWant < 10*ve.StdErr {
			t.Errorf("the step-size effect %.4f is not resolved by the error %.4f", 1-vWant, ve.StdErr)
		}
	}
}

// Equipartition in an anharmonic well V = Σ_c (x_c²/2 + x_c⁴/4) at kT = 1.5
// with two masses (1 and 4, friction rates 4 and 1): for each mass the
// kinetic temperature ⟨m v²⟩/3 equals kT, and the configurational
// temperature ⟨x·∇V⟩/3 equals kT. The particles are independent, so each
// one's time average over the sampling window is an independent unbiased
// estimate; the tolerance is 5 standard errors over particles. The BAOAB
// bias at Dt = 0.02 is O((Dt ω)²/4) ≲ 5e-4 (ω² = V″/m ≲ 5), well below
// the errors.
func TestBAOABEquipartition(t *testing.T) {
	const kT = 1.5
	n, nsteps := size(1000, 4000), size(250, 2500)
	s := normalPositions(n, 0.5, 21)
	for i := range s.Mass {
		s.Mass[i] = float64(1 + 3*(i%2))
	}
	if err := (MaxwellBoltzmann{KT: kT, Seed: 22}).Assign(s); err != nil {
		t.Fatal(err)
	}
	g := &LangevinBAOAB{Force: quartic(1, 1), Dt: 0.02, KT: kT, Gamma: 4, Seed: 23}
	mustInit(t, g, s)
	steps(t, g, s, 1000) // 20 τ: 20 velocity relaxation times of the heavy particles
	kin := make([]float64, n)
	conf := make([]float64, n)
	for k := 0; k < nsteps; k++ {
		steps(t, g, s, 1)
		for i := range s.Pos {
			kin[i] += s.Mass[i] * s.Vel[i].Norm2() / float64(3*nsteps)
			conf[i] -= s.Pos[i].Dot(s.Force[i]) / float64(3*nsteps) // x·∇V
		}
	}
	var byMass [2][]float64
	for i, k := range kin {
		byMass[i%2] = append(byMass[i%2], k)
	}
	checkWithin(t, "kinetic kT, m = 1", independent(byMass[0]), kT, 5)
	checkWithin(t, "kinetic kT, m = 4", independent(byMass[1]), kT, 5)
	checkWithin(t, "configurational kT", independent(conf), kT, 5)
}

// With KT = 0 the O step is pure damping, v ← c v with c = exp(−Gamma/m·Dt):
// a free particle of mass 2 keeps v_n = cⁿ v₀ and moves by
// Σ_k (c^k + c^{k+1}) v₀ Dt/2, which checks the friction-rate convention
// Gamma/m exactly.
func TestBAOABDampedFreeParticle(t *testing.T) {
	const m, gamma, dt, n = 2.0, 0.6, 0.1, 50
	s := sim.NewState(1, sim.NewOpenBox(sim.Vec3{}))
	s.Mass[0] = m
	v0 := sim.Vec3{1, -0.5, 2}
	s.Vel[0] = v0
	g := &LangevinBAOAB{Force: zeroForce, Dt: dt, Gamma: gamma, Seed: 1}
	mustInit(t, g, s)
	steps(t, g, s, n)
	c := math.Exp(-gamma / m * dt)
	var path float64
	for k := 0; k < n; k++ {
		path += (math.Pow(c, float64(k)) + math.Pow(c, float64(k+1))) * dt / 2
	}
	for d := 0; d < 3; d++ {
		if want := math.Pow(c, n) * v0[d]; math.Abs(s.Vel[0][d]-want) > 1e-13 {
			t.Errorf("v[%d] = %.15g, want %.15g", d, s.Vel[0][d], want)
		}
		if want := path * v0[d]; math.Abs(s.Pos[0][d]-want) > 1e-12 {
			t.Errorf("x[%d] = %.15g, want %.15g", d, s.Pos[0][d], want)
		}
	}
}

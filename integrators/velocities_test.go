package integrators

import (
	"math"
	"testing"

	"github.com/physim/physim/sim"
)

// momentum returns Σ m v.
func momentum(s *sim.State) sim.Vec3 {
	var p sim.Vec3
	for i, v := range s.Vel {
		p = p.Add(v.Scale(s.Mass[i]))
	}
	return p
}

// With Rescale the kinetic temperature (3N − 3 degrees of freedom) is
// exactly KT and the total momentum vanishes, for mixed masses.
func TestMaxwellBoltzmannRescale(t *testing.T) {
	s := sim.NewState(100, sim.NewPeriodicBox(5, 5, 5))
	for i := range s.Mass {
		s.Mass[i] = 1 + float64(i%3)
	}
	if err := (MaxwellBoltzmann{KT: 1.44, Seed: 81, Rescale: true}).Assign(s); err != nil {
		t.Fatal(err)
	}
	if got := s.Temperature(true); math.Abs(got-1.44) > 1e-12 {
		t.Errorf("temperature %.15g, want exactly 1.44", got)
	}
	if p := momentum(s); p.Norm() > 1e-12 {
		t.Errorf("total momentum %v, want 0", p)
	}
	one := sim.NewState(1, sim.NewPeriodicBox(5, 5, 5))
	if err := (MaxwellBoltzmann{KT: 2, Seed: 81, Rescale: true}).Assign(one); err != nil {
		t.Fatal(err)
	}
	if got := one.Temperature(true); math.Abs(got-2) > 1e-12 {
		t.Errorf("single particle: temperature %v (3 degrees of freedom), want 2", got)
	}
}

// Without Rescale the velocities are Maxwell–Boltzmann: for each mass,
// m v_c² averages KT and m² v_c⁴ averages 3 KT² (Gaussian fourth moment),
// within 5 standard errors over independent particles; the zero value
// gives zero velocities; the draw depends on the seed and the step only.
func TestMaxwellBoltzmannDistribution(t *testing.T) {
	const kT, n = 0.8, 20000
	s := sim.NewState(n, sim.NewPeriodicBox(5, 5, 5))
	for i := range s.Mass {
		s.Mass[i] = float64(1 + 9*(i%2))
	}
	mb := MaxwellBoltzmann{KT: kT, Seed: 82}
	if err := mb.Assign(s); err != nil {
		t.Fatal(err)
	}
	var e2, e4 [2][]float64
	for i, v := range s.Vel {
		for c := 0; c < 3; c++ {
			x := s.Mass[i] * v[c] * v[c]
			e2[i%2] = append(e2[i%2], x)
			e4[i%2] = append(e4[i%2], x*x)
		}
	}
	for j, m := range []string{"1", "10"} {
		checkWithin(t, "⟨m v²⟩ per component, m = "+m, independent(e2[j]), kT, 5)
		checkWithin(t, "⟨m² v⁴⟩ per component, m = "+m, independent(e4[j]), 3*kT*kT, 5)
	}
	if p := momentum(s); p.Norm() > 1e-9 {
		t.Errorf("total momentum %v, want 0", p)
	}

	again := s.Clone()
	if err := mb.Assign(again); err != nil {
		t.Fatal(err)
	}
	if !sameBits(s, again) {
		t.Errorf("the same seed and step gave different velocities")
	}
	again.Step = 1
	if err := mb.Assign(again); err != nil {
		t.Fatal(err)
	}
	if again.Vel[0] == s.Vel[0] {
		t.Errorf("another step gave the same velocities")
	}
	if err := (MaxwellBoltzmann{}).Assign(again); err != nil {
		t.Fatal(err)
	}
	for i, v := range again.Vel {
		if v != (sim.Vec3{}) {
			t.Fatalf("zero value: particle %d has velocity %v", i, v)
		}
	}
}

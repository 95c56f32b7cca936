package integrators

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// Invalid settings are rejected at Init with an error naming the field.
func TestInvalidSettings(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	f := zeroForce
	cases := []struct {
		g     sim.Integrator
		field string
	}{
		{&VelocityVerlet{Force: f, Dt: 0}, "Dt"},
		{&VelocityVerlet{Force: f, Dt: -0.1}, "Dt"},
		{&VelocityVerlet{Force: f, Dt: nan}, "Dt"},
		{&VelocityVerlet{Dt: 0.1}, "Force"},
		{&LangevinBAOAB{Force: f, Dt: 0, KT: 1, Gamma: 1}, "Dt"},
		{&LangevinBAOAB{Force: f, Dt: nan, KT: 1, Gamma: 1}, "Dt"},
		{&LangevinBAOAB{Force: f, Dt: inf, KT: 1, Gamma: 1}, "Dt"},
		{&LangevinBAOAB{Force: f, Dt: 0.1, KT: -1, Gamma: 1}, "KT"},
		{&LangevinBAOAB{Force: f, Dt: 0.1, KT: nan, Gamma: 1}, "KT"},
		{&LangevinBAOAB{Force: f, Dt: 0.1, KT: 1, Gamma: 0}, "Gamma"},
		{&LangevinBAOAB{Force: f, Dt: 0.1, KT: 1, Gamma: -2}, "Gamma"},
		{&LangevinBAOAB{Force: f, Dt: 0.1, KT: 1, Gamma: nan}, "Gamma"},
		{&LangevinBAOAB{Dt: 0.1, KT: 1, Gamma: 1}, "Force"},
		{&Brownian{Force: f, Dt: -1, KT: 1, Gamma: 1}, "Dt"},
		{&Brownian{Force: f, Dt: nan, KT: 1, Gamma: 1}, "Dt"},
		{&Brownian{Force: f, Dt: 0.1, KT: -0.5, Gamma: 1}, "KT"},
		{&Brownian{Force: f, Dt: 0.1, KT: 1, Gamma: 0}, "Gamma"},
		{&Brownian{Force: f, Dt: 0.1, KT: 1, Gamma: inf}, "Gamma"},
	}
	for _, c := range cases {
		err := c.g.Init(sim.NewState(2, sim.NewPeriodicBox(1, 1, 1)))
		if err == nil || !strings.HasPrefix(err.Error(), "integrators: ") || !strings.Contains(err.Error(), "."+c.field+" ") {
			t.Errorf("%+v: Init error %v, want one naming %s", c.g, err, c.field)
		}
	}
	if err := (MaxwellBoltzmann{KT: -1}).Assign(sim.NewState(2, sim.NewPeriodicBox(1, 1, 1))); err == nil || !strings.Contains(err.Error(), "KT") {
		t.Errorf("MaxwellBoltzmann with KT = -1: %v", err)
	}
}

// A setting changed between steps to an invalid value is rejected by Step.
func TestInvalidOverride(t *testing.T) {
	s := sim.NewState(2, sim.NewPeriodicBox(1, 1, 1))
	g := &LangevinBAOAB{Force: zeroForce, Dt: 0.1, KT: 1, Gamma: 1}
	mustInit(t, g, s)
	g.Dt = math.NaN()
	if err := g.Step(s); err == nil || !strings.Contains(err.Error(), "Dt") {
		t.Errorf("Step with Dt = NaN: %v", err)
	}
	if s.Step != 0 {
		t.Errorf("a rejected step advanced the state to step %d", s.Step)
	}
}

// A force that becomes infinite on particle 2 from step 3 on stops every
// integrator with a *sim.NonFiniteError naming that particle and step (the
// step whose end positions gave the bad force).
func TestExplodingForce(t *testing.T) {
	bad := sim.ForceFunc(func(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
		if s.Step >= 3 {
			f[2][1] = math.Inf(1)
		}
		return sim.ForceResult{}, nil
	})
	for _, g := range []sim.Integrator{
		&VelocityVerlet{Force: bad, Dt: 0.01},
		&LangevinBAOAB{Force: bad, Dt: 0.01, KT: 1, Gamma: 1},
		&Brownian{Force: bad, Dt: 0.01, KT: 1, Gamma: 1},
	} {
		s := sim.NewState(4, sim.NewPeriodicBox(2, 2, 2))
		mustInit(t, g, s)
		var err error
		for k := 0; k < 5 && err == nil; k++ {
			err = g.Step(s)
		}
		var nf *sim.NonFiniteError
		if !errors.As(err, &nf) || nf.Particle != 2 || nf.Step != 3 || nf.What != "force" {
			t.Errorf("%T: error %v, want a non-finite force on particle 2 at step 3", g, err)
		}
	}
}

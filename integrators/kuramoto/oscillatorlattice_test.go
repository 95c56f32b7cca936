package kuramoto

import (
	"math"
	"testing"

	"github.com/physim/physim/integrators"
	"github.com/physim/physim/sim"
)

func displaced(l *OscillatorLattice, amp float64, seed uint64) *sim.State {
	s := l.NewState()
	g := randomVector(3*s.N(), seed)
	for i := range s.Pos {
		for c := 0; c < 3; c++ {
			s.Pos[i][c] += amp * g[3*i+c]
		}
	}
	return s
}

// TestOscillatorLatticeForcesAreGradient compares the forces with central
// finite differences of the energy (step 1e-6, rtol 1e-6).
func TestOscillatorLatticeForcesAreGradient(t *testing.T) {
	for _, l := range []*OscillatorLattice{
		{Nx: 5, Ny: 4, Omega0: 0.8, K: 1.3},
		{Nx: 7, Open: true, Omega0: 0.3, K: 2, Coupling: "cos", Spacing: 1.5},
		{Nx: 2, Ny: 3, K: 0.9, Coupling: "cos"},
	} {
		s := displaced(l, 0.7, 1)
		f := make([]sim.Vec3, s.N())
		if _, err := l.Compute(s, f); err != nil {
			t.Fatal(err)
		}
		const h = 1e-6
		var worst float64
		for i := range s.Pos {
			for c := 0; c < 3; c++ {
				x := s.Pos[i][c]
				s.Pos[i][c] = x + h
				ep, _ := l.Compute(s, make([]sim.Vec3, s.N()))
				s.Pos[i][c] = x - h
				em, _ := l.Compute(s, make([]sim.Vec3, s.N()))
				s.Pos[i][c] = x
				fd := -(ep.Energy - em.Energy) / (2 * h)
				worst = math.Max(worst, math.Abs(fd-f[i][c])/math.Max(1, math.Abs(fd)))
			}
		}
		if worst > 1e-6 {
			t.Errorf("%+v: force differs from −∇U by %.3e", *l, worst)
		}
	}
}

// TestOscillatorLatticeDispersion: a plane-wave displacement (a normal
// mode of the harmonic lattice) feels F = −ω(k)² u exactly, with ω(k) from
// Frequency, on periodic 1D and 2D lattices and for the standing waves
// cos(k(x + ½)), k = πm/N, of an open chain.
func TestOscillatorLatticeDispersion(t *testing.T) {
	for _, tc := range []struct {
		l      OscillatorLattice
		kx, ky float64
	}{
		{OscillatorLattice{Nx: 32, Omega0: 0.5, K: 1.2}, 2 * math.Pi * 5 / 32, 0},
		{OscillatorLattice{Nx: 12, Ny: 9, Omega0: 1, K: 0.7}, 2 * math.Pi * 2 / 12, 2 * math.Pi * 4 / 9},
		{OscillatorLattice{Nx: 20, Open: true, Omega0: 0.2, K: 1}, math.Pi * 3 / 20, 0},
	} {
		l := tc.l
		s := l.NewState()
		mode := func(i int) float64 {
			x, y := float64(i%l.Nx), float64(i/l.Nx)
			if l.Open {
				return math.Cos(tc.kx * (x + 0.5))
			}
			return math.Cos(tc.kx*x + tc.ky*y)
		}
		for i := range s.Pos {
			s.Pos[i][1] += 0.3 * mode(i)
		}
		f := make([]sim.Vec3, s.N())
		if _, err := l.Compute(s, f); err != nil {
			t.Fatal(err)
		}
		w := l.Frequency(tc.kx, tc.ky)
		for i := range f {
			if math.Abs(f[i][1]+w*w*0.3*mode(i)) > 1e-12 || f[i][0] != 0 || f[i][2] != 0 {
				t.Fatalf("%+v site %d: force %v, want (0, %g, 0)", l, i, f[i], -w*w*0.3*mode(i))
			}
		}
	}
}

// TestTravellingWave integrates a plane wave with velocity Verlet
// (integrators.VelocityVerlet; no damping, no noise): the displacement must
// stay A cos(k n − ω(k) t), a wave travelling at phase velocity ω/k. Verlet's
// phase error ω³h²t/24 is 2e-6 rad here; tolerance 1e-4 A. The cosine
// coupling at A = 0.01 follows the same wave up to its cubic term, a
// relative frequency shift of order (A k)², tolerance 1e-3 A.
func TestTravellingWave(t *testing.T) {
	const amp, h, steps = 0.01, 0.01, 2000
	for _, coupling := range []string{"harmonic", "cos"} {
		l := &OscillatorLattice{Nx: 64, Omega0: 0.5, K: 1, Coupling: coupling}
		k := 2 * math.Pi * 3 / 64
		s := l.NewState()
		l.PlaneWave(s, k, 0, amp, 2)
		vv := &integrators.VelocityVerlet{Force: l, Dt: h}
		if err := vv.Init(s); err != nil {
			t.Fatal(err)
		}
		for n := 0; n < steps; n++ {
			if err := vv.Step(s); err != nil {
				t.Fatal(err)
			}
		}
		w := l.Frequency(k, 0)
		var worst float64
		for i := range s.Pos {
			want := amp * math.Cos(k*float64(i)-w*s.Time)
			worst = math.Max(worst, math.Abs(s.Pos[i][2]-want))
		}
		t.Logf("%s: ω(k) = %.5f, phase velocity %.4f sites/τ, after t = %g max deviation %.2e A", coupling, w, w/k, s.Time, worst/amp)
		tol := 1e-4
		if coupling == "cos" {
			tol = 1e-3
		}
		if worst > tol*amp {
			t.Errorf("%s: wave deviates from A cos(kn − ωt) by %.3e A", coupling, worst/amp)
		}
	}
}

// TestLatticeThermalModes drives a periodic 8×8 harmonic lattice with
// integrators.LangevinBAOAB. The lattice is a set of independent normal
// modes, and BAOAB samples each harmonic mode's position exactly,
// ⟨|u_k|²⟩ = kT/ω_k², and its velocity with ⟨|v_k|²⟩ = kT(1 − h²ω_k²/4)
// (Leimkuhler & Matthews 2013). Averaged over sites, ⟨u_c²⟩ = (kT/N) Σ_k
// 1/ω_k² and ⟨v_c²⟩ = (kT/N) Σ_k (1 − h²ω_k²/4). The error bars come from
// 20 blocks; tolerance 4 standard errors.
func TestLatticeThermalModes(t *testing.T) {
	const nx, ny, kT, h, blocks, perBlock = 8, 8, 0.5, 0.2, 20, 1000
	l := &OscillatorLattice{Nx: nx, Ny: ny, Omega0: 1, K: 1}
	var u2th, v2th float64
	for mx := 0; mx < nx; mx++ {
		for my := 0; my < ny; my++ {
			w := l.Frequency(2*math.Pi*float64(mx)/nx, 2*math.Pi*float64(my)/ny)
			u2th += kT / (w * w) / (nx * ny)
			v2th += kT * (1 - h*h*w*w/4) / (nx * ny)
		}
	}
	s := l.NewState()
	g := &integrators.LangevinBAOAB{Force: l, Dt: h, KT: kT, Gamma: 1, Seed: 3}
	if err := g.Init(s); err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 500; n++ {
		if err := g.Step(s); err != nil {
			t.Fatal(err)
		}
	}
	var bu, bv []float64
	for b := 0; b < blocks; b++ {
		var su, sv float64
		for n := 0; n < perBlock; n++ {
			if err := g.Step(s); err != nil {
				t.Fatal(err)
			}
			for i := range s.Pos {
				u := s.Pos[i].Sub(l.Site(i))
				su += u.Norm2()
				sv += s.Vel[i].Norm2()
			}
		}
		norm := float64(3 * perBlock * s.N())
		bu, bv = append(bu, su/norm), append(bv, sv/norm)
	}
	mu, eu := meanStdErr(bu)
	mv, ev := meanStdErr(bv)
	t.Logf("⟨u²⟩ = %.5f ± %.5f (exact for BAOAB %.5f); ⟨v²⟩ = %.5f ± %.5f (exact %.5f)", mu, eu, u2th, mv, ev, v2th)
	if math.Abs(mu-u2th) > 4*eu || math.Abs(mv-v2th) > 4*ev {
		t.Errorf("thermal mode amplitudes off: ⟨u²⟩ %.5f vs %.5f, ⟨v²⟩ %.5f vs %.5f", mu, u2th, mv, v2th)
	}
}

func meanStdErr(x []float64) (mean, se float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)*(len(x)-1)))
}

func TestOscillatorLatticeBadInput(t *testing.T) {
	l := &OscillatorLattice{Nx: 4, Ny: 2, K: 1}
	s := sim.NewState(7, sim.NewOpenBox(sim.Vec3{}))
	if _, err := l.Compute(s, make([]sim.Vec3, 7)); err == nil {
		t.Error("accepted a state of 7 particles for an 8-site lattice")
	} else {
		t.Log(err)
	}
	l = &OscillatorLattice{Nx: 4, K: 1, Coupling: "morse"}
	if err := l.Validate(); err == nil {
		t.Error("accepted an unknown coupling")
	}
	l = &OscillatorLattice{Nx: 0}
	if err := l.Validate(); err == nil {
		t.Error("accepted Nx = 0")
	}
}

func TestOscillatorLatticeAllocationFree(t *testing.T) {
	l := &OscillatorLattice{Nx: 6, Ny: 5, K: 1, Omega0: 1, Coupling: "cos"}
	s := displaced(l, 0.2, 2)
	f := make([]sim.Vec3, s.N())
	if a := testing.AllocsPerRun(20, func() { l.Compute(s, f) }); a != 0 {
		t.Errorf("%v allocations per force evaluation", a)
	}
}

package kuramoto

import (
	"math"
	"testing"
)

// TestLatticeRelaxationModes: for small phase differences the lattice
// coupling is K times the graph Laplacian, whose eigenmodes are known in
// closed form: cos(k·n) with eigenvalue −4K[sin²(k_x/2) + sin²(k_y/2)] on a
// periodic lattice (k = 2πm/N) and cos(k(x + ½)) products with k = πm/N on
// an open one. Identical oscillators (ω = 0) started in a mode of amplitude
// ε = 1e-4 must decay as ε e^{−λt}; the cubic term of sin changes the rate
// by O(ε²k²) ≈ 1e-8 and RK4 at h = 0.005 is accurate to ~1e-9, so the
// tolerance is 1e-7 of ε.
func TestLatticeRelaxationModes(t *testing.T) {
	const K, eps, h, steps = 0.7, 1e-4, 0.005, 200
	for _, tc := range []struct {
		nx, ny, mx, my int
		open           bool
	}{
		{16, 1, 3, 0, false},
		{16, 1, 5, 0, true},
		{8, 6, 2, 1, false},
		{8, 6, 3, 4, true},
	} {
		n := tc.nx * max(tc.ny, 1)
		var kx, ky, off float64
		if tc.open {
			kx, ky, off = math.Pi*float64(tc.mx)/float64(tc.nx), math.Pi*float64(tc.my)/float64(tc.ny), 0.5
		} else {
			kx, ky = 2*math.Pi*float64(tc.mx)/float64(tc.nx), 2*math.Pi*float64(tc.my)/float64(tc.ny)
		}
		mode := func(i int) float64 {
			x, y := float64(i%tc.nx)+off, float64(i/tc.nx)+off
			if tc.open {
				return math.Cos(kx*x) * math.Cos(ky*y)
			}
			return math.Cos(kx*x + ky*y)
		}
		th0 := make([]float64, n)
		for i := range th0 {
			th0[i] = eps * mode(i)
		}
		p, err := NewPhases(PhasesConfig{Omega: make([]float64, n), Coupling: Lattice{Nx: tc.nx, Ny: tc.ny, K: K, Open: tc.open}, Dt: h, Scheme: "rk4"}, th0)
		if err != nil {
			t.Fatal(err)
		}
		p.Advance(steps)
		sx, sy := math.Sin(kx/2), math.Sin(ky/2)
		lambda := 4 * K * (sx*sx + sy*sy)
		decay := math.Exp(-lambda * p.Time)
		var worst float64
		for i, th := range p.Theta {
			worst = math.Max(worst, math.Abs(th-eps*decay*mode(i))/eps)
		}
		t.Logf("%d×%d open=%v mode (%d,%d): λ = %.4f, decay %.4f, worst deviation %.2e ε", tc.nx, tc.ny, tc.open, tc.mx, tc.my, lambda, decay, worst)
		if worst > 1e-7 {
			t.Errorf("%d×%d open=%v: mode deviates from ε e^{−λt} by %.3e ε", tc.nx, tc.ny, tc.open, worst)
		}
	}
}

// TestGraphMatchesLattice: the weighted-graph coupling with the lattice's
// nearest-neighbour edges gives the same drift as Lattice, to round-off.
func TestGraphMatchesLattice(t *testing.T) {
	const nx, ny, K = 7, 5, 1.3
	n := nx * ny
	var edges []Edge
	for i := 0; i < n; i++ {
		x, y := i%nx, i/nx
		for _, j := range []int{(x+1)%nx + nx*y, (x+nx-1)%nx + nx*y, x + nx*((y+1)%ny), x + nx*((y+ny-1)%ny)} {
			edges = append(edges, Edge{I: i, J: j, W: K})
		}
	}
	g, err := NewGraph(n, edges)
	if err != nil {
		t.Fatal(err)
	}
	om, _ := Frequencies{Width: 1, Seed: 4}.Generate(n)
	th := RandomPhases(n, 5)
	vl, vg := make([]float64, n), make([]float64, n)
	pl, _ := NewPhases(PhasesConfig{Omega: om, Coupling: Lattice{Nx: nx, Ny: ny, K: K}, Dt: 0.1}, th)
	pg, _ := NewPhases(PhasesConfig{Omega: om, Coupling: g, Dt: 0.1}, th)
	pl.Velocity(vl)
	pg.Velocity(vg)
	for i := range vl {
		if math.Abs(vl[i]-vg[i]) > 1e-13 {
			t.Errorf("oscillator %d: lattice drift %.15g, graph drift %.15g", i, vl[i], vg[i])
		}
	}
}

// TestAllToAllMatchesGraph: the O(N) mean-field coupling equals the
// complete graph with weights K/N, to round-off.
func TestAllToAllMatchesGraph(t *testing.T) {
	const n, K = 40, 2.5
	var edges []Edge
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			edges = append(edges, Edge{I: i, J: j, W: K / n})
		}
	}
	g, _ := NewGraph(n, edges)
	om, _ := Frequencies{Dist: "gaussian", Width: 1, Seed: 4}.Generate(n)
	th := RandomPhases(n, 6)
	va, vg := make([]float64, n), make([]float64, n)
	pa, _ := NewPhases(PhasesConfig{Omega: om, Coupling: AllToAll{K: K}, Dt: 0.1}, th)
	pg, _ := NewPhases(PhasesConfig{Omega: om, Coupling: g, Dt: 0.1}, th)
	pa.Velocity(va)
	pg.Velocity(vg)
	for i := range va {
		if math.Abs(va[i]-vg[i]) > 1e-13 {
			t.Errorf("oscillator %d: mean-field drift %.15g, complete graph %.15g", i, va[i], vg[i])
		}
	}
}

func TestGraphBadInput(t *testing.T) {
	if _, err := NewGraph(3, []Edge{{0, 3, 1}}); err == nil {
		t.Error("accepted an edge to oscillator 3 of 3")
	} else {
		t.Log(err)
	}
	if _, err := NewGraph(3, []Edge{{0, 1, math.NaN()}}); err == nil {
		t.Error("accepted a NaN weight")
	}
	g, _ := NewGraph(3, nil)
	if _, err := NewPhases(PhasesConfig{Omega: make([]float64, 4), Coupling: g, Dt: 0.1}, make([]float64, 4)); err == nil {
		t.Error("a 3-oscillator graph was used with 4 oscillators")
	}
}

package ddft

import (
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// Ideal gas: ρ = e^{βμ−βV} (grand canonical) and N e^{−βV}/∫e^{−βV}
// (canonical), with a hard-wall region excluded.
func TestIdealGasBoltzmann(t *testing.T) {
	g := mustGrid(t, 10, 0.01, true)
	id, _ := functional.NewIdeal(g)
	V := wall(1, 9, func(z, _ float64) (float64, float64) { return 1.5 * math.Sin(z), 1.5 * math.Cos(z) })
	sys := System{Excess: id, V: V, KT: 1.5}
	gc, err := GrandCanonical(sys, -0.7, EquilibriumSettings{})
	if err != nil {
		t.Fatal(err)
	}
	can, err := Canonical(sys, 0.3, EquilibriumSettings{})
	if err != nil {
		t.Fatal(err)
	}
	norm := 0.0
	for i := 0; i < g.N; i++ {
		v, _ := V(g.Z(i), 0)
		norm += math.Exp(-v/1.5) * g.Dz
	}
	for i := 0; i < g.N; i++ {
		v, _ := V(g.Z(i), 0)
		boltz := math.Exp(-v / 1.5)
		// Converged to the default tolerance 1e-9 on ln ρ.
		if math.Abs(gc.Rho[i]-math.Exp(-0.7)*boltz) > 1e-9*gc.Rho[i] || math.Abs(can.Rho[i]-0.3*10*boltz/norm) > 1e-9*can.Rho[i] {
			t.Fatalf("z = %v: GC ρ = %v want %v; canonical ρ = %v want %v", g.Z(i), gc.Rho[i], math.Exp(-0.7)*boltz, can.Rho[i], 3*boltz/norm)
		}
	}
	if want := math.Log(3 / norm); math.Abs(can.BetaMu-want) > 1e-9 {
		t.Errorf("canonical βμ = %v, want ln(N/∫e^{−βV}) = %v", can.BetaMu, want)
	}
	t.Logf("ideal gas: GC %d iterations (residual %.2g), canonical %d (%.2g)", gc.Iterations, gc.Residual, can.Iterations, can.Residual)
}

// wallContact returns the contact density of the grand-canonical profile
// of f at bulk density rhoB in a slit of length L between hard walls (the
// grid ends), extrapolated from the first two cells to the contact plane,
// and the density at the middle of the slit.
func wallContact(t *testing.T, L, dz float64, build func(g functional.Grid) (functional.Functional, error), rhoB, betaMu float64) (float64, float64) {
	t.Helper()
	g := mustGrid(t, L, dz, false)
	f, err := build(g)
	if err != nil {
		t.Fatal(err)
	}
	var eq *Equilibrium
	if rhoB > 0 {
		eq, err = GrandCanonicalDensity(System{Excess: f}, rhoB, EquilibriumSettings{})
	} else {
		eq, err = GrandCanonical(System{Excess: f}, betaMu, EquilibriumSettings{})
	}
	if err != nil {
		t.Fatal(err)
	}
	return contact(eq.Rho[0], eq.Rho[1]), eq.Rho[g.N/2]
}

// Hard-wall contact theorem ρ(contact) = βP for the bulk equation of state
// of each FMT variant (CS for White Bear, PY-compressibility for Rosenfeld),
// d = 1 in a 12σ slit. The extrapolated contact density has an O(dz²) grid
// error (−2.6e-3 relative at ρ_b = 0.8, dz = 0.01; 4× smaller at 0.005):
// each dz = 0.01 value must be within 3e-3, and the Richardson extrapolation
// of dz = 0.01 and 0.005 within 1e-4 of βP. Short mode checks White Bear II
// at ρ_b = 0.7 and dz = 0.01 only.
func TestHardWallContactTheorem(t *testing.T) {
	// (ρ_b, βP_CS, βP_PY-c) from notes §4.1.
	rows := [][3]float64{{0.5, 1.63122, 1.65352}, {0.7, 3.99715, 4.13272}, {0.8, 6.19975, 6.49936}}
	variants := []functional.Variant{functional.WhiteBearII, functional.WhiteBearI, functional.Rosenfeld}
	if testing.Short() {
		rows, variants = rows[1:2], variants[:1]
	}
	for _, v := range variants {
		build := func(g functional.Grid) (functional.Functional, error) {
			return functional.NewFMT(g, functional.FMTSettings{Variant: v})
		}
		for _, row := range rows {
			want := row[1]
			if v == functional.Rosenfeld {
				want = row[2]
			}
			c1, mid := wallContact(t, 12, 0.01, build, row[0], 0)
			t.Logf("%v ρ_b=%.1f dz=0.01: contact %.5f vs βP %.5f (rel %.1e); ρ(L/2) = %.5f", v, row[0], c1, want, (c1-want)/want, mid)
			if math.Abs(c1-want) > 3e-3*want {
				t.Errorf("%v ρ_b = %v: contact density %.5f, βP = %.5f", v, row[0], c1, want)
			}
			if testing.Short() {
				continue
			}
			c2, _ := wallContact(t, 12, 0.005, build, row[0], 0)
			rich := c2 + (c2-c1)/3
			t.Logf("%v ρ_b=%.1f dz=0.005: contact %.5f; Richardson %.5f (rel %.1e)", v, row[0], c2, rich, (rich-want)/want)
			if math.Abs(rich-want) > 1e-4*want {
				t.Errorf("%v ρ_b = %v: extrapolated contact density %.5f, βP = %.5f", v, row[0], rich, want)
			}
		}
	}
}

// Exact hard rods (Percus): in a 60σ slit at βμ the middle density is ρ_b
// and the contact density is βP = ρ_b/(1 − ρ_b) (notes §4.4); the same grid
// error budget as the hard-sphere contact theorem (short mode: βμ = 2).
func TestHardRodsSlit(t *testing.T) {
	build := func(g functional.Grid) (functional.Functional, error) { return functional.NewPercus(g, 1) }
	rows := [][3]float64{{0, 0.361896, 0.567143}, {1, 0.5, 1}, {2, 0.608939, 1.557146}, {3, 0.688273, 2.207940}}
	if testing.Short() {
		rows = rows[2:3]
	}
	for _, row := range rows {
		c1, mid := wallContact(t, 60, 0.01, build, 0, row[0])
		c2, _ := wallContact(t, 60, 0.005, build, 0, row[0])
		rich := c2 + (c2-c1)/3
		t.Logf("βμ=%v: ρ(L/2) = %.6f (want %.6f); contact %.6f at dz=0.01 (rel %.1e), Richardson %.6f (rel %.1e), βP %.6f",
			row[0], mid, row[1], c1, (c1-row[2])/row[2], rich, (rich-row[2])/row[2], row[2])
		if math.Abs(mid-row[1]) > 1e-6 || math.Abs(c1-row[2]) > 3e-3*row[2] || math.Abs(rich-row[2]) > 1e-4*row[2] {
			t.Errorf("βμ = %v: ρ(L/2) = %.6f want %v; contact %.6f (extrapolated %.6f) want %v", row[0], mid, row[1], c1, rich, row[2])
		}
	}
}

package functional

import (
	"math"
	"testing"
)

// Bulk hard rods: (βμ, ρ_b, βP) of notes §4.4, and −c1 of a uniform grid
// profile equals βμ_ex.
func TestPercusBulk(t *testing.T) {
	g := Grid{N: 1000, Dz: 0.01, Periodic: true}
	p, err := NewPercus(g, 1)
	if err != nil {
		t.Fatal(err)
	}
	dF := make([]float64, g.N)
	for _, row := range [][3]float64{{0, 0.361896, 0.567143}, {1, 0.5, 1}, {2, 0.608939, 1.557146}, {3, 0.688273, 2.207940}} {
		// Invert βμ(ρ) by bisection and compare with the 6-digit table.
		lo, hi := 1e-9, 1-1e-9
		for k := 0; k < 100; k++ {
			mid := (lo + hi) / 2
			if mu, err := BulkChemicalPotential(p, mid); err != nil {
				t.Fatal(err)
			} else if mu < row[0] {
				lo = mid
			} else {
				hi = mid
			}
		}
		P, _ := BulkPressure(p, lo)
		if math.Abs(lo-row[1]) > 6e-7 || math.Abs(P-row[2]) > 6e-7 || !relClose(P, lo/(1-lo), 1e-12, 1) {
			t.Errorf("βμ = %v: ρ_b = %.8f (want %v), βP = %.8f (want %v)", row[0], lo, row[1], P, row[2])
		}
		_, muEx, _ := p.BulkExcess(row[1])
		if _, err := p.ExcessFreeEnergy(fill(g.N, row[1]), dF); err != nil {
			t.Fatal(err)
		}
		if !relClose(dF[123], muEx, 1e-12, 1) {
			t.Errorf("ρ = %v: −c1 = %v, βμ_ex = %v", row[1], dF[123], muEx)
		}
	}
}

// dF and the Hessian-vector product of the rods against finite differences,
// and c2 symmetry, on a bounded grid.
func TestPercusDerivatives(t *testing.T) {
	g := Grid{N: 500, Dz: 0.01}
	p, err := NewPercus(g, 1)
	if err != nil {
		t.Fatal(err)
	}
	rho := smoothProfile(g, 0.5, 0.5)
	u := smoothProfile(g, 1, 2)
	w := make([]float64, g.N)
	for i := range w {
		w[i] = math.Sin(5 * g.Z(i))
	}
	dF := make([]float64, g.N)
	p.ExcessFreeEnergy(rho, dF)
	const h = 1e-5
	fp, _ := p.ExcessFreeEnergy(axpy(rho, h, u), make([]float64, g.N))
	fm, _ := p.ExcessFreeEnergy(axpy(rho, -h, u), make([]float64, g.N))
	if got, want := (fp-fm)/(2*h), g.Integral(mul(dF, u)); !relClose(got, want, 1e-7, 1e-3) {
		t.Errorf("dF·u = %.10g, finite difference %.10g", want, got)
	}
	hu, hw := make([]float64, g.N), make([]float64, g.N)
	p.HessianVector(rho, u, hu)
	p.HessianVector(rho, w, hw)
	if a, b := dot(w, hu), dot(u, hw); !relClose(a, b, 1e-12, math.Sqrt(dot(w, w)*dot(hu, hu))) {
		t.Errorf("⟨w,Hu⟩ = %.15g, ⟨u,Hw⟩ = %.15g", a, b)
	}
	dp, dm := make([]float64, g.N), make([]float64, g.N)
	p.ExcessFreeEnergy(axpy(rho, h, u), dp)
	p.ExcessFreeEnergy(axpy(rho, -h, u), dm)
	for i := range hu {
		if fd := (dp[i] - dm[i]) / (2 * h); !relClose(hu[i], fd, 1e-6, 1) {
			t.Fatalf("Hu(z=%v) = %v, finite difference %v", g.Z(i), hu[i], fd)
		}
	}
}

func TestPercusRejectsBadInput(t *testing.T) {
	g := Grid{N: 400, Dz: 0.01, Periodic: true}
	p, _ := NewPercus(g, 1)
	if _, err := p.ExcessFreeEnergy(fill(g.N, 1.01), make([]float64, g.N)); err == nil {
		t.Error("ρσ > 1 accepted")
	}
	if _, err := NewPercus(Grid{N: 40, Dz: 0.1}, 1); err == nil {
		t.Error("dz = σ/10 accepted")
	}
}

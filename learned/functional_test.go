package learned

import (
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// The hand-written gradient and Hessian-vector product of φ equal central
// finite differences.
func TestMLPDerivatives(t *testing.T) {
	a, p := testParams(t, testArch, 0.05, 3)
	m := newMLP(a, p)
	n := []float64{0.4, -0.3, 0.9}
	u := []float64{0.7, 0.2, -0.5}
	grad, hv, scratch := make([]float64, 3), make([]float64, 3), make([]float64, a.Hidden[0]+2*a.Hidden[1])
	m.gradient(n, grad)
	m.hessianVector(u, hv, scratch)
	const h = 1e-5
	x := append([]float64(nil), n...)
	gp, gm := make([]float64, 3), make([]float64, 3)
	for al := range n {
		x[al] = n[al] + h
		fp := m.forward(x)
		x[al] = n[al] - h
		fm := m.forward(x)
		x[al] = n[al]
		if fd := (fp - fm) / (2 * h); relErr(grad[al], fd, 1e-3) > 1e-8 {
			t.Errorf("∂φ/∂n_%d = %.10g, finite difference %.10g", al, grad[al], fd)
		}
	}
	for al := range n {
		x[al] = n[al] + h*u[al]
	}
	m.gradient(x, gp)
	for al := range n {
		x[al] = n[al] - h*u[al]
	}
	m.gradient(x, gm)
	for al := range n {
		if fd := (gp[al] - gm[al]) / (2 * h); relErr(hv[al], fd, 1e-3) > 1e-7 {
			t.Errorf("(∇²φ·u)_%d = %.10g, finite difference %.10g", al, hv[al], fd)
		}
	}
}

// testFunctional builds the test network on a 6σ periodic grid of 0.05σ.
func testFunctional(t *testing.T) *Functional {
	t.Helper()
	g := functional.Grid{N: 120, Dz: 0.05, Periodic: true}
	a, p := testParams(t, testArch, g.Dz, 5)
	f, err := newFunctional(g, a, p)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// −c1 = δβF/δρ and the Hessian rows −c2 equal finite differences of βF and
// of −c1 on an inhomogeneous profile.
func TestFunctionalFiniteDifferences(t *testing.T) {
	f := testFunctional(t)
	g := f.Grid()
	rho := testProfile(g)
	dF := make([]float64, g.N)
	if _, err := f.ExcessFreeEnergy(rho, dF); err != nil {
		t.Fatal(err)
	}
	const h = 1e-5
	x := append([]float64(nil), rho...)
	scratch := make([]float64, g.N)
	for _, i := range []int{0, 17, 60, 119} {
		x[i] = rho[i] + h
		fp, _ := f.ExcessFreeEnergy(x, scratch)
		x[i] = rho[i] - h
		fm, _ := f.ExcessFreeEnergy(x, scratch)
		x[i] = rho[i]
		// δβF/δρ_i = (1/dz) ∂βF/∂ρ_i for cell averages.
		if fd := (fp - fm) / (2 * h * g.Dz); relErr(dF[i], fd, 1e-3) > 1e-7 {
			t.Errorf("−c1(z_%d) = %.10g, finite difference %.10g", i, dF[i], fd)
		}
	}
	// Hessian row j: hv for v = e_j/dz (a unit mass in cell j).
	row, dp, dm := make([]float64, g.N), make([]float64, g.N), make([]float64, g.N)
	for _, j := range []int{3, 50, 101} {
		v := make([]float64, g.N)
		v[j] = 1 / g.Dz
		if err := f.HessianVector(rho, v, row); err != nil {
			t.Fatal(err)
		}
		x[j] = rho[j] + h
		f.ExcessFreeEnergy(x, dp)
		x[j] = rho[j] - h
		f.ExcessFreeEnergy(x, dm)
		x[j] = rho[j]
		worst := 0.0
		for i := range row {
			fd := (dp[i] - dm[i]) / (2 * h) / g.Dz
			worst = math.Max(worst, math.Abs(row[i]-fd)/math.Max(1, math.Abs(fd)))
		}
		if worst > 1e-6 {
			t.Errorf("Hessian row %d differs from finite differences of −c1 by %.3g", j, worst)
		}
	}
}

// The Hessian is symmetric, c2(z, z') = c2(z', z): ⟨u, H v⟩ = ⟨v, H u⟩.
func TestFunctionalHessianSymmetric(t *testing.T) {
	f := testFunctional(t)
	g := f.Grid()
	rho := testProfile(g)
	u, v := make([]float64, g.N), make([]float64, g.N)
	for i := range u {
		z := g.Z(i)
		u[i] = math.Exp(-(z-1.5)*(z-1.5)) * math.Cos(3*z)
		v[i] = math.Sin(2*math.Pi*z/g.Length()) + 0.3*math.Cos(5*z)
	}
	hu, hv := make([]float64, g.N), make([]float64, g.N)
	f.HessianVector(rho, u, hu)
	f.HessianVector(rho, v, hv)
	a, b := 0.0, 0.0
	for i := range u {
		a += u[i] * hv[i]
		b += v[i] * hu[i]
	}
	if relErr(a, b, 1e-12) > 1e-12 {
		t.Errorf("⟨u, Hv⟩ = %.15g, ⟨v, Hu⟩ = %.15g", a, b)
	}
}

// On a uniform profile −c1 = βμ_ex and βF/L = βf_ex of BulkExcess, the
// Hessian row's spectrum is −ĉ(k) of BulkDirectCorrelation, and
// d βμ_ex/dρ = −ĉ(0) (compressibility sum rule of any functional).
func TestFunctionalBulk(t *testing.T) {
	f := testFunctional(t)
	g := f.Grid()
	const rho0 = 0.55
	rho := make([]float64, g.N)
	for i := range rho {
		rho[i] = rho0
	}
	fe, mu, err := f.BulkExcess(rho0)
	if err != nil {
		t.Fatal(err)
	}
	dF := make([]float64, g.N)
	total, _ := f.ExcessFreeEnergy(rho, dF)
	if relErr(total/g.Length(), fe, 1e-3) > 1e-12 {
		t.Errorf("βF/L = %.15g, βf_ex = %.15g", total/g.Length(), fe)
	}
	for i, v := range dF {
		if relErr(v, mu, 1e-3) > 1e-12 {
			t.Fatalf("−c1(z_%d) = %.15g, βμ_ex = %.15g", i, v, mu)
		}
	}
	v := make([]float64, g.N)
	v[0] = 1 / g.Dz
	row := make([]float64, g.N)
	f.HessianVector(rho, v, row)
	for _, m := range []int{0, 1, 7, 30} {
		k := 2 * math.Pi * float64(m) / g.Length()
		s := 0.0
		for i, x := range row {
			s += x * math.Cos(k*g.Z(i)-k*g.Z(0)) * g.Dz
		}
		if c := f.BulkDirectCorrelation(rho0, k); relErr(-s, c, 1e-3) > 1e-10 {
			t.Errorf("k = %.4g: spectrum of the Hessian row %.12g, −ĉ(k) = %.12g", k, s, -c)
		}
	}
	const h = 1e-5
	_, mp, _ := f.BulkExcess(rho0 + h)
	_, mm, _ := f.BulkExcess(rho0 - h)
	if fd, c0 := (mp-mm)/(2*h), f.BulkDirectCorrelation(rho0, 0); relErr(fd, -c0, 1e-3) > 1e-7 {
		t.Errorf("dβμ_ex/dρ = %.10g, −ĉ(0) = %.10g", fd, -c0)
	}
}

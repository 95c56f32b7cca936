package functional

import (
	"math"
	"testing"
)

// smoothProfile returns ρ(z_i) = rho0·(1 + Σ_k a_k cos(2πk z/L + φ_k)), a
// fixed smooth periodic test profile with relative amplitude amp.
func smoothProfile(g Grid, rho0, amp float64) []float64 {
	L := g.Length()
	rho := make([]float64, g.N)
	for i := range rho {
		z := g.Z(i)
		s := 0.5*math.Cos(2*math.Pi*z/L+0.3) + 0.3*math.Cos(4*math.Pi*z/L+1.1) + 0.2*math.Sin(6*math.Pi*z/L+2.0)
		rho[i] = rho0 * (1 + amp*s)
	}
	return rho
}

// fill returns a slice of n copies of v.
func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// dot returns Σ a_i b_i.
func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// relClose reports |got − want| ≤ tol·max(|want|, floor).
func relClose(got, want, tol, floor float64) bool {
	return math.Abs(got-want) <= tol*math.Max(math.Abs(want), floor)
}

// mustFMT builds an FMT or fails the test.
func mustFMT(t testing.TB, g Grid, v Variant, d float64) *FMT {
	t.Helper()
	f, err := NewFMT(g, FMTSettings{Variant: v, Diameter: d})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// csMu, csP and csDPDRho are the Carnahan–Starling βμ_ex, βP and β∂P/∂ρ;
// pyMu, pyP and pyDPDRho the Percus–Yevick compressibility-route ones.
func csMu(eta float64) float64 {
	y := 1 - eta
	return (8*eta - 9*eta*eta + 3*eta*eta*eta) / (y * y * y)
}

func csP(rho, eta float64) float64 {
	y := 1 - eta
	return rho * (1 + eta + eta*eta - eta*eta*eta) / (y * y * y)
}

func csDPDRho(eta float64) float64 {
	y := 1 - eta
	return (1 + 4*eta + 4*eta*eta - 4*eta*eta*eta + eta*eta*eta*eta) / (y * y * y * y)
}

func pyMu(eta float64) float64 {
	y := 1 - eta
	return -math.Log(y) + eta*(14-13*eta+5*eta*eta)/(2*y*y*y)
}

func pyP(rho, eta float64) float64 {
	y := 1 - eta
	return rho * (1 + eta + eta*eta) / (y * y * y)
}

func pyDPDRho(eta float64) float64 {
	y := 1 - eta
	return (1 + 2*eta) * (1 + 2*eta) / (y * y * y * y)
}

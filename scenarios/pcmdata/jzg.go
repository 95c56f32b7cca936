package pcmdata

import "math"

// jzgX are the 32 coefficients x1…x32 of the Johnson–Zollweg–Gubbins
// modified Benedict–Webb–Rubin equation of state of the full (untruncated)
// Lennard-Jones fluid, Mol. Phys. 78, 591 (1993).
var jzgX = [32]float64{
	0.8623085097507421, 2.976218765822098, -8.402230115796038, 0.1054136629203555, -0.8564583828174598,
	1.582759470107601, 0.7639421948305453, 1.753173414312048, 2798.291772190376, -0.048394220260857657,
	0.9963265197721935, -36.98000291272493, 20.84012299434647, 83.05402124717285, -957.4799715203068,
	-147.7746229234994, 63.98607852471505, 16.03993673294834, 68.05916615864377, -2791.293578795945,
	-6.245128304568454, -8116.836104958410, 14.88735559561229, -10593.46754655084, -113.1607632802822,
	-8867.771540418822, -39.86982844450543, -4689.270299917261, 259.3535277438717, -2694.523589434903,
	-721.8487631550215, 172.1802063863269,
}

// jzgGamma is the exponent γ of F = exp(−γρ²) in the JZG equation.
const jzgGamma = 3

// EOS is a point of a bulk equation of state, in reduced units.
type EOS struct {
	// Pressure P (ε σ⁻³).
	Pressure float64
	// BetaMuEx is the excess chemical potential βμ_ex.
	BetaMuEx float64
	// Compressibility is β ∂P/∂ρ (dimensionless), equal to 1 − ρĉ(0).
	Compressibility float64
}

// JZG returns the Johnson–Zollweg–Gubbins equation of state of the full
// Lennard-Jones fluid at density rho (σ⁻³) and temperature kT (ε).
func JZG(rho, kT float64) EOS {
	x := jzgX
	t := kT
	st := math.Sqrt(t)
	a := [8]float64{
		x[0]*t + x[1]*st + x[2] + x[3]/t + x[4]/(t*t),
		x[5]*t + x[6] + x[7]/t + x[8]/(t*t),
		x[9]*t + x[10] + x[11]/t,
		x[12],
		x[13]/t + x[14]/(t*t),
		x[15] / t,
		x[16]/t + x[17]/(t*t),
		x[18] / (t * t),
	}
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	b := [6]float64{
		x[19]/t2 + x[20]/t3,
		x[21]/t2 + x[22]/t4,
		x[23]/t2 + x[24]/t3,
		x[25]/t2 + x[26]/t4,
		x[27]/t2 + x[28]/t3,
		x[29]/t2 + x[30]/t3 + x[31]/t4,
	}
	f := math.Exp(-jzgGamma * rho * rho)
	p, dp := rho*t, t
	ares := 0.0
	for i, ai := range a {
		n := float64(i + 1)
		p += ai * math.Pow(rho, n+1)
		dp += ai * (n + 1) * math.Pow(rho, n)
		ares += ai * math.Pow(rho, n) / n
	}
	g := (1 - f) / (2 * jzgGamma)
	for i, bi := range b {
		n := float64(i + 1)
		if i > 0 {
			g = -(f*math.Pow(rho, 2*n-2) - 2*(n-1)*g) / (2 * jzgGamma)
		}
		p += f * bi * math.Pow(rho, 2*n+1)
		dp += bi * (-2*jzgGamma*rho*f*math.Pow(rho, 2*n+1) + f*(2*n+1)*math.Pow(rho, 2*n))
		ares += bi * g
	}
	mu := ares + (p-rho*t)/rho
	return EOS{Pressure: p, BetaMuEx: mu / t, Compressibility: dp / t}
}

// ShiftedJZG returns the JZG equation of state of the Lennard-Jones fluid
// truncated and shifted at rc (σ): u_s(r) = u(r) − u(r_c) for r < r_c, 0
// beyond. This is the fluid that dynamics with plain-cut forces samples
// (forces alone do not see the jump of u at r_c), so it is the fluid of
// physim's MD and BD runs at r_c. To first order in the interactions beyond
// r_c, P_s = P − P_tail with P_tail = (16/3)πρ²[(2/3)r_c⁻⁹ − r_c⁻³] and, by
// Gibbs–Duhem, μ_s = μ − 2P_tail/ρ (the tail μ_tail = (16/3)πρ[(1/3)r_c⁻⁹ −
// r_c⁻³] of the plain cut plus the shift −ρu(r_c)(4π/3)r_c³).
func ShiftedJZG(rho, kT, rc float64) EOS {
	e := JZG(rho, kT)
	x3 := math.Pow(rc, -3)
	x9 := x3 * x3 * x3
	pt := 16.0 / 3 * math.Pi * rho * rho * (2*x9/3 - x3)
	e.Pressure -= pt
	e.BetaMuEx -= 2 * pt / rho / kT
	e.Compressibility -= 2 * pt / rho / kT
	return e
}

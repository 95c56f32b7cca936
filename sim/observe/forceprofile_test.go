package observe

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/physim/physim/sim"
)

// TestForceProfileKernel checks single-particle frames against the formula
// by hand: 4 bins of 2σ (centres 1, 3, 5, 7) in a 2 × 2.5 × 8 box at kT = 2,
// so β/A = 0.1 and ρ̄ = 1/40. A particle at z = 2.5 with F_z = 4 lies below
// the centres 3, 5, 7 (n = 3): ρ = ρ̄ + 0.1·4·(Θ − 3/4). Particles at the
// ends of a periodic axis (z → 0⁺, z → L⁻) contribute nothing, so the
// kernel is continuous across the boundary; a particle without force
// leaves ρ̄; every frame integrates to N.
func TestForceProfileKernel(t *testing.T) {
	cases := []struct {
		z, fz float64
		want  [4]float64
	}{
		{2.5, 4, [4]float64{0.025 - 0.3, 0.125, 0.125, 0.125}},
		{-5.5, 4, [4]float64{0.025 - 0.3, 0.125, 0.125, 0.125}}, // wraps to 2.5
		{0.5, 4, [4]float64{0.025, 0.025, 0.025, 0.025}},
		{7.5, 4, [4]float64{0.025, 0.025, 0.025, 0.025}},
		{6.5, -2, [4]float64{0.025 + 0.05, 0.025 + 0.05, 0.025 + 0.05, 0.025 - 0.15}},
		{4, 0, [4]float64{0.025, 0.025, 0.025, 0.025}},
	}
	p := &DensityProfile{Bins: 4, Estimator: ForceSampling, KT: 2}
	for _, c := range cases {
		s := sim.NewState(1, slabBox(true))
		s.Pos[0][2], s.Force[0] = c.z, sim.Vec3{3, -1, c.fz}
		rho, err := p.Compute(nil, s)
		if err != nil {
			t.Fatal(err)
		}
		var total float64
		for k, r := range rho {
			total += r * 2 * 5
			if math.Abs(r-c.want[k]) > 1e-15 {
				t.Errorf("z = %g, F_z = %g: ρ[%d] = %.17g, want %.17g", c.z, c.fz, k, r, c.want[k])
			}
		}
		if math.Abs(total-1) > 1e-14 {
			t.Errorf("z = %g: ∫ρ dz·A = %.17g, want 1", c.z, total)
		}
	}
}

// TestForceProfileErrors: a force-sampled profile needs a positive finite
// kT; unknown estimators are refused.
func TestForceProfileErrors(t *testing.T) {
	s := sim.NewState(1, slabBox(true))
	for _, kt := range []float64{0, -1, math.Inf(1), math.NaN()} {
		if _, err := (&DensityProfile{Estimator: ForceSampling, KT: kt}).Compute(nil, s); err == nil || !strings.Contains(err.Error(), "kT") {
			t.Errorf("kT = %g: %v", kt, err)
		}
	}
	if _, err := (&DensityProfile{Estimator: 7}).Compute(nil, s); err == nil || !strings.Contains(err.Error(), "estimator") {
		t.Errorf("estimator 7: %v", err)
	}
}

// planar is a test potential V(z) in ε with its derivative.
type planar func(z float64) (v, dv float64)

// boltzmannGas fills s with an ideal gas drawn exactly from the Boltzmann
// distribution e^{−V(z)/kT} on [0, L_z) (uniform in x and y, rejection
// against the minimum vmin of V) and sets the forces −V'(z).
func boltzmannGas(rng *rand.Rand, s *sim.State, v planar, kT, vmin float64) {
	for i := range s.Pos {
		for {
			z := rng.Float64() * s.Box.L[2]
			e, de := v(z)
			if rng.Float64() < math.Exp(-(e-vmin)/kT) {
				s.Pos[i] = sim.Vec3{rng.Float64() * s.Box.L[0], rng.Float64() * s.Box.L[1], z}
				s.Force[i] = sim.Vec3{0, 0, -de}
				break
			}
		}
	}
}

// TestForceProfileIdealGasBoltzmann: for an ideal gas drawn exactly from
// the Boltzmann distribution the force-sampled profile is unbiased for
// ρ(z) = N e^{−βV}/(A ∫e^{−βV} dz), offset by the constant that makes its
// mean over the bin centres ρ̄ (tiny: the midpoint rule's error). Cases:
// two Gaussians on a periodic axis, and gravity V = g z on an open axis
// (hard walls at 0 and L add no force inside). The frames are independent;
// the bins are strongly correlated (the profile is a running sum), so the
// test statistic is χ² = dᵀ C⁻¹ d over the first nb − 1 bins (the last is
// fixed by the mass), with d the deviation from the exact profile and C the
// covariance of the mean, estimated from the frames; its diagonal must be
// the squared reported standard errors. χ² then follows Hotelling's T²,
// close to χ² with nb − 1 = 39 degrees of freedom: χ²/dof = 1 ± 0.23, and
// the test allows 1 ± 4·0.23. Every frame must integrate to N.
func TestForceProfileIdealGasBoltzmann(t *testing.T) {
	const n, frames, nb, kT = 100, 3000, 40, 1.5
	gauss := func(z float64) (float64, float64) {
		v, dv := 0.0, 0.0
		for _, g := range []struct{ u, mu, s float64 }{{2, 2, 0.6}, {-1, 5.5, 1}} {
			d := z - g.mu
			d -= 8 * math.Round(d/8)
			e := g.u * math.Exp(-d*d/(2*g.s*g.s))
			v, dv = v+e, dv-e*d/(g.s*g.s)
		}
		return v, dv
	}
	gravity := func(z float64) (float64, float64) { return 0.75 * z, 0.75 }
	for _, c := range []struct {
		name     string
		periodic bool
		v        planar
	}{{"gaussians, periodic", true, gauss}, {"gravity, open", false, gravity}} {
		box := slabBox(c.periodic)
		lz, area := box.L[2], box.L[0]*box.L[1]
		dz := lz / nb
		// Exact profile at the centres: Z by the midpoint rule on 10⁵
		// points, then the estimator's normalisation.
		var zsum, vmin float64
		const fine = 100000
		vmin = math.Inf(1)
		for i := range fine {
			e, _ := c.v((float64(i) + 0.5) * lz / fine)
			zsum += math.Exp(-e/kT) * lz / fine
			vmin = math.Min(vmin, e)
		}
		vmin -= 0.01
		want := make([]float64, nb)
		var mean float64
		for k := range want {
			e, _ := c.v((float64(k) + 0.5) * dz)
			want[k] = n / area * math.Exp(-e/kT) / zsum
			mean += want[k] / nb
		}
		for k := range want {
			want[k] += n/(area*lz) - mean
		}
		rng := rand.New(rand.NewPCG(11, 12))
		s := sim.NewState(n, box)
		p := &DensityProfile{Bins: nb, Estimator: ForceSampling, KT: kT, Independent: true}
		rows := make([][]float64, frames)
		for f := range rows {
			boltzmannGas(rng, s, c.v, kT, vmin)
			rho, err := p.Compute(nil, s)
			if err != nil {
				t.Fatal(err)
			}
			var total float64
			for _, r := range rho {
				total += r * dz * area
			}
			if math.Abs(total-n) > 1e-10 {
				t.Fatalf("%s: frame %d: ∫ρ dz·A = %.15g, want %d", c.name, f, total, n)
			}
			p.Add(rho, lz)
			rows[f] = rho
		}
		res := p.Result()
		d := make([]float64, nb)
		for k, e := range res {
			d[k] = e.Mean - want[k]
		}
		cov := meanCovariance(rows)
		for k, e := range res {
			if math.Abs(e.StdErr*e.StdErr/cov.At(k, k)-1) > 1e-9 {
				t.Fatalf("%s: bin %d: reported standard error %g, covariance of the mean %g", c.name, k, e.StdErr, math.Sqrt(cov.At(k, k)))
			}
		}
		chi2, dof := whitenedChiSquare(cov, d[:nb-1]), float64(nb-1)
		t.Logf("%s: χ²/dof = %.3f (dof %.0f, expected 1 ± %.2f)", c.name, chi2/dof, dof, math.Sqrt(2/dof))
		if math.Abs(chi2/dof-1) > 4*math.Sqrt(2/dof) {
			t.Errorf("%s: χ²/dof = %.3f, expected 1 ± %.2f", c.name, chi2/dof, math.Sqrt(2/dof))
		}
	}
}

// meanCovariance returns the covariance matrix of the mean of the rows
// (independent frames, one value per bin).
func meanCovariance(rows [][]float64) *mat.SymDense {
	m, nb := float64(len(rows)), len(rows[0])
	mean := make([]float64, nb)
	for _, r := range rows {
		floats.Add(mean, r)
	}
	floats.Scale(1/m, mean)
	cov := mat.NewSymDense(nb, nil)
	dev := make([]float64, nb)
	for _, r := range rows {
		floats.SubTo(dev, r, mean)
		cov.SymRankOne(cov, 1/(m*(m-1)), mat.NewVecDense(nb, dev))
	}
	return cov
}

// whitenedChiSquare returns dᵀ C⁻¹ d with C the leading len(d) × len(d)
// block of cov.
func whitenedChiSquare(cov *mat.SymDense, d []float64) float64 {
	n := len(d)
	var ch mat.Cholesky
	if !ch.Factorize(cov.SliceSym(0, n).(*mat.SymDense)) {
		panic("covariance of the mean is not positive definite")
	}
	var x mat.VecDense
	v := mat.NewVecDense(n, d)
	if err := ch.SolveVecTo(&x, v); err != nil {
		panic(err)
	}
	return mat.Dot(v, &x)
}

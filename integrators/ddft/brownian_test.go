package ddft

import (
	"context"
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/sim/rng"
)

// drivenPotential is a time-dependent V(z, t) (ε) on a periodic box of
// length 4σ: a cosine well switched on over 0.05τ plus an oscillating
// second harmonic.
func drivenPotential(z, t float64) (v, dv float64) {
	const L = 4.0
	k1, k2 := 2*math.Pi/L, 4*math.Pi/L
	a := 2 * (1 - math.Exp(-t/0.05))
	b := 1.5 * math.Sin(2*math.Pi*t/0.5)
	return a*math.Cos(k1*z) + b*math.Sin(k2*z), -a*k1*math.Sin(k1*z) + b*k2*math.Cos(k2*z)
}

// DDFT of an ideal gas is the Smoluchowski equation: it must match Brownian
// dynamics of non-interacting particles in the same time-dependent
// potential. The Brownian simulation here is independent: Euler–Maruyama
// with counter-based normals from sim/rng, 10000 particles started
// uniformly. Histograms (40 bins) are compared by χ² at three times, and the
// Fourier moments ⟨cos k1z⟩, ⟨sin k2z⟩ within 4 standard errors; the χ²
// against a uniform profile must be huge, so the test has power.
func TestIdealGasMatchesBrownianDynamics(t *testing.T) {
	const (
		L      = 4.0
		np     = 10000
		dtBD   = 5e-4
		D      = 1.0
		kT     = 1.0
		seed   = 1
		nbins  = 40
		tEnd   = 0.5
		nSteps = int(tEnd / dtBD)
	)
	times := map[int]bool{int(0.1 / dtBD): true, int(0.25 / dtBD): true, nSteps: true}

	// Brownian dynamics.
	z := make([]float64, np)
	for p := 0; p < np; p += 4 {
		u := rng.Key{Seed: seed, Particle: uint32(p / 4), Stream: rng.StreamPlacement}.Uniform4()
		for c := 0; c < 4 && p+c < np; c++ {
			z[p+c] = L * u[c]
		}
	}
	hists := map[int][]float64{}
	moments := map[int][2][2]float64{} // mean and standard error of cos k1z and sin k2z
	amp := math.Sqrt(2 * D * dtBD)
	for s := 1; s <= nSteps; s++ {
		tNow := float64(s-1) * dtBD
		for p := 0; p < np; p += 4 {
			xi := rng.Key{Seed: seed, Step: uint64(s), Particle: uint32(p / 4), Stream: rng.StreamBrownian}.Normal4()
			for c := 0; c < 4 && p+c < np; c++ {
				_, dv := drivenPotential(z[p+c], tNow)
				zz := z[p+c] - D*dv/kT*dtBD + amp*xi[c]
				z[p+c] = zz - L*math.Floor(zz/L)
			}
		}
		if times[s] {
			h := make([]float64, nbins)
			var sc, sc2, ss, ss2 float64
			for _, x := range z {
				h[min(int(x/L*nbins), nbins-1)]++
				c, sn := math.Cos(2*math.Pi*x/L), math.Sin(4*math.Pi*x/L)
				sc, sc2, ss, ss2 = sc+c, sc2+c*c, ss+sn, ss2+sn*sn
			}
			hists[s] = h
			mc, ms := sc/np, ss/np
			moments[s] = [2][2]float64{{mc, math.Sqrt((sc2/np - mc*mc) / np)}, {ms, math.Sqrt((ss2/np - ms*ms) / np)}}
		}
	}

	// DDFT of the ideal gas in the same potential.
	g := mustGrid(t, L, 0.01, true)
	id, _ := functional.NewIdeal(g)
	d, err := New(System{Excess: id, V: planarFunc(drivenPotential), KT: kT}, Settings{D: D, Adaptive: true, Tol: 1e-6})
	if err != nil {
		t.Fatal(err)
	}
	rho := uniform(g.N, 1)
	profiles := map[int][]float64{}
	_, err = d.Run(context.Background(), rho, 0, tEnd, Frames{Every: 0.05, Observe: func(tt float64, r []float64) error {
		if s := int(math.Round(tt / dtBD)); times[s] {
			profiles[s] = append([]float64(nil), r...)
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	for s := range times {
		r, h := profiles[s], hists[s]
		if r == nil {
			t.Fatalf("no DDFT frame at step %d", s)
		}
		per := g.N / nbins
		chi2, chi2Flat := 0.0, 0.0
		for b := 0; b < nbins; b++ {
			m := 0.0
			for i := b * per; i < (b+1)*per; i++ {
				m += r[i]
			}
			want := np * m / (float64(g.N))
			chi2 += (h[b] - want) * (h[b] - want) / want
			chi2Flat += (h[b] - float64(np)/nbins) * (h[b] - float64(np)/nbins) / (float64(np) / nbins)
		}
		var mc, ms float64
		for i, x := range r {
			mc += x * math.Cos(2*math.Pi*g.Z(i)/L)
			ms += x * math.Sin(4*math.Pi*g.Z(i)/L)
		}
		mc /= float64(g.N)
		ms /= float64(g.N)
		bd := moments[s]
		tt := float64(s) * dtBD
		t.Logf("t = %.2f: χ² = %.1f (39 dof; vs uniform %.0f); ⟨cos k1z⟩ BD %.4f ± %.4f, DDFT %.4f; ⟨sin k2z⟩ BD %.4f ± %.4f, DDFT %.4f",
			tt, chi2, chi2Flat, bd[0][0], bd[0][1], mc, bd[1][0], bd[1][1], ms)
		// χ²(39) has mean 39 and sd 8.8: 39 + 5 sd ≈ 83.
		if chi2 > 83 {
			t.Errorf("t = %.2f: χ² = %.1f of BD against DDFT, beyond 39 + 5σ", tt, chi2)
		}
		if chi2Flat < 1000 {
			t.Errorf("t = %.2f: BD profile hardly differs from uniform (χ² %.0f); the test has no power", tt, chi2Flat)
		}
		if math.Abs(bd[0][0]-mc) > 4*bd[0][1] || math.Abs(bd[1][0]-ms) > 4*bd[1][1] {
			t.Errorf("t = %.2f: Fourier moments BD (%.4f, %.4f) vs DDFT (%.4f, %.4f) beyond 4 standard errors", tt, bd[0][0], bd[1][0], mc, ms)
		}
	}
}

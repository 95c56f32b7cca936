package pcmdata

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"

	"github.com/physim/physim/sim"
)

// With two fixed particles farther apart than 2r_c, uniform insertion gives
// exactly ⟨e^{−βΔU}⟩ = 1 + (2/V)·4π∫₀^{r_c}(e^{−βu(r)} − 1) r² dr.
func TestWidomTwoParticles(t *testing.T) {
	r := DefaultRecipe()
	const l = 20.0
	s := &sim.State{Box: sim.NewPeriodicBox(l, l, l)}
	for _, p := range []sim.Vec3{{2, 3, 4}, {12, 13, 14}} {
		s.Pos = append(s.Pos, p)
	}
	w := &Widom{Pair: r.PairLaw(), KT: r.KT, Insertions: 20000, Seed: 5}
	for step := int64(0); step < 40; step++ {
		s.Step = step
		if err := w.Observe(s); err != nil {
			t.Fatal(err)
		}
	}
	f := func(x float64) float64 { return 4 * math.Pi * x * x * (math.Exp(-r.BetaU(x)) - 1) }
	integral := 0.0
	for _, iv := range [][2]float64{{0, 0.7}, {0.7, 1.5}, {1.5, r.Cutoff}} {
		integral += quad.Fixed(f, iv[0], iv[1], 200, quad.Legendre{}, 0)
	}
	want := 1 + 2/(l*l*l)*integral
	got := w.BoltzmannFactor()
	t.Logf("⟨e^{−βΔU}⟩ = %v, exact %.6f", got, want)
	if math.Abs(got.Mean-want) > 4*got.StdErr {
		t.Errorf("⟨e^{−βΔU}⟩ = %v, exact %.6f (more than 4 standard errors)", got, want)
	}
	if mu := w.BetaMuEx(); math.Abs(mu.Mean+math.Log(got.Mean)) > 1e-15 {
		t.Errorf("βμ_ex = %v, −ln⟨e^{−βΔU}⟩ = %g", mu, -math.Log(got.Mean))
	}
}

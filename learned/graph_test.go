package learned

import (
	"fmt"
	"math"
	"testing"

	"github.com/physim/physim/potentials/functional"
)

// syntheticTargets are arbitrary bulk targets for gradient checks.
func syntheticTargets() *bulkTargets {
	t := &bulkTargets{rho: []float64{0.2, 0.5, 0.8}, mu: []float64{-0.3, 0.4, 2.1},
		k: []float64{0, 0.7, 2.1, 5.3}, weight: []float64{0.1, 0.2, 0.2, 0.2}}
	for s := range t.rho {
		var h []float64
		for j, k := range t.k {
			h = append(h, 3*float64(s+1)*math.Cos(k)+float64(j))
		}
		t.h = append(t.h, h)
	}
	return t
}

// The gorgonia graph computes the same βμ_ex, −ĉ(k) and loss as the
// plain-Go functional (whose derivatives are checked against finite
// differences elsewhere), and its reverse-mode gradient with respect to
// every parameter group equals central finite differences of the loss.
func TestTrainGraphMatchesFunctionalAndFiniteDifferences(t *testing.T) {
	g := functional.Grid{N: 120, Dz: 0.05, Periodic: true}
	a, p := testParams(t, testArch, g.Dz, 9)
	tgt := syntheticTargets()
	w := lossWeights{mu: 3, c2: 0.5}
	tg := newTrainGraph(a, p, tgt, g.Dz, w)
	loss, lmu, lc2, err := tg.evaluate()
	if err != nil {
		t.Fatal(err)
	}
	f, err := newFunctional(g, a, p)
	if err != nil {
		t.Fatal(err)
	}
	mu := tg.mu.Data().([]float64)
	hk := tg.hk.Data().([]float64)
	for s, rho := range tgt.rho {
		_, want, _ := f.BulkExcess(rho)
		if relErr(mu[s], want, 1e-3) > 1e-12 {
			t.Errorf("ρ = %g: graph βμ_ex %.15g, functional %.15g", rho, mu[s], want)
		}
		for j, k := range tgt.k {
			if want := -f.BulkDirectCorrelation(rho, k); relErr(hk[s*len(tgt.k)+j], want, 1e-3) > 1e-11 {
				t.Errorf("ρ = %g, k = %g: graph −ĉ %.15g, functional %.15g", rho, k, hk[s*len(tgt.k)+j], want)
			}
		}
	}
	want, wmu, wc2 := bulkLoss(f, tgt, w)
	if relErr(loss, want, 1e-12) > 1e-12 || relErr(lmu, wmu, 1e-12) > 1e-12 || relErr(lc2, wc2, 1e-12) > 1e-12 {
		t.Errorf("graph loss %.15g = %.15g + %.15g, functional loss %.15g = %.15g + %.15g", loss, lmu, lc2, want, wmu, wc2)
	}
	grad, err := tg.gradients()
	if err != nil {
		t.Fatal(err)
	}
	lossAt := func(q *Params) float64 {
		f, err := newFunctional(g, a, q)
		if err != nil {
			t.Fatal(err)
		}
		l, _, _ := bulkLoss(f, tgt, w)
		return l
	}
	groups := []struct {
		name string
		get  func(*Params) []float64
	}{{"kernels", func(p *Params) []float64 { return p.Kernels }}, {"w1", func(p *Params) []float64 { return p.W1 }},
		{"b1", func(p *Params) []float64 { return p.B1 }}, {"w2", func(p *Params) []float64 { return p.W2 }},
		{"b2", func(p *Params) []float64 { return p.B2 }}, {"w3", func(p *Params) []float64 { return p.W3 }}}
	const h = 1e-6
	for _, gr := range groups {
		n := len(gr.get(p))
		for _, i := range []int{0, n / 2, n - 1} {
			q := p.clone()
			v := gr.get(q)
			x := v[i]
			v[i] = x + h
			lp := lossAt(q)
			v[i] = x - h
			lm := lossAt(q)
			fd := (lp - lm) / (2 * h)
			if got := gr.get(grad)[i]; relErr(got, fd, 1e-2*math.Abs(loss)) > 1e-6 {
				t.Errorf("∂loss/∂%s[%d] = %.10g, finite difference %.10g", gr.name, i, got, fd)
			}
		}
	}
}

// gradients returns the gradients of the loss with respect to the
// parameters, in the layout of Params, after evaluate.
func (tg *trainGraph) gradients() (*Params, error) {
	var out [6][]float64
	for i, n := range tg.params {
		gv, err := n.Grad()
		if err != nil {
			return nil, fmt.Errorf("learned: gradient of %s: %w", n.Name(), err)
		}
		out[i] = append([]float64(nil), gv.Data().([]float64)...)
	}
	return tg.unpack(out), nil
}

package learned

import (
	"fmt"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// lossWeights weigh the two terms of the training loss.
type lossWeights struct {
	mu, c2 float64
}

// trainGraph is the pair-correlation-matching loss of a fixed batch of bulk
// states as a gorgonia expression graph, with the gradient with respect to
// the parameters (one reverse pass; the input derivatives of φ are written
// out, see the package documentation).
type trainGraph struct {
	arch   Architecture
	nb     int // basis functions
	g      *G.ExprGraph
	params G.Nodes // AT (P×K), W1, b1, W2, b2, w3 (1×H2)
	loss   *G.Node
	// lossMu and lossC2 receive the two weighted terms of the loss.
	lossMu, lossC2 G.Value
	// mu and hk receive copies of βμ_ex (B×1) and Ŵᵀ∇²φŴ = −ĉ(k) (B×Nk)
	// at each evaluation (the tape machine reuses the nodes' memory).
	mu, hk G.Value
	vm     G.VM
}

func matrix(g *G.ExprGraph, name string, rows, cols int, data []float64) *G.Node {
	return G.NewMatrix(g, tensor.Float64, G.WithShape(rows, cols), G.WithName(name),
		G.WithValue(tensor.New(tensor.WithShape(rows, cols), tensor.WithBacking(data))))
}

// must unwraps a gorgonia result; graph construction only fails on shape
// mismatches, which are programmer errors here.
func must(n *G.Node, err error) *G.Node {
	if err != nil {
		panic(fmt.Sprintf("learned: building the training graph: %v", err))
	}
	return n
}

// newTrainGraph builds the loss of the targets t for the network (a, p)
// with grid spacing dz (σ).
func newTrainGraph(a Architecture, p *Params, t *bulkTargets, dz float64, w lossWeights) *trainGraph {
	b := a.basis()
	taps := b.taps(dz)
	k, h1, h2, nb := a.Kernels, a.Hidden[0], a.Hidden[1], b.p
	nB, nK := len(t.rho), len(t.k)
	g := G.NewGraph()
	tg := &trainGraph{arch: a, nb: nb, g: g}

	// Constants.
	srowData := make([]float64, nb)
	bhatT := make([]float64, nK*nb) // Nk×P: B̂_p(k_j)
	for q := 0; q < nb; q++ {
		srowData[q] = cosine(taps[q], 0, dz)
		for j, kk := range t.k {
			bhatT[j*nb+q] = cosine(taps[q], kk, dz)
		}
	}
	ones := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = 1
		}
		return v
	}
	rb, rk := make([]float64, nB*nK*nB), make([]float64, nB*nK*nK)
	for s := 0; s < nB; s++ {
		for j := 0; j < nK; j++ {
			row := s*nK + j
			rb[row*nB+s] = 1
			rk[row*nK+j] = 1
		}
	}
	hT, wk := make([]float64, nB*nK), make([]float64, nB*nK)
	for s := 0; s < nB; s++ {
		for j := 0; j < nK; j++ {
			hT[s*nK+j] = t.h[s][j]
			wk[s*nK+j] = w.c2 * t.weight[j] / float64(nB)
		}
	}
	srow := matrix(g, "srow", 1, nb, srowData)
	bhat := matrix(g, "bhatT", nK, nb, bhatT)
	rho := matrix(g, "rho", nB, 1, append([]float64(nil), t.rho...))
	muT := matrix(g, "muT", nB, 1, append([]float64(nil), t.mu...))
	hTn := matrix(g, "hT", nB, nK, hT)
	wkn := matrix(g, "wk", nB, nK, wk)
	onesB := matrix(g, "onesB", nB, 1, ones(nB))
	onesH := matrix(g, "onesH2", h2, 1, ones(h2))
	rbn := matrix(g, "RB", nB*nK, nB, rb)
	rkn := matrix(g, "RK", nB*nK, nK, rk)
	one := G.NewConstant(1.0)
	minus2 := G.NewConstant(-2.0)

	// Parameters.
	at := make([]float64, nb*k) // P×K
	for al := 0; al < k; al++ {
		for q := 0; q < nb; q++ {
			at[q*k+al] = p.Kernels[al*nb+q]
		}
	}
	atn := matrix(g, "AT", nb, k, at)
	w1 := matrix(g, "W1", k, h1, append([]float64(nil), p.W1...))
	b1 := matrix(g, "b1", 1, h1, append([]float64(nil), p.B1...))
	w2 := matrix(g, "W2", h1, h2, append([]float64(nil), p.W2...))
	b2 := matrix(g, "b2", 1, h2, append([]float64(nil), p.B2...))
	w3 := matrix(g, "w3", 1, h2, append([]float64(nil), p.W3...))
	tg.params = G.Nodes{atn, w1, b1, w2, b2, w3}

	mul := func(x, y *G.Node) *G.Node { return must(G.Mul(x, y)) }
	had := func(x, y *G.Node) *G.Node { return must(G.HadamardProd(x, y)) }
	add := func(x, y *G.Node) *G.Node { return must(G.Add(x, y)) }
	sub := func(x, y *G.Node) *G.Node { return must(G.Sub(x, y)) }
	tr := func(x *G.Node) *G.Node { return must(G.Transpose(x)) }

	// Bulk weighted densities and the two tanh layers.
	sr := mul(srow, atn) // 1×K: Ŵ(0)
	nbar := mul(rho, sr) // B×K
	a1 := must(G.Tanh(add(mul(nbar, w1), mul(onesB, b1))))
	d1 := sub(one, had(a1, a1))
	a2 := must(G.Tanh(add(mul(a1, w2), mul(onesB, b2))))
	d2 := sub(one, had(a2, a2))
	// First derivatives: ∇φ = W1 g1, g1 = (W2 g2) ⊙ D1, g2 = w3 ⊙ D2.
	g2 := had(d2, mul(onesB, w3))
	g1 := had(mul(g2, tr(w2)), d1)
	grad := mul(g1, tr(w1)) // B×K
	mu := mul(grad, tr(sr)) // B×1
	// Second directional derivatives along Ŵ(k):
	// d²φ = Σ_j (−2 a1 g1)_j δz1_j² − 2 Σ_m (g2 a2)_m δz2_m²,
	// δz1 = Ŵ(k)·W1, δz2 = (D1 ⊙ δz1)·W2.
	what := mul(bhat, atn)                                  // Nk×K
	p1 := mul(what, w1)                                     // Nk×H1: δz1 per k
	term1 := mul(mul(minus2, had(a1, g1)), tr(had(p1, p1))) // B×Nk
	x := mul(had(mul(rbn, d1), mul(rkn, p1)), w2)           // (B·Nk)×H2: δz2 per state and k
	v := mul(rbn, had(g2, a2))                              // (B·Nk)×H2
	t2 := mul(had(v, had(x, x)), onesH)                     // (B·Nk)×1
	term2 := mul(minus2, must(G.Reshape(t2, tensor.Shape{nB, nK})))
	hk := add(term1, term2)
	G.Read(mu, &tg.mu)
	G.Read(hk, &tg.hk)

	dmu := sub(mu, muT)
	lossMu := mul(G.NewConstant(w.mu/float64(nB)), must(G.Sum(had(dmu, dmu))))
	dh := sub(hk, hTn)
	lossC2 := must(G.Sum(had(wkn, had(dh, dh))))
	G.Read(lossMu, &tg.lossMu)
	G.Read(lossC2, &tg.lossC2)
	tg.loss = add(lossMu, lossC2)
	if _, err := G.Grad(tg.loss, tg.params...); err != nil {
		panic(fmt.Sprintf("learned: differentiating the training loss: %v", err))
	}
	tg.vm = G.NewTapeMachine(g, G.BindDualValues(tg.params...))
	return tg
}

// evaluate runs the graph (forward and backward) and returns the loss and
// its two terms (weighted as in the loss).
func (tg *trainGraph) evaluate() (loss, lossMu, lossC2 float64, err error) {
	tg.vm.Reset()
	if err := tg.vm.RunAll(); err != nil {
		return 0, 0, 0, fmt.Errorf("learned: evaluating the training graph: %w", err)
	}
	return tg.loss.Value().Data().(float64), tg.lossMu.Data().(float64), tg.lossC2.Data().(float64), nil
}

// current returns the parameter values held by the graph.
func (tg *trainGraph) current() *Params {
	var out [6][]float64
	for i, n := range tg.params {
		out[i] = append([]float64(nil), n.Value().Data().([]float64)...)
	}
	return tg.unpack(out)
}

// unpack turns graph-layout arrays (AT is P×K) into Params.
func (tg *trainGraph) unpack(v [6][]float64) *Params {
	k, nb := tg.arch.Kernels, tg.nb
	ker := make([]float64, k*nb)
	for q := 0; q < nb; q++ {
		for al := 0; al < k; al++ {
			ker[al*nb+q] = v[0][q*k+al]
		}
	}
	return &Params{Kernels: ker, W1: v[1], B1: v[2], W2: v[3], B2: v[4], W3: v[5]}
}

package learned

import "math"

// mlp is the local free-energy density φ(n) = tanh(tanh(n·W1 + b1)·W2 +
// b2)·w3 with its first and second derivatives, evaluated point by point
// without allocation.
type mlp struct {
	k, h1, h2      int
	w1, b1, w2, b2 []float64
	w3             []float64
	// scratch
	a1, a2, g1, g2, d1, d2 []float64
}

func newMLP(a Architecture, p *Params) *mlp {
	h1, h2 := a.Hidden[0], a.Hidden[1]
	return &mlp{k: a.Kernels, h1: h1, h2: h2, w1: p.W1, b1: p.B1, w2: p.W2, b2: p.B2, w3: p.W3,
		a1: make([]float64, h1), a2: make([]float64, h2), g1: make([]float64, h1), g2: make([]float64, h2),
		d1: make([]float64, h1), d2: make([]float64, h2)}
}

// forward evaluates the layers at n, leaving tanh activations in a1, a2,
// and returns φ(n).
func (m *mlp) forward(n []float64) float64 {
	for j := 0; j < m.h1; j++ {
		m.a1[j] = m.b1[j]
	}
	a1 := m.a1[:m.h1]
	for al, x := range n[:m.k] {
		row := m.w1[al*m.h1 : (al+1)*m.h1]
		row = row[:len(a1)]
		for j, w := range row {
			a1[j] += x * w
		}
	}
	for j := range m.a1 {
		m.a1[j] = math.Tanh(m.a1[j])
	}
	copy(m.a2, m.b2)
	a2 := m.a2[:m.h2]
	for j, x := range m.a1 {
		row := m.w2[j*m.h2 : (j+1)*m.h2]
		row = row[:len(a2)]
		for q, w := range row {
			a2[q] += x * w
		}
	}
	phi := 0.0
	for q := range m.a2 {
		m.a2[q] = math.Tanh(m.a2[q])
		phi += m.a2[q] * m.w3[q]
	}
	return phi
}

// gradient writes ∇φ(n) into grad (length K) and returns φ(n); it leaves
// g1 = (W2 g2) ⊙ D1 and g2 = w3 ⊙ D2 for secondDerivative.
func (m *mlp) gradient(n, grad []float64) float64 {
	phi := m.forward(n)
	for q, a := range m.a2 {
		m.d2[q] = 1 - a*a
		m.g2[q] = m.w3[q] * m.d2[q]
	}
	g2 := m.g2[:m.h2]
	for j, a := range m.a1 {
		row := m.w2[j*m.h2 : (j+1)*m.h2]
		row = row[:len(g2)]
		s := 0.0
		for q, w := range row {
			s += w * g2[q]
		}
		m.d1[j] = 1 - a*a
		m.g1[j] = s * m.d1[j]
	}
	g1 := m.g1[:m.h1]
	for al := range grad[:m.k] {
		row := m.w1[al*m.h1 : (al+1)*m.h1]
		row = row[:len(g1)]
		s := 0.0
		for j, w := range row {
			s += w * g1[j]
		}
		grad[al] = s
	}
	return phi
}

// hessianVector writes ∇²φ(n)·u into out, after gradient(n, ·) was called
// at the same n (it uses a1, a2, d1, d2, g1, g2). It needs scratch of
// length h1 + 2·h2.
func (m *mlp) hessianVector(u, out, scratch []float64) {
	dz1 := scratch[:m.h1]            // δz1 = W1ᵀu, then δa1 = D1 δz1
	dz2 := scratch[m.h1 : m.h1+m.h2] // δz2 = W2ᵀ δa1
	dg2 := scratch[m.h1+m.h2 : m.h1+2*m.h2]
	clear(dz1)
	for al, x := range u[:m.k] {
		row := m.w1[al*m.h1 : (al+1)*m.h1]
		for j, w := range row {
			dz1[j] += x * w
		}
	}
	clear(dz2)
	for j := range dz1 {
		da := m.d1[j] * dz1[j]
		row := m.w2[j*m.h2 : (j+1)*m.h2]
		for q, w := range row {
			dz2[q] += da * w
		}
	}
	// g2 = w3 ⊙ (1 − a2²): δg2 = −2 w3 a2 D2 δz2 = −2 g2 a2 δz2.
	for q := range dg2 {
		dg2[q] = -2 * m.g2[q] * m.a2[q] * dz2[q]
	}
	// g1 = (W2 g2) ⊙ D1: δg1 = (W2 δg2) ⊙ D1 − 2 (W2 g2) ⊙ a1 D1 δz1
	//                        = (W2 δg2) ⊙ D1 − 2 g1 ⊙ a1 ⊙ δz1.
	for j := range dz1 {
		row := m.w2[j*m.h2 : (j+1)*m.h2]
		s := 0.0
		for q, w := range row {
			s += w * dg2[q]
		}
		dz1[j] = s*m.d1[j] - 2*m.g1[j]*m.a1[j]*dz1[j] // now δg1
	}
	for al := range out[:m.k] {
		row := m.w1[al*m.h1 : (al+1)*m.h1]
		s := 0.0
		for j, w := range row {
			s += w * dz1[j]
		}
		out[al] = s
	}
}

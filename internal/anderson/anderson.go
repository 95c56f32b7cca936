// Package anderson is Anderson acceleration (type II, Walker and Ni, SIAM
// J. Numer. Anal. 49, 1715 (2011)) of fixed-point iterations
// x ← x + α·r(x), shared by physim's equilibrium DFT solver and its
// Ornstein–Zernike inversion. It allocates nothing after New.
package anderson

import "math"

// Mixer keeps the last m differences of iterates and residuals of a
// fixed-point iteration on vectors of length n.
type Mixer struct {
	m      int
	dx, dr [][]float64 // ring buffers of Δx and Δr
	k      int         // stored differences (≤ m)
	head   int         // next slot
	xPrev  []float64
	rPrev  []float64
	have   bool
	gram   []float64 // m×m Gram matrix Δrₚ·Δr_q of the stored slots
	a      []float64 // k×k normal matrix, factorised in place
	rhs    []float64
	gamma  []float64
}

// New returns a Mixer with history depth m (0: plain mixing) for vectors
// of length n.
func New(m, n int) *Mixer {
	a := &Mixer{m: m, xPrev: make([]float64, n), rPrev: make([]float64, n),
		gram: make([]float64, m*m), a: make([]float64, m*m), rhs: make([]float64, m), gamma: make([]float64, m)}
	for i := 0; i < m; i++ {
		a.dx = append(a.dx, make([]float64, n))
		a.dr = append(a.dr, make([]float64, n))
	}
	return a
}

// Reset forgets the history (after the fixed-point map changed, or when
// the accelerated iteration went astray).
func (a *Mixer) Reset() { a.k, a.head, a.have = 0, 0, false }

// Next writes the next iterate for x with residual r and mixing alpha into
// out. out may alias x (x is read before out is written) but not r.
func (a *Mixer) Next(out, x, r []float64, alpha float64) {
	if a.m > 0 && a.have {
		s := a.head
		for i := range x {
			a.dx[s][i] = x[i] - a.xPrev[i]
			a.dr[s][i] = r[i] - a.rPrev[i]
		}
		a.head = (a.head + 1) % a.m
		a.k = min(a.k+1, a.m)
		// Only slot s changed: update its row and column of the Gram
		// matrix rather than recomputing all k(k+1)/2 products.
		for q := 0; q < a.k; q++ {
			d := 0.0
			for i, v := range a.dr[s] {
				d += v * a.dr[q][i]
			}
			a.gram[s*a.m+q], a.gram[q*a.m+s] = d, d
		}
	}
	if a.m > 0 {
		copy(a.xPrev, x)
		copy(a.rPrev, r)
		a.have = true
	}
	for i := range x {
		out[i] = x[i] + alpha*r[i]
	}
	if a.k == 0 || !a.solve(r) {
		return
	}
	for j := 0; j < a.k; j++ {
		g := a.gamma[j]
		dx, dr := a.dx[j], a.dr[j]
		for i := range out {
			out[i] -= g * (dx[i] + alpha*dr[i])
		}
	}
}

// solve finds γ minimising |r − ΔR γ| through the regularised normal
// equations (Cholesky); it reports false if they are singular.
func (a *Mixer) solve(r []float64) bool {
	k := a.k
	A := a.a[:k*k]
	for p := 0; p < k; p++ {
		copy(A[p*k:(p+1)*k], a.gram[p*a.m:p*a.m+k])
		s := 0.0
		for i, v := range a.dr[p] {
			s += v * r[i]
		}
		a.rhs[p] = s
	}
	tr := 0.0
	for p := 0; p < k; p++ {
		tr += A[p*k+p]
	}
	if !(tr > 0) {
		return false
	}
	for p := 0; p < k; p++ {
		A[p*k+p] += 1e-12 * tr
	}
	// In-place Cholesky A = LLᵀ (lower triangle).
	for p := 0; p < k; p++ {
		for q := 0; q <= p; q++ {
			s := A[p*k+q]
			for l := 0; l < q; l++ {
				s -= A[p*k+l] * A[q*k+l]
			}
			if p == q {
				if !(s > 0) {
					return false
				}
				A[p*k+p] = math.Sqrt(s)
			} else {
				A[p*k+q] = s / A[q*k+q]
			}
		}
	}
	g := a.gamma[:k]
	for p := 0; p < k; p++ { // L y = rhs
		s := a.rhs[p]
		for l := 0; l < p; l++ {
			s -= A[p*k+l] * g[l]
		}
		g[p] = s / A[p*k+p]
	}
	for p := k - 1; p >= 0; p-- { // Lᵀ γ = y
		s := g[p]
		for l := p + 1; l < k; l++ {
			s -= A[l*k+p] * g[l]
		}
		g[p] = s / A[p*k+p]
	}
	return true
}

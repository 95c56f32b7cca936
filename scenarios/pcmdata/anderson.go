package pcmdata

import "gonum.org/v1/gonum/mat"

// anderson is Anderson acceleration (type II; Walker and Ni, SIAM J. Numer.
// Anal. 49, 1715 (2011)) of the fixed-point iteration x ← x + β·f(x),
// f(x) = G(x) − x, over the last m differences of iterates and residuals.
// The small least-squares problem is solved through regularised normal
// equations (gonum Cholesky).
type anderson struct {
	m            int
	dx, df       [][]float64 // ring buffers of Δx and Δf
	k, head      int
	xPrev, fPrev []float64
	have         bool
}

func newAnderson(m, n int) *anderson {
	a := &anderson{m: m, xPrev: make([]float64, n), fPrev: make([]float64, n)}
	for i := 0; i < m; i++ {
		a.dx = append(a.dx, make([]float64, n))
		a.df = append(a.df, make([]float64, n))
	}
	return a
}

// reset forgets the history (after the fixed-point map changed).
func (a *anderson) reset() { a.k, a.head, a.have = 0, 0, false }

// step overwrites x with the next iterate, given its residual f and the
// mixing beta.
func (a *anderson) step(x, f []float64, beta float64) {
	if a.have {
		s := a.head
		for i := range x {
			a.dx[s][i] = x[i] - a.xPrev[i]
			a.df[s][i] = f[i] - a.fPrev[i]
		}
		a.head = (a.head + 1) % a.m
		a.k = min(a.k+1, a.m)
	}
	copy(a.xPrev, x)
	copy(a.fPrev, f)
	a.have = true
	theta := a.coefficients(f)
	for i := range x {
		x[i] += beta * f[i]
	}
	for j, t := range theta {
		for i := range x {
			x[i] -= t * (a.dx[j][i] + beta*a.df[j][i])
		}
	}
}

// coefficients returns θ minimising |f − ΔF θ|, or nil without history or
// for a singular system.
func (a *anderson) coefficients(f []float64) []float64 {
	k := a.k
	if k == 0 {
		return nil
	}
	ata := mat.NewSymDense(k, nil)
	atb := mat.NewVecDense(k, nil)
	tr := 0.0
	for p := 0; p < k; p++ {
		for q := 0; q <= p; q++ {
			ata.SetSym(p, q, dot(a.df[p], a.df[q]))
		}
		atb.SetVec(p, dot(a.df[p], f))
		tr += ata.At(p, p)
	}
	if !(tr > 0) {
		return nil
	}
	for p := 0; p < k; p++ {
		ata.SetSym(p, p, ata.At(p, p)+1e-12*tr)
	}
	var ch mat.Cholesky
	if !ch.Factorize(ata) {
		return nil
	}
	var theta mat.VecDense
	if err := ch.SolveVecTo(&theta, atb); err != nil {
		return nil
	}
	return theta.RawVector().Data
}

func dot(x, y []float64) float64 {
	s := 0.0
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

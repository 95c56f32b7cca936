package potentials

import (
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// splineSlopes returns the node slopes m_k = dV/dk (grid units) of the cubic
// spline through v on a uniform grid: natural end conditions, or periodic
// with period len(v). The spline's C² conditions read
// m_{k−1} + 4m_k + m_{k+1} = 3(v_{k+1} − v_{k−1}); the natural ends are
// 2m_0 + m_1 = 3(v_1 − v_0) and m_{n−2} + 2m_{n−1} = 3(v_{n−1} − v_{n−2}).
// The periodic (cyclic) system is solved with the Sherman–Morrison formula
// on top of two tridiagonal solves.
func splineSlopes(v []float64, periodic bool) ([]float64, error) {
	n := len(v)
	diag, off := make([]float64, n), make([]float64, n-1)
	rhs := make([]float64, n)
	for k := range diag {
		diag[k] = 4
		switch {
		case periodic:
			rhs[k] = 3 * (v[(k+1)%n] - v[(k+n-1)%n])
		case k == 0:
			diag[k], rhs[k] = 2, 3*(v[1]-v[0])
		case k == n-1:
			diag[k], rhs[k] = 2, 3*(v[n-1]-v[n-2])
		default:
			rhs[k] = 3 * (v[k+1] - v[k-1])
		}
	}
	for k := range off {
		off[k] = 1
	}
	if !periodic {
		return solveTridiag(diag, off, rhs)
	}
	// The cyclic matrix (corners A[0][n−1] = A[n−1][0] = 1) is A = T + u wᵀ
	// with γ = −4, u = (γ, 0, …, 0, 1), w = (1, 0, …, 0, 1/γ), and T
	// tridiagonal with T₀₀ = 4 − γ and T_{n−1,n−1} = 4 − 1/γ. With T y = rhs
	// and T q = u, the solution is y − q (w·y)/(1 + w·q).
	const gamma = -4.0
	diag[0] -= gamma
	diag[n-1] -= 1 / gamma
	y, err := solveTridiag(diag, off, rhs)
	if err != nil {
		return nil, err
	}
	u := make([]float64, n)
	u[0], u[n-1] = gamma, 1
	q, err := solveTridiag(diag, off, u)
	if err != nil {
		return nil, err
	}
	fact := (y[0] + y[n-1]/gamma) / (1 + q[0] + q[n-1]/gamma)
	floats.AddScaled(y, -fact, q)
	return y, nil
}

// solveTridiag solves the symmetric tridiagonal system with diagonal diag
// and off-diagonal off for the right-hand side rhs.
func solveTridiag(diag, off, rhs []float64) ([]float64, error) {
	n := len(diag)
	a := mat.NewTridiag(n, append([]float64(nil), off...), append([]float64(nil), diag...), append([]float64(nil), off...))
	x := mat.NewVecDense(n, nil)
	if err := a.SolveVecTo(x, false, mat.NewVecDense(n, append([]float64(nil), rhs...))); err != nil {
		return nil, err
	}
	return x.RawVector().Data, nil
}

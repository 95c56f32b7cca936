package ddft

import "math"

// bernoulli returns B(x) = x/(eˣ − 1), with B(0) = 1. The
// Scharfetter–Gummel flux uses B(x) and B(−x) = B(x) + x.
func bernoulli(x float64) float64 {
	if math.Abs(x) < 1e-2 {
		x2 := x * x
		return 1 - x/2 + x2/12 - x2*x2/720
	}
	return x / math.Expm1(x)
}

// fluxes writes the Scharfetter–Gummel face fluxes
//
//	J_{i+½} = (D/dz)[B(Δw)ρ_i − B(−Δw)ρ_{i+1}],  Δw = w_{i+1} − w_i,
//
// (σ⁻²/τ) into j, where w = βV − c1 and j[i] is the face between cells i
// and i+1 (the last face wraps on a periodic grid and is closed on a
// bounded one). Faces next to a cell with w = +Inf are closed. With
// diffusion set, the plain diffusive flux −(D/dz)(ρ_{i+1} − ρ_i) is
// subtracted (the part ETD treats exactly). It returns the largest rate
// (1/τ) at which a cell's content flows out, Σ_faces (D/dz²)·B(±Δw): an
// explicit Euler step of dt keeps ρ ≥ 0 if dt times this rate is ≤ 1.
func fluxes(j, rho, w []float64, d, dz float64, periodic, diffusion bool) float64 {
	n := len(rho)
	c := d / dz
	maxRate := 0.0
	prevOut := 0.0 // outflow coefficient of cell i through its left face
	if periodic {
		prevOut = faceOut(w[0], w[n-1])
	}
	for i := 0; i < n; i++ {
		k := i + 1
		if k == n {
			if !periodic {
				j[i] = 0
				maxRate = max(maxRate, prevOut*c/dz)
				break
			}
			k = 0
		}
		wi, wk := w[i], w[k]
		var f, out, in float64
		if !math.IsInf(wi, 1) && !math.IsInf(wk, 1) {
			dw := wk - wi
			b := bernoulli(dw)
			out, in = b, b+dw
			f = c * (out*rho[i] - in*rho[k])
		}
		if diffusion {
			f += c * (rho[k] - rho[i])
		}
		j[i] = f
		maxRate = max(maxRate, (prevOut+out)*c/dz)
		prevOut = in
	}
	return maxRate
}

// faceOut returns the outflow coefficient B(wb − wa) of a cell with
// potential wa through its face to a cell with wb, or 0 for a closed face.
func faceOut(wa, wb float64) float64 {
	if math.IsInf(wa, 1) || math.IsInf(wb, 1) {
		return 0
	}
	return bernoulli(wb - wa)
}

// divergence writes dρ/dt = −(J_{i+½} − J_{i−½})/dz into out.
func divergence(out, j []float64, dz float64, periodic bool) {
	n := len(j)
	left := 0.0
	if periodic {
		left = j[n-1]
	}
	for i := range out {
		out[i] = -(j[i] - left) / dz
		left = j[i]
	}
}

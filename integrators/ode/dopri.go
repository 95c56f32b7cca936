package ode

import (
	"fmt"
	"math"
)

// Dormand–Prince 5(4) tableau (Dormand & Prince, J. Comput. Appl. Math. 6,
// 19 (1980); Hairer, Nørsett & Wanner, Solving ODEs I, Table II.5.2).
const (
	dpC2, dpC3, dpC4, dpC5 = 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9

	dpA21 = 1.0 / 5
	dpA31 = 3.0 / 40
	dpA32 = 9.0 / 40
	dpA41 = 44.0 / 45
	dpA42 = -56.0 / 15
	dpA43 = 32.0 / 9
	dpA51 = 19372.0 / 6561
	dpA52 = -25360.0 / 2187
	dpA53 = 64448.0 / 6561
	dpA54 = -212.0 / 729
	dpA61 = 9017.0 / 3168
	dpA62 = -355.0 / 33
	dpA63 = 46732.0 / 5247
	dpA64 = 49.0 / 176
	dpA65 = -5103.0 / 18656
	dpA71 = 35.0 / 384
	dpA73 = 500.0 / 1113
	dpA74 = 125.0 / 192
	dpA75 = -2187.0 / 6784
	dpA76 = 11.0 / 84

	// Fifth minus fourth-order weights: the local error estimate.
	dpE1 = 71.0 / 57600
	dpE3 = -71.0 / 16695
	dpE4 = 71.0 / 1920
	dpE5 = -17253.0 / 339200
	dpE6 = 22.0 / 525
	dpE7 = -1.0 / 40

	// Fourth-order continuous extension (Hairer's DOPRI5 dense output).
	dpD1 = -12715105075.0 / 11282082432
	dpD3 = 87487479700.0 / 32700410799
	dpD4 = -10690763975.0 / 1880347072
	dpD5 = 701980252875.0 / 199316789632
	dpD6 = -1453857185.0 / 822651844
	dpD7 = 69997945.0 / 29380423
)

// DormandPrince is the adaptive explicit Runge–Kutta 5(4) method of Dormand
// and Prince with local extrapolation (the step is advanced with the
// fifth-order solution), first-same-as-last stages, the standard step-size
// controller, and fourth-order dense output. The zero value is ready to use
// with the documented defaults.
type DormandPrince struct {
	// RTol and ATol set the accepted local error per component,
	// |err_i| ≤ ATol + RTol·max(|y_i|, |y_i,new|), in the root-mean-square
	// norm over components. Defaults: RTol = 1e-6, ATol = 1e-9.
	RTol, ATol float64
	// H0 is the first trial step (in units of t); 0 chooses it from the
	// field (Hairer, Nørsett & Wanner, Sec. II.4).
	H0 float64
	// HMax bounds |h|; 0 means no bound besides the length of the interval.
	HMax float64
	// MaxSteps bounds the number of attempted steps per Solve call;
	// 0 means 1,000,000.
	MaxSteps int

	// Stats accumulates over all Solve calls.
	Stats Stats

	k1, k2, k3, k4, k5, k6, k7, tmp, ynew []float64
	r1, r2, r3, r4, r5                    []float64 // dense-output coefficients
}

// Stats counts the work of an adaptive integration.
type Stats struct {
	// Accepted and Rejected count steps; Evals counts evaluations of f.
	Accepted, Rejected, Evals int
}

func (dp *DormandPrince) tolerances() (rtol, atol float64) {
	rtol, atol = dp.RTol, dp.ATol
	if rtol == 0 {
		rtol = 1e-6
	}
	if atol == 0 {
		atol = 1e-9
	}
	return rtol, atol
}

func (dp *DormandPrince) alloc(n int) {
	for _, b := range []*[]float64{&dp.k1, &dp.k2, &dp.k3, &dp.k4, &dp.k5, &dp.k6, &dp.k7, &dp.tmp, &dp.ynew, &dp.r1, &dp.r2, &dp.r3, &dp.r4, &dp.r5} {
		*b = grow(*b, n)
	}
}

// Solve integrates y from t0 through the output times ts, which must be
// monotone in one direction away from t0 (a time equal to t0 is allowed).
// At each ts[i] it calls out(i, ts[i], yi) with the dense-output state
// (yi is scratch, valid only during the call; out may be nil). On return y
// holds the state at the last output time, reached by a final step that
// lands on it exactly. Errors report a bad tolerance, non-monotone times,
// step-size underflow, exceeding MaxSteps, or a non-finite state.
func (dp *DormandPrince) Solve(f VectorField, t0 float64, y []float64, ts []float64, out func(i int, t float64, yi []float64)) error {
	rtol, atol := dp.tolerances()
	if !(rtol > 0 && atol >= 0) {
		return fmt.Errorf("ode: tolerances must be positive, got RTol = %g, ATol = %g", dp.RTol, dp.ATol)
	}
	if len(ts) == 0 {
		return nil
	}
	tEnd := ts[len(ts)-1]
	dir := 1.0
	if tEnd < t0 {
		dir = -1
	}
	prev := t0
	for i, t := range ts {
		if math.IsNaN(t) || dir*(t-prev) < 0 {
			return fmt.Errorf("ode: output times must run monotonically away from t0 = %g; ts[%d] = %g follows %g", t0, i, t, prev)
		}
		prev = t
	}
	n := len(y)
	dp.alloc(n)
	maxSteps := dp.MaxSteps
	if maxSteps == 0 {
		maxSteps = 1_000_000
	}
	hmax := math.Abs(tEnd - t0)
	if dp.HMax > 0 && dp.HMax < hmax {
		hmax = dp.HMax
	}

	next := 0 // next output index
	emit := func(t float64, yt []float64) {
		if out != nil {
			out(next, t, yt)
		}
		next++
	}
	for next < len(ts) && ts[next] == t0 {
		emit(t0, y)
	}
	if next == len(ts) {
		return nil
	}

	f(t0, y, dp.k1)
	dp.Stats.Evals++
	h := dp.H0
	if h == 0 {
		h = dp.initialStep(f, t0, y, dir, hmax, rtol, atol)
	}
	h = dir * math.Min(math.Abs(h), hmax)
	t := t0
	rejectedLast := false
	for steps := 0; ; steps++ {
		if steps >= maxSteps {
			return fmt.Errorf("ode: more than %d steps between t = %g and %g (stiff problem or tolerance too tight)", maxSteps, t0, tEnd)
		}
		last := false
		if dir*(t+h-tEnd) >= 0 {
			h = tEnd - t
			last = true
		}
		if math.Abs(h) <= 16*math.Abs(t)*0x1p-52 {
			return fmt.Errorf("ode: step size underflow (h = %g) at t = %g", h, t)
		}
		errNorm := dp.attempt(f, t, h, y, rtol, atol)
		if !(errNorm <= 1) { // also catches NaN
			dp.Stats.Rejected++
			if math.IsNaN(errNorm) || math.IsInf(errNorm, 0) {
				h *= 0.1
			} else {
				h *= math.Max(0.2, 0.9*math.Pow(errNorm, -0.2))
			}
			rejectedLast = true
			continue
		}
		dp.Stats.Accepted++
		dp.denseCoefficients(h, y)
		tNew := t + h
		if last {
			tNew = tEnd
		}
		for next < len(ts) && dir*(ts[next]-tNew) < 0 {
			dp.interpolate((ts[next]-t)/h, dp.tmp)
			emit(ts[next], dp.tmp)
		}
		copy(y, dp.ynew)
		dp.k1, dp.k7 = dp.k7, dp.k1 // first same as last
		t = tNew
		for i, v := range y {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("ode: non-finite component %d of the state at t = %g", i, t)
			}
		}
		if last {
			for next < len(ts) {
				emit(ts[next], y)
			}
			return nil
		}
		fac := 10.0
		if rejectedLast {
			fac = 1
		}
		scale := fac
		if errNorm > 0 {
			scale = math.Min(fac, math.Max(0.2, 0.9*math.Pow(errNorm, -0.2)))
		}
		h = dir * math.Min(math.Abs(h*scale), hmax)
		rejectedLast = false
	}
}

// attempt takes a trial step from (t, y) with dp.k1 = f(t, y), leaving the
// fifth-order result in dp.ynew and f(t+h, ynew) in dp.k7, and returns the
// scaled error norm.
func (dp *DormandPrince) attempt(f VectorField, t, h float64, y []float64, rtol, atol float64) float64 {
	k1, k2, k3, k4, k5, k6, k7, tmp, yn := dp.k1, dp.k2, dp.k3, dp.k4, dp.k5, dp.k6, dp.k7, dp.tmp, dp.ynew
	for i := range y {
		tmp[i] = y[i] + h*dpA21*k1[i]
	}
	f(t+dpC2*h, tmp, k2)
	for i := range y {
		tmp[i] = y[i] + h*(dpA31*k1[i]+dpA32*k2[i])
	}
	f(t+dpC3*h, tmp, k3)
	for i := range y {
		tmp[i] = y[i] + h*(dpA41*k1[i]+dpA42*k2[i]+dpA43*k3[i])
	}
	f(t+dpC4*h, tmp, k4)
	for i := range y {
		tmp[i] = y[i] + h*(dpA51*k1[i]+dpA52*k2[i]+dpA53*k3[i]+dpA54*k4[i])
	}
	f(t+dpC5*h, tmp, k5)
	for i := range y {
		tmp[i] = y[i] + h*(dpA61*k1[i]+dpA62*k2[i]+dpA63*k3[i]+dpA64*k4[i]+dpA65*k5[i])
	}
	f(t+h, tmp, k6)
	for i := range y {
		yn[i] = y[i] + h*(dpA71*k1[i]+dpA73*k3[i]+dpA74*k4[i]+dpA75*k5[i]+dpA76*k6[i])
	}
	f(t+h, yn, k7)
	dp.Stats.Evals += 6
	var sum float64
	for i := range y {
		e := h * (dpE1*k1[i] + dpE3*k3[i] + dpE4*k4[i] + dpE5*k5[i] + dpE6*k6[i] + dpE7*k7[i])
		sc := atol + rtol*math.Max(math.Abs(y[i]), math.Abs(yn[i]))
		sum += (e / sc) * (e / sc)
	}
	return math.Sqrt(sum / float64(len(y)))
}

// denseCoefficients stores the continuous extension of the accepted step
// from y (at t) to dp.ynew (at t+h).
func (dp *DormandPrince) denseCoefficients(h float64, y []float64) {
	for i := range y {
		diff := dp.ynew[i] - y[i]
		bspl := h*dp.k1[i] - diff
		dp.r1[i] = y[i]
		dp.r2[i] = diff
		dp.r3[i] = bspl
		dp.r4[i] = diff - h*dp.k7[i] - bspl
		dp.r5[i] = h * (dpD1*dp.k1[i] + dpD3*dp.k3[i] + dpD4*dp.k4[i] + dpD5*dp.k5[i] + dpD6*dp.k6[i] + dpD7*dp.k7[i])
	}
}

// interpolate evaluates the dense output at fraction theta of the last
// accepted step into dst.
func (dp *DormandPrince) interpolate(theta float64, dst []float64) {
	t1 := 1 - theta
	for i := range dst {
		dst[i] = dp.r1[i] + theta*(dp.r2[i]+t1*(dp.r3[i]+theta*(dp.r4[i]+t1*dp.r5[i])))
	}
}

// initialStep estimates a first step (Hairer, Nørsett & Wanner, Sec. II.4);
// dp.k1 holds f(t0, y).
func (dp *DormandPrince) initialStep(f VectorField, t0 float64, y []float64, dir, hmax, rtol, atol float64) float64 {
	var d0, d1 float64
	for i := range y {
		sc := atol + rtol*math.Abs(y[i])
		d0 += (y[i] / sc) * (y[i] / sc)
		d1 += (dp.k1[i] / sc) * (dp.k1[i] / sc)
	}
	n := float64(len(y))
	d0, d1 = math.Sqrt(d0/n), math.Sqrt(d1/n)
	h0 := 1e-6
	if d0 > 1e-5 && d1 > 1e-5 {
		h0 = 0.01 * d0 / d1
	}
	h0 = math.Min(h0, hmax)
	for i := range y {
		dp.tmp[i] = y[i] + dir*h0*dp.k1[i]
	}
	f(t0+dir*h0, dp.tmp, dp.k2)
	dp.Stats.Evals++
	var d2 float64
	for i := range y {
		sc := atol + rtol*math.Abs(y[i])
		d := (dp.k2[i] - dp.k1[i]) / sc
		d2 += d * d
	}
	d2 = math.Sqrt(d2/n) / h0
	h1 := math.Max(1e-6, h0*1e-3)
	if m := math.Max(d1, d2); m > 1e-15 {
		h1 = math.Pow(0.01/m, 0.2)
	}
	return math.Min(100*h0, h1)
}

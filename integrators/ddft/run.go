package ddft

import (
	"context"
	"fmt"
	"math"
)

// Frames selects when Run shows the profile to an observer.
type Frames struct {
	// Every is the interval between frames in τ; 0 means frames only at
	// the start and the end. With fixed steps it must be a whole number of
	// steps.
	Every float64
	// Observe sees the time (τ) and the profile (read-only, valid during
	// the call). Nil means no frames.
	Observe func(t float64, rho []float64) error
}

// Stats summarises a run.
type Stats struct {
	Steps       int     // accepted steps
	Rejected    int     // rejected adaptive steps
	Evaluations int     // functional evaluations
	MinDt       float64 // smallest accepted step (τ)
	MaxDt       float64 // largest accepted step (τ)
}

// Run advances rho in place from t0 over duration (τ), calling fr.Observe
// at t0, at every frame time and at the end. It stops at a step boundary
// with an error when ctx is cancelled.
func (d *DDFT) Run(ctx context.Context, rho []float64, t0, duration float64, fr Frames) (Stats, error) {
	var st Stats
	g := d.f.g
	if len(rho) != g.N {
		panic(fmt.Sprintf("ddft: profile has %d values, grid has %d cells", len(rho), g.N))
	}
	if err := d.check(rho); err != nil {
		return st, err
	}
	if !(duration >= 0) || math.IsInf(duration, 0) || fr.Every < 0 {
		return st, fmt.Errorf("ddft: duration %g τ and frame interval %g τ must be non-negative and finite", duration, fr.Every)
	}
	d.meanRho = g.Integral(rho) / g.Length()
	d.evals = 0
	observe := func(t float64) error {
		if fr.Observe == nil {
			return nil
		}
		return fr.Observe(t, rho)
	}
	if err := observe(t0); err != nil {
		return st, err
	}
	var err error
	if d.s.Adaptive {
		err = d.runAdaptive(ctx, rho, t0, duration, fr.Every, observe, &st)
	} else {
		err = d.runFixed(ctx, rho, t0, duration, fr.Every, observe, &st)
	}
	st.Evaluations = d.evals
	return st, err
}

// accepted records an accepted step of size h.
func (st *Stats) accepted(h float64) {
	if st.Steps == 0 || h < st.MinDt {
		st.MinDt = h
	}
	st.MaxDt = math.Max(st.MaxDt, h)
	st.Steps++
}

func (d *DDFT) runFixed(ctx context.Context, rho []float64, t0, duration, every float64, observe func(float64) error, st *Stats) error {
	dt := d.s.Dt
	perFrame := 0
	if every > 0 {
		perFrame = int(math.Round(every / dt))
		if perFrame < 1 || math.Abs(float64(perFrame)*dt-every) > 1e-6*dt {
			return fmt.Errorf("ddft: frame interval %g τ is not a whole number of steps of %g τ", every, dt)
		}
	}
	n := int(math.Ceil(duration/dt - 1e-9))
	end := t0 + duration
	for k := 0; k < n; k++ {
		t := t0 + float64(k)*dt
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("ddft: run interrupted at t = %.6g τ: %w", t, err)
		}
		h := math.Min(dt, end-t)
		if err := d.Step(rho, t, h); err != nil {
			return err
		}
		st.accepted(h)
		switch {
		case k == n-1:
			return observe(end)
		case perFrame > 0 && (k+1)%perFrame == 0:
			if err := observe(t0 + float64(k+1)*dt); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *DDFT) runAdaptive(ctx context.Context, rho []float64, t0, duration, every float64, observe func(float64) error, st *Stats) error {
	end := t0 + duration
	frame := 1
	target := end // next time to land on exactly: a frame or the end
	if every > 0 {
		target = math.Min(end, t0+every)
	}
	t, h := t0, d.s.Dt
	var stageErr error
	for t < end {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("ddft: run interrupted at t = %.6g τ: %w", t, err)
		}
		if d.s.MaxDt > 0 {
			h = math.Min(h, d.s.MaxDt)
		}
		step, clamped := h, false
		if t+h >= target-1e-9*h {
			step, clamped = target-t, true
		}
		used, errNorm, err := d.attempt(rho, t, step)
		if err != nil {
			return err
		}
		// Controller for an embedded pair of orders 1 and 2.
		fac := 0.9 / math.Sqrt(math.Max(errNorm, 1e-10))
		if !(errNorm <= 1) {
			st.Rejected++
			if math.IsInf(errNorm, 1) {
				stageErr = d.lastStageErr
			}
			h = used * math.Max(0.2, math.Min(0.9, fac))
			if h < 1e-14*math.Max(1, math.Abs(t)) {
				return fmt.Errorf("ddft: adaptive step fell to %.3g τ at t = %.6g τ (last trial failure: %v); the dynamics is too stiff or the profile is breaking down", h, t, stageErr)
			}
			continue
		}
		copy(rho, d.tmp)
		st.accepted(used)
		next := used * math.Min(5, fac)
		if used == step && clamped {
			t = target
			if fac >= 1 {
				next = math.Max(next, h) // a short landing step says nothing against h
			}
			if err := observe(t); err != nil {
				return err
			}
			frame++
			target = end
			if every > 0 {
				target = math.Min(end, t0+float64(frame)*every)
			}
		} else {
			t += used
		}
		h = next
	}
	return nil
}

// attempt tries one embedded step of size at most h from (rho, t); the
// explicit pair may shorten it to its positivity limit. It leaves the
// higher-order result in d.tmp and returns the step used and the error norm
// (≤ 1 to accept; +Inf for a negative trial or a failed second stage, whose
// error is kept in d.lastStageErr).
func (d *DDFT) attempt(rho []float64, t, h float64) (used, errNorm float64, err error) {
	var diff []float64
	if d.spec != nil {
		diff, err = d.spec.step2(d, rho, t, h)
	} else {
		diff, h, err = d.heun(rho, t, h)
	}
	if err != nil {
		return h, 0, err
	}
	if diff == nil || firstInvalid(d.tmp) >= 0 {
		return h, math.Inf(1), nil
	}
	worst := 0.0
	for i, e := range diff {
		worst = math.Max(worst, math.Abs(e)/(d.s.Tol*(math.Abs(rho[i])+d.meanRho)))
	}
	return h, worst, nil
}

// heun takes an Euler step (shortened to the positivity limit) and its Heun
// correction from (rho, t), leaving the Heun result in d.tmp and returning
// the correction (nil if the second stage failed), and the step used.
func (d *DDFT) heun(rho []float64, t, h float64) ([]float64, float64, error) {
	maxRate, err := d.rate(d.k1, rho, t)
	if err != nil {
		return nil, h, err
	}
	if limit := 0.9 / maxRate; h > limit {
		h = limit
	}
	for i := range rho {
		d.tmp[i] = rho[i] + h*d.k1[i]
	}
	if _, err := d.rate(d.k2, d.tmp, t+h); err != nil {
		d.lastStageErr = err
		return nil, h, nil
	}
	for i := range rho {
		e := h / 2 * (d.k2[i] - d.k1[i])
		d.tmp[i] += e
		d.k2[i] = e
	}
	return d.k2, h, nil
}

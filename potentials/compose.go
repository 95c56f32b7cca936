package potentials

import "fmt"

// PlanarSum is the sum of planar potentials.
type PlanarSum []Planar

// VdV returns the summed V in ε and ∂V/∂z in ε/σ (+Inf if any term is).
func (ps PlanarSum) VdV(z, t float64) (v, dv float64) {
	for _, p := range ps {
		vi, dvi := p.VdV(z, t)
		v += vi
		dv += dvi
	}
	return v, dv
}

// Validate validates every term.
func (ps PlanarSum) Validate() error {
	for i, p := range ps {
		if err := validate(p); err != nil {
			return fmt.Errorf("potentials: PlanarSum term %d: %w", i, err)
		}
	}
	return nil
}

// Switched makes P active for On ≤ t < Off (times in τ) and zero otherwise;
// Off = 0 means P stays on forever after On.
type Switched struct {
	P       Planar
	On, Off float64
}

// Active reports whether P is on at time t.
func (sw Switched) Active(t float64) bool { return t >= sw.On && (sw.Off == 0 || t < sw.Off) }

// VdV returns P's V and ∂V/∂z while active, zeros otherwise.
func (sw Switched) VdV(z, t float64) (v, dv float64) {
	if !sw.Active(t) {
		return 0, 0
	}
	return sw.P.VdV(z, t)
}

// Validate checks P and that Off, when set, is after On.
func (sw Switched) Validate() error {
	if sw.Off != 0 && !(sw.Off > sw.On) {
		return fmt.Errorf("potentials: Switched needs Off > On (or Off = 0 for never), got On %g τ, Off %g τ", sw.On, sw.Off)
	}
	return validate(sw.P)
}

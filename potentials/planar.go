package potentials

// Planar is an external potential that depends only on the height z (in σ)
// and the time t (in τ). The particle simulations (through External) and the
// density-functional code share this contract, so one description of V(z, t)
// drives both.
type Planar interface {
	// VdV returns V(z, t) in ε and its derivative ∂V/∂z in ε/σ. V may be
	// +Inf (a hard wall); dV is then irrelevant.
	VdV(z, t float64) (v, dv float64)
}

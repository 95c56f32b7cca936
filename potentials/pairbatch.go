package potentials

// pairBatch evaluates a pair law on a batch of r² values; see
// PairLaw.EnergyForces.
type pairBatch interface {
	EnergyForces(r2, u, fOverR []float64)
}

// batchOf returns the evaluator the pair loop calls once per particle:
// for the LJ and WCA laws one whose constants are resolved once here
// rather than on every call, otherwise the law itself. Results are bit
// for bit those of law.EnergyForces.
func batchOf(law PairLaw) pairBatch {
	switch l := law.(type) {
	case LJ:
		k := l.coef()
		return &k
	case WCA:
		k := l.lj().coef()
		return &k
	}
	return law
}

// EnergyForces evaluates the law with resolved constants k for every
// r2[i] (each below r_c²) into u[i] and fOverR[i]; the plain cut skips the
// truncation step, which leaves it unchanged.
func (k *ljCoef) EnergyForces(r2, u, fOverR []float64) {
	u, fOverR = u[:len(r2)], fOverR[:len(r2)]
	if k.cut.mode == CutPlain {
		for i, x := range r2 {
			u[i], fOverR[i] = k.raw(x)
		}
		return
	}
	for i, x := range r2 {
		u[i], fOverR[i] = k.eval(x)
	}
}

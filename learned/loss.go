package learned

// bulkLoss returns the training loss of the functional f on the targets t
// and its two weighted terms, evaluated with the plain-Go functional (the
// same quantity the gorgonia graph computes).
func bulkLoss(f *Functional, t *bulkTargets, w lossWeights) (loss, lossMu, lossC2 float64) {
	nb := float64(len(t.rho))
	for s, rho := range t.rho {
		_, mu, _ := f.BulkExcess(rho)
		d := mu - t.mu[s]
		lossMu += d * d / nb
		for j, k := range t.k {
			e := -f.BulkDirectCorrelation(rho, k) - t.h[s][j]
			lossC2 += w.c2 * t.weight[j] * e * e / nb
		}
	}
	return w.mu*lossMu + lossC2, w.mu * lossMu, lossC2
}

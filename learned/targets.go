package learned

import (
	"fmt"
	"math"

	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/scenarios/pcmdata"
)

// bulkTargets are the training targets of a set of bulk states: βμ_ex and
// the transform of the target Hessian row on the wavenumbers k.
type bulkTargets struct {
	rho, mu []float64 // density (σ⁻³) and βμ_ex per state
	k       []float64 // wavenumbers k_j = 2πj/L_p ≤ k_max (σ⁻¹)
	h       [][]float64
	// weight[j] is the Parseval weight (1 or 2)/L_p of k_j: Σ_j weight_j
	// |Δĥ(k_j)|² is ∫|Δrow(z)|² dz of the rows band-limited to k_max.
	weight []float64
}

// newTargets builds the targets of the given states of d for a model on
// grid g, up to wavenumber kmax (σ⁻¹). The target Hessian row is
// −c2_planar(m·dz), |m|·dz within the data's z range (linearly
// interpolated), so that its transform is −ĉ(k) of the data on this grid;
// the βμ_ex target is the equation-of-state fit (pcmdata.StateData). With
// a base functional (not nil) the targets are what the network must add
// to it: the data minus the base's bulk βμ_ex and Hessian-row transform.
func newTargets(d *pcmdata.Dataset, states []int, g functional.Grid, kmax float64, base functional.Functional) (*bulkTargets, error) {
	dz := g.Dz
	zmax := d.Z[len(d.Z)-1]
	m := int(math.Floor(zmax/dz + 1e-9))
	if m < 1 {
		return nil, fmt.Errorf("learned: the data set's c2(z) range %g σ is shorter than the grid spacing %g σ", zmax, dz)
	}
	lp := float64(2*m+1) * dz
	t := &bulkTargets{}
	for j := 0; 2*math.Pi*float64(j)/lp <= kmax; j++ {
		t.k = append(t.k, 2*math.Pi*float64(j)/lp)
		w := 2 / lp
		if j == 0 {
			w = 1 / lp
		}
		t.weight = append(t.weight, w)
	}
	row := make([]float64, m+1)
	for _, i := range states {
		s := &d.States[i]
		for q := range row {
			row[q] = -pcmdata.Interpolate(d.Z, s.C2, float64(q)*dz)
		}
		h := make([]float64, len(t.k))
		for j, k := range t.k {
			h[j] = cosine(row, k, dz) * dz
		}
		mu := s.FitBetaMuEx
		if base != nil {
			bmu, bh, err := baseBulk(base, s.Density, t.k)
			if err != nil {
				return nil, err
			}
			mu -= bmu
			for j := range h {
				h[j] -= bh[j]
			}
		}
		t.rho = append(t.rho, s.Density)
		t.mu = append(t.mu, mu)
		t.h = append(t.h, h)
	}
	return t, nil
}

// baseBulk returns βμ_ex of the base functional f at the uniform density
// rho and the transform Σ_m Δz·H(0, m) cos(k m Δz) of its Hessian row at
// each k (its −ĉ(k) on the grid; the row must be shorter than half the
// box).
func baseBulk(f functional.Functional, rho float64, ks []float64) (float64, []float64, error) {
	b, ok := f.(functional.Bulk)
	h2, ok2 := f.(functional.SecondDerivative)
	if !ok || !ok2 {
		return 0, nil, fmt.Errorf("learned: base functional %T lacks bulk thermodynamics or second derivatives", f)
	}
	_, mu, err := b.BulkExcess(rho)
	if err != nil {
		return 0, nil, err
	}
	g := f.Grid()
	r := make([]float64, g.N)
	for i := range r {
		r[i] = rho
	}
	v := make([]float64, g.N)
	v[0] = 1 / g.Dz
	row := make([]float64, g.N)
	if err := h2.HessianVector(r, v, row); err != nil {
		return 0, nil, err
	}
	out := make([]float64, len(ks))
	for j, k := range ks {
		s := 0.0
		for m, x := range row {
			lag := m
			if m > g.N/2 {
				lag = m - g.N
			}
			s += x * math.Cos(k*float64(lag)*g.Dz)
		}
		out[j] = s * g.Dz
	}
	return mu, out, nil
}

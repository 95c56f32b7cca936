package observe

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
)

// DefaultProfileBins is the number of ρ(z) bins used when
// DensityProfile.Bins is zero.
const DefaultProfileBins = 100

// Binning selects how a particle is assigned to the bins of a profile.
type Binning int

const (
	// Histogram counts each particle fully in the bin that contains it.
	Histogram Binning = iota
	// CloudInCell shares each particle linearly between the two bin centres
	// nearest to it: at distance f·dz past the centre of bin k it gives
	// weight 1 − f to bin k and f to bin k+1. Across a periodic z boundary
	// the weight wraps around; on an open axis a particle within half a bin
	// of an end puts all its weight in the end bin. A particle exactly at a
	// bin centre puts all its weight there.
	CloudInCell
)

// Estimator selects how a DensityProfile estimates ρ(z).
type Estimator int

const (
	// Counting counts particles into the bins with the profile's Binning.
	Counting Estimator = iota
	// ForceSampling integrates the equilibrium force balance
	// kT dρ/dz = ⟨Σ_i F_z,i δ(z − z_i)⟩/A: ρ at the bin centres z_k is
	// ρ̄ + (β/A) Σ_i F_z,i [Θ(z_k − z_i) − n_i/Bins], with n_i the number of
	// centres above z_i (derivation in forceprofile.go). It needs s.Force
	// to hold the total conservative force (pair plus external) at s.Pos,
	// as the integrators leave it after Init and every Step, and states
	// drawn from the canonical distribution at KT. Its variance does not
	// grow as the bins shrink.
	ForceSampling
)

// DensityProfile measures the number density ρ(z) in σ⁻³ along z, in Bins
// equal bins of width dz = L_z/Bins spanning [0, L_z). The Counting
// estimator gives the weight in each bin divided by L_x·L_y·dz; the
// ForceSampling estimator gives ρ at the bin centres from the forces (see
// ForceSampling). Either way Σ ρ dz · L_x·L_y = N for every frame.
// Observations are averaged bin by bin, with standard errors. The zero
// value is ready to use; set the settings before the first observation.
type DensityProfile struct {
	// Bins is the number of bins; zero means DefaultProfileBins.
	Bins int
	// Binning is Histogram (the zero value) or CloudInCell; it applies to
	// the Counting estimator only.
	Binning Binning
	// Estimator is Counting (the zero value) or ForceSampling.
	Estimator Estimator
	// KT is the temperature kT in ε of the sampled ensemble, required (> 0)
	// by ForceSampling and unused by Counting.
	KT float64
	// Independent declares the observations statistically independent
	// (separate trials): the standard errors are then those of the mean of
	// independent samples instead of block averages over a time series.
	Independent bool

	lz    float64 // L_z of the first observation
	acc   binSeries
	frame []float64
	hist  []float64 // ForceSampling scratch: force per histogram bin
}

func (p *DensityProfile) bins() int {
	if p.Bins == 0 {
		return DefaultProfileBins
	}
	return p.Bins
}

// Compute returns ρ(z) of the single state s in dst (reallocated if too
// short) without accumulating it. It returns an error if L_x, L_y or L_z is
// not positive, if ForceSampling has no positive finite KT or, on an open z
// axis, if a particle lies outside [0, L_z).
func (p *DensityProfile) Compute(dst []float64, s *sim.State) ([]float64, error) {
	nb := p.bins()
	if nb < 1 {
		return dst, fmt.Errorf("observe: density profile needs at least one bin, got %d", p.Bins)
	}
	if p.Binning != Histogram && p.Binning != CloudInCell {
		return dst, fmt.Errorf("observe: unknown density profile binning %d", p.Binning)
	}
	if p.Estimator != Counting && p.Estimator != ForceSampling {
		return dst, fmt.Errorf("observe: unknown density profile estimator %d", p.Estimator)
	}
	L := s.Box.L
	if !(L[0] > 0 && L[1] > 0 && L[2] > 0) {
		return dst, fmt.Errorf("observe: density profile needs positive box edges, got %g × %g × %g σ", L[0], L[1], L[2])
	}
	if cap(dst) < nb {
		dst = make([]float64, nb)
	}
	dst = dst[:nb]
	clear(dst)
	if p.Estimator == ForceSampling {
		return dst, p.forceSampled(dst, s)
	}
	periodic := s.Box.Periodic[2]
	dz := L[2] / float64(nb)
	for i := range s.Pos {
		z, err := profileZ(s, i)
		if err != nil {
			return dst, err
		}
		u := z / dz
		if p.Binning == Histogram {
			dst[min(int(u), nb-1)]++
			continue
		}
		u -= 0.5 // distance from the centre of bin 0, in bins
		k := int(math.Floor(u))
		f := u - float64(k)
		lo, hi := k, k+1
		switch {
		case periodic:
			lo, hi = (lo+nb)%nb, hi%nb
		case lo < 0:
			lo, f = 0, 0
		case hi >= nb:
			lo, hi, f = nb-1, nb-1, 0
		}
		dst[lo] += 1 - f
		dst[hi] += f
	}
	norm := 1 / (L[0] * L[1] * dz)
	for k := range dst {
		dst[k] *= norm
	}
	return dst, nil
}

// profileZ returns the height of particle i wrapped into [0, L_z), or an
// error if it lies outside that range on an open z axis.
func profileZ(s *sim.State, i int) (float64, error) {
	z := s.Box.WrapZ(s.Pos[i][2])
	if !(z >= 0 && z < s.Box.L[2]) {
		return z, fmt.Errorf("observe: particle %d at z = %g σ lies outside the profile range [0, %g) σ", i, s.Pos[i][2], s.Box.L[2])
	}
	return z, nil
}

// Observe computes the profile of s and adds it to the average. It returns
// an error if L_z differs from that of the first observation, or as
// Compute does.
func (p *DensityProfile) Observe(s *sim.State) error {
	if p.lz != 0 && s.Box.L[2] != p.lz {
		return fmt.Errorf("observe: box height L_z = %g σ differs from %g σ of the first observation", s.Box.L[2], p.lz)
	}
	var err error
	if p.frame, err = p.Compute(p.frame, s); err != nil {
		return err
	}
	p.lz = s.Box.L[2]
	p.acc.add(p.frame)
	return nil
}

// Add adds a profile computed elsewhere (for example by Compute in another
// trial) to the average; lz is the box height L_z in σ it was computed for.
// It panics if lz or the number of bins differs from earlier profiles.
func (p *DensityProfile) Add(rho []float64, lz float64) {
	if p.lz != 0 && lz != p.lz {
		panic(fmt.Sprintf("observe: profile for L_z = %g σ added to profiles for %g σ", lz, p.lz))
	}
	p.lz = lz
	p.acc.add(rho)
}

// Frames returns the number of profiles averaged.
func (p *DensityProfile) Frames() int64 { return p.acc.count() }

// Z returns the bin centres in σ (nil before the first observation).
func (p *DensityProfile) Z() []float64 { return binCentres(len(p.acc.series), p.lz) }

// binCentres returns the centres (σ) of nb bins across [0, lz), or nil
// when lz is 0 (nothing observed yet).
func binCentres(nb int, lz float64) []float64 {
	if lz == 0 {
		return nil
	}
	z := make([]float64, nb)
	for k := range z {
		z[k] = (float64(k) + 0.5) * lz / float64(nb)
	}
	return z
}

// Result returns ρ of every bin in σ⁻³ averaged over the observations, with
// its standard error (NaN with fewer than two observations).
func (p *DensityProfile) Result() []stats.MeanErr { return p.acc.result(p.Independent) }

// WriteCSV writes the columns z, rho, stderr to path atomically.
func (p *DensityProfile) WriteCSV(path string) error {
	z, res := p.Z(), p.Result()
	return writeCSV(path, "z,rho,stderr", len(z), func(b []byte, k int) []byte {
		return appendFloats(b, z[k], res[k].Mean, res[k].StdErr)
	})
}

package observe

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/dsp/fourier"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
)

// DefaultMixBlocks is the number of blocks a MixedProfile keeps at most
// when MaxBlocks is zero.
const DefaultMixBlocks = 512

// mixBand is the half-width, in Fourier modes, of the band over which the
// noise spectra are pooled to estimate the weight of each mode, and
// minMixBlocks the fewest blocks from which weights are estimated.
const (
	mixBand      = 3
	minMixBlocks = 8
)

// MixedProfile measures ρ(z) in σ⁻³ on a periodic z axis with two
// estimators on the same frames, cloud-in-cell counting and force sampling
// (DensityProfile's Counting and ForceSampling), and combines them Fourier
// mode by Fourier mode with the weights that minimise the variance. The
// zero value needs only KT; set the settings before the first observation.
//
// The two estimators have the same mean but opposite noise spectra.
// Counting noise is nearly white (variance ∝ 1/dz per bin), so it
// dominates at short wavelengths; force sampling integrates the force
// density, so its noise falls as 1/k² and dominates at long wavelengths.
// With ĉ_j the discrete Fourier coefficient of the counting profile divided
// by the cloud-in-cell window sinc²(πj/Bins) (making its mean the transform
// of the point values ρ(z_k), like that of the force-sampled f̂_j), the
// combination is
//
//	m̂_j = w_j ĉ_j + (1 − w_j) f̂_j,  w_j = (V_f − C)/(V_c + V_f − 2C),
//
// a control variate per mode (Rotenberg, J. Chem. Phys. 153, 150902 (2020)
// mixes per bin): V_c, V_f and C are the variances and covariance of ĉ and
// f̂ over the blocks of frames, pooled over the modes within mixBand of j;
// w_j is clipped to [0, 1]. Mode 0 is the same in both estimators (N/A
// exactly), so every frame's mixed profile holds N particles whatever the
// weights; w_0 is left at 0.
//
// Frames are averaged in blocks of consecutive frames; when MaxBlocks
// blocks are full, neighbouring blocks are merged and the block length
// doubles, so memory stays at 2·Bins·MaxBlocks numbers. The estimates use
// the complete blocks (frames of the block under way at the end are left
// out); their standard errors are the block averages of sim/stats over the
// block series, so every block length is a power of two frames and the
// blocking levels are those of the frame series. The weights are estimated
// from the same blocks, which biases the mixture at second order only.
type MixedProfile struct {
	// Bins is the number of bins; zero means DefaultProfileBins.
	Bins int
	// KT is the temperature kT in ε of the sampled ensemble (> 0).
	KT float64
	// MaxBlocks is the most blocks kept (even, ≥ 2·minMixBlocks); zero
	// means DefaultMixBlocks.
	MaxBlocks int

	count, force DensityProfile
	lz           float64
	size         int       // frames per block
	blocks       []float64 // block means: counting then force, 2·Bins per block
	cur          []float64 // sums of the block under way
	inCur        int
	frames       int64
	fc, ff       []float64
}

// MixedResult is what a MixedProfile yields on its bin centres.
type MixedResult struct {
	// Mixed is the combined ρ (σ⁻³) at the bin centres, Counting the
	// cloud-in-cell profile and Force the force-sampled one, each with its
	// block-averaged standard error (NaN with fewer than two blocks).
	Mixed, Counting, Force []stats.MeanErr
	// Weight[j] is the weight w_j of the counting estimate in Fourier mode
	// j (wavenumber 2πj/L_z), j = 0 … Bins/2; with fewer than minMixBlocks
	// blocks it is zero and Mixed equals Force.
	Weight []float64
	// Frames is the number of frames in the estimates and BlockFrames the
	// frames per block.
	Frames      int64
	BlockFrames int
}

func (p *MixedProfile) maxBlocks() int {
	if p.MaxBlocks == 0 {
		return DefaultMixBlocks
	}
	return p.MaxBlocks
}

// Observe computes both profiles of s and adds them to the block under
// way. It returns an error if the z axis is open, if L_z differs from that
// of the first observation, if MaxBlocks is invalid, or as
// DensityProfile.Compute does.
func (p *MixedProfile) Observe(s *sim.State) error {
	if mb := p.maxBlocks(); mb < 2*minMixBlocks || mb%2 != 0 {
		return fmt.Errorf("observe: mixed profile needs an even MaxBlocks ≥ %d, got %d", 2*minMixBlocks, p.MaxBlocks)
	}
	if !s.Box.Periodic[2] {
		return fmt.Errorf("observe: the mixed density profile needs a periodic z axis")
	}
	if p.lz != 0 && s.Box.L[2] != p.lz {
		return fmt.Errorf("observe: box height L_z = %g σ differs from %g σ of the first observation", s.Box.L[2], p.lz)
	}
	if p.lz == 0 {
		p.count = DensityProfile{Bins: p.Bins, Binning: CloudInCell}
		p.force = DensityProfile{Bins: p.Bins, Estimator: ForceSampling, KT: p.KT}
	}
	var err error
	if p.fc, err = p.count.Compute(p.fc, s); err != nil {
		return err
	}
	if p.ff, err = p.force.Compute(p.ff, s); err != nil {
		return err
	}
	nb := len(p.fc)
	if p.lz == 0 {
		p.lz, p.size = s.Box.L[2], 1
		p.cur = make([]float64, 2*nb)
	}
	for k := range nb {
		p.cur[k] += p.fc[k]
		p.cur[nb+k] += p.ff[k]
	}
	p.frames++
	if p.inCur++; p.inCur < p.size {
		return nil
	}
	inv := 1 / float64(p.size)
	for _, v := range p.cur {
		p.blocks = append(p.blocks, v*inv)
	}
	clear(p.cur)
	p.inCur = 0
	if len(p.blocks) == p.maxBlocks()*2*nb {
		p.mergeBlocks(2 * nb)
	}
	return nil
}

// mergeBlocks replaces each pair of neighbouring blocks (of width numbers)
// by its mean and doubles the block length.
func (p *MixedProfile) mergeBlocks(width int) {
	n := len(p.blocks) / width
	for b := 0; b < n/2; b++ {
		dst, x, y := p.blocks[b*width:(b+1)*width], p.blocks[2*b*width:], p.blocks[(2*b+1)*width:]
		for k := range dst {
			dst[k] = 0.5 * (x[k] + y[k])
		}
	}
	p.blocks = p.blocks[:n/2*width]
	p.size *= 2
}

// Frames returns the number of frames observed, including those of the
// block under way.
func (p *MixedProfile) Frames() int64 { return p.frames }

// Z returns the bin centres in σ (nil before the first observation).
func (p *MixedProfile) Z() []float64 { return binCentres(len(p.fc), p.lz) }

// Result estimates the weights from the complete blocks and returns the
// three profiles (nil profiles before the first complete block).
func (p *MixedProfile) Result() MixedResult {
	nb := len(p.fc)
	width := 2 * nb
	n := 0
	if width > 0 {
		n = len(p.blocks) / width
	}
	res := MixedResult{Frames: int64(n) * int64(p.size), BlockFrames: p.size}
	if n == 0 {
		return res
	}
	fft := fourier.NewFFT(nb)
	nk := nb/2 + 1
	window := make([]float64, nk) // cloud-in-cell window sinc²(πj/nb)
	for j := range window {
		window[j] = 1
		if x := math.Pi * float64(j) / float64(nb); j > 0 {
			window[j] = math.Pow(math.Sin(x)/x, 2)
		}
	}
	c, f := make([]complex128, nk), make([]complex128, nk)
	transform := func(b int) {
		blk := p.blocks[b*width : (b+1)*width]
		fft.Coefficients(c, blk[:nb])
		fft.Coefficients(f, blk[nb:])
		for j := range c {
			c[j] /= complex(window[j], 0)
		}
	}
	res.Weight = make([]float64, nk)
	if n >= minMixBlocks {
		mixWeights(res.Weight, n, c, f, transform)
	}
	var count, force, mixed binSeries
	m := make([]complex128, nk)
	row := make([]float64, nb)
	for b := 0; b < n; b++ {
		transform(b)
		for j := range m {
			m[j] = complex(res.Weight[j], 0)*c[j] + complex(1-res.Weight[j], 0)*f[j]
		}
		fft.Sequence(row, m)
		for k := range row {
			row[k] /= float64(nb)
		}
		mixed.add(row)
		blk := p.blocks[b*width : (b+1)*width]
		count.add(blk[:nb])
		force.add(blk[nb:])
	}
	res.Mixed, res.Counting, res.Force = mixed.result(false), count.result(false), force.result(false)
	return res
}

// mixWeights fills w with the variance-minimising weight of the counting
// estimate per mode from the n ≥ 2 blocks that transform(b) puts into c and
// f.
func mixWeights(w []float64, n int, c, f []complex128, transform func(int)) {
	nk := len(w)
	mc, mf := make([]complex128, nk), make([]complex128, nk)
	for b := 0; b < n; b++ {
		transform(b)
		for j := range mc {
			mc[j] += c[j]
			mf[j] += f[j]
		}
	}
	for j := range mc {
		mc[j] /= complex(float64(n), 0)
		mf[j] /= complex(float64(n), 0)
	}
	vc, vf, cov := make([]float64, nk), make([]float64, nk), make([]float64, nk)
	for b := 0; b < n; b++ {
		transform(b)
		for j := range vc {
			dc, df := c[j]-mc[j], f[j]-mf[j]
			vc[j] += real(dc)*real(dc) + imag(dc)*imag(dc)
			vf[j] += real(df)*real(df) + imag(df)*imag(df)
			cov[j] += real(dc)*real(df) + imag(dc)*imag(df)
		}
	}
	for j := 1; j < nk; j++ {
		var a, b, x float64
		for i := max(1, j-mixBand); i <= min(nk-1, j+mixBand); i++ {
			a, b, x = a+vc[i], b+vf[i], x+cov[i]
		}
		if d := a + b - 2*x; d > 0 {
			w[j] = min(1, max(0, (b-x)/d))
		}
	}
}

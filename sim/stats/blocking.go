package stats

import "math"

// fallbackMinBlocks is the least number of blocks of the level reported when
// the blocking criterion is never met.
const fallbackMinBlocks = 16

// BlockLevel is one point of the blocking curve: the standard error of the
// mean estimated from the means of blocks of BlockSize consecutive values,
// treated as independent.
type BlockLevel struct {
	// BlockSize is the number of original values per block, 2^level.
	BlockSize int64
	// NBlocks is the number of complete blocks, ⌊n/BlockSize⌋; values past
	// the last complete block are not used at this level.
	NBlocks int64
	// StdErr is sqrt(Σ_j (y_j − ȳ)² / (NBlocks (NBlocks − 1))) over the block
	// means y_j.
	StdErr float64
	// StdErrErr is the statistical uncertainty of StdErr for independent
	// blocks, StdErr / sqrt(2 (NBlocks − 1)).
	StdErrErr float64
}

// newBlockLevel builds the curve point of level k from the number of blocks
// n ≥ 2 and the sum of squared deviations m2 of their means.
func newBlockLevel(k int, n int64, m2 float64) BlockLevel {
	nf := float64(n)
	se := math.Sqrt(m2 / (nf * (nf - 1)))
	return BlockLevel{BlockSize: 1 << k, NBlocks: n, StdErr: se, StdErrErr: se / math.Sqrt(2*(nf-1))}
}

// Blocking is the result of a Flyvbjerg–Petersen blocking analysis.
//
// The reported level is the smallest block size B = 2^k with
//
//	B³ > 2 n (σ_B/σ_1)⁴,
//
// where n is the number of values and σ_B the standard error at block size
// B (Lee, Kalos et al., Phys. Rev. E 83, 066706 (2011), the rule pyblock
// uses). Since (σ_B/σ_1)² ≈ 2τ for an integrated correlation time τ, this
// balances the bias of short blocks (∝ τ/B) against the noise of few blocks
// (∝ sqrt(B/n)); for uncorrelated data it picks B ≈ (2n)^{1/3}. When no level
// meets the criterion the series is too short for its correlation time:
// Converged is false and the deepest level with at least 16 blocks (or
// level 0) is reported, which then underestimates the error.
type Blocking struct {
	// Mean is the mean of all n values.
	Mean float64
	// StdErr is the standard error of Mean at the reported level (NaN for
	// n < 2).
	StdErr float64
	// N is the number of values.
	N int64
	// Level indexes Curve at the reported level (−1 for n < 2).
	Level int
	// Converged tells whether the level criterion was met.
	Converged bool
	// Curve holds every level with at least two blocks, level 0 first
	// (single values, the naive standard error).
	Curve []BlockLevel
}

// BlockAverage returns the blocking analysis of the series x (in time
// order).
func BlockAverage(x []float64) Blocking {
	var s Series
	for _, v := range x {
		s.Add(v)
	}
	return s.Blocking()
}

// Estimate returns the reported mean and standard error.
func (b Blocking) Estimate() MeanErr { return MeanErr{Mean: b.Mean, StdErr: b.StdErr} }

// newBlocking chooses the reported level of curve for n values of mean m.
func newBlocking(m float64, n int64, curve []BlockLevel) Blocking {
	b := Blocking{Mean: m, StdErr: math.NaN(), N: n, Level: -1, Curve: curve}
	if len(curve) == 0 {
		return b
	}
	b.Level, b.Converged = chooseLevel(n, curve)
	b.StdErr = curve[b.Level].StdErr
	return b
}

// chooseLevel applies the criterion documented on Blocking.
func chooseLevel(n int64, curve []BlockLevel) (level int, converged bool) {
	se0 := curve[0].StdErr
	if se0 == 0 { // constant data
		return 0, true
	}
	for k, c := range curve {
		r := c.StdErr / se0
		b := float64(c.BlockSize)
		if b*b*b > 2*float64(n)*r*r*r*r {
			return k, true
		}
	}
	level = 0
	for k, c := range curve {
		if c.NBlocks >= fallbackMinBlocks {
			level = k
		}
	}
	return level, false
}

package stats

import "math"

// Series accumulates a time series one value at a time and gives its
// block-averaged mean and standard error at any moment. It keeps, for every
// blocking level k, running Welford moments of the completed blocks of 2^k
// consecutive values and the first half of the block under construction, so
// memory grows as log₂ n and Add allocates only when the series doubles past
// a power of two. The zero value is an empty series ready to use.
//
// Add must be called in time order; the blocks are consecutive values.
type Series struct {
	levels []blockMoments
}

// blockMoments holds the Welford moments of the completed blocks of one
// level and the pending first half of the next block.
type blockMoments struct {
	n       int64   // number of completed blocks
	mean    float64 // mean of the completed block values
	m2      float64 // Σ (y − mean)² over the completed block values
	pending float64 // block value waiting for its partner
	half    bool    // whether pending is set
}

// add includes the block value y in the moments.
func (b *blockMoments) add(y float64) {
	b.n++
	d := y - b.mean
	b.mean += d / float64(b.n)
	b.m2 += d * (y - b.mean)
}

// Add appends the value x to the series. A non-finite x makes every later
// estimate non-finite.
func (s *Series) Add(x float64) {
	for k := 0; ; k++ {
		if k == len(s.levels) {
			s.levels = append(s.levels, blockMoments{})
		}
		lv := &s.levels[k]
		lv.add(x)
		if !lv.half {
			lv.pending, lv.half = x, true
			return
		}
		x = 0.5 * (lv.pending + x)
		lv.half = false
	}
}

// Len returns the number of values added.
func (s *Series) Len() int64 {
	if len(s.levels) == 0 {
		return 0
	}
	return s.levels[0].n
}

// Mean returns the mean of all values added (NaN for an empty series).
func (s *Series) Mean() float64 {
	if s.Len() == 0 {
		return math.NaN()
	}
	return s.levels[0].mean
}

// Blocking returns the blocking analysis of the values added so far; it is
// identical to BlockAverage applied to the same values.
func (s *Series) Blocking() Blocking {
	var curve []BlockLevel
	for k, lv := range s.levels {
		if lv.n < 2 {
			break
		}
		curve = append(curve, newBlockLevel(k, lv.n, lv.m2))
	}
	return newBlocking(s.Mean(), s.Len(), curve)
}

// Estimate returns the block-averaged mean and standard error, the Mean and
// StdErr of Blocking.
func (s *Series) Estimate() MeanErr { return s.Blocking().Estimate() }

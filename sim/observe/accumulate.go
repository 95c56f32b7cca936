package observe

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
)

// binSeries accumulates, for every bin of a profile, the sequence of values
// it takes in successive observations.
type binSeries struct {
	series []stats.Series
}

// add appends one observation of the whole profile v; it panics if v does
// not have the length of the earlier observations.
func (b *binSeries) add(v []float64) {
	if b.series == nil {
		b.series = make([]stats.Series, len(v))
	}
	if len(v) != len(b.series) {
		panic(fmt.Sprintf("observe: profile has %d bins, earlier ones %d", len(v), len(b.series)))
	}
	for k, x := range v {
		b.series[k].Add(x)
	}
}

// count returns the number of observations.
func (b *binSeries) count() int64 {
	if len(b.series) == 0 {
		return 0
	}
	return b.series[0].Len()
}

// result returns the mean of every bin with its standard error: the plain
// standard error of the mean when the observations are independent, the
// block-averaged one otherwise. The error is NaN with fewer than two
// observations.
func (b *binSeries) result(independent bool) []stats.MeanErr {
	out := make([]stats.MeanErr, len(b.series))
	for k := range b.series {
		bl := b.series[k].Blocking()
		out[k] = bl.Estimate()
		if independent {
			out[k].StdErr = math.NaN()
			if len(bl.Curve) > 0 {
				out[k].StdErr = bl.Curve[0].StdErr
			}
		}
	}
	return out
}

var (
	_ sim.Observer = (*RDF)(nil)
	_ sim.Observer = (*DensityProfile)(nil)
	_ sim.Observer = (*MSD)(nil)
	_ sim.Observer = (*Thermo)(nil)
)

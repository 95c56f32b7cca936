package viz

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// logTicks marks a logarithmic axis at the integer multiples of 10ᵏ and
// labels those at 1, 2 and 5 × 10ᵏ, or all of them when that would leave
// fewer than two labels. gonum's LogTicks labels only the powers of ten,
// which leaves a plot spanning less than a decade with one label or none.
type logTicks struct{}

// Ticks implements plot.Ticker for min < max, both positive.
func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi > lo) || math.IsInf(hi, 0) {
		return nil
	}
	var ticks []plot.Tick
	labelled := 0
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		p := math.Pow(10, e)
		for m := 1; m <= 9; m++ {
			v := float64(m) * p
			if v < lo*(1-1e-12) || v > hi*(1+1e-12) {
				continue
			}
			t := plot.Tick{Value: v}
			if m == 1 || m == 2 || m == 5 {
				t.Label = label(v)
				labelled++
			}
			ticks = append(ticks, t)
		}
	}
	if labelled < 2 {
		for i := range ticks {
			ticks[i].Label = label(ticks[i].Value)
		}
	}
	return ticks
}

// label formats a tick value.
func label(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }

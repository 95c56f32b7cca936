package stats

import (
	"encoding/json"
	"fmt"
	"math"
)

// MeanErr is an estimate with its standard error, in the units of the data.
// It marshals to JSON as {"mean": m, "stderr": s}; a non-finite value (for
// example the standard error of fewer than two samples, NaN) is written as
// null and read back as NaN, so a summary never fails to encode.
type MeanErr struct {
	Mean   float64 `json:"mean"`
	StdErr float64 `json:"stderr"`
}

// String formats e as "mean ± stderr" (six and two significant digits).
func (e MeanErr) String() string { return fmt.Sprintf("%.6g ± %.2g", e.Mean, e.StdErr) }

// meanErrJSON is the wire form of MeanErr, with null for non-finite values.
type meanErrJSON struct {
	Mean   *float64 `json:"mean"`
	StdErr *float64 `json:"stderr"`
}

// finiteOrNil returns &x for finite x and nil otherwise.
func finiteOrNil(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// valueOrNaN returns *p, or NaN for nil.
func valueOrNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// MarshalJSON writes {"mean": m, "stderr": s} with null for non-finite values.
func (e MeanErr) MarshalJSON() ([]byte, error) {
	return json.Marshal(meanErrJSON{Mean: finiteOrNil(e.Mean), StdErr: finiteOrNil(e.StdErr)})
}

// UnmarshalJSON reads the form written by MarshalJSON; null or a missing
// field becomes NaN.
func (e *MeanErr) UnmarshalJSON(data []byte) error {
	var w meanErrJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("stats: reading a mean with standard error: %w", err)
	}
	e.Mean, e.StdErr = valueOrNaN(w.Mean), valueOrNaN(w.StdErr)
	return nil
}

package stats

import (
	"encoding/json"
	"math"
	"testing"
)

func TestMeanErrJSON(t *testing.T) {
	data, err := json.Marshal(map[string]any{"e": MeanErr{Mean: 1.5, StdErr: 0.25}})
	if err != nil || string(data) != `{"e":{"mean":1.5,"stderr":0.25}}` {
		t.Errorf("marshal: %s, %v", data, err)
	}
	data, err = json.Marshal(MeanErr{Mean: -2, StdErr: math.NaN()})
	if err != nil || string(data) != `{"mean":-2,"stderr":null}` {
		t.Errorf("marshal with NaN: %s, %v", data, err)
	}
	var e MeanErr
	if err := json.Unmarshal(data, &e); err != nil || e.Mean != -2 || !math.IsNaN(e.StdErr) {
		t.Errorf("unmarshal %s: %+v, %v", data, e, err)
	}
	if err := json.Unmarshal([]byte(`{"mean":"x"}`), &e); err == nil {
		t.Errorf("unmarshal of a string mean succeeded")
	}
	if s := (MeanErr{Mean: 1.5, StdErr: 0.25}).String(); s != "1.5 ± 0.25" {
		t.Errorf("String() = %q", s)
	}
}

package scenarios

import (
	"encoding/json"
	"math"
	"path/filepath"
	"sort"

	"github.com/BurntSushi/toml"

	"github.com/physim/physim/internal/atomicfile"
)

// Version is physim's version, written into every summary.
const Version = "0.1.0"

// Timing is the cost of a run.
type Timing struct {
	WallSeconds float64 `json:"wall_seconds"`
	CPUSeconds  float64 `json:"cpu_seconds"`
}

// Summary is the content of DIR/summary.json.
type Summary struct {
	Scenario    string         `json:"scenario"`
	Version     string         `json:"version"`
	Seed        uint64         `json:"seed"`
	Config      map[string]any `json:"config"`
	Observables map[string]any `json:"observables"`
	Outputs     []string       `json:"outputs"`
	Timing      Timing         `json:"timing"`
	// Status is "completed", or "interrupted" when the run was stopped.
	Status string `json:"status"`
}

// NewSummary starts a summary for a run.
func NewSummary(scenario string, seed uint64, cfg Config) *Summary {
	return &Summary{Scenario: scenario, Version: Version, Seed: seed, Config: configMap(cfg), Observables: map[string]any{}, Outputs: []string{}, Status: "completed"}
}

// configMap returns cfg keyed by its TOML names, so that summary.json and
// --dump-config use the same keys.
func configMap(cfg Config) map[string]any {
	m := map[string]any{}
	data, err := DumpConfig(cfg)
	if err == nil {
		_, err = toml.Decode(string(data), &m)
	}
	if err != nil {
		m["error"] = err.Error()
	}
	return m
}

// Observe records a plain number or a stats.MeanErr under name. A
// non-finite float64 is recorded as null (JSON has no NaN).
func (s *Summary) Observe(name string, v any) {
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		v = nil
	}
	s.Observables[name] = v
}

// Output records a file written into the output directory (base name).
func (s *Summary) Output(path string) {
	name := filepath.Base(path)
	for _, o := range s.Outputs {
		if o == name {
			return
		}
	}
	s.Outputs = append(s.Outputs, name)
	sort.Strings(s.Outputs)
}

// Write stores the summary as DIR/summary.json, atomically.
func (s *Summary) Write(dir string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, "summary.json"), append(data, '\n'))
}

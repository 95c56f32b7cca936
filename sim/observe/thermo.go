package observe

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/physim/physim/sim"
)

// Column is a caller-supplied column of a thermo log.
type Column struct {
	// Name is the CSV header; it must be non-empty without commas, quotes
	// or line breaks.
	Name string
	// Value computes the entry from the observed state.
	Value func(s *sim.State) float64
}

// ThermoConfig configures a thermo log. The zero value logs the standard
// columns with the kinetic temperature over 3N degrees of freedom.
type ThermoConfig struct {
	// KT, when positive, is the thermostat temperature (ε) used for the
	// kinetic part of the pressure, as overdamped (Brownian) dynamics
	// needs; when zero the kinetic temperature is used.
	KT float64
	// FixedCOM counts 3N − 3 degrees of freedom in the kinetic temperature,
	// for dynamics that conserve momentum (NVE); otherwise 3N (Langevin,
	// Brownian).
	FixedCOM bool
	// Columns are appended after the standard ones.
	Columns []Column
}

// Thermo writes a CSV log with the columns step, time, pe (potential
// energy per particle, ε), temperature (kinetic, ε), pressure (ε/σ³, the
// virial pressure (N kT + W/3)/V) and the configured columns. Each row is
// handed to the operating system as soon as it is written, so an
// interrupted run keeps every row logged so far; Close syncs the file.
type Thermo struct {
	cfg  ThermoConfig
	path string
	file *os.File
	row  []byte
	err  error // sticky: the first write error
}

// NewThermo creates (or truncates) the log at path and writes its header.
func NewThermo(path string, cfg ThermoConfig) (*Thermo, error) {
	header := []string{"step", "time", "pe", "temperature", "pressure"}
	for _, c := range cfg.Columns {
		if c.Name == "" || strings.ContainsAny(c.Name, ",\"\r\n") || c.Value == nil {
			return nil, fmt.Errorf("observe: thermo column %q needs a name without commas, quotes or line breaks, and a Value function", c.Name)
		}
		for _, h := range header {
			if h == c.Name {
				return nil, fmt.Errorf("observe: thermo column %q appears twice", c.Name)
			}
		}
		header = append(header, c.Name)
	}
	if !(cfg.KT >= 0) || math.IsInf(cfg.KT, 0) {
		return nil, fmt.Errorf("observe: thermo kT = %g must be non-negative and finite", cfg.KT)
	}
	file, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("observe: %w", err)
	}
	t := &Thermo{cfg: cfg, path: path, file: file}
	t.write([]byte(strings.Join(header, ",") + "\n"))
	if t.err != nil {
		file.Close()
		return nil, t.err
	}
	return t, nil
}

// Observe appends the row of s.
func (t *Thermo) Observe(s *sim.State) error {
	temp := s.Temperature(t.cfg.FixedCOM)
	kT := t.cfg.KT
	if kT == 0 {
		kT = temp
	}
	b := strconv.AppendInt(t.row[:0], s.Step, 10)
	b = appendFloats(b, s.Time, s.PotentialEnergy/float64(s.N()), temp, s.Pressure(kT))
	for _, c := range t.cfg.Columns {
		b = appendFloats(b, c.Value(s))
	}
	t.row = append(b, '\n')
	return t.write(t.row)
}

// write hands b to the file in one call, recording the first error.
func (t *Thermo) write(b []byte) error {
	if t.err != nil {
		return t.err
	}
	if _, err := t.file.Write(b); err != nil {
		t.err = fmt.Errorf("observe: writing %s: %w", t.path, err)
	}
	return t.err
}

// Close syncs and closes the file and returns the first error met.
func (t *Thermo) Close() error {
	err := t.err
	if e := t.file.Sync(); e != nil && err == nil {
		err = fmt.Errorf("observe: syncing %s: %w", t.path, e)
	}
	if e := t.file.Close(); e != nil && err == nil {
		err = fmt.Errorf("observe: closing %s: %w", t.path, e)
	}
	return err
}

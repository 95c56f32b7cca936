package observe

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// thermoState returns a 4-particle state in a 2 × 3 × 4 box with known
// kinetic energy K = ½ Σ m v² = ½(1·1 + 2·4 + 1·9 + 1·0) = 9, potential
// energy −6 and virial 12.
func thermoState(step int64) *sim.State {
	s := sim.NewState(4, sim.NewPeriodicBox(2, 3, 4))
	s.Mass[1] = 2
	s.Vel = []sim.Vec3{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}, {0, 0, 0}}
	s.Step, s.Time = step, 0.005*float64(step)
	s.PotentialEnergy, s.Virial = -6, 12
	return s
}

// TestThermoRows checks every column against values computed by hand:
// pe = −6/4, T = 2K/d_f with d_f = 3N = 12 (or 3N − 3 = 9 with FixedCOM),
// P = (N kT + W/3)/V with V = 24, and a caller column. Rows are on disk
// before Close, as after an interrupt.
func TestThermoRows(t *testing.T) {
	for _, c := range []struct {
		cfg      ThermoConfig
		temp, kT float64
	}{
		{ThermoConfig{}, 18.0 / 12, 18.0 / 12},
		{ThermoConfig{FixedCOM: true}, 18.0 / 9, 18.0 / 9},
		{ThermoConfig{KT: 0.5}, 18.0 / 12, 0.5},
	} {
		c.cfg.Columns = []Column{{Name: "vx0", Value: func(s *sim.State) float64 { return s.Vel[0][0] }}}
		path := filepath.Join(t.TempDir(), "thermo.csv")
		th, err := NewThermo(path, c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		for step := int64(0); step < 3; step++ {
			if err := th.Observe(thermoState(100 * step)); err != nil {
				t.Fatal(err)
			}
		}
		rows := readCSV(t, path, "step,time,pe,temperature,pressure,vx0", 3) // before Close
		th.Close()
		press := (4*c.kT + 12.0/3) / 24
		for k, row := range rows {
			want := []float64{float64(100 * k), 0.5 * float64(k), -1.5, c.temp, press, 1}
			for j := range want {
				if math.Abs(row[j]-want[j]) > 1e-15*math.Abs(want[j]) {
					t.Errorf("%+v row %d column %d = %.17g, want %.17g", c.cfg, k, j, row[j], want[j])
				}
			}
		}
	}
}

func TestThermoBadColumns(t *testing.T) {
	f := func(*sim.State) float64 { return 0 }
	for _, cols := range [][]Column{{{Name: "a,b", Value: f}}, {{Name: "pe", Value: f}}, {{Name: "x"}}, {{Name: "", Value: f}}} {
		if _, err := NewThermo(filepath.Join(t.TempDir(), "t.csv"), ThermoConfig{Columns: cols}); err == nil || !strings.HasPrefix(err.Error(), "observe: ") {
			t.Errorf("columns %v: %v", cols, err)
		}
	}
}

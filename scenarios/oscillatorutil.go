package scenarios

// Helpers shared by the oscillator and flow scenarios (kuramoto, akorn,
// oscillator-lattice, lorenz).

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"github.com/physim/physim/integrators/kuramoto"
	"github.com/physim/physim/internal/atomicfile"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/stats"
	"github.com/physim/physim/sim/trajectory"
	"github.com/physim/physim/viz"
)

// configErr is the error for config key of scenario name holding value v.
func configErr(name, key string, v any, want string) error {
	return fmt.Errorf("%s: config key %s = %v: %s", name, key, v, want)
}

// finite reports whether x is neither NaN nor infinite; positiveFinite
// whether it is also positive.
func finite(x float64) bool         { return !math.IsNaN(x) && !math.IsInf(x, 0) }
func positiveFinite(x float64) bool { return x > 0 && !math.IsInf(x, 0) }

// checkStepping validates the stepping keys that the kuramoto and akorn
// scenarios share: dt, steps, sample_every, trajectory_every (a multiple
// of sample_every) and trajectory_file (a bare file name).
func checkStepping(name string, dt float64, steps, sampleEvery, trajectoryEvery int64, trajectoryFile string) error {
	bad := func(key string, v any, want string) error { return configErr(name, key, v, want) }
	switch {
	case !positiveFinite(dt):
		return bad("dt", dt, "the time step must be positive and finite")
	case steps < 1:
		return bad("steps", steps, "need at least 1")
	case sampleEvery < 1:
		return bad("sample_every", sampleEvery, "must be at least 1")
	case trajectoryEvery < 0 || trajectoryEvery%sampleEvery != 0:
		return bad("trajectory_every", trajectoryEvery, fmt.Sprintf("must be 0 or a positive multiple of sample_every = %d", sampleEvery))
	case trajectoryEvery > 0 && (trajectoryFile == "" || filepath.Base(trajectoryFile) != trajectoryFile):
		return bad("trajectory_file", trajectoryFile, "must be a file name inside the output directory")
	}
	return nil
}

// FrequencySettings are the natural-frequency keys of the kuramoto and akorn
// scenarios; the frequencies ω_i are in rad/τ.
type FrequencySettings struct {
	// Frequencies is the distribution: "lorentzian", "gaussian" or "uniform".
	Frequencies string `toml:"frequencies"`
	// Center is the centre ω₀ of the distribution (rad/τ).
	Center float64 `toml:"center"`
	// Width is the Lorentzian half-width Δ, the Gaussian standard deviation
	// σ or the uniform half-width (rad/τ); 0 gives identical oscillators.
	Width float64 `toml:"width"`
	// Quantiles uses the deterministic quantiles ω₀ + Width·Q((i+½)/N)
	// instead of random draws keyed on the run's seed.
	Quantiles bool `toml:"quantiles"`
}

func (f *FrequencySettings) validate(name string) error {
	switch f.Frequencies {
	case "lorentzian", "gaussian", "uniform":
	default:
		return configErr(name, "frequencies", f.Frequencies, `want "lorentzian", "gaussian" or "uniform"`)
	}
	if !finite(f.Center) {
		return configErr(name, "center", f.Center, "must be finite")
	}
	if !(f.Width >= 0) || math.IsInf(f.Width, 0) {
		return configErr(name, "width", f.Width, "must be finite and ≥ 0")
	}
	return nil
}

// generate returns the n natural frequencies (rad/τ).
func (f *FrequencySettings) generate(n int, seed uint64) ([]float64, error) {
	return kuramoto.Frequencies{Dist: f.Frequencies, Center: f.Center, Width: f.Width, Quantiles: f.Quantiles, Seed: seed}.Generate(n)
}

// latticeShape returns the Nx × Ny shape of n oscillators for topology
// "lattice-1d" (a chain of n) or "lattice-2d" (nx columns, or a square when
// nx is 0); key names the width key in errors.
func latticeShape(name, topology string, n, nx int, key string) (int, int, error) {
	if topology == "lattice-1d" {
		return n, 1, nil
	}
	if nx == 0 {
		nx = int(math.Round(math.Sqrt(float64(n))))
		if nx*nx != n {
			return 0, 0, fmt.Errorf("%s: a square lattice-2d needs a square number of oscillators, got %d; set %s to the lattice width", name, n, key)
		}
	}
	if nx < 1 || n%nx != 0 {
		return 0, 0, configErr(name, key, nx, fmt.Sprintf("must be a positive divisor of the %d oscillators", n))
	}
	return nx, n / nx, nil
}

// interrupted returns an error wrapping sim.ErrInterrupted, saying where
// the run stopped, once ctx is done; nil before.
func interrupted(ctx context.Context, where string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%w %s: %v", sim.ErrInterrupted, where, err)
	}
	return nil
}

// sampledLoop calls sample, then advances a model by steps steps in chunks
// of every (the last may be shorter), calling sample after each chunk. It
// reports progress through env and stops with an error wrapping
// sim.ErrInterrupted when ctx is cancelled.
func sampledLoop(ctx context.Context, env *Env, label string, steps, every int64, advance func(n int64), sample func() error) error {
	if err := sample(); err != nil {
		return err
	}
	bar := env.Progress(label, steps)
	defer bar.Done()
	for done := int64(0); done < steps; {
		if ctx.Err() != nil {
			return interrupted(ctx, fmt.Sprintf("at step %d", done))
		}
		n := min(every, steps-done)
		advance(n)
		done += n
		bar.Add(n)
		if err := sample(); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes the columns under header to env.Out/name atomically and
// records the file in the summary.
func writeCSV(env *Env, name string, header []string, cols ...[]float64) error {
	if len(header) != len(cols) {
		panic("scenarios: writeCSV needs one header per column")
	}
	path := filepath.Join(env.Out, name)
	err := atomicfile.Write(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(strings.Join(header, ",") + "\n")
		var b []byte
		for i := range cols[0] {
			b = b[:0]
			for k, c := range cols {
				if k > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendFloat(b, c[i], 'g', -1, 64)
			}
			bw.Write(append(b, '\n'))
		}
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	env.Summary.Output(path)
	return nil
}

// savePlot writes p to env.Out/name at w × h centimetres and records the
// file.
func savePlot(env *Env, name string, p *plot.Plot, w, h float64) error {
	path := filepath.Join(env.Out, name)
	if err := viz.SavePlot(p, path, w, h); err != nil {
		return err
	}
	env.Summary.Output(path)
	return nil
}

// saveGrid writes the panels to env.Out/name at w × h centimetres (see
// viz.Grid) and records the file.
func saveGrid(env *Env, name string, panels [][]*plot.Plot, w, h float64) error {
	path := filepath.Join(env.Out, name)
	if err := viz.Grid(path, panels, w, h); err != nil {
		return err
	}
	env.Summary.Output(path)
	return nil
}

// secondHalf returns the block-averaged mean and standard error of the
// second half of x (the first half is discarded as transient).
func secondHalf(x []float64) stats.MeanErr { return stats.BlockAverage(x[len(x)/2:]).Estimate() }

// frameTrajectory is a trajectory whose frames the scenario fills in
// itself (for models that are not a sim.State).
type frameTrajectory struct {
	w     trajectory.Writer
	frame trajectory.Frame
}

// createFrameTrajectory creates env.Out/name with header h, records it in
// the summary, and keeps frame (Box, Pos and the slices h declares) to be
// filled in before each write.
func createFrameTrajectory(env *Env, name string, h trajectory.Header, frame trajectory.Frame) (*frameTrajectory, error) {
	path := filepath.Join(env.Out, name)
	w, err := trajectory.Create(path, h)
	if err != nil {
		return nil, err
	}
	env.Summary.Output(path)
	return &frameTrajectory{w: w, frame: frame}, nil
}

// write appends the frame at the given step and time (τ).
func (t *frameTrajectory) write(step int64, time float64) error {
	t.frame.Step, t.frame.Time = step, time
	return t.w.Write(&t.frame)
}

// close finishes the file once; later calls (and calls on nil) return nil.
func (t *frameTrajectory) close() error {
	if t == nil || t.w == nil {
		return nil
	}
	err := t.w.Close()
	t.w = nil
	return err
}

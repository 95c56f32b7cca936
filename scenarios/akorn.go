package scenarios

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"

	"github.com/physim/physim/integrators/kuramoto"
	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/rng"
	"github.com/physim/physim/sim/trajectory"
	"github.com/physim/physim/viz"
)

// streamAKOrNCoupling keys the random couplings of the akorn scenario on
// (seed, i, j).
const streamAKOrNCoupling = rng.StreamUser + 30

// maxAKOrNSize bounds N·dim: the coupling matrix is dense, (N·dim)² entries.
const maxAKOrNSize = 8192

// AKOrNConfig configures the akorn scenario: N oscillators x_i ∈ S^{n−1}
// with ẋ_i = Ω_i x_i + P_{x_i}(Σ_j J_ij x_j + c) (see kuramoto.SphereConfig).
// Time is in τ, couplings and frequencies in rad/τ. DefaultConfig fills in
// the defaults.
type AKOrNConfig struct {
	// Oscillators is N and Dim the dimension n of the space each unit
	// vector lives in (n ≥ 2; AKOrN uses 4, 3 shows best in the viewer).
	Oscillators int `toml:"oscillators"`
	Dim         int `toml:"dim"`
	// Coupling is "all-to-all" (J_ij = (K/N) I for all i, j),
	// "random" (symmetric J_ij = J_ji = (K/√N) g_ij I with g_ij standard
	// normal keyed on the seed, J_ii = 0), "lattice-1d" or "lattice-2d"
	// (J_ij = K I between nearest neighbours; LatticeNx columns, periodic
	// unless Open), or "matrix" (CouplingMatrix).
	Coupling  string  `toml:"coupling"`
	K         float64 `toml:"k"`
	LatticeNx int     `toml:"lattice_nx"`
	Open      bool    `toml:"open"`
	// CouplingMatrix is the coupling for Coupling = "matrix": N×N scalar
	// weights w_ij (J_ij = w_ij I) or the full (N·dim)×(N·dim) matrix whose
	// dim×dim block (i, j) is J_ij.
	CouplingMatrix [][]float64 `toml:"coupling_matrix"`
	// FrequencySettings give natural frequencies ω_i that rotate each x_i
	// in its (x₀, x₁) plane (counter-clockwise); width = center = 0 means
	// none.
	FrequencySettings
	// OmegaMatrix is an antisymmetric dim×dim matrix added to every Ω_i
	// (AKOrN's global Ω); empty means none.
	OmegaMatrix [][]float64 `toml:"omega_matrix"`
	// Field is the conditioning vector c (dim components) applied to every
	// oscillator; empty means none.
	Field []float64 `toml:"field"`
	// Mode is "geodesic" (exponential-map steps) or "normalize" (AKOrN's
	// x ← (x + h v)/|x + h v|).
	Mode string `toml:"mode"`
	// Dt is the step (τ), Steps their number and SampleEvery the period of
	// energy samples in steps.
	Dt          float64 `toml:"dt"`
	Steps       int64   `toml:"steps"`
	SampleEvery int64   `toml:"sample_every"`
	// TrajectoryEvery writes a frame every so many steps (0: none; a
	// multiple of SampleEvery) to TrajectoryFile. Each frame stores the
	// first three components of every x_i as its velocity (for arrows)
	// and places oscillator i at its lattice site (lattice couplings) or at
	// R(1 + x_i), on a sphere of radius R = max(1, √N/2) σ.
	TrajectoryEvery int64  `toml:"trajectory_every"`
	TrajectoryFile  string `toml:"trajectory_file"`
}

// AKOrN is the generalised Kuramoto model on spheres of AKOrN (Miyato et
// al., ICLR 2025); it records the energy, checks its descent and measures
// the order parameter |(1/N) Σ x_i|.
type AKOrN struct{}

// Name implements Scenario.
func (AKOrN) Name() string { return "akorn" }

// Describe implements Scenario.
func (AKOrN) Describe() string {
	return "AKOrN oscillators on spheres: energy descent E(t) and order parameter |mean x|"
}

// DefaultConfig implements Scenario: a 16 × 16 periodic lattice of unit
// vectors in R³ (a classical Heisenberg ferromagnet's gradient flow),
// K = 1, geodesic steps of 0.05 τ for t = 50 τ from random directions.
func (AKOrN) DefaultConfig() Config {
	return &AKOrNConfig{
		Oscillators: 256, Dim: 3, Coupling: "lattice-2d", K: 1,
		FrequencySettings: FrequencySettings{Frequencies: "lorentzian"},
		Mode:              "geodesic", Dt: 0.05, Steps: 1000, SampleEvery: 1,
		TrajectoryFile: "vectors.pstraj",
	}
}

// Validate implements Config.
func (c *AKOrNConfig) Validate() error {
	const name = "akorn"
	bad := func(key string, v any, want string) error { return configErr(name, key, v, want) }
	switch {
	case c.Oscillators < 1:
		return bad("oscillators", c.Oscillators, "need at least 1")
	case c.Dim < 2:
		return bad("dim", c.Dim, "the vectors need at least 2 components")
	case c.Oscillators*c.Dim > maxAKOrNSize:
		return bad("oscillators", c.Oscillators, fmt.Sprintf("oscillators × dim = %d exceeds %d (the coupling matrix is dense)", c.Oscillators*c.Dim, maxAKOrNSize))
	case !finite(c.K):
		return bad("k", c.K, "must be finite")
	}
	if err := checkStepping(name, c.Dt, c.Steps, c.SampleEvery, c.TrajectoryEvery, c.TrajectoryFile); err != nil {
		return err
	}
	if c.Mode != "geodesic" && c.Mode != "normalize" {
		return bad("mode", c.Mode, `want "geodesic" or "normalize"`)
	}
	if err := c.FrequencySettings.validate(name); err != nil {
		return err
	}
	if len(c.Field) != 0 && len(c.Field) != c.Dim {
		return bad("field", c.Field, fmt.Sprintf("has %d components, want dim = %d", len(c.Field), c.Dim))
	}
	for _, v := range c.Field {
		if !finite(v) {
			return bad("field", c.Field, "components must be finite")
		}
	}
	if err := c.validateOmega(); err != nil {
		return err
	}
	switch c.Coupling {
	case "all-to-all", "random":
	case "lattice-1d", "lattice-2d":
		if _, _, err := latticeShape(name, c.Coupling, c.Oscillators, c.LatticeNx, "lattice_nx"); err != nil {
			return err
		}
	case "matrix":
		return c.validateCouplingMatrix()
	default:
		return bad("coupling", c.Coupling, `want "all-to-all", "random", "lattice-1d", "lattice-2d" or "matrix"`)
	}
	if len(c.CouplingMatrix) != 0 {
		return fmt.Errorf(`akorn: config key coupling_matrix is set but coupling = %q; set coupling = "matrix" to use it`, c.Coupling)
	}
	return nil
}

// validateOmega checks that OmegaMatrix is empty or an antisymmetric
// dim×dim matrix.
func (c *AKOrNConfig) validateOmega() error {
	om := c.OmegaMatrix
	if len(om) == 0 {
		return nil
	}
	if err := checkSquare("omega_matrix", om, c.Dim, c.Dim); err != nil {
		return err
	}
	for a := range om {
		for b := a; b < len(om); b++ {
			if om[a][b] != -om[b][a] {
				return fmt.Errorf("akorn: config key omega_matrix is not antisymmetric: omega_matrix[%d][%d] = %g but omega_matrix[%d][%d] = %g; natural frequencies must generate rotations (Ωᵀ = −Ω)", a, b, om[a][b], b, a, om[b][a])
			}
		}
	}
	return nil
}

// validateCouplingMatrix checks that CouplingMatrix is N×N or
// (N·dim)×(N·dim) with finite entries.
func (c *AKOrNConfig) validateCouplingMatrix() error {
	n, nd := c.Oscillators, c.Oscillators*c.Dim
	if len(c.CouplingMatrix) == 0 {
		return fmt.Errorf(`akorn: coupling = "matrix" needs config key coupling_matrix (N×N = %d×%d weights or (N·dim)×(N·dim) = %d×%d)`, n, n, nd, nd)
	}
	return checkSquare("coupling_matrix", c.CouplingMatrix, n, nd)
}

// checkSquare requires m to be a square matrix of finite entries with one
// of the sizes n1 or n2.
func checkSquare(key string, m [][]float64, n1, n2 int) error {
	want := fmt.Sprintf("%d×%d", n1, n1)
	if n2 != n1 {
		want += fmt.Sprintf(" or %d×%d", n2, n2)
	}
	rows := len(m)
	if rows != n1 && rows != n2 {
		return fmt.Errorf("akorn: config key %s has the wrong shape: %d rows; want %s", key, rows, want)
	}
	for i, row := range m {
		if len(row) != rows {
			return fmt.Errorf("akorn: config key %s has the wrong shape: row %d has %d entries; want %s", key, i, len(row), want)
		}
		for j, v := range row {
			if !finite(v) {
				return fmt.Errorf("akorn: config key %s[%d][%d] = %g must be finite", key, i, j, v)
			}
		}
	}
	return nil
}

// couplingMatrix builds the dense (N·dim)² coupling J and reports whether
// it is symmetric (the energy is then a Lyapunov function when Ω = 0).
func (c *AKOrNConfig) couplingMatrix(seed uint64) (*mat.Dense, bool) {
	n, d := c.Oscillators, c.Dim
	j := mat.NewDense(n*d, n*d, nil)
	scalar := func(a, b int, w float64) { // J_ab += w I
		for k := 0; k < d; k++ {
			j.Set(a*d+k, b*d+k, j.At(a*d+k, b*d+k)+w)
		}
	}
	switch c.Coupling {
	case "all-to-all":
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				scalar(a, b, c.K/float64(n))
			}
		}
	case "random":
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				w := c.K / math.Sqrt(float64(n)) * rng.Key{Seed: seed, Step: uint64(a), Particle: uint32(b), Stream: streamAKOrNCoupling}.Normal4()[0]
				scalar(a, b, w)
				scalar(b, a, w)
			}
		}
	case "lattice-1d", "lattice-2d":
		nx, ny, _ := latticeShape("akorn", c.Coupling, n, c.LatticeNx, "lattice_nx")
		bond := func(a, b int) {
			if a != b {
				scalar(a, b, c.K)
				scalar(b, a, c.K)
			}
		}
		for y := 0; y < ny; y++ {
			for x := 0; x < nx; x++ {
				i := x + nx*y
				if x < nx-1 || !c.Open {
					bond(i, (x+1)%nx+nx*y)
				}
				if ny > 1 && (y < ny-1 || !c.Open) {
					bond(i, x+nx*((y+1)%ny))
				}
			}
		}
		return j, true
	case "matrix":
		if len(c.CouplingMatrix) == n*d {
			for a, row := range c.CouplingMatrix {
				j.SetRow(a, row)
			}
		} else {
			for a, row := range c.CouplingMatrix {
				for b, w := range row {
					scalar(a, b, w)
				}
			}
		}
		return j, mat.Equal(j, j.T())
	}
	return j, true
}

// omegas returns the N·dim·dim entries of the Ω_i, or nil when there are
// no natural frequencies.
func (c *AKOrNConfig) omegas(seed uint64) ([]float64, error) {
	n, d := c.Oscillators, c.Dim
	rotate := c.Width != 0 || c.Center != 0
	if !rotate && len(c.OmegaMatrix) == 0 {
		return nil, nil
	}
	w := make([]float64, n)
	if rotate {
		var err error
		if w, err = c.generate(n, seed); err != nil {
			return nil, err
		}
	}
	om := make([]float64, 0, n*d*d)
	for i := 0; i < n; i++ {
		oi := kuramoto.RotationGenerator(d, w[i])
		for a, row := range c.OmegaMatrix {
			for b, v := range row {
				oi[a*d+b] += v
			}
		}
		om = append(om, oi...)
	}
	return om, nil
}

// isLattice reports whether the oscillators sit on a lattice.
func (c *AKOrNConfig) isLattice() bool {
	return c.Coupling == "lattice-1d" || c.Coupling == "lattice-2d"
}

// Run implements Scenario.
func (AKOrN) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*AKOrNConfig)
	n, d := c.Oscillators, c.Dim
	j, symmetric := c.couplingMatrix(env.Seed)
	om, err := c.omegas(env.Seed)
	if err != nil {
		return err
	}
	var field []float64
	for i := 0; i < n && len(c.Field) > 0; i++ {
		field = append(field, c.Field...)
	}
	s, err := kuramoto.NewSphere(kuramoto.SphereConfig{N: n, Dim: d, J: j, C: field, Omega: om, Dt: c.Dt, Mode: c.Mode},
		kuramoto.RandomUnitVectors(n, d, env.Seed))
	if err != nil {
		return err
	}
	descent := symmetric && om == nil
	env.Logf("akorn: %d oscillators on S^%d, %s coupling K = %g, %s steps of %g × %d", n, d-1, c.Coupling, c.K, c.Mode, c.Dt, c.Steps)

	// Trajectory frames carry the vectors as velocities, at the lattice
	// sites or at R(1 + x_i) on a sphere of radius R.
	var traj *frameTrajectory
	radius := math.Max(1, math.Sqrt(float64(n))/2)
	if c.TrajectoryEvery > 0 {
		nx, ny := n, 1
		if c.isLattice() {
			nx, ny, _ = latticeShape("akorn", c.Coupling, n, c.LatticeNx, "lattice_nx")
		}
		pos, box := oscillatorSites(nx, ny, c.isLattice())
		if !c.isLattice() {
			box = sim.NewOpenBox(sim.Vec3{2 * radius, 2 * radius, 2 * radius})
		}
		traj, err = createFrameTrajectory(env, c.TrajectoryFile, trajectory.Header{N: n, Velocities: true},
			trajectory.Frame{Box: box, Pos: pos, Vel: make([][3]float32, n)})
		if err != nil {
			return err
		}
		defer traj.close()
	}
	var ts, es, rs []float64
	sample := func() error {
		ts, es, rs = append(ts, s.Time), append(es, s.Energy()), append(rs, meanVectorNorm(s.X, n, d))
		if traj == nil || s.Step%c.TrajectoryEvery != 0 {
			return nil
		}
		for i := range traj.frame.Vel {
			var v [3]float32
			for a := 0; a < min(3, d); a++ {
				v[a] = float32(s.X[i*d+a])
			}
			traj.frame.Vel[i] = v
			if !c.isLattice() {
				r := float32(radius)
				traj.frame.Pos[i] = [3]float32{r * (1 + v[0]), r * (1 + v[1]), r * (1 + v[2])}
			}
		}
		return traj.write(s.Step, s.Time)
	}
	runErr := sampledLoop(ctx, env, "akorn", c.Steps, c.SampleEvery, func(k int64) { s.Advance(int(k)) }, sample)
	if err := traj.close(); err != nil && runErr == nil {
		runErr = err
	}

	// Whatever happened, report what was measured.
	if err := writeCSV(env, "energy.csv", []string{"t", "energy", "order_parameter"}, ts, es, rs); err != nil && runErr == nil {
		runErr = err
	}
	rise := math.Inf(-1)
	for k := 1; k < len(es); k++ {
		rise = math.Max(rise, es[k]-es[k-1])
	}
	env.Summary.Observe("energy_initial", es[0])
	env.Summary.Observe("energy_final", es[len(es)-1])
	if len(es) > 1 {
		env.Summary.Observe("energy_max_rise", rise)
	}
	env.Summary.Observe("energy_descent_expected", descent)
	env.Summary.Observe("order_parameter", rs[len(rs)-1])
	env.Summary.Observe("max_norm_deviation", maxNormDeviation(s.X, n, d))
	if c.Coupling == "all-to-all" && c.K > 0 && om == nil && field == nil {
		env.Summary.Observe("energy_minimum", -c.K*float64(n)/2)
	}
	if err := saveAKOrNFigure(env, ts, es, rs); err != nil && runErr == nil {
		runErr = err
	}
	if runErr == nil {
		env.Logf("akorn: E %.6g → %.6g (largest rise %.3g, descent expected: %v), |mean x| = %.4f", es[0], es[len(es)-1], rise, descent, rs[len(rs)-1])
	}
	return runErr
}

// saveAKOrNFigure draws E(t) above r(t) in energy.png.
func saveAKOrNFigure(env *Env, ts, es, rs []float64) error {
	top, err := (&viz.Figure{Title: "AKOrN energy", XLabel: "t / τ", YLabel: "E", Series: []viz.Series{{Label: "E(t)", X: ts, Y: es}}}).Plot()
	if err != nil {
		return err
	}
	bottom, err := (&viz.Figure{XLabel: "t / τ", YLabel: "|mean x|", Series: []viz.Series{{Label: "order parameter", X: ts, Y: rs}}}).Plot()
	if err != nil {
		return err
	}
	return saveGrid(env, "energy.png", [][]*plot.Plot{{top}, {bottom}}, 16, 16)
}

// meanVectorNorm returns |(1/N) Σ_i x_i| of the n vectors of dimension d in x.
func meanVectorNorm(x []float64, n, d int) float64 {
	var m2 float64
	for a := 0; a < d; a++ {
		var s float64
		for i := 0; i < n; i++ {
			s += x[i*d+a]
		}
		m2 += s * s
	}
	return math.Sqrt(m2) / float64(n)
}

// maxNormDeviation returns max_i ||x_i| − 1|.
func maxNormDeviation(x []float64, n, d int) float64 {
	var worst float64
	for i := 0; i < n; i++ {
		var s float64
		for _, v := range x[i*d : (i+1)*d] {
			s += v * v
		}
		worst = math.Max(worst, math.Abs(math.Sqrt(s)-1))
	}
	return worst
}

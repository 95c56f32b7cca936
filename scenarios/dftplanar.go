package scenarios

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/physim/physim/integrators/ddft"
	"github.com/physim/physim/internal/atomicfile"
	"github.com/physim/physim/learned"
	"github.com/physim/physim/potentials"
	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/viz"
)

// PlanarFluidConfig is what the planar DFT scenarios share: the grid, the
// temperature, the functional and the external potential.
type PlanarFluidConfig struct {
	// Length of the grid in σ and spacing Dz in σ.
	Length float64 `toml:"length"`
	Dz     float64 `toml:"dz"`
	// Periodic grid; otherwise hard walls bound [0, Length] for the
	// particle centres.
	Periodic bool `toml:"periodic"`
	// KT is the temperature in ε.
	KT float64 `toml:"kT"`
	// Functional is the excess functional: hard_spheres ("", "rosenfeld",
	// "whitebear1", "whitebear2"), diameter (0: Barker–Henderson at kT
	// when attraction is set, else 1), attraction ("", "barker-henderson",
	// "wca"), cutoff (σ), hard_rods (rod length for the exact 1D Percus
	// functional). Its kT is the scenario's.
	Functional functional.Spec `toml:"functional"`
	// Model, when set, replaces Functional by a learned model: "neural" for
	// the shipped default (trained for kT = 2, a periodic 10σ grid at
	// dz = 0.01) or the path of a model file written by physim train.
	Model string `toml:"model,omitempty"`
	// Potential is V(z) (see PlanarTerm).
	Potential []PlanarTerm `toml:"potential"`
}

func (c *PlanarFluidConfig) validate(name string) error {
	for _, kv := range []struct {
		k string
		v float64
	}{{"length", c.Length}, {"dz", c.Dz}, {"kT", c.KT}} {
		if !(kv.v > 0) || math.IsInf(kv.v, 0) {
			return fmt.Errorf("%s: config key %s = %g: must be positive and finite", name, kv.k, kv.v)
		}
	}
	if _, err := c.grid(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if c.Functional.KT != 0 && c.Functional.KT != c.KT {
		return fmt.Errorf("%s: config key functional.kT = %g differs from kT = %g; leave it out (the functional takes the scenario's kT)", name, c.Functional.KT, c.KT)
	}
	if _, err := BuildPlanar(c.Potential, c.Length); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (c *PlanarFluidConfig) grid() (functional.Grid, error) {
	return functional.GridFor(c.Length, c.Dz, c.Periodic)
}

// system builds the grid, functional and potential of c.
func (c *PlanarFluidConfig) system(name string) (functional.Grid, ddft.System, error) {
	g, err := c.grid()
	if err != nil {
		return g, ddft.System{}, fmt.Errorf("%s: %w", name, err)
	}
	var f functional.Functional
	switch c.Model {
	case "":
		spec := c.Functional
		spec.KT = c.KT
		f, err = functional.New(g, spec)
	case "neural":
		f, err = learned.Default(g, c.KT)
	default:
		f, err = learned.LoadFunctional(c.Model, g, c.KT)
	}
	if err != nil {
		return g, ddft.System{}, fmt.Errorf("%s: functional: %w", name, err)
	}
	v, err := BuildPlanar(c.Potential, c.Length)
	if err != nil {
		return g, ddft.System{}, fmt.Errorf("%s: %w", name, err)
	}
	return g, ddft.System{Excess: f, V: v, KT: c.KT}, nil
}

// DFTPlanarConfig configures dft-planar.
type DFTPlanarConfig struct {
	PlanarFluidConfig
	// Ensemble is "canonical" (fixed MeanDensity) or "grand-canonical"
	// (in equilibrium with a bulk of BulkDensity).
	Ensemble    string  `toml:"ensemble"`
	MeanDensity float64 `toml:"mean_density"`
	BulkDensity float64 `toml:"bulk_density"`
	// Tolerance on the Euler–Lagrange residual, Picard mixing and the
	// iteration limit (0: the solver's defaults).
	Tolerance float64 `toml:"tolerance"`
	Mixing    float64 `toml:"mixing"`
	MaxIter   int     `toml:"max_iterations"`
}

// DFTPlanar computes an equilibrium density profile by classical DFT.
type DFTPlanar struct{}

// Name implements Scenario.
func (DFTPlanar) Name() string { return "dft-planar" }

// Describe implements Scenario.
func (DFTPlanar) Describe() string {
	return "equilibrium planar density profile by classical DFT (FMT, mean field, hard rods, ideal gas)"
}

// DefaultConfig implements Scenario: hard spheres (White Bear II, d = 1)
// between hard walls 10σ apart in equilibrium with a bulk at η = 0.4.
func (DFTPlanar) DefaultConfig() Config {
	return &DFTPlanarConfig{
		PlanarFluidConfig: PlanarFluidConfig{Length: 10, Dz: 0.01, KT: 1,
			Functional: functional.Spec{HardSpheres: "whitebear2", Diameter: 1}},
		Ensemble: "grand-canonical", BulkDensity: 0.4 * 6 / math.Pi, MeanDensity: 0.6,
	}
}

// Validate implements Config.
func (c *DFTPlanarConfig) Validate() error {
	if err := c.validate("dft-planar"); err != nil {
		return err
	}
	switch c.Ensemble {
	case "canonical":
		if !(c.MeanDensity > 0) {
			return fmt.Errorf("dft-planar: config key mean_density = %g: must be positive", c.MeanDensity)
		}
	case "grand-canonical":
		if !(c.BulkDensity > 0) {
			return fmt.Errorf("dft-planar: config key bulk_density = %g: must be positive", c.BulkDensity)
		}
	default:
		return fmt.Errorf(`dft-planar: config key ensemble = %q: want "canonical" or "grand-canonical"`, c.Ensemble)
	}
	if c.Tolerance < 0 || c.Mixing < 0 || c.MaxIter < 0 {
		return fmt.Errorf("dft-planar: tolerance, mixing and max_iterations must be non-negative")
	}
	return nil
}

// Run implements Scenario.
func (DFTPlanar) Run(ctx context.Context, env *Env, cfg Config) error {
	c := cfg.(*DFTPlanarConfig)
	g, sys, err := c.system("dft-planar")
	if err != nil {
		return err
	}
	set := ddft.EquilibriumSettings{Tol: c.Tolerance, Mixing: c.Mixing, MaxIter: c.MaxIter}
	var eq *ddft.Equilibrium
	if c.Ensemble == "canonical" {
		eq, err = ddft.Canonical(sys, c.MeanDensity, set)
	} else {
		eq, err = ddft.GrandCanonicalDensity(sys, c.BulkDensity, set)
	}
	if err != nil {
		return fmt.Errorf("dft-planar: %w", err)
	}
	z := make([]float64, g.N)
	for i := range z {
		z[i] = g.Z(i)
	}
	sum := env.Summary
	sum.Observe("grand_potential", eq.GrandPotential)
	sum.Observe("free_energy", eq.FreeEnergy)
	sum.Observe("beta_mu", eq.BetaMu)
	sum.Observe("mean_density", g.Integral(eq.Rho)/g.Length())
	sum.Observe("iterations", eq.Iterations)
	sum.Observe("residual", eq.Residual)
	if !g.Periodic {
		// Linear extrapolation from the first two cell centres to the wall.
		sum.Observe("contact_density", 1.5*eq.Rho[0]-0.5*eq.Rho[1])
	}
	env.Logf("dft-planar: converged in %d iterations (residual %.2g); βμ = %.6g, βΩ/A = %.6g", eq.Iterations, eq.Residual, eq.BetaMu, eq.GrandPotential)
	csvPath := filepath.Join(env.Out, "profile.csv")
	var b strings.Builder
	b.WriteString("z,rho\n")
	for i := range z {
		fmt.Fprintf(&b, "%g,%.10g\n", z[i], eq.Rho[i])
	}
	if err := atomicfile.WriteFile(csvPath, []byte(b.String())); err != nil {
		return err
	}
	sum.Output(csvPath)
	series := []viz.Series{{Label: "ρ(z)", X: z, Y: eq.Rho}}
	if v := scaledPotential(sys.V, z, eq.Rho); v != nil {
		series = append(series, *v)
	}
	pngPath := filepath.Join(env.Out, "profile.png")
	fig := viz.Figure{Title: fmt.Sprintf("Equilibrium profile (%s)", c.Ensemble), XLabel: "z / σ", YLabel: "ρ(z) σ³", Series: series}
	if err := fig.Save(pngPath); err != nil {
		return err
	}
	sum.Output(pngPath)
	return nil
}

// scaledPotential maps the finite values of V onto the lower part of the
// range of rho for drawing in the same panel, or returns nil for no V.
func scaledPotential(v potentials.Planar, z, rho []float64) *viz.Series {
	if v == nil {
		return nil
	}
	vals := make([]float64, len(z))
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for i, x := range z {
		vals[i], _ = v.VdV(x, 0)
		if !math.IsInf(vals[i], 0) {
			vmin, vmax = math.Min(vmin, vals[i]), math.Max(vmax, vals[i])
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range rho {
		lo, hi = math.Min(lo, r), math.Max(hi, r)
	}
	if !(vmax > vmin) {
		return nil
	}
	for i, x := range vals {
		vals[i] = lo + 0.3*(hi-lo)*(math.Min(x, vmax)-vmin)/(vmax-vmin)
	}
	return &viz.Series{Label: fmt.Sprintf("V(z), scaled: %.2g…%.2g ε", vmin, vmax), X: z, Y: vals, Dashed: true}
}

// functional4LJ is the classical functional of the LJ fluid: White Bear II
// hard spheres of the Barker–Henderson diameter plus mean-field attraction
// (BH split) cut at 4σ.
func functional4LJ() functional.Spec {
	return functional.Spec{HardSpheres: "whitebear2", Attraction: "barker-henderson", Cutoff: 4}
}

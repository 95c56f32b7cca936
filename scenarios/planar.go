package scenarios

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/physim/physim/potentials"
)

// PlanarTerm describes one term of a planar external potential V(z, t) in a
// configuration file, with the same vocabulary for particle simulations and
// density functionals. In TOML it is an array of tables:
//
//	[[potential]]
//	kind = "gaussians"        # Σ U_i exp(−Δ_i²/2s_i²), Δ periodic in the box
//	heights = [1.0, 0.5]      # U_i in ε
//	centers = [2.0, 7.0]      # μ_i in σ
//	widths = [0.5, 1.0]       # s_i in σ
//
// Kinds and their keys:
//   - "random-gaussians": seed (the study's random family: 5–14 Gaussians,
//     μ ~ U(0, L), s ~ U(0, 1) + 0.1, U = ξ² with ξ ~ N(0, 1))
//   - "gaussians": heights, centers, widths
//   - "harmonic": k (ε/σ²), z0 (σ); periodic minimum image in the box
//   - "sinusoidal": amplitude (ε), periods (over the box), phase (rad)
//   - "wca-wall", "lj93-wall": z0 (wall plane), side ("below" keeps particles
//     below the plane, "above" above it), epsilon, sigma, cutoff (lj93 only)
//   - "tabulated": file (CSV with columns z,V on a uniform grid), linear
//     (interpolation; cubic spline otherwise), periodic
//
// Every term may be switched on at time on (τ) and off at time off (0: never).
type PlanarTerm struct {
	Kind      string    `toml:"kind"`
	Seed      uint64    `toml:"seed,omitzero"`
	Heights   []float64 `toml:"heights,omitempty"`
	Centers   []float64 `toml:"centers,omitempty"`
	Widths    []float64 `toml:"widths,omitempty"`
	K         float64   `toml:"k,omitzero"`
	Z0        float64   `toml:"z0,omitzero"`
	Amplitude float64   `toml:"amplitude,omitzero"`
	Periods   float64   `toml:"periods,omitzero"`
	Phase     float64   `toml:"phase,omitzero"`
	Side      string    `toml:"side,omitempty"`
	Epsilon   float64   `toml:"epsilon,omitzero"`
	Sigma     float64   `toml:"sigma,omitzero"`
	Cutoff    float64   `toml:"cutoff,omitzero"`
	File      string    `toml:"file,omitempty"`
	Linear    bool      `toml:"linear,omitzero"`
	Periodic  bool      `toml:"periodic,omitzero"`
	On        float64   `toml:"on,omitzero"`
	Off       float64   `toml:"off,omitzero"`
}

// BuildPlanar turns the terms into one potential for a box of height lz
// (σ). The result is nil for no terms.
func BuildPlanar(terms []PlanarTerm, lz float64) (potentials.Planar, error) {
	var sum potentials.PlanarSum
	for i, t := range terms {
		p, err := t.build(lz)
		if err != nil {
			return nil, fmt.Errorf("potential term %d (%s): %w", i+1, t.Kind, err)
		}
		if v, ok := p.(interface{ Validate() error }); ok {
			if err := v.Validate(); err != nil {
				return nil, fmt.Errorf("potential term %d (%s): %w", i+1, t.Kind, err)
			}
		}
		if t.On < 0 || t.Off < 0 || (t.Off != 0 && t.Off <= t.On) {
			return nil, fmt.Errorf("potential term %d (%s): need 0 ≤ on < off (off = 0: never), got on %g, off %g", i+1, t.Kind, t.On, t.Off)
		}
		if t.On != 0 || t.Off != 0 {
			p = potentials.Switched{P: p, On: t.On, Off: t.Off}
		}
		sum = append(sum, p)
	}
	switch len(sum) {
	case 0:
		return nil, nil
	case 1:
		return sum[0], nil
	}
	return sum, nil
}

func (t PlanarTerm) build(lz float64) (potentials.Planar, error) {
	switch t.Kind {
	case "random-gaussians":
		return potentials.RandomGaussians(t.Seed, lz), nil
	case "gaussians":
		if len(t.Heights) == 0 || len(t.Heights) != len(t.Centers) || len(t.Heights) != len(t.Widths) {
			return nil, fmt.Errorf("heights, centers and widths must be non-empty lists of equal length, got %d, %d, %d", len(t.Heights), len(t.Centers), len(t.Widths))
		}
		return potentials.GaussianSum{U: t.Heights, Mu: t.Centers, S: t.Widths, Lz: lz}, nil
	case "harmonic":
		return potentials.Harmonic{K: t.K, Z0: t.Z0, Lz: lz}, nil
	case "sinusoidal":
		return potentials.Sinusoidal{A: t.Amplitude, N: t.Periods, L: lz, Phi: t.Phase}, nil
	case "wca-wall", "lj93-wall":
		var side potentials.WallSide
		switch t.Side {
		case "below":
			side = potentials.WallAbove
		case "above":
			side = potentials.WallBelow
		default:
			return nil, fmt.Errorf(`side must be "below" or "above" (where the particles live), got %q`, t.Side)
		}
		if t.Kind == "wca-wall" {
			return potentials.WCAWall{Z: t.Z0, Side: side, Epsilon: t.Epsilon, Sigma: t.Sigma}, nil
		}
		return potentials.LJ93Wall{Z: t.Z0, Side: side, Epsilon: t.Epsilon, Sigma: t.Sigma, Cutoff: t.Cutoff}, nil
	case "tabulated":
		z0, dz, v, err := readTable(t.File)
		if err != nil {
			return nil, err
		}
		return potentials.NewTabulated(z0, dz, v, potentials.TabulatedSettings{Linear: t.Linear, Periodic: t.Periodic})
	}
	return nil, fmt.Errorf(`unknown kind %q (want random-gaussians, gaussians, harmonic, sinusoidal, wca-wall, lj93-wall or tabulated)`, t.Kind)
}

// readTable reads a CSV file of z,V rows on a uniform grid (a header line
// is allowed).
func readTable(path string) (z0, dz float64, v []float64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return 0, 0, nil, fmt.Errorf("table %s: %w", path, err)
	}
	var z []float64
	for k, r := range rows {
		if len(r) < 2 {
			return 0, 0, nil, fmt.Errorf("table %s: row %d has %d columns, want z,V", path, k+1, len(r))
		}
		zk, err1 := strconv.ParseFloat(strings.TrimSpace(r[0]), 64)
		vk, err2 := strconv.ParseFloat(strings.TrimSpace(r[1]), 64)
		if err1 != nil || err2 != nil {
			if k == 0 {
				continue // header
			}
			return 0, 0, nil, fmt.Errorf("table %s: row %d is not two numbers", path, k+1)
		}
		z, v = append(z, zk), append(v, vk)
	}
	if len(z) < 3 {
		return 0, 0, nil, fmt.Errorf("table %s: need at least 3 rows, got %d", path, len(z))
	}
	dz = z[1] - z[0]
	for k := 1; k < len(z); k++ {
		if math.Abs(z[k]-z[k-1]-dz) > 1e-9*math.Max(1, math.Abs(dz)) {
			return 0, 0, nil, fmt.Errorf("table %s: z is not uniformly spaced at row %d", path, k+1)
		}
	}
	return z[0], dz, v, nil
}

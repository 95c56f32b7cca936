package kuramoto

import (
	"fmt"
	"math"
)

// Coupling is the interaction term of the Kuramoto model. Implementations
// receive sin θ_i and cos θ_i (computed once per evaluation) and use
// sin(θ_j − θ_i) = sin θ_j cos θ_i − cos θ_j sin θ_i.
type Coupling interface {
	// Check returns an error unless the coupling applies to n oscillators.
	Check(n int) error
	// AddDrift adds the coupling term of dθ_i/dt (rad/τ) to dtheta[i].
	AddDrift(sin, cos, dtheta []float64)
}

// AllToAll is the mean-field coupling (K/N) Σ_j sin(θ_j − θ_i) =
// K r sin(ψ − θ_i), evaluated in O(N). K is in rad/τ.
type AllToAll struct {
	K float64
}

// Check accepts any n ≥ 1.
func (a AllToAll) Check(n int) error { return nil }

// AddDrift adds K r sin(ψ − θ_i).
func (a AllToAll) AddDrift(sin, cos, dtheta []float64) {
	var s, c float64
	for i := range sin {
		s += sin[i]
		c += cos[i]
	}
	n := float64(len(sin))
	s *= a.K / n
	c *= a.K / n
	for i := range dtheta {
		dtheta[i] += s*cos[i] - c*sin[i]
	}
}

// Lattice is nearest-neighbour coupling K Σ_{j ∈ nn(i)} sin(θ_j − θ_i) on an
// Nx × Ny square lattice (a chain when Ny ≤ 1), oscillator index
// i = x + Nx·y. Boundaries are periodic unless Open is set, in which case
// edge sites have fewer neighbours. K is in rad/τ.
type Lattice struct {
	Nx, Ny int
	K      float64
	Open   bool
}

func (l Lattice) ny() int { return max(l.Ny, 1) }

// Check requires n = Nx·Ny.
func (l Lattice) Check(n int) error {
	if l.Nx < 1 || l.Ny < 0 {
		return fmt.Errorf("kuramoto: lattice size %d × %d is invalid", l.Nx, l.Ny)
	}
	if l.Nx*l.ny() != n {
		return fmt.Errorf("kuramoto: lattice %d × %d has %d sites for %d oscillators", l.Nx, l.ny(), l.Nx*l.ny(), n)
	}
	return nil
}

// AddDrift adds the nearest-neighbour terms.
func (l Lattice) AddDrift(sin, cos, dtheta []float64) {
	nx, ny := l.Nx, l.ny()
	pair := func(i, j int) float64 { return sin[j]*cos[i] - cos[j]*sin[i] }
	for y := 0; y < ny; y++ {
		for x := 0; x < nx; x++ {
			i := x + nx*y
			var d float64
			if x > 0 {
				d += pair(i, i-1)
			} else if !l.Open {
				d += pair(i, i+nx-1)
			}
			if x < nx-1 {
				d += pair(i, i+1)
			} else if !l.Open {
				d += pair(i, i-nx+1)
			}
			if ny > 1 {
				if y > 0 {
					d += pair(i, i-nx)
				} else if !l.Open {
					d += pair(i, i+nx*(ny-1))
				}
				if y < ny-1 {
					d += pair(i, i+nx)
				} else if !l.Open {
					d += pair(i, i-nx*(ny-1))
				}
			}
			dtheta[i] += l.K * d
		}
	}
}

// Edge is a weighted directed link: oscillator I feels oscillator J through
// W sin(θ_J − θ_I) (W in rad/τ). List both directions for an undirected
// link.
type Edge struct {
	I, J int
	W    float64
}

// Graph is coupling along weighted edges, dθ_i/dt += Σ_j W_ij sin(θ_j − θ_i),
// stored as a compressed sparse row list. Build it with NewGraph.
type Graph struct {
	n     int
	start []int // edges of i are start[i] : start[i+1]
	nbr   []int
	w     []float64
}

// NewGraph builds the coupling of n oscillators from edges, which may come
// in any order; repeated edges add up.
func NewGraph(n int, edges []Edge) (*Graph, error) {
	if n < 1 {
		return nil, fmt.Errorf("kuramoto: graph needs at least one oscillator, got %d", n)
	}
	g := &Graph{n: n, start: make([]int, n+1), nbr: make([]int, len(edges)), w: make([]float64, len(edges))}
	for k, e := range edges {
		if e.I < 0 || e.I >= n || e.J < 0 || e.J >= n {
			return nil, fmt.Errorf("kuramoto: edge %d (%d → %d) is outside 0..%d", k, e.J, e.I, n-1)
		}
		if math.IsNaN(e.W) || math.IsInf(e.W, 0) {
			return nil, fmt.Errorf("kuramoto: edge %d (%d → %d) has non-finite weight %g", k, e.J, e.I, e.W)
		}
		g.start[e.I+1]++
	}
	for i := 0; i < n; i++ {
		g.start[i+1] += g.start[i]
	}
	fill := append([]int(nil), g.start[:n]...)
	for _, e := range edges {
		g.nbr[fill[e.I]] = e.J
		g.w[fill[e.I]] = e.W
		fill[e.I]++
	}
	return g, nil
}

// Check requires n to equal the graph's size.
func (g *Graph) Check(n int) error {
	if n != g.n {
		return fmt.Errorf("kuramoto: graph of %d oscillators used with %d", g.n, n)
	}
	return nil
}

// AddDrift adds Σ_j W_ij sin(θ_j − θ_i).
func (g *Graph) AddDrift(sin, cos, dtheta []float64) {
	for i := 0; i < g.n; i++ {
		var d float64
		for k := g.start[i]; k < g.start[i+1]; k++ {
			j := g.nbr[k]
			d += g.w[k] * (sin[j]*cos[i] - cos[j]*sin[i])
		}
		dtheta[i] += d
	}
}

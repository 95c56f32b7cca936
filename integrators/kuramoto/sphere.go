package kuramoto

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/physim/physim/sim/rng"
)

// SphereConfig sets up the generalised Kuramoto model on spheres of AKOrN
// (Miyato, Löwe, Geiger & Welling, "Artificial Kuramoto Oscillatory
// Neurons", ICLR 2025): N oscillators x_i ∈ S^{n−1} ⊂ Rⁿ with
//
//	ẋ_i = Ω_i x_i + P_{x_i}(Σ_j J_ij x_j + c_i),  P_x y = y − ⟨x, y⟩ x,
//
// Ω_i antisymmetric n×n (natural frequencies), J_ij n×n couplings and c_i
// a conditioning (bias) vector. With n = 2, J_ij = (K/N)·I and
// Ω_i = [[0, −ω_i], [ω_i, 0]] it is the classic Kuramoto model with
// x_i = (cos θ_i, sin θ_i). AKOrN's code uses the blocks ω(x₁, −x₀), i.e.
// θ̇ = −ω; RotationGenerator follows the physics sign θ̇ = +ω.
type SphereConfig struct {
	// N is the number of oscillators and Dim = n the dimension of the space
	// each unit vector lives in (n ≥ 2).
	N, Dim int
	// J is the (N·n)×(N·n) coupling matrix whose n×n block (i, j) is J_ij;
	// nil means no coupling.
	J *mat.Dense
	// C holds the N·n components of the c_i; nil means zero.
	C []float64
	// Omega holds the N·n·n entries of the Ω_i (each row-major, and
	// antisymmetric); nil means no natural frequencies.
	Omega []float64
	// Dt is the step γ (τ), > 0.
	Dt float64
	// Mode is the update rule: "geodesic" (the default when empty) moves
	// each x_i along the great circle of its tangent velocity v_i,
	// x_i ← cos(|v_i|h) x_i + sin(|v_i|h) v_i/|v_i|, which keeps |x_i| = 1 to
	// round-off; "normalize" is AKOrN's layer update
	// x_i ← (x_i + h v_i)/|x_i + h v_i|. Both are first order in h.
	Mode string
}

// Sphere is the AKOrN model in time.
type Sphere struct {
	// X holds the N unit vectors, x_i = X[i·n : (i+1)·n].
	X []float64
	// Step counts the steps taken; Time = Step·Dt (τ).
	Step int64
	Time float64

	cfg        SphereConfig
	geodesic   bool
	y, v       []float64
	xvec, yvec *mat.VecDense
}

// NewSphere validates cfg and starts from x0 (N·n components; each x_i is
// normalised to unit length; copied).
func NewSphere(cfg SphereConfig, x0 []float64) (*Sphere, error) {
	n, d := cfg.N, cfg.Dim
	if n < 1 {
		return nil, fmt.Errorf("kuramoto: number of oscillators N must be positive, got %d", n)
	}
	if d < 2 {
		return nil, fmt.Errorf("kuramoto: sphere dimension Dim must be ≥ 2, got %d", d)
	}
	nd := n * d
	if cfg.J != nil {
		if r, c := cfg.J.Dims(); r != nd || c != nd {
			return nil, fmt.Errorf("kuramoto: coupling matrix J is %d×%d, want (N·Dim)×(N·Dim) = %d×%d", r, c, nd, nd)
		}
	}
	if cfg.C != nil && len(cfg.C) != nd {
		return nil, fmt.Errorf("kuramoto: conditioning C has %d components, want N·Dim = %d", len(cfg.C), nd)
	}
	if cfg.Omega != nil {
		if len(cfg.Omega) != nd*d {
			return nil, fmt.Errorf("kuramoto: natural-frequency matrices Omega have %d entries, want N·Dim·Dim = %d", len(cfg.Omega), nd*d)
		}
		for i := 0; i < n; i++ {
			if err := checkAntisymmetric(cfg.Omega[i*d*d:(i+1)*d*d], d); err != nil {
				return nil, fmt.Errorf("kuramoto: natural-frequency matrix Omega of oscillator %d %w", i, err)
			}
		}
	}
	if !(cfg.Dt > 0) || math.IsInf(cfg.Dt, 0) {
		return nil, fmt.Errorf("kuramoto: time step Dt must be positive and finite, got %g", cfg.Dt)
	}
	var geodesic bool
	switch cfg.Mode {
	case "", "geodesic":
		geodesic = true
	case "normalize":
	default:
		return nil, fmt.Errorf("kuramoto: unknown sphere update Mode %q (want geodesic or normalize)", cfg.Mode)
	}
	if len(x0) != nd {
		return nil, fmt.Errorf("kuramoto: initial state has %d components, want N·Dim = %d", len(x0), nd)
	}
	s := &Sphere{X: append([]float64(nil), x0...), cfg: cfg, geodesic: geodesic, y: make([]float64, nd), v: make([]float64, nd)}
	for i := 0; i < n; i++ {
		xi := s.X[i*d : (i+1)*d]
		nrm := norm(xi)
		if !(nrm > 0) || math.IsInf(nrm, 0) {
			return nil, fmt.Errorf("kuramoto: initial vector of oscillator %d has norm %g", i, nrm)
		}
		for k := range xi {
			xi[k] /= nrm
		}
	}
	s.xvec, s.yvec = mat.NewVecDense(nd, s.X), mat.NewVecDense(nd, s.y)
	return s, nil
}

func checkAntisymmetric(om []float64, d int) error {
	scale := 0.0
	for _, v := range om {
		scale = math.Max(scale, math.Abs(v))
	}
	tol := 1e-12 * math.Max(scale, 1)
	for a := 0; a < d; a++ {
		for b := a; b < d; b++ {
			if math.Abs(om[a*d+b]+om[b*d+a]) > tol || math.IsNaN(om[a*d+b]) {
				return fmt.Errorf("is not antisymmetric: Ω[%d][%d] = %g but Ω[%d][%d] = %g", a, b, om[a*d+b], b, a, om[b*d+a])
			}
		}
	}
	return nil
}

func norm(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v * v
	}
	return math.Sqrt(s)
}

// field sets s.y = J x + c.
func (s *Sphere) field() {
	if s.cfg.J != nil {
		s.yvec.MulVec(s.cfg.J, s.xvec)
	} else {
		clear(s.y)
	}
	if s.cfg.C != nil {
		for k, c := range s.cfg.C {
			s.y[k] += c
		}
	}
}

// Velocity writes the tangent velocities v_i = Ω_i x_i + P_{x_i} y_i at the
// current state into dst (N·n components).
func (s *Sphere) Velocity(dst []float64) {
	s.field()
	d := s.cfg.Dim
	for i := 0; i < s.cfg.N; i++ {
		xi, yi, vi := s.X[i*d:(i+1)*d], s.y[i*d:(i+1)*d], dst[i*d:(i+1)*d]
		var xy float64
		for k := range xi {
			xy += xi[k] * yi[k]
		}
		for k := range vi {
			vi[k] = yi[k] - xy*xi[k]
		}
		if s.cfg.Omega != nil {
			om := s.cfg.Omega[i*d*d : (i+1)*d*d]
			for a := range vi {
				var w float64
				for b, xb := range xi {
					w += om[a*d+b] * xb
				}
				vi[a] += w
			}
		}
	}
}

// Advance takes n steps.
func (s *Sphere) Advance(n int) {
	d, h := s.cfg.Dim, s.cfg.Dt
	for k := 0; k < n; k++ {
		s.Velocity(s.v)
		for i := 0; i < s.cfg.N; i++ {
			xi, vi := s.X[i*d:(i+1)*d], s.v[i*d:(i+1)*d]
			if s.geodesic {
				speed := norm(vi)
				if speed == 0 {
					continue
				}
				sn, cs := math.Sincos(speed * h)
				for a := range xi {
					xi[a] = cs*xi[a] + sn*vi[a]/speed
				}
				continue
			}
			for a := range xi {
				xi[a] += h * vi[a]
			}
			nrm := norm(xi)
			for a := range xi {
				xi[a] /= nrm
			}
		}
		s.Step++
		s.Time = float64(s.Step) * h
	}
}

// Energy returns E = −½ Σ_ij x_iᵀ J_ij x_j − Σ_i c_iᵀ x_i, a Lyapunov
// function of the flow when J is symmetric and Ω = 0. (AKOrN's code logs
// −Σ_i x_iᵀ(Σ_j J_ij x_j + c_i), without the ½.)
func (s *Sphere) Energy() float64 {
	var e float64
	if s.cfg.J != nil {
		s.yvec.MulVec(s.cfg.J, s.xvec)
		e = -0.5 * mat.Dot(s.xvec, s.yvec)
	}
	for k, c := range s.cfg.C {
		e -= c * s.X[k]
	}
	return e
}

// RandomUnitVectors returns n unit vectors in R^dim, uniform on the sphere
// (normalised Gaussian vectors), keyed on seed.
func RandomUnitVectors(n, dim int, seed uint64) []float64 {
	x := make([]float64, n*dim)
	for i := 0; i < n; i++ {
		xi := x[i*dim : (i+1)*dim]
		for a := 0; a < dim; a += 4 {
			g := rng.Key{Seed: seed, Step: uint64(a / 4), Particle: uint32(i), Stream: streamVectors}.Normal4()
			copy(xi[a:], g[:])
		}
		nrm := norm(xi)
		for a := range xi {
			xi[a] /= nrm
		}
	}
	return x
}

// RotationGenerator returns the dim×dim antisymmetric matrix (row-major)
// that rotates the coordinate plane (2k, 2k+1) at angular velocity
// omegas[k] (rad/τ, counter-clockwise: θ̇ = +ω). At most dim/2 planes.
func RotationGenerator(dim int, omegas ...float64) []float64 {
	if 2*len(omegas) > dim {
		panic(fmt.Sprintf("kuramoto: %d rotation planes do not fit in dimension %d", len(omegas), dim))
	}
	om := make([]float64, dim*dim)
	for k, w := range omegas {
		a, b := 2*k, 2*k+1
		om[a*dim+b] = -w
		om[b*dim+a] = w
	}
	return om
}

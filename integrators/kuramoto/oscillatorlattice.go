package kuramoto

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
)

// OscillatorLattice is the potential energy of an Nx × Ny square lattice (a
// chain when Ny ≤ 1) of locally coupled oscillators, the latent prior of
// LangevinFlow (Song, Keller, Yue, Perona & Welling, arXiv 2507.11531),
// as a sim.Force. Particle i = x + Nx·y of the state is the oscillator at
// site (x, y); its displacement u_i = r_i − (x a, y a, 0) from its rest
// position (unwrapped position r_i, spacing a) has three independent
// components ("channels"). The energy is
//
//	U = Σ_i ½ ω₀² |u_i|² + Σ_⟨ij⟩ Σ_c V(u_i,c − u_j,c),
//
// summed over nearest-neighbour bonds ⟨ij⟩, with V(d) = ½ K d² (harmonic
// coupling) or V(d) = K (1 − cos d) (cosine coupling, displacements read as
// phases in rad). Small displacements obey the same linear equations in
// both cases. With unit masses the normal modes are plane waves
// u ∝ cos(k·n − ω(k) t), n the integer site coordinates, with the
// dispersion relation returned by Frequency; driven by an underdamped
// Langevin integrator the lattice carries thermally excited and damped
// travelling waves. The virial is not defined and is returned as zero. Use
// it through a pointer; it keeps a scratch buffer, so one lattice must not
// be evaluated concurrently.
type OscillatorLattice struct {
	// Nx and Ny are the numbers of sites along x and y; Ny ≤ 1 is a chain.
	Nx int `toml:"nx"`
	Ny int `toml:"ny"`
	// Spacing is the lattice constant a (σ) of the rest positions; 0 means 1.
	Spacing float64 `toml:"spacing"`
	// Open gives free ends; by default the lattice is periodic.
	Open bool `toml:"open"`
	// Omega0 is the on-site angular frequency ω₀ (τ⁻¹; stiffness ω₀² in
	// ε/σ² for unit mass).
	Omega0 float64 `toml:"omega0"`
	// K is the coupling constant (ε/σ² for harmonic, ε for cosine coupling).
	K float64 `toml:"k"`
	// Coupling is "harmonic" (the default when empty) or "cos".
	Coupling string `toml:"coupling"`

	u []sim.Vec3 // displacement scratch (so a lattice is not safe for concurrent use)
}

func (l *OscillatorLattice) ny() int { return max(l.Ny, 1) }

func (l *OscillatorLattice) spacing() float64 {
	if l.Spacing == 0 {
		return 1
	}
	return l.Spacing
}

// Validate returns an error naming the first invalid setting.
func (l *OscillatorLattice) Validate() error {
	switch {
	case l.Nx < 1 || l.Ny < 0:
		return fmt.Errorf("kuramoto: oscillator lattice size %d × %d is invalid", l.Nx, l.Ny)
	case !(l.Spacing >= 0) || math.IsInf(l.Spacing, 0):
		return fmt.Errorf("kuramoto: oscillator lattice Spacing must be finite and ≥ 0, got %g", l.Spacing)
	case math.IsNaN(l.Omega0) || math.IsInf(l.Omega0, 0) || math.IsNaN(l.K) || math.IsInf(l.K, 0):
		return fmt.Errorf("kuramoto: oscillator lattice Omega0 = %g and K = %g must be finite", l.Omega0, l.K)
	case l.Coupling != "" && l.Coupling != "harmonic" && l.Coupling != "cos":
		return fmt.Errorf("kuramoto: unknown oscillator lattice Coupling %q (want harmonic or cos)", l.Coupling)
	}
	return nil
}

// Site returns the rest position of oscillator i.
func (l *OscillatorLattice) Site(i int) sim.Vec3 {
	a := l.spacing()
	return sim.Vec3{float64(i%l.Nx) * a, float64(i/l.Nx) * a, 0}
}

// NewState returns a state of Nx·Ny unit-mass oscillators at rest at their
// sites, in an open box spanning the lattice.
func (l *OscillatorLattice) NewState() *sim.State {
	a := l.spacing()
	s := sim.NewState(l.Nx*l.ny(), sim.NewOpenBox(sim.Vec3{float64(l.Nx) * a, float64(l.ny()) * a, 0}))
	for i := range s.Pos {
		s.Pos[i] = l.Site(i)
	}
	return s
}

// Frequency returns the harmonic dispersion relation for unit masses,
// ω(k) = √(ω₀² + 4K [sin²(k_x/2) + sin²(k_y/2)]) (k_y ignored for a chain),
// with k in rad per site. On a periodic lattice k_x = 2πm/Nx; on an open
// one the modes are standing waves cos(k(x + ½)) with k_x = πm/Nx.
func (l *OscillatorLattice) Frequency(kx, ky float64) float64 {
	sx := math.Sin(kx / 2)
	w2 := l.Omega0*l.Omega0 + 4*l.K*sx*sx
	if l.ny() > 1 {
		sy := math.Sin(ky / 2)
		w2 += 4 * l.K * sy * sy
	}
	return math.Sqrt(w2)
}

// PlaneWave sets component c of every displacement and velocity to the
// travelling wave u = amp cos(k·n), v = amp ω(k) sin(k·n), which evolves as
// amp cos(k·n − ω(k) t) in the harmonic, undamped, noiseless limit. The
// other components are left unchanged.
func (l *OscillatorLattice) PlaneWave(s *sim.State, kx, ky, amp float64, c int) {
	w := l.Frequency(kx, ky)
	for i := range s.Pos {
		ph := kx*float64(i%l.Nx) + ky*float64(i/l.Nx)
		sn, cs := math.Sincos(ph)
		s.Pos[i][c] = l.Site(i)[c] + amp*cs
		s.Vel[i][c] = amp * w * sn
	}
}

// Compute adds the forces −∇U to f and returns U (ε).
func (l *OscillatorLattice) Compute(s *sim.State, f []sim.Vec3) (sim.ForceResult, error) {
	if err := l.Validate(); err != nil {
		return sim.ForceResult{}, err
	}
	nx, ny := l.Nx, l.ny()
	if s.N() != nx*ny {
		return sim.ForceResult{}, fmt.Errorf("kuramoto: oscillator lattice %d × %d has %d sites, state has %d particles", nx, ny, nx*ny, s.N())
	}
	cosine := l.Coupling == "cos"
	w2 := l.Omega0 * l.Omega0
	if len(l.u) != s.N() {
		l.u = make([]sim.Vec3, s.N())
	}
	u := l.u
	var e float64
	for i := range u {
		u[i] = s.Unwrapped(i).Sub(l.Site(i))
		e += 0.5 * w2 * u[i].Norm2()
		f[i] = f[i].Sub(u[i].Scale(w2))
	}
	bond := func(i, j int) {
		for c := 0; c < 3; c++ {
			d := u[i][c] - u[j][c]
			var g float64 // V'(d)
			if cosine {
				sn, cs := math.Sincos(d)
				e += l.K * (1 - cs)
				g = l.K * sn
			} else {
				e += 0.5 * l.K * d * d
				g = l.K * d
			}
			f[i][c] -= g
			f[j][c] += g
		}
	}
	for y := 0; y < ny; y++ {
		for x := 0; x < nx; x++ {
			i := x + nx*y
			if x < nx-1 {
				bond(i, i+1)
			} else if !l.Open && nx > 1 {
				bond(i, i-nx+1)
			}
			if ny > 1 {
				if y < ny-1 {
					bond(i, i+nx)
				} else if !l.Open {
					bond(i, i-nx*(ny-1))
				}
			}
		}
	}
	return sim.ForceResult{Energy: e}, nil
}

package sim

import (
	"fmt"
	"math"
)

// State is the full dynamical state of a particle system: positions
// (wrapped into the box), velocities, the forces at the current positions,
// image counters, types and masses, the step counter and the time. Slices are
// indexed by particle; the index is the particle's permanent tag.
type State struct {
	Box   Box
	Pos   []Vec3
	Vel   []Vec3
	Force []Vec3
	Image [][3]int32
	Type  []int32
	Mass  []float64

	// Step counts integration steps taken; Time is the simulated time in τ.
	Step int64
	Time float64

	// PotentialEnergy and Virial are those of the most recent force
	// evaluation (at the current positions). Virial is W = Σ_pairs r_ij·F_ij,
	// so that the pressure is P = (2K + W)/(3V).
	PotentialEnergy float64
	Virial          float64
}

// NewState allocates a state of n particles of type 0 and mass 1 in box b.
func NewState(n int, b Box) *State {
	s := &State{
		Box:   b,
		Pos:   make([]Vec3, n),
		Vel:   make([]Vec3, n),
		Force: make([]Vec3, n),
		Image: make([][3]int32, n),
		Type:  make([]int32, n),
		Mass:  make([]float64, n),
	}
	for i := range s.Mass {
		s.Mass[i] = 1
	}
	return s
}

// N returns the number of particles.
func (s *State) N() int { return len(s.Pos) }

// Clone returns a deep copy of s.
func (s *State) Clone() *State {
	c := *s
	c.Pos = append([]Vec3(nil), s.Pos...)
	c.Vel = append([]Vec3(nil), s.Vel...)
	c.Force = append([]Vec3(nil), s.Force...)
	c.Image = append([][3]int32(nil), s.Image...)
	c.Type = append([]int32(nil), s.Type...)
	c.Mass = append([]float64(nil), s.Mass...)
	return &c
}

// Unwrapped returns the unwrapped position of particle i.
func (s *State) Unwrapped(i int) Vec3 { return s.Box.Unwrap(s.Pos[i], s.Image[i]) }

// KineticEnergy returns Σ ½ m v².
func (s *State) KineticEnergy() float64 {
	var k float64
	for i, v := range s.Vel {
		k += 0.5 * s.Mass[i] * v.Norm2()
	}
	return k
}

// Temperature returns the kinetic temperature 2K/(d_f) with d_f = 3N − 3
// degrees of freedom (the centre of mass is fixed in NVE), or 3N when
// comFree is false.
func (s *State) Temperature(comFree bool) float64 {
	df := float64(3 * s.N())
	if comFree && s.N() > 1 {
		df -= 3
	}
	return 2 * s.KineticEnergy() / df
}

// Pressure returns the virial pressure P = (N kT + W/3)/V with the given kT
// (pass the thermostat temperature for overdamped dynamics, or the kinetic
// temperature otherwise).
func (s *State) Pressure(kT float64) float64 {
	v := s.Box.Volume()
	return (float64(s.N())*kT + s.Virial/3) / v
}

// Validate checks the state's arrays for consistent lengths, finite values
// and positive masses, and returns an error naming the first problem.
func (s *State) Validate() error {
	n := len(s.Pos)
	if len(s.Vel) != n || len(s.Force) != n || len(s.Image) != n || len(s.Type) != n || len(s.Mass) != n {
		return fmt.Errorf("sim: state arrays have mismatched lengths")
	}
	for i := 0; i < n; i++ {
		if !s.Pos[i].IsFinite() {
			return fmt.Errorf("sim: non-finite position of particle %d", i)
		}
		if !s.Vel[i].IsFinite() {
			return fmt.Errorf("sim: non-finite velocity of particle %d", i)
		}
		if !(s.Mass[i] > 0) || math.IsInf(s.Mass[i], 0) {
			return fmt.Errorf("sim: mass of particle %d is %g; it must be positive and finite", i, s.Mass[i])
		}
	}
	return nil
}

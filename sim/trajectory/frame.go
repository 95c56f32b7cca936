package trajectory

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physim/physim/sim"
)

// Header describes what is constant across the frames of a trajectory.
type Header struct {
	// N is the number of particles in every frame.
	N int
	// Types holds the type of each particle (len N); nil means all type 0.
	Types []int32
	// TypeNames names types 0, 1, ...; types without a name here get
	// DefaultTypeName. Names must be non-empty and free of whitespace,
	// quotes and '='. OVITO takes any name; ASE needs element symbols.
	TypeNames []string
	// Velocities tells whether frames carry velocities.
	Velocities bool
	// ValueName, when non-empty, tells that frames carry one float value
	// per particle (a colour value, a phase, ...) under this name. It must
	// be a letter followed by letters, digits or '_' and must not be
	// "species", "pos" or "velo".
	ValueName string
	// Unwrapped tells that positions are unwrapped (continuous across
	// periodic boundaries) instead of wrapped into the box.
	Unwrapped bool
	// ValueOf computes the per-particle value from a state when a writer
	// records a state (Observe); it is needed only then, and only when
	// ValueName is set. It is not stored in files.
	ValueOf func(s *sim.State, dst []float32)
}

// HeaderFor returns a header for trajectories of s: its particle count and
// a copy of its types.
func HeaderFor(s *sim.State) Header {
	return Header{N: s.N(), Types: append([]int32(nil), s.Type...)}
}

// elements lists the chemical symbols by atomic number, from 1.
var elements = strings.Fields(`H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co
Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr
Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa
U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og`)

// DefaultTypeName returns the name used for type t when no name is given:
// the chemical symbol of atomic number t + 1 ("H", "He", "Li", ...), since
// ASE accepts only element symbols as species, or "T<t>" past element 118.
func DefaultTypeName(t int32) string {
	if t >= 0 && int(t) < len(elements) {
		return elements[t]
	}
	return "T" + strconv.Itoa(int(t))
}

// TypeName returns the name of type t.
func (h *Header) TypeName(t int32) string {
	if t >= 0 && int(t) < len(h.TypeNames) {
		return h.TypeNames[t]
	}
	return DefaultTypeName(t)
}

// Type returns the type of particle i.
func (h *Header) Type(i int) int32 {
	if h.Types == nil {
		return 0
	}
	return h.Types[i]
}

// check returns an error describing the first invalid field of h.
func (h *Header) check() error {
	if h.N < 0 {
		return fmt.Errorf("trajectory: header has %d particles", h.N)
	}
	if h.Types != nil && len(h.Types) != h.N {
		return fmt.Errorf("trajectory: header has %d types for %d particles", len(h.Types), h.N)
	}
	for i, t := range h.Types {
		if t < 0 {
			return fmt.Errorf("trajectory: particle %d has negative type %d", i, t)
		}
	}
	for _, name := range h.TypeNames {
		if name == "" || strings.ContainsAny(name, " \t\r\n\"'=") {
			return fmt.Errorf("trajectory: type name %q must be non-empty without whitespace, quotes or '='", name)
		}
	}
	if h.ValueName != "" && !validValueName(h.ValueName) {
		return fmt.Errorf("trajectory: value name %q must be a letter followed by letters, digits or '_', other than species, pos and velo", h.ValueName)
	}
	return nil
}

func validValueName(s string) bool {
	switch s {
	case "species", "pos", "velo":
		return false
	}
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '_')) {
			return false
		}
	}
	return s != ""
}

// Frame is one snapshot of a trajectory.
type Frame struct {
	// Step is the integration step and Time the simulated time in τ.
	Step int64
	Time float64
	// Box is the simulation box at this frame.
	Box sim.Box
	// Types holds the particle types. Readers fill it; writers take types
	// from the Header and ignore this field.
	Types []int32
	// Pos holds the positions in σ.
	Pos [][3]float32
	// Vel holds the velocities in σ/τ; it is empty when the trajectory has
	// none.
	Vel [][3]float32
	// Value holds the per-particle value named by Header.ValueName; it is
	// empty when the trajectory has none.
	Value []float32
}

// checkFrame panics if f does not match the layout that h declares.
func checkFrame(h *Header, f *Frame) {
	if len(f.Pos) != h.N {
		panic(fmt.Sprintf("trajectory: frame has %d positions, header %d particles", len(f.Pos), h.N))
	}
	if h.Velocities && len(f.Vel) != h.N {
		panic(fmt.Sprintf("trajectory: frame has %d velocities, header %d particles", len(f.Vel), h.N))
	}
	if h.ValueName != "" && len(f.Value) != h.N {
		panic(fmt.Sprintf("trajectory: frame has %d values %q, header %d particles", len(f.Value), h.ValueName, h.N))
	}
}

// FillFrame stores s in f with the layout of h (positions, and velocities
// and the per-particle value when h declares them), reusing f's memory.
// It panics if s does not have h.N particles.
func (h *Header) FillFrame(f *Frame, s *sim.State) error {
	if s.N() != h.N {
		panic(fmt.Sprintf("trajectory: state has %d particles, header %d", s.N(), h.N))
	}
	f.Step, f.Time, f.Box = s.Step, s.Time, s.Box
	f.Pos = resize(f.Pos, h.N)
	for i := range f.Pos {
		p := s.Pos[i]
		if h.Unwrapped {
			p = s.Unwrapped(i)
		}
		f.Pos[i] = vec32(p)
	}
	f.Vel = f.Vel[:0]
	if h.Velocities {
		f.Vel = resize(f.Vel, h.N)
		for i := range f.Vel {
			f.Vel[i] = vec32(s.Vel[i])
		}
	}
	f.Value = f.Value[:0]
	if h.ValueName != "" {
		if h.ValueOf == nil {
			return fmt.Errorf("trajectory: header declares value %q but has no ValueOf to compute it from a state", h.ValueName)
		}
		f.Value = resize(f.Value, h.N)
		h.ValueOf(s, f.Value)
	}
	return nil
}

func vec32(v sim.Vec3) [3]float32 { return [3]float32{float32(v[0]), float32(v[1]), float32(v[2])} }

// resize returns a with length n, reallocating only when its capacity is
// too small.
func resize[T any](a []T, n int) []T {
	if cap(a) < n {
		return make([]T, n)
	}
	return a[:n]
}

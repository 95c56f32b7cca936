package potentials

import (
	"fmt"
	"math"
)

// HardWalls confines particles to Lo ≤ z ≤ Hi: V = 0 inside and +Inf
// outside. Use Lo = −Inf or Hi = +Inf for a single wall. A dynamics that
// crosses a hard wall needs a reflecting integrator; External reports a
// particle outside as an error.
type HardWalls struct {
	// Lo and Hi bound the allowed region in σ.
	Lo, Hi float64
}

// VdV returns 0 inside [Lo, Hi] and +Inf outside; ∂V/∂z is 0.
func (w HardWalls) VdV(z, _ float64) (v, dv float64) {
	if z < w.Lo || z > w.Hi {
		return math.Inf(1), 0
	}
	return 0, 0
}

// Validate checks Lo < Hi.
func (w HardWalls) Validate() error {
	if !(w.Lo < w.Hi) {
		return fmt.Errorf("potentials: HardWalls needs Lo < Hi, got [%g, %g]", w.Lo, w.Hi)
	}
	return nil
}

// WallSide tells on which side of a wall plane the particles live.
type WallSide int

const (
	// WallBelow is a wall at the bottom: particles live at z > Z and the
	// distance to the wall is d = z − Z.
	WallBelow WallSide = iota
	// WallAbove is a wall at the top: particles live at z < Z and
	// d = Z − z.
	WallAbove
)

// distance returns the distance d from the wall at z0 and ∂d/∂z (±1).
func (side WallSide) distance(z, z0 float64) (d, sign float64) {
	if side == WallAbove {
		return z0 - z, -1
	}
	return z - z0, 1
}

func (side WallSide) validate(name string) error {
	if side != WallBelow && side != WallAbove {
		return fmt.Errorf("potentials: %s: unknown wall side %d", name, int(side))
	}
	return nil
}

// LJ93Wall is the 9-3 Lennard-Jones wall (a particle against a half-space
// of LJ sites, as LAMMPS fix wall/lj93), shifted to vanish at the cutoff:
// V(d) = ε[(2/15)(σ/d)⁹ − (σ/d)³] − V₀ for 0 < d < r_c, 0 for d ≥ r_c and
// +Inf for d ≤ 0, where d is the distance from the wall and V₀ the bracket
// at r_c. Cutoff = (2/5)^(1/6)σ, the minimum, gives a purely repulsive
// wall. Zero fields take defaults Epsilon = 1 ε, Sigma = 1 σ,
// Cutoff = DefaultLJCutoff σ.
type LJ93Wall struct {
	// Z is the wall plane in σ; Side the side the particles live on.
	Z    float64
	Side WallSide
	// Epsilon in ε and Sigma in σ set the strength and range.
	Epsilon, Sigma float64
	// Cutoff is r_c in σ.
	Cutoff float64
}

// lj93 returns the unshifted 9-3 energy and its derivative with respect
// to d.
func lj93(eps, sig, d float64) (v, dvdd float64) {
	x3 := sig / d
	x3 = x3 * x3 * x3
	x9 := x3 * x3 * x3
	return eps * (2.0/15*x9 - x3), eps / d * (-6.0/5*x9 + 3*x3)
}

// VdV returns V(z) in ε and ∂V/∂z in ε/σ.
func (w LJ93Wall) VdV(z, _ float64) (v, dv float64) {
	d, sign := w.Side.distance(z, w.Z)
	rc := orDefault(w.Cutoff, DefaultLJCutoff)
	switch {
	case d <= 0:
		return math.Inf(1), 0
	case d >= rc:
		return 0, 0
	}
	eps, sig := orDefault(w.Epsilon, 1), orDefault(w.Sigma, 1)
	v, dvdd := lj93(eps, sig, d)
	v0, _ := lj93(eps, sig, rc)
	return v - v0, sign * dvdd
}

// Validate checks the side and that ε, σ and the cutoff are positive.
func (w LJ93Wall) Validate() error {
	if err := w.Side.validate("LJ93Wall"); err != nil {
		return err
	}
	if err := checkPositive("LJ93Wall", w.Epsilon, w.Sigma); err != nil {
		return err
	}
	return checkMode("LJ93Wall", CutShifted, orDefault(w.Cutoff, DefaultLJCutoff))
}

// WCAWall is a purely repulsive wall: the WCA law of the distance d from
// the wall, V(d) = 4ε[(σ/d)¹² − (σ/d)⁶] + ε for 0 < d < 2^(1/6)σ, 0 beyond
// and +Inf for d ≤ 0. Zero fields take defaults Epsilon = 1 ε, Sigma = 1 σ.
type WCAWall struct {
	// Z is the wall plane in σ; Side the side the particles live on.
	Z    float64
	Side WallSide
	// Epsilon in ε and Sigma in σ as for WCA.
	Epsilon, Sigma float64
}

// VdV returns V(z) in ε and ∂V/∂z in ε/σ.
func (w WCAWall) VdV(z, _ float64) (v, dv float64) {
	d, sign := w.Side.distance(z, w.Z)
	law := WCA{Epsilon: w.Epsilon, Sigma: w.Sigma}
	switch {
	case d <= 0:
		return math.Inf(1), 0
	case d >= law.Range():
		return 0, 0
	}
	u, fr := law.EnergyForce(d * d)
	return u, -sign * fr * d
}

// Validate checks the side and that ε and σ are positive.
func (w WCAWall) Validate() error {
	if err := w.Side.validate("WCAWall"); err != nil {
		return err
	}
	return checkPositive("WCAWall", w.Epsilon, w.Sigma)
}

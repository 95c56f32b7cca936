package sim

import (
	"fmt"
	"math"
)

// Box is an orthorhombic simulation box. Each axis is either periodic, with
// edge length L[k] and coordinates wrapped into [0, L[k]), or open (L[k] is
// then only the extent used for binning and plots). Minimum-image
// displacements and wrapping live here and nowhere else.
type Box struct {
	// L holds the edge lengths in σ.
	L Vec3
	// Periodic tells, per axis, whether the boundary is periodic.
	Periodic [3]bool
}

// NewPeriodicBox returns a box periodic in all three directions with edges
// lx, ly, lz (in σ). It panics on a non-positive edge.
func NewPeriodicBox(lx, ly, lz float64) Box {
	if !(lx > 0 && ly > 0 && lz > 0) {
		panic(fmt.Sprintf("sim: box edges must be positive, got %g %g %g", lx, ly, lz))
	}
	return Box{L: Vec3{lx, ly, lz}, Periodic: [3]bool{true, true, true}}
}

// NewOpenBox returns a box with no periodic axis; ext gives the extent used
// for binning (any non-negative values).
func NewOpenBox(ext Vec3) Box { return Box{L: ext} }

// Volume returns the product of the edge lengths.
func (b *Box) Volume() float64 { return b.L[0] * b.L[1] * b.L[2] }

// MinImage returns the minimum-image form of the displacement d.
func (b *Box) MinImage(d Vec3) Vec3 {
	for k := 0; k < 3; k++ {
		if b.Periodic[k] {
			d[k] -= b.L[k] * math.Round(d[k]/b.L[k])
		}
	}
	return d
}

// Delta returns the minimum-image displacement from a to b (b − a).
func (b *Box) Delta(a, c Vec3) Vec3 { return b.MinImage(c.Sub(a)) }

// Wrap maps p into the primary cell along periodic axes and updates the image
// counters img so that Unwrap(p, img) is unchanged.
func (b *Box) Wrap(p *Vec3, img *[3]int32) {
	for k := 0; k < 3; k++ {
		if !b.Periodic[k] {
			continue
		}
		if p[k] >= 0 && p[k] < b.L[k] {
			continue
		}
		n := math.Floor(p[k] / b.L[k])
		p[k] -= n * b.L[k]
		// Round-off can leave p == L after the subtraction.
		if p[k] >= b.L[k] {
			p[k] -= b.L[k]
			n++
		}
		if p[k] < 0 {
			p[k] = 0
		}
		img[k] += int32(n)
	}
}

// WrapZ maps a single z coordinate into [0, L_z) when z is periodic.
func (b *Box) WrapZ(z float64) float64 {
	if !b.Periodic[2] {
		return z
	}
	z -= b.L[2] * math.Floor(z/b.L[2])
	if z >= b.L[2] {
		z -= b.L[2]
	}
	return z
}

// Unwrap returns the position p shifted by its image counters, the continuous
// trajectory used for mean squared displacements.
func (b *Box) Unwrap(p Vec3, img [3]int32) Vec3 {
	for k := 0; k < 3; k++ {
		p[k] += float64(img[k]) * b.L[k]
	}
	return p
}

// CheckCutoff returns an error when a periodic edge is shorter than 2·r, the
// length below which the minimum image no longer sees every neighbour within
// r exactly once.
func (b *Box) CheckCutoff(r float64) error {
	for k := 0; k < 3; k++ {
		if b.Periodic[k] && b.L[k] < 2*r {
			return fmt.Errorf("sim: box edge %c = %g σ is shorter than 2 × (cutoff + skin) = %g σ; enlarge the box or reduce the cutoff", "xyz"[k], b.L[k], 2*r)
		}
	}
	return nil
}

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
	d[0], d[1], d[2] = b.MinImageXYZ(d[0], d[1], d[2])
	return d
}

// MinImageXYZ is MinImage on the components of the displacement, bit for
// bit; loops over pairs use it because the compiler keeps Vec3 values in
// memory. Imager.Image is faster still where ties at half an edge do not
// matter.
func (b *Box) MinImageXYZ(dx, dy, dz float64) (float64, float64, float64) {
	if b.Periodic[0] {
		dx -= b.L[0] * math.Round(dx/b.L[0])
	}
	if b.Periodic[1] {
		dy -= b.L[1] * math.Round(dy/b.L[1])
	}
	if b.Periodic[2] {
		dz -= b.L[2] * math.Round(dz/b.L[2])
	}
	return dx, dy, dz
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

// Imager is a box's periodic geometry in a form for inner loops over
// pairs: the minimum image on scalars with a multiplication by 1/L instead
// of a division. Along an open axis it leaves the displacement unchanged.
// Obtain one with Box.Imager; the zero value images nothing.
type Imager struct {
	l, inv [3]float64 // edge and 1/edge along periodic axes, 0 along open ones
}

// Imager returns the box's Imager.
func (b *Box) Imager() Imager {
	var m Imager
	for k := 0; k < 3; k++ {
		if b.Periodic[k] {
			m.l[k], m.inv[k] = b.L[k], 1/b.L[k]
		}
	}
	return m
}

// Image returns the minimum image of the displacement (dx, dy, dz) in σ,
// for components below 2⁵¹ edges. It gives the same values as MinImage
// except when a component lies within a rounding error of a half-integer
// multiple of its edge, where both images are minimum ones and the two
// methods may pick different ones.
func (m *Imager) Image(dx, dy, dz float64) (float64, float64, float64) {
	dx -= m.l[0] * roundHalfEven(float64(dx*m.inv[0]))
	dy -= m.l[1] * roundHalfEven(float64(dy*m.inv[1]))
	dz -= m.l[2] * roundHalfEven(float64(dz*m.inv[2]))
	return dx, dy, dz
}

// roundHalfEven rounds x to the nearest integer, ties to even, for
// |x| < 2⁵¹: adding and subtracting 1.5·2⁵² leaves no fraction bits, so the
// addition rounds. Unlike math.RoundToEven it needs no SSE4.1 check, whose
// fallback call would make the compiler spill the registers of pair loops.
func roundHalfEven(x float64) float64 {
	const shift = 0x1.8p52
	return (x + shift) - shift
}

// Interior returns the corners lo, hi of the region of points at least r
// (σ) inside every periodic face of the primary cell: lo[k] = r and
// hi[k] = L[k] − r along a periodic axis, −∞ and +∞ along an open one (the
// region is empty if r > L[k]/2). If p lies in Interior(r), q in
// Interior(0) and the minimum-image distance between them is below r, then
// q − p is its own minimum image, so pair loops may skip the imaging.
func (b *Box) Interior(r float64) (lo, hi Vec3) {
	for k := 0; k < 3; k++ {
		lo[k], hi[k] = math.Inf(-1), math.Inf(1)
		if b.Periodic[k] {
			lo[k], hi[k] = r, b.L[k]-r
		}
	}
	return lo, hi
}

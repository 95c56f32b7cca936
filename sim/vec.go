package sim

import "math"

// Vec3 is a vector in three dimensions (a position, velocity or force).
type Vec3 [3]float64

// Add returns a + b.
func (a Vec3) Add(b Vec3) Vec3 { return Vec3{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }

// Sub returns a − b.
func (a Vec3) Sub(b Vec3) Vec3 { return Vec3{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }

// Scale returns s·a.
func (a Vec3) Scale(s float64) Vec3 { return Vec3{s * a[0], s * a[1], s * a[2]} }

// Dot returns the scalar product a·b.
func (a Vec3) Dot(b Vec3) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// Norm2 returns |a|².
func (a Vec3) Norm2() float64 { return a[0]*a[0] + a[1]*a[1] + a[2]*a[2] }

// Norm returns |a|.
func (a Vec3) Norm() float64 { return math.Sqrt(a.Norm2()) }

// IsFinite reports whether every component is neither NaN nor infinite
// (x − x is 0 for a finite x and NaN otherwise, so huge finite components
// do not overflow the test).
func (a Vec3) IsFinite() bool {
	return (a[0]-a[0])+(a[1]-a[1])+(a[2]-a[2]) == 0
}

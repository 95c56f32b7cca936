package glview

import (
	"math"

	"github.com/physim/physim/sim/trajectory"
)

// Colours of the wireframes.
var (
	boxColor       = rgba(200, 200, 200)
	referenceColor = rgba(90, 90, 105)
)

// appendBox appends the twelve edges of f's box, when it has one.
func appendBox(dst []lineVertex, f *trajectory.Frame) []lineVertex {
	if !hasBox(f) {
		return dst
	}
	l := vec3{float32(f.Box.L[0]), float32(f.Box.L[1]), float32(f.Box.L[2])}
	corner := func(i int) lineVertex {
		return lineVertex{vec3{l[0] * float32(i&1), l[1] * float32(i>>1&1), l[2] * float32(i>>2&1)}, boxColor}
	}
	for i := 0; i < 8; i++ {
		for k := 0; k < 3; k++ {
			if j := i | 1<<k; j != i {
				dst = append(dst, corner(i), corner(j))
			}
		}
	}
	return dst
}

// appendReferenceSphere appends a wireframe of the unit sphere: six great
// circles through the poles and five parallels.
func appendReferenceSphere(dst []lineVertex) []lineVertex {
	const seg = 64
	circle := func(point func(a float64) vec3) {
		for s := 0; s < seg; s++ {
			a, b := 2*math.Pi*float64(s)/seg, 2*math.Pi*float64(s+1)/seg
			dst = append(dst, lineVertex{point(a), referenceColor}, lineVertex{point(b), referenceColor})
		}
	}
	for m := 0; m < 6; m++ {
		phi := math.Pi * float64(m) / 6
		circle(func(a float64) vec3 {
			return vec3{float32(math.Cos(phi) * math.Sin(a)), float32(math.Sin(phi) * math.Sin(a)), float32(math.Cos(a))}
		})
	}
	for k := -2; k <= 2; k++ {
		lat := math.Pi / 6 * float64(k)
		circle(func(a float64) vec3 {
			return vec3{float32(math.Cos(lat) * math.Cos(a)), float32(math.Cos(lat) * math.Sin(a)), float32(math.Sin(lat))}
		})
	}
	return dst
}

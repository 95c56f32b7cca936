package glview

import "math"

// Arrow shape, as fractions of the arrow's length.
const (
	shaftRadius = 0.05
	headRadius  = 0.13
	headLength  = 0.35
	arrowSides  = 12
)

// arrowMesh returns the triangles of a unit arrow along +z from z = −0.5
// (tail) to z = 0.5 (tip), as interleaved position and normal triples:
// a capped shaft and a cone with its base closed.
func arrowMesh() []float32 {
	var m []float32
	vert := func(p, n vec3) { m = append(m, p[0], p[1], p[2], n[0], n[1], n[2]) }
	const tail, neck, tip = -0.5, 0.5 - headLength, 0.5
	down := vec3{0, 0, -1}
	// The cone's normal leans forward by the angle whose tangent is
	// headRadius/headLength.
	lean := float32(headRadius / math.Hypot(headRadius, headLength))
	side := float32(headLength / math.Hypot(headRadius, headLength))
	for k := 0; k < arrowSides; k++ {
		a0 := 2 * math.Pi * float64(k) / arrowSides
		a1 := 2 * math.Pi * float64(k+1) / arrowSides
		c0, s0 := float32(math.Cos(a0)), float32(math.Sin(a0))
		c1, s1 := float32(math.Cos(a1)), float32(math.Sin(a1))
		n0, n1 := vec3{c0, s0, 0}, vec3{c1, s1, 0}
		r := float32(shaftRadius)
		// shaft side
		b0, b1 := vec3{r * c0, r * s0, tail}, vec3{r * c1, r * s1, tail}
		t0, t1 := vec3{r * c0, r * s0, neck}, vec3{r * c1, r * s1, neck}
		vert(b0, n0)
		vert(b1, n1)
		vert(t1, n1)
		vert(b0, n0)
		vert(t1, n1)
		vert(t0, n0)
		// tail cap
		vert(vec3{0, 0, tail}, down)
		vert(b1, down)
		vert(b0, down)
		// cone side and base
		R := float32(headRadius)
		h0, h1 := vec3{R * c0, R * s0, neck}, vec3{R * c1, R * s1, neck}
		am := (a0 + a1) / 2
		vert(h0, vec3{side * c0, side * s0, lean})
		vert(h1, vec3{side * c1, side * s1, lean})
		vert(vec3{0, 0, tip}, vec3{side * float32(math.Cos(am)), side * float32(math.Sin(am)), lean})
		vert(vec3{0, 0, neck}, down)
		vert(h1, down)
		vert(h0, down)
	}
	return m
}

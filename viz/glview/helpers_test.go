package glview

// unpack returns the red, green and blue bytes of a packed colour.
func unpack(c uint32) (r, g, b uint8) { return uint8(c), uint8(c >> 8), uint8(c >> 16) }

// mulVec returns m·(v, w).
func (m *mat4) mulVec(v vec3, w float32) [4]float32 {
	var r [4]float32
	for row := 0; row < 4; row++ {
		r[row] = m[row]*v[0] + m[4+row]*v[1] + m[8+row]*v[2] + m[12+row]*w
	}
	return r
}

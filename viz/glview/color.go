package glview

import "math"

// rgba packs an opaque colour as the GPU reads four normalised bytes:
// red in the lowest byte.
func rgba(r, g, b uint8) uint32 {
	return uint32(r) | uint32(g)<<8 | uint32(b)<<16 | 0xff<<24
}

// typePalette colours particle types 0, 1, … (cycling): the Tableau 10
// colours that matplotlib uses by default.
var typePalette = [...]uint32{
	rgba(31, 119, 180), rgba(255, 127, 14), rgba(44, 160, 44), rgba(214, 39, 40),
	rgba(148, 103, 189), rgba(140, 86, 75), rgba(227, 119, 194), rgba(127, 127, 127),
	rgba(188, 189, 34), rgba(23, 190, 207),
}

// typeColor returns the colour of particle type t.
func typeColor(t int32) uint32 {
	if t < 0 {
		t = -t
	}
	return typePalette[int(t)%len(typePalette)]
}

// viridis holds nine equally spaced samples of matplotlib's viridis map,
// interpolated linearly in between.
var viridis = [...][3]float32{
	{68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
	{39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37},
}

// sequential maps x to viridis, with lo and hi at its two ends; values
// outside are clamped and NaN maps to grey.
func sequential(x, lo, hi float32) uint32 {
	if x != x {
		return rgba(128, 128, 128)
	}
	t := float32(0.5)
	if hi != lo {
		t = (x - lo) / (hi - lo)
	}
	t = min(max(t, 0), 1) * float32(len(viridis)-1)
	k := min(int(t), len(viridis)-2)
	f := t - float32(k)
	a, b := viridis[k], viridis[k+1]
	return rgba(lerp8(a[0], b[0], f), lerp8(a[1], b[1], f), lerp8(a[2], b[2], f))
}

func lerp8(a, b, f float32) uint8 { return uint8(a + (b-a)*f + 0.5) }

// cyclic maps a phase in radians (any value; 2π-periodic) to a hue wheel
// with saturation 0.8 and value 0.95: red at 0, green at 2π/3, blue at
// 4π/3. NaN maps to grey.
func cyclic(phase float32) uint32 {
	if phase != phase || math.IsInf(float64(phase), 0) {
		return rgba(128, 128, 128)
	}
	h := float64(phase) / (2 * math.Pi)
	h = (h - math.Floor(h)) * 6
	const s, v = 0.8, 0.95
	k := int(h)
	f := h - float64(k)
	p, q, t := v*(1-s), v*(1-s*f), v*(1-s*(1-f))
	var r, g, b float64
	switch k {
	case 0:
		r, g, b = v, t, p
	case 1:
		r, g, b = q, v, p
	case 2:
		r, g, b = p, v, t
	case 3:
		r, g, b = p, q, v
	case 4:
		r, g, b = t, p, v
	default:
		r, g, b = v, p, q
	}
	return rgba(uint8(255*r+0.5), uint8(255*g+0.5), uint8(255*b+0.5))
}

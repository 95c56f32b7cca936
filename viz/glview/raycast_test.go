package glview

import "math"

// raycast is the tests' independent reference renderer: it casts a ray
// through the centre of every pixel of a w × h image (top row first),
// finds the nearest sphere with float64 arithmetic and shades it with the
// lighting model of the shaders. hit holds the sphere index per pixel
// (−1: background) and rgb the shaded colour in [0, 1].
func raycast(cam *Camera, w, h int, spheres *sphereSet) (hit []int, rgb [][3]float64) {
	eye, r, u, b := cam.basis()
	tanHalf := math.Tan(float64(cam.fovy()) / 2)
	aspect := float64(w) / float64(h)
	hit = make([]int, w*h)
	rgb = make([][3]float64, w*h)
	for py := 0; py < h; py++ {
		for px := 0; px < w; px++ {
			x := (2*(float64(px)+0.5)/float64(w) - 1) * tanHalf * aspect
			y := (1 - 2*(float64(py)+0.5)/float64(h)) * tanHalf
			var d [3]float64
			for k := 0; k < 3; k++ {
				d[k] = x*float64(r[k]) + y*float64(u[k]) - float64(b[k])
			}
			dn := math.Sqrt(d[0]*d[0] + d[1]*d[1] + d[2]*d[2])
			for k := range d {
				d[k] /= dn
			}
			best, bestT := -1, math.Inf(1)
			for i, s := range spheres.xyzr {
				var c [3]float64
				for k := 0; k < 3; k++ {
					c[k] = float64(s[k]) - float64(eye[k])
				}
				bb := c[0]*d[0] + c[1]*d[1] + c[2]*d[2]
				q2 := c[0]*c[0] + c[1]*c[1] + c[2]*c[2] - bb*bb
				h2 := float64(s[3])*float64(s[3]) - q2
				if h2 < 0 {
					continue
				}
				if t := bb - math.Sqrt(h2); t > 0 && t < bestT {
					best, bestT = i, t
				}
			}
			j := py*w + px
			hit[j] = best
			if best < 0 {
				continue
			}
			s := spheres.xyzr[best]
			var nw [3]float64 // world normal
			for k := 0; k < 3; k++ {
				nw[k] = (float64(eye[k]) + bestT*d[k] - float64(s[k])) / float64(s[3])
			}
			camN := [3]float64{dot64(nw, r), dot64(nw, u), dot64(nw, b)}
			cr, cg, cb := unpack(spheres.color[best])
			rgb[j] = shade64([3]float64{float64(cr) / 255, float64(cg) / 255, float64(cb) / 255}, camN)
		}
	}
	return hit, rgb
}

func dot64(a [3]float64, b vec3) float64 {
	return a[0]*float64(b[0]) + a[1]*float64(b[1]) + a[2]*float64(b[2])
}

// shade64 is the shaders' lighting model in float64 (camera space).
func shade64(base, n [3]float64) [3]float64 {
	l := [3]float64{float64(lightDir[0]), float64(lightDir[1]), float64(lightDir[2])}
	d := n[0]*l[0] + n[1]*l[1] + n[2]*l[2]
	s := 0.0
	if d > 0 {
		hv := [3]float64{float64(lightDir[0]), float64(lightDir[1]), float64(lightDir[2]) + 1}
		hn := math.Sqrt(hv[0]*hv[0] + hv[1]*hv[1] + hv[2]*hv[2])
		s = math.Pow(max((n[0]*hv[0]+n[1]*hv[1]+n[2]*hv[2])/hn, 0), 32)
	}
	var out [3]float64
	for k := range out {
		out[k] = min(base[k]*(ambient+diffuse*max(d, 0))+specular*s, 1)
	}
	return out
}

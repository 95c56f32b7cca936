package glview

import (
	"math"
	"testing"
)

func near32(a, b, tol float32) bool { return math.Abs(float64(a-b)) <= float64(tol) }

// The projection maps the near and far planes to NDC depths −1 and +1 and
// a point at the top edge of the field of view to y = 1.
func TestPerspective(t *testing.T) {
	fovy := float32(math.Pi / 3)
	p := perspective(fovy, 2, 0.5, 40)
	for _, c := range []struct{ z, want float32 }{{-0.5, -1}, {-40, 1}} {
		v := p.mulVec(vec3{0, 0, c.z}, 1)
		if got := v[2] / v[3]; !near32(got, c.want, 1e-5) {
			t.Errorf("depth of z = %g: NDC %g, want %g", c.z, got, c.want)
		}
	}
	z := float32(-10)
	top := p.mulVec(vec3{0, -z * tan32(fovy/2), z}, 1)
	right := p.mulVec(vec3{-2 * z * tan32(fovy/2), 0, z}, 1)
	if !near32(top[1]/top[3], 1, 1e-5) || !near32(right[0]/right[3], 1, 1e-5) {
		t.Errorf("edges of the view map to y = %g, x = %g, want 1, 1", top[1]/top[3], right[0]/right[3])
	}
}

// The camera's basis is orthonormal and right-handed for any angles; the
// view matrix sends the eye to the origin and the target to (0, 0, −D);
// with yaw −π/2 and pitch 0 the camera sits on −y, x to the right, z up.
func TestCameraBasisAndView(t *testing.T) {
	for _, c := range []Camera{
		{Target: vec3{1, 2, 3}, Distance: 7, Yaw: 0.3, Pitch: 0.2},
		{Distance: 2, Yaw: -2, Pitch: math.Pi / 2},
		{Distance: 5, Yaw: 4, Pitch: -math.Pi / 2},
	} {
		eye, r, u, b := c.basis()
		for _, x := range []struct {
			name string
			got  float32
			want float32
		}{
			{"|r|", norm(r), 1}, {"|u|", norm(u), 1}, {"|b|", norm(b), 1},
			{"r·u", dot(r, u), 0}, {"r·b", dot(r, b), 0}, {"u·b", dot(u, b), 0},
			{"(r×u)·b", dot(cross(r, u), b), 1},
		} {
			if !near32(x.got, x.want, 1e-6) {
				t.Errorf("%+v: %s = %g, want %g", c, x.name, x.got, x.want)
			}
		}
		v := c.view()
		e := v.mulVec(eye, 1)
		g := v.mulVec(c.Target, 1)
		if norm(vec3{e[0], e[1], e[2]}) > 1e-5 || !near32(g[2], -c.Distance, 1e-5) || !near32(g[0], 0, 1e-5) || !near32(g[1], 0, 1e-5) {
			t.Errorf("%+v: eye → %v, target → %v", c, e, g)
		}
	}
	c := Camera{Distance: 3, Yaw: -math.Pi / 2}
	eye, r, u, _ := c.basis()
	if !near32(eye[1], -3, 1e-6) || !near32(r[0], 1, 1e-6) || !near32(u[2], 1, 1e-6) {
		t.Errorf("front view: eye %v, right %v, up %v", eye, r, u)
	}
}

// Orbit turns about the target keeping the distance, and clamps the
// pitch; Pan moves the target by the world length of the drag at the
// target; Zoom scales the distance by 0.9 per step.
func TestCameraControls(t *testing.T) {
	c := Camera{Target: vec3{1, 1, 1}, Distance: 10}
	c.Orbit(100, 0)
	if !near32(c.Yaw, -0.8, 1e-6) || c.Distance != 10 {
		t.Errorf("orbit 100 px: yaw %g, distance %g", c.Yaw, c.Distance)
	}
	c.Orbit(0, 1e4)
	if c.Pitch != math.Pi/2 {
		t.Errorf("pitch %g not clamped to π/2", c.Pitch)
	}
	c = Camera{Distance: 10}
	_, r, _, _ := c.basis()
	c.Pan(50, 0, 100) // half the viewport height
	wantShift := 0.5 * 2 * 10 * tan32(defaultFovY/2)
	if got := dot(c.Target, r); !near32(got, -wantShift, 1e-5) {
		t.Errorf("pan right by half a viewport moves the target %g along right, want %g", got, -wantShift)
	}
	c.Zoom(2)
	if !near32(c.Distance, 8.1, 1e-5) {
		t.Errorf("zoom 2 steps: distance %g, want 8.1", c.Distance)
	}
}

// A fitted camera shows all eight corners of a box inside the viewport,
// for wide and tall viewports, and looks straight down on flat scenes.
func TestFitCameraShowsTheScene(t *testing.T) {
	lo, hi := vec3{-1, 2, 0}, vec3{5, 4, 3}
	centre, radius := scale(add(lo, hi), 0.5), norm(sub(hi, lo))/2
	for _, aspect := range []float32{16.0 / 9, 0.5} {
		c := fitCamera(centre, radius, aspect, false)
		m := c.projection(aspect, centre, radius)
		v := c.view()
		for k := 0; k < 8; k++ {
			p := vec3{lo[0], lo[1], lo[2]}
			for d := 0; d < 3; d++ {
				if k>>d&1 == 1 {
					p[d] = hi[d]
				}
			}
			e := v.mulVec(p, 1)
			q := m.mulVec(vec3{e[0], e[1], e[2]}, 1)
			for d := 0; d < 3; d++ {
				if x := q[d] / q[3]; x < -1 || x > 1 {
					t.Errorf("aspect %g: corner %v at NDC %v is outside the view", aspect, p, q)
				}
			}
		}
	}
	if c := fitCamera(centre, radius, 1, true); c.Pitch != math.Pi/2 {
		t.Errorf("flat scene: pitch %g, want π/2", c.Pitch)
	}
}

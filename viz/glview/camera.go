package glview

import "math"

// vec3 is a float32 vector, as the GPU takes it.
type vec3 = [3]float32

func add(a, b vec3) vec3           { return vec3{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func sub(a, b vec3) vec3           { return vec3{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func scale(a vec3, s float32) vec3 { return vec3{a[0] * s, a[1] * s, a[2] * s} }
func dot(a, b vec3) float32        { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
func norm(a vec3) float32          { return float32(math.Sqrt(float64(dot(a, a)))) }
func sin32(x float32) float32      { return float32(math.Sin(float64(x))) }
func cos32(x float32) float32      { return float32(math.Cos(float64(x))) }
func tan32(x float32) float32      { return float32(math.Tan(float64(x))) }
func cross(a, b vec3) vec3 {
	return vec3{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}
func madd(a, b vec3, s float32) vec3 { return vec3{a[0] + b[0]*s, a[1] + b[1]*s, a[2] + b[2]*s} }

// unit returns a scaled to unit length.
func unit(a vec3) vec3 { return scale(a, 1/norm(a)) }

// mat4 is a 4 × 4 matrix in OpenGL's column-major order: m[4*col+row].
type mat4 [16]float32

// perspective returns OpenGL's perspective projection with vertical field
// of view fovy (radians), aspect ratio width/height and clip distances
// near < far.
func perspective(fovy, aspect, near, far float32) mat4 {
	f := 1 / tan32(fovy/2)
	var m mat4
	m[0] = f / aspect
	m[5] = f
	m[10] = (far + near) / (near - far)
	m[11] = -1
	m[14] = 2 * far * near / (near - far)
	return m
}

// Camera is an orbit camera with z up: it looks at Target from Distance
// along the direction set by Yaw (about z, from +x) and Pitch (above the xy
// plane). Lengths are in σ and angles in radians.
type Camera struct {
	Target   [3]float32
	Distance float32
	Yaw      float32
	// Pitch is clamped to [−π/2, π/2]; ±π/2 looks straight down or up,
	// with +y up on the screen when Yaw is −π/2.
	Pitch float32
	// FovY is the vertical field of view; 0 means π/4 (45°).
	FovY float32
}

const defaultFovY = math.Pi / 4

func (c *Camera) fovy() float32 {
	if c.FovY > 0 {
		return c.FovY
	}
	return defaultFovY
}

// basis returns the eye position and the camera's right, up and back unit
// vectors (the camera looks along −back).
func (c *Camera) basis() (eye, right, up, back vec3) {
	cy, sy := cos32(c.Yaw), sin32(c.Yaw)
	cp, sp := cos32(c.Pitch), sin32(c.Pitch)
	back = vec3{cp * cy, cp * sy, sp}
	right = vec3{-sy, cy, 0}
	up = cross(back, right)
	eye = madd(c.Target, back, c.Distance)
	return
}

// view returns the world-to-camera matrix.
func (c *Camera) view() mat4 {
	eye, r, u, b := c.basis()
	return mat4{
		r[0], u[0], b[0], 0,
		r[1], u[1], b[1], 0,
		r[2], u[2], b[2], 0,
		-dot(r, eye), -dot(u, eye), -dot(b, eye), 1,
	}
}

// projection returns the projection for a viewport of the given aspect
// ratio, with clip planes that enclose the sphere (centre, radius) that
// bounds the scene.
func (c *Camera) projection(aspect float32, centre vec3, radius float32) mat4 {
	near, far := c.clip(centre, radius)
	return perspective(c.fovy(), aspect, near, far)
}

// clip returns the distances of the near and far clip planes that
// enclose the sphere (centre, radius).
func (c *Camera) clip(centre vec3, radius float32) (near, far float32) {
	eye, _, _, _ := c.basis()
	d := norm(sub(eye, centre))
	far = (d + radius) * 1.01
	near = max(d-radius, 1e-3*far) * 0.99
	return near, far
}

// Orbit turns the camera about its target by dx, dy pixels of mouse motion.
func (c *Camera) Orbit(dx, dy float32) {
	const radPerPixel = 0.008
	c.Yaw -= dx * radPerPixel
	c.Pitch = min(max(c.Pitch+dy*radPerPixel, -math.Pi/2), math.Pi/2)
}

// Pan moves the target so that the scene follows a mouse motion of dx, dy
// pixels in a viewport height pixels tall.
func (c *Camera) Pan(dx, dy float32, height int) {
	_, r, u, _ := c.basis()
	perPixel := 2 * c.Distance * tan32(c.fovy()/2) / float32(height)
	c.Target = madd(c.Target, r, -dx*perPixel)
	c.Target = madd(c.Target, u, dy*perPixel)
}

// Zoom moves the camera towards its target by 10% per step (negative
// steps move it away).
func (c *Camera) Zoom(steps float32) {
	c.Distance *= float32(math.Pow(0.9, float64(steps)))
}

// fitCamera returns a camera that shows the whole sphere (centre, radius)
// in a viewport of the given aspect ratio, seen obliquely, or from above
// when the scene is flat (no extent in z).
func fitCamera(centre vec3, radius, aspect float32, flat bool) Camera {
	c := Camera{Target: centre, Yaw: -math.Pi/2 + 0.45, Pitch: 0.35}
	if flat {
		c.Yaw, c.Pitch = -math.Pi/2, math.Pi/2
	}
	half := c.fovy() / 2
	if aspect < 1 {
		half = float32(math.Atan(float64(aspect * tan32(half))))
	}
	c.Distance = 1.05 * radius / sin32(half)
	return c
}

// initialCamera returns the camera the options ask for, or one fitted to
// c for a viewport of the options' size.
func initialCamera(o *Options, c *content) Camera {
	if o.Camera != nil {
		return *o.Camera
	}
	return fitCamera(c.centre, c.radius, float32(o.Width)/float32(o.Height), c.flat)
}

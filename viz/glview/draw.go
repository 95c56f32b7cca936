//go:build viewer

package glview

import (
	"image/color"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// scene says how to draw the uploaded geometry.
type scene struct {
	cam           *Camera
	centre        vec3    // of the sphere bounding the geometry (σ)
	radius        float32 // of that sphere (σ)
	width, height int     // viewport (pixels)
	background    color.RGBA
	trackFrame    int     // last frame of the paths drawn; < 0 draws none
	textScale     float32 // pixels per font pixel
}

// draw renders the uploaded geometry and text into the bound framebuffer.
// It does not allocate.
func (r *renderer) draw(s *scene) {
	gl.Viewport(0, 0, int32(s.width), int32(s.height))
	bg := s.background
	gl.ClearColor(float32(bg.R)/255, float32(bg.G)/255, float32(bg.B)/255, 1)
	gl.ClearDepth(1)
	gl.Clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT)
	gl.Enable(gl.DEPTH_TEST)
	gl.DepthFunc(gl.LESS)

	r.view = s.cam.view()
	r.proj = s.cam.projection(float32(s.width)/float32(s.height), s.centre, s.radius)
	if r.spheres != nil && r.spheres.len() > 0 {
		vis := r.spheres
		if !r.noCull {
			near, _ := s.cam.clip(s.centre, s.radius)
			vis = r.culler.cull(r.spheres, s.cam, s.width, s.height, near)
		}
		r.uploadSpheres(vis)
		r.use(r.sphereProg)
		gl.Uniform1i(r.sphereProg.spheres, 1)
		gl.Uniform1i(r.sphereProg.colors, 2)
		gl.ActiveTexture(gl.TEXTURE1)
		gl.BindTexture(gl.TEXTURE_BUFFER, r.sphereTex)
		gl.ActiveTexture(gl.TEXTURE2)
		gl.BindTexture(gl.TEXTURE_BUFFER, r.colorTex)
		gl.BindVertexArray(r.sphereVAO)
		gl.DrawArrays(gl.TRIANGLES, 0, 6*r.nSpheres)
	}
	if r.nArrows > 0 {
		r.use(r.arrowProg)
		gl.BindVertexArray(r.arrowVAO)
		gl.DrawArraysInstanced(gl.TRIANGLES, 0, r.arrowVerts, r.nArrows)
	}
	if r.nLines > 0 {
		r.use(r.lineProg)
		gl.BindVertexArray(r.lineVAO)
		gl.DrawArrays(gl.LINES, 0, r.nLines)
	}
	if r.tracks != nil && s.trackFrame >= 0 && len(r.trackFirst) > 0 {
		for i := range r.trackFirst {
			r.trackFirst[i], r.trackCount[i] = r.tracks.path(i, s.trackFrame)
		}
		r.use(r.lineProg)
		gl.BindVertexArray(r.trackVAO)
		gl.MultiDrawArrays(gl.LINE_STRIP, &r.trackFirst[0], &r.trackCount[0], int32(len(r.trackFirst)))
	}
	if r.nText > 0 {
		gl.Disable(gl.DEPTH_TEST)
		p := r.textProg
		gl.UseProgram(p.id)
		gl.Uniform2f(p.viewport, float32(s.width), float32(s.height))
		gl.Uniform1f(p.px, s.textScale)
		gl.Uniform1i(p.atlas, 0)
		gl.ActiveTexture(gl.TEXTURE0)
		gl.BindTexture(gl.TEXTURE_2D, r.atlas)
		gl.BindVertexArray(r.textVAO)
		gl.Uniform2f(p.offset, s.textScale, s.textScale) // shadow
		gl.Uniform3f(p.color, 0, 0, 0)
		gl.DrawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, r.nText)
		gl.Uniform2f(p.offset, 0, 0)
		gl.Uniform3f(p.color, 1, 1, 1)
		gl.DrawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, r.nText)
	}
	gl.BindVertexArray(0)
}

// use binds p and sets the camera and lighting uniforms it has.
func (r *renderer) use(p *program) {
	gl.UseProgram(p.id)
	gl.UniformMatrix4fv(p.view, 1, false, &r.view[0])
	gl.UniformMatrix4fv(p.proj, 1, false, &r.proj[0])
	if p.lightDir >= 0 {
		gl.Uniform3f(p.lightDir, lightDir[0], lightDir[1], lightDir[2])
		gl.Uniform3f(p.halfDir, halfDir[0], halfDir[1], halfDir[2])
		gl.Uniform3f(p.material, ambient, diffuse, specular)
	}
}

//go:build viewer

package glview

import (
	"fmt"
	"image"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// target is an off-screen framebuffer: an RGBA8 colour buffer and a 24-bit
// depth buffer of a fixed size.
type target struct {
	fbo, color, depth uint32
	width, height     int
}

func newTarget(width, height int) (*target, error) {
	t := &target{width: width, height: height}
	gl.GenFramebuffers(1, &t.fbo)
	gl.BindFramebuffer(gl.FRAMEBUFFER, t.fbo)
	gl.GenRenderbuffers(1, &t.color)
	gl.BindRenderbuffer(gl.RENDERBUFFER, t.color)
	gl.RenderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, int32(width), int32(height))
	gl.FramebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, t.color)
	gl.GenRenderbuffers(1, &t.depth)
	gl.BindRenderbuffer(gl.RENDERBUFFER, t.depth)
	gl.RenderbufferStorage(gl.RENDERBUFFER, gl.DEPTH_COMPONENT24, int32(width), int32(height))
	gl.FramebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_ATTACHMENT, gl.RENDERBUFFER, t.depth)
	status := gl.CheckFramebufferStatus(gl.FRAMEBUFFER)
	gl.BindFramebuffer(gl.FRAMEBUFFER, 0)
	if status != gl.FRAMEBUFFER_COMPLETE {
		t.delete()
		return nil, fmt.Errorf("glview: off-screen framebuffer of %d×%d pixels incomplete (status 0x%x)", width, height, status)
	}
	return t, glError("creating an off-screen framebuffer")
}

// bind makes t the framebuffer that draws go to.
func (t *target) bind() { gl.BindFramebuffer(gl.FRAMEBUFFER, t.fbo) }

// read copies t's pixels into img (of t's size), top row first.
func (t *target) read(img *image.RGBA) {
	gl.BindFramebuffer(gl.READ_FRAMEBUFFER, t.fbo)
	gl.PixelStorei(gl.PACK_ALIGNMENT, 1)
	gl.ReadPixels(0, 0, int32(t.width), int32(t.height), gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(img.Pix))
	gl.BindFramebuffer(gl.READ_FRAMEBUFFER, 0)
	flipRows(img)
}

func (t *target) delete() {
	gl.DeleteFramebuffers(1, &t.fbo)
	gl.DeleteRenderbuffers(1, &t.color)
	gl.DeleteRenderbuffers(1, &t.depth)
}

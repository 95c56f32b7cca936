//go:build viewer

package glview

import (
	"fmt"
	"runtime"
	"unsafe"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// renderer owns the OpenGL objects that draw a content: programs, vertex
// arrays and the buffers streamed every frame. It must be used on the
// thread whose context created it.
type renderer struct {
	sphereProg, arrowProg, lineProg, textProg *program

	quad       uint32 // four corners of the text quads
	sphereVAO  uint32 // no attributes: the spheres come from texture buffers
	sphereBuf  stream // centre and radius, RGBA32F texels
	colorBuf   stream // colour, RGBA8 texels
	sphereTex  uint32 // texture buffer over sphereBuf
	colorTex   uint32 // texture buffer over colorBuf
	maxTexels  int    // GL_MAX_TEXTURE_BUFFER_SIZE
	arrowVAO   uint32
	arrowMesh  uint32
	arrowVerts int32
	arrowBuf   stream
	lineVAO    uint32
	lineBuf    stream
	trackVAO   uint32
	trackBuf   stream
	textVAO    uint32
	textBuf    stream
	atlas      uint32

	nSpheres, nArrows, nLines, nText int32
	trackFirst, trackCount           []int32 // per particle, for MultiDrawArrays
	tracks                           *tracks
	spheres                          *sphereSet // all spheres; draw culls them
	culler                           *culler
	noCull                           bool // draw every sphere (for tests)
	view, proj                       mat4 // of the last draw
}

// newRenderer compiles the shaders and creates the buffers.
func newRenderer() (*renderer, error) {
	r := &renderer{culler: newCuller(min(runtime.GOMAXPROCS(0), 8))}
	var err error
	progs := []struct {
		dst      **program
		name     string
		vs, frag string
	}{
		{&r.sphereProg, "sphere", sphereVertexGLSL, sphereFragmentGLSL},
		{&r.arrowProg, "arrow", arrowVertexGLSL, arrowFragmentGLSL},
		{&r.lineProg, "line", lineVertexGLSL, lineFragmentGLSL},
		{&r.textProg, "text", textVertexGLSL, textFragmentGLSL},
	}
	for _, p := range progs {
		if *p.dst, err = newProgram(p.name, p.vs, p.frag); err != nil {
			r.delete()
			return nil, err
		}
	}
	r.sphereBuf, r.colorBuf, r.arrowBuf = newStream(), newStream(), newStream()
	r.lineBuf, r.trackBuf, r.textBuf = newStream(), newStream(), newStream()

	gl.GenVertexArrays(1, &r.sphereVAO)
	r.sphereTex = textureBuffer(gl.RGBA32F, r.sphereBuf.id)
	r.colorTex = textureBuffer(gl.RGBA8, r.colorBuf.id)
	var maxTexels int32
	gl.GetIntegerv(gl.MAX_TEXTURE_BUFFER_SIZE, &maxTexels)
	r.maxTexels = int(maxTexels)

	mesh := arrowMesh()
	r.arrowVerts = int32(len(mesh) / 6)
	gl.GenBuffers(1, &r.arrowMesh)
	gl.GenVertexArrays(1, &r.arrowVAO)
	gl.BindVertexArray(r.arrowVAO)
	gl.BindBuffer(gl.ARRAY_BUFFER, r.arrowMesh)
	gl.BufferData(gl.ARRAY_BUFFER, len(mesh)*4, unsafe.Pointer(&mesh[0]), gl.STATIC_DRAW)
	attrib(0, 3, gl.FLOAT, false, 24, 0, 0)
	attrib(1, 3, gl.FLOAT, false, 24, 12, 0)
	const arrowStride = int32(unsafe.Sizeof(arrowInstance{}))
	gl.BindBuffer(gl.ARRAY_BUFFER, r.arrowBuf.id)
	attrib(2, 3, gl.FLOAT, false, arrowStride, 0, 1)
	attrib(3, 3, gl.FLOAT, false, arrowStride, unsafe.Offsetof(arrowInstance{}.Vec), 1)
	attrib(4, 4, gl.UNSIGNED_BYTE, true, arrowStride, unsafe.Offsetof(arrowInstance{}.Color), 1)

	for _, v := range []struct {
		vao *uint32
		buf uint32
	}{{&r.lineVAO, r.lineBuf.id}, {&r.trackVAO, r.trackBuf.id}} {
		gl.GenVertexArrays(1, v.vao)
		gl.BindVertexArray(*v.vao)
		gl.BindBuffer(gl.ARRAY_BUFFER, v.buf)
		attrib(0, 3, gl.FLOAT, false, 16, 0, 0)
		attrib(1, 4, gl.UNSIGNED_BYTE, true, 16, 12, 0)
	}

	corners := [8]float32{0, 0, 1, 0, 0, 1, 1, 1}
	gl.GenBuffers(1, &r.quad)
	gl.BindBuffer(gl.ARRAY_BUFFER, r.quad)
	gl.BufferData(gl.ARRAY_BUFFER, len(corners)*4, unsafe.Pointer(&corners[0]), gl.STATIC_DRAW)
	gl.GenVertexArrays(1, &r.textVAO)
	gl.BindVertexArray(r.textVAO)
	attrib(0, 2, gl.FLOAT, false, 8, 0, 0)
	gl.BindBuffer(gl.ARRAY_BUFFER, r.textBuf.id)
	attrib(1, 3, gl.FLOAT, false, int32(unsafe.Sizeof(textInstance{})), 0, 1)
	gl.BindVertexArray(0)

	pix, w, h := fontAtlas()
	gl.GenTextures(1, &r.atlas)
	gl.BindTexture(gl.TEXTURE_2D, r.atlas)
	gl.PixelStorei(gl.UNPACK_ALIGNMENT, 1)
	gl.TexImage2D(gl.TEXTURE_2D, 0, gl.R8, int32(w), int32(h), 0, gl.RED, gl.UNSIGNED_BYTE, unsafe.Pointer(&pix[0]))
	gl.TexParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST)
	gl.TexParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST)
	if err := glError("creating the renderer"); err != nil {
		r.delete()
		return nil, err
	}
	return r, nil
}

// textureBuffer returns a buffer texture of the given texel format over
// buffer buf.
func textureBuffer(format uint32, buf uint32) uint32 {
	var tex uint32
	gl.GenTextures(1, &tex)
	gl.BindTexture(gl.TEXTURE_BUFFER, tex)
	gl.TexBuffer(gl.TEXTURE_BUFFER, format, buf)
	gl.BindTexture(gl.TEXTURE_BUFFER, 0)
	return tex
}

// upload streams the arrows and lines of c to the GPU and keeps c's
// spheres, which draw culls for its camera and then streams.
func (r *renderer) upload(c *content) error {
	if n := c.spheres.len(); n > r.maxTexels {
		return fmt.Errorf("glview: %d spheres exceed this OpenGL driver's texture buffer size (%d)", n, r.maxTexels)
	}
	r.spheres = &c.spheres
	uploadSlice(&r.arrowBuf, c.arrows)
	uploadSlice(&r.lineBuf, c.lines)
	r.nArrows, r.nLines = int32(len(c.arrows)), int32(len(c.lines))
	return nil
}

// uploadSpheres streams the spheres to draw.
func (r *renderer) uploadSpheres(s *sphereSet) {
	uploadSlice(&r.sphereBuf, s.xyzr)
	uploadSlice(&r.colorBuf, s.color)
	r.nSpheres = int32(s.len())
}

// uploadTracks sends the paths of Lines mode to the GPU, once.
func (r *renderer) uploadTracks(t *tracks) {
	uploadSlice(&r.trackBuf, t.verts)
	n := len(t.verts) / max(t.frames, 1)
	r.trackFirst, r.trackCount = make([]int32, n), make([]int32, n)
	r.tracks = t
}

// uploadText streams the overlay's glyphs.
func (r *renderer) uploadText(glyphs []textInstance) {
	uploadSlice(&r.textBuf, glyphs)
	r.nText = int32(len(glyphs))
}

// delete frees the OpenGL objects and stops the culler's goroutines.
func (r *renderer) delete() {
	r.culler.stop()
	for _, p := range []*program{r.sphereProg, r.arrowProg, r.lineProg, r.textProg} {
		if p != nil {
			gl.DeleteProgram(p.id)
		}
	}
	bufs := []uint32{r.quad, r.arrowMesh, r.sphereBuf.id, r.colorBuf.id, r.arrowBuf.id, r.lineBuf.id, r.trackBuf.id, r.textBuf.id}
	gl.DeleteBuffers(int32(len(bufs)), &bufs[0])
	vaos := []uint32{r.sphereVAO, r.arrowVAO, r.lineVAO, r.trackVAO, r.textVAO}
	gl.DeleteVertexArrays(int32(len(vaos)), &vaos[0])
	texs := []uint32{r.atlas, r.sphereTex, r.colorTex}
	gl.DeleteTextures(int32(len(texs)), &texs[0])
}

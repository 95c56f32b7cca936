//go:build viewer

package glview

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/go-gl/gl/v3.3-core/gl"
)

// program is a linked shader program with the locations of the uniforms
// this package uses (−1 where the program lacks one).
type program struct {
	id                                      uint32
	view, proj, lightDir, halfDir, material int32
	viewport, offset, px, color, atlas      int32
	spheres, colors                         int32
}

// newProgram compiles and links a vertex and a fragment shader.
func newProgram(name, vertex, fragment string) (*program, error) {
	vs, err := compileShader(name, gl.VERTEX_SHADER, vertex)
	if err != nil {
		return nil, err
	}
	defer gl.DeleteShader(vs)
	fs, err := compileShader(name, gl.FRAGMENT_SHADER, fragment)
	if err != nil {
		return nil, err
	}
	defer gl.DeleteShader(fs)
	id := gl.CreateProgram()
	gl.AttachShader(id, vs)
	gl.AttachShader(id, fs)
	gl.LinkProgram(id)
	var ok int32
	gl.GetProgramiv(id, gl.LINK_STATUS, &ok)
	if ok == gl.FALSE {
		var n int32
		gl.GetProgramiv(id, gl.INFO_LOG_LENGTH, &n)
		log := make([]byte, n+1)
		gl.GetProgramInfoLog(id, n, nil, &log[0])
		gl.DeleteProgram(id)
		return nil, fmt.Errorf("glview: link %s shaders: %s", name, strings.TrimRight(string(log), "\x00"))
	}
	loc := func(u string) int32 { return gl.GetUniformLocation(id, gl.Str(u+"\x00")) }
	return &program{
		id: id, view: loc("view"), proj: loc("proj"), lightDir: loc("lightDir"), halfDir: loc("halfDir"), material: loc("material"),
		viewport: loc("viewport"), offset: loc("offset"), px: loc("px"), color: loc("color"), atlas: loc("atlas"),
		spheres: loc("spheres"), colors: loc("colors"),
	}, nil
}

func compileShader(name string, kind uint32, src string) (uint32, error) {
	s := gl.CreateShader(kind)
	csrc, free := gl.Strs(src + "\x00")
	gl.ShaderSource(s, 1, csrc, nil)
	free()
	gl.CompileShader(s)
	var ok int32
	gl.GetShaderiv(s, gl.COMPILE_STATUS, &ok)
	if ok == gl.FALSE {
		var n int32
		gl.GetShaderiv(s, gl.INFO_LOG_LENGTH, &n)
		log := make([]byte, n+1)
		gl.GetShaderInfoLog(s, n, nil, &log[0])
		gl.DeleteShader(s)
		return 0, fmt.Errorf("glview: compile %s shader: %s", name, strings.TrimRight(string(log), "\x00"))
	}
	return s, nil
}

// stream is a vertex buffer refilled every frame. It is rewritten in
// place rather than orphaned: each frame waits for the previous one
// anyway (swap or read-back), and with a software driver orphaning means
// a fresh allocation, and fresh pages, every frame.
type stream struct {
	id   uint32
	size int // bytes allocated
}

func newStream() stream {
	var s stream
	gl.GenBuffers(1, &s.id)
	gl.BindBuffer(gl.ARRAY_BUFFER, s.id) // creates the buffer object
	return s
}

// upload replaces the buffer's contents with n bytes at data.
func (s *stream) upload(data unsafe.Pointer, n int) {
	gl.BindBuffer(gl.ARRAY_BUFFER, s.id)
	if n > s.size {
		s.size = n + n/4 // headroom, so that a slowly growing count does not reallocate every frame
		gl.BufferData(gl.ARRAY_BUFFER, s.size, nil, gl.DYNAMIC_DRAW)
	}
	if n > 0 {
		gl.BufferSubData(gl.ARRAY_BUFFER, 0, n, data)
	}
}

// uploadSlice replaces the buffer's contents with the elements of a.
func uploadSlice[T any](s *stream, a []T) {
	var zero T
	s.upload(unsafe.Pointer(unsafe.SliceData(a)), len(a)*int(unsafe.Sizeof(zero)))
}

// attrib declares vertex attribute loc of the bound VAO: size components
// of type xtype at offset bytes into each stride-byte record of the buffer
// bound to GL_ARRAY_BUFFER, advancing per instance when divisor is 1.
func attrib(loc uint32, size int32, xtype uint32, normalized bool, stride int32, offset uintptr, divisor uint32) {
	gl.EnableVertexAttribArray(loc)
	gl.VertexAttribPointerWithOffset(loc, size, xtype, normalized, stride, offset)
	gl.VertexAttribDivisor(loc, divisor)
}

package glview

// GLSL sources (OpenGL 3.3 core). Lighting is a directional light fixed
// to the camera, seen by a distant viewer (Blinn–Phong with a constant
// half vector, which saves a normalisation and a pow per pixel):
// ambient + diffuse·max(n·l, 0) + specular·max(n·h, 0)³², in camera space.

// lightDir points towards the light and halfDir halfway between it and
// the viewer (+z), in camera space (unit vectors).
var (
	lightDir = unit(vec3{0.3, 0.4, 0.866})
	halfDir  = unit(add(lightDir, vec3{0, 0, 1}))
)

// Material constants of the shading; the specular exponent is 32.
const (
	ambient  = 0.3
	diffuse  = 0.7
	specular = 0.25
)

const shadeGLSL = `
uniform vec3 lightDir;
uniform vec3 halfDir;
uniform vec3 material; // ambient, diffuse, specular

vec3 shade(vec3 base, vec3 n) {
	float d = dot(n, lightDir);
	float s = 0.0;
	if (d > 0.0) {
		s = max(dot(n, halfDir), 0.0);
		s *= s; s *= s; s *= s; s *= s; s *= s; // s^32
	}
	return min(base * (material.x + material.y * max(d, 0.0)) + material.z * s, vec3(1.0));
}
`

// Spheres: six vertices (two triangles) per sphere, read from texture
// buffers by gl_VertexID rather than instanced, because llvmpipe pays
// about a microsecond per instance. The quad faces the eye and is just
// large enough to cover the sphere's silhouette cone; the fragment shader
// intersects the view ray with the sphere, discards misses and writes the
// hit's depth.
const sphereVertexGLSL = `#version 330 core
uniform samplerBuffer spheres; // centre (world), radius
uniform samplerBuffer colors;
uniform mat4 view;
uniform mat4 proj;
out vec3 vPoint;          // camera-space point on the quad
flat out vec4 vSphere;    // camera-space centre, radius
flat out vec3 vColor;
const vec2 corners[6] = vec2[6](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0),
	vec2(-1.0, 1.0), vec2(1.0, -1.0), vec2(1.0, 1.0));
void main() {
	int i = gl_VertexID / 6;
	vec2 corner = corners[gl_VertexID - 6 * i];
	vec4 sphere = texelFetch(spheres, i);
	vec3 c = (view * vec4(sphere.xyz, 1.0)).xyz;
	float r = sphere.w;
	float d2 = dot(c, c);
	vSphere = vec4(c, r);
	vColor = texelFetch(colors, i).rgb;
	if (c.z >= 0.0 || d2 <= r * r * 1.0001) { // behind the eye or around it
		gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
		vPoint = vec3(0.0);
		return;
	}
	vec3 n = -c * inversesqrt(d2);
	vec3 right = normalize(cross(vec3(0.0, 1.0, 0.0), n));
	vec3 up = cross(n, right);
	float s = r * sqrt(d2 / (d2 - r * r));
	vPoint = c + (corner.x * right + corner.y * up) * s;
	gl_Position = proj * vec4(vPoint, 1.0);
}
`

const sphereFragmentGLSL = `#version 330 core
in vec3 vPoint;
flat in vec4 vSphere;
flat in vec3 vColor;
uniform mat4 proj;
out vec4 fragColor;
` + shadeGLSL + `
void main() {
	vec3 ray = normalize(vPoint);
	vec3 c = vSphere.xyz;
	float r = vSphere.w;
	float b = dot(ray, c);
	vec3 q = c - b * ray;          // centre's offset from the ray
	float h2 = r * r - dot(q, q);
	if (h2 < 0.0) {
		discard;
	}
	vec3 p = (b - sqrt(h2)) * ray;
	fragColor = vec4(shade(vColor, (p - c) / r), 1.0);
	float zNDC = (proj[2][2] * p.z + proj[3][2]) / -p.z;
	gl_FragDepth = 0.5 * zNDC + 0.5;
}
`

// Arrows: a mesh along +z from −0.5 to 0.5 (unit length), scaled to each
// instance's vector and centred on its origin.
const arrowVertexGLSL = `#version 330 core
layout(location = 0) in vec3 meshPos;
layout(location = 1) in vec3 meshNormal;
layout(location = 2) in vec3 origin;
layout(location = 3) in vec3 vector;
layout(location = 4) in vec4 color;
uniform mat4 view;
uniform mat4 proj;
out vec3 vNormal;
flat out vec3 vColor;
void main() {
	float len = length(vector);
	vec3 w = len > 0.0 ? vector / len : vec3(0.0, 0.0, 1.0);
	vec3 a = abs(w.z) < 0.9 ? vec3(0.0, 0.0, 1.0) : vec3(1.0, 0.0, 0.0);
	vec3 u = normalize(cross(a, w));
	vec3 v = cross(w, u);
	vec3 world = origin + len * (meshPos.x * u + meshPos.y * v + meshPos.z * w);
	vec4 eye = view * vec4(world, 1.0);
	vNormal = mat3(view) * (meshNormal.x * u + meshNormal.y * v + meshNormal.z * w);
	vColor = color.rgb;
	gl_Position = proj * eye;
}
`

const arrowFragmentGLSL = `#version 330 core
in vec3 vNormal;
flat in vec3 vColor;
out vec4 fragColor;
` + shadeGLSL + `
void main() {
	fragColor = vec4(shade(vColor, normalize(vNormal)), 1.0);
}
`

// Lines: world-space vertices with colours.
const lineVertexGLSL = `#version 330 core
layout(location = 0) in vec3 pos;
layout(location = 1) in vec4 color;
uniform mat4 view;
uniform mat4 proj;
out vec3 vColor;
void main() {
	vColor = color.rgb;
	gl_Position = proj * (view * vec4(pos, 1.0));
}
`

const lineFragmentGLSL = `#version 330 core
in vec3 vColor;
out vec4 fragColor;
void main() {
	fragColor = vec4(vColor, 1.0);
}
`

// Text: one quad per glyph cell, in pixels from the viewport's top-left
// corner, reading the font atlas texel by texel.
const textVertexGLSL = `#version 330 core
layout(location = 0) in vec2 corner; // 0 or 1
layout(location = 1) in vec3 glyph;  // cell x, y (pixels), atlas index
uniform vec2 viewport;
uniform vec2 offset;
uniform float px;
out vec2 vTexel;
flat out int vGlyph;
const vec2 cell = vec2(6.0, 9.0);
void main() {
	vec2 pos = glyph.xy + offset + corner * cell * px;
	gl_Position = vec4(2.0 * pos.x / viewport.x - 1.0, 1.0 - 2.0 * pos.y / viewport.y, 0.0, 1.0);
	vTexel = corner * cell;
	vGlyph = int(glyph.z);
}
`

const textFragmentGLSL = `#version 330 core
in vec2 vTexel;
flat in int vGlyph;
uniform sampler2D atlas;
uniform vec3 color;
out vec4 fragColor;
void main() {
	ivec2 t = ivec2(vGlyph * 6 + min(int(vTexel.x), 5), min(int(vTexel.y), 8));
	if (texelFetch(atlas, t, 0).r < 0.5) {
		discard;
	}
	fragColor = vec4(color, 1.0);
}
`

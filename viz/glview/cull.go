package glview

import "math"

// Occlusion culling on the CPU. Software rasterisers such as Mesa's
// llvmpipe pay about a microsecond per primitive and tens of nanoseconds
// per fragment, so a dense box of 10⁵ spheres, most of them hidden, costs
// far more than the ten thousand that show. The culler walks the spheres
// from near to far over a grid of screen cells. Each cell holds a
// distance beyond which everything seen through the cell is hidden; a
// sphere whose nearest point lies beyond that distance in every cell its
// silhouette touches is dropped. Drawn spheres lower the distance of the
// cells they cover.
//
// The test is conservative, so the image does not change. A pixel whose
// centre lies δ pixels from the projected centre of a sphere (centre at
// distance d, radius r) looks along a ray within δ/f radians of the
// centre direction (f: focal length in pixels), which passes the centre
// at q ≤ d·δ/f; when q < r the ray meets the sphere within
// d − √(r² − (d·δ/f)²). Any ray meets a sphere no nearer than d − r.
//
// Work is shared between goroutines (cullpar.go) without changing the
// result: projection by fixed blocks of spheres, and the walk by vertical
// strips of cells, each walked on its own; a sphere is kept when it shows
// in some strip. A sphere hidden in a strip could not lower any of that
// strip's cells under its silhouette, so the strips do not need each
// other's occluders.

const (
	cullBuckets = 4096 // depth buckets of the near-to-far sort
	maxCellSize = 16   // pixels
	cullMargin  = 0.02 // pixels added around every bound against rounding
)

// cullCand is a sphere that may be visible. It carries the sphere's data
// so that the near-to-far walk reads memory in order.
type cullCand struct {
	xyzr           [4]float32
	color          uint32
	near           float32 // distance from the eye to the sphere's nearest point (σ)
	x0, y0, x1, y1 float32 // silhouette bounds, pixels from the top-left corner
	cx, cy         float32 // projected centre (pixels)
	rho            float32 // pixels within rho of (cx, cy) see the sphere; 0: no occluder
	d, g           float32 // centre distance (σ) and d/f (σ per pixel)
	bounded        bool    // the bounds are known (the sphere lies beyond the eye plane)
}

// cullView holds the camera quantities that projection needs.
type cullView struct {
	eye, right, up, back vec3
	f, hw, hh, w, h      float32 // focal length, half and full viewport (pixels)
	near                 float32 // near clip distance (σ)
}

func newCullView(cam *Camera, w, h int, near float32) cullView {
	eye, r, u, b := cam.basis()
	return cullView{eye: eye, right: r, up: u, back: b, f: float32(h) / 2 / tan32(cam.fovy()/2),
		hw: float32(w) / 2, hh: float32(h) / 2, w: float32(w), h: float32(h), near: near}
}

// project returns sphere s as a candidate, or false when the GPU would
// draw none of it (behind the eye, around it, or off screen).
func (v *cullView) project(s [4]float32, color uint32) (cullCand, bool) {
	rel := vec3{s[0] - v.eye[0], s[1] - v.eye[1], s[2] - v.eye[2]}
	x, y, z := dot(rel, v.right), dot(rel, v.up), -dot(rel, v.back)
	r := s[3]
	d2 := x*x + y*y + z*z
	if z <= 0 || d2 <= r*r*1.0001 { // the shader draws nothing
		return cullCand{}, false
	}
	d := float32(math.Sqrt(float64(d2)))
	c := cullCand{xyzr: s, color: color, near: d - r}
	if z <= r*1.001 {
		return c, true // crosses the eye plane: drawn, never tested
	}
	den := z*z - r*r
	sx := r * float32(math.Sqrt(float64(x*x+den)))
	sy := r * float32(math.Sqrt(float64(y*y+den)))
	c.x0 = v.hw + v.f*(x*z-sx)/den - cullMargin
	c.x1 = v.hw + v.f*(x*z+sx)/den + cullMargin
	c.y0 = v.hh - v.f*(y*z+sy)/den - cullMargin
	c.y1 = v.hh - v.f*(y*z-sy)/den + cullMargin
	if c.x1 < 0 || c.x0 > v.w || c.y1 < 0 || c.y0 > v.h {
		return cullCand{}, false
	}
	c.bounded = true
	c.x0, c.y0 = max(c.x0, 0), max(c.y0, 0)
	c.x1, c.y1 = min(c.x1, v.w), min(c.y1, v.h)
	if z-2*r > v.near*1.01 { // never clipped by the near plane
		c.cx, c.cy = v.hw+v.f*x/z, v.hh-v.f*y/z
		c.rho = v.f*r/d*0.9999 - cullMargin
		c.d, c.g = d, d/v.f
	}
	return c, true
}

// grid is the screen's cells, row-major, each holding the distance beyond
// which everything seen through it is hidden, and over them tiles of
// tileCells × tileCells cells holding the largest distance of their cells
// (recomputed when a query needs it after a change), so that a query over
// a tile that hides everything reads one number.
type grid struct {
	cells    []float32
	nx, ny   int
	cs       float32 // cell size (pixels)
	tiles    []float32
	stale    []bool // the tile's maximum needs recomputing
	tnx, tny int
}

// tileCells is the side of a tile in cells.
const tileCells = 8

// reset sizes the grid for a w × h viewport with cells of cs pixels and
// clears it.
func (g *grid) reset(w, h, cs int) {
	g.nx, g.ny, g.cs = (w+cs-1)/cs, (h+cs-1)/cs, float32(cs)
	g.tnx, g.tny = (g.nx+tileCells-1)/tileCells, (g.ny+tileCells-1)/tileCells
	g.cells = resize(g.cells, g.nx*g.ny)
	g.tiles = resize(g.tiles, g.tnx*g.tny)
	g.stale = resize(g.stale, g.tnx*g.tny)
	inf := float32(math.Inf(1))
	for i := range g.cells {
		g.cells[i] = inf
	}
	for i := range g.tiles {
		g.tiles[i], g.stale[i] = inf, false
	}
}

// cellRange returns the cells that hold the pixels whose centres lie
// between coordinates a and b; the range is empty (first > last) when no
// centre does.
func (g *grid) cellRange(a, b float32, n int) (int, int) {
	first := int(math.Ceil(float64(a - 0.5))) // first pixel with centre ≥ a
	last := int(math.Floor(float64(b - 0.5))) // last pixel with centre ≤ b
	if first > last {
		return 1, 0
	}
	cs := int(g.cs)
	return min(max(first/cs, 0), n-1), min(max(last/cs, 0), n-1)
}

// hidden tells whether every cell in columns [cx0, cx1) holding a pixel
// centre within c's bounds hides everything beyond c's nearest point. A
// sphere whose bounds hold no pixel centre there is hidden: the GPU would
// draw no pixel of it.
func (g *grid) hidden(c *cullCand, cx0, cx1 int) bool {
	ix0, ix1 := g.cellRange(c.x0, c.x1, g.nx)
	iy0, iy1 := g.cellRange(c.y0, c.y1, g.ny)
	ix0, ix1 = max(ix0, cx0), min(ix1, cx1-1)
	if ix0 > ix1 || iy0 > iy1 {
		return true
	}
	for ty := iy0 / tileCells; ty <= iy1/tileCells; ty++ {
		for tx := ix0 / tileCells; tx <= ix1/tileCells; tx++ {
			if g.tileMax(tx, ty) <= c.near {
				continue
			}
			for iy := max(iy0, ty*tileCells); iy <= min(iy1, ty*tileCells+tileCells-1); iy++ {
				row := g.cells[iy*g.nx : (iy+1)*g.nx]
				for ix := max(ix0, tx*tileCells); ix <= min(ix1, tx*tileCells+tileCells-1); ix++ {
					if row[ix] > c.near {
						return false
					}
				}
			}
		}
	}
	return true
}

// tileMax returns the largest distance of the cells of tile (tx, ty).
func (g *grid) tileMax(tx, ty int) float32 {
	t := ty*g.tnx + tx
	if g.stale[t] {
		m := float32(math.Inf(-1))
		for iy := ty * tileCells; iy < min((ty+1)*tileCells, g.ny); iy++ {
			for _, v := range g.cells[iy*g.nx+tx*tileCells : iy*g.nx+min((tx+1)*tileCells, g.nx)] {
				m = max(m, v)
			}
		}
		g.tiles[t], g.stale[t] = m, false
	}
	return g.tiles[t]
}

// occlude lowers, in columns [cx0, cx1), the distance of the cells whose
// pixel centres all lie within c.rho of c's projected centre to the bound
// for their farthest pixel centre.
func (g *grid) occlude(c *cullCand, cx0, cx1 int) {
	cs := g.cs
	iy0, iy1 := max(int((c.cy-c.rho)/cs), 0), min(int((c.cy+c.rho)/cs), g.ny-1)
	ix0, ix1 := max(int((c.cx-c.rho)/cs), cx0), min(int((c.cx+c.rho)/cs), cx1-1)
	r2, g2, rho2 := c.xyzr[3]*c.xyzr[3], c.g*c.g, c.rho*c.rho
	if ix0 > ix1 || iy0 > iy1 {
		return
	}
	for ty := iy0 / tileCells; ty <= iy1/tileCells; ty++ {
		for tx := ix0 / tileCells; tx <= ix1/tileCells; tx++ {
			g.stale[ty*g.tnx+tx] = true
		}
	}
	for iy := iy0; iy <= iy1; iy++ {
		dy := farthest(float32(iy)*cs+0.5, float32(iy+1)*cs-0.5, c.cy)
		if dy >= c.rho {
			continue
		}
		row := g.cells[iy*g.nx : (iy+1)*g.nx]
		for ix := ix0; ix <= ix1; ix++ {
			dx := farthest(float32(ix)*cs+0.5, float32(ix+1)*cs-0.5, c.cx)
			d2 := dx*dx + dy*dy
			if d2 >= rho2 {
				continue
			}
			if occ := c.d - float32(math.Sqrt(float64(r2-g2*d2))); occ < row[ix] {
				row[ix] = occ
			}
		}
	}
}

// farthest returns the largest distance from x to a point of [a, b].
func farthest(a, b, x float32) float32 { return max(abs32(a-x), abs32(b-x)) }

func abs32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

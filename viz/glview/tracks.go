package glview

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim/trajectory"
)

// maxTrackVertices bounds the memory of Lines mode (20 bytes a vertex on
// the CPU while loading, 16 on the GPU).
const maxTrackVertices = 20_000_000

// tracks holds the path of every particle over all frames, for Lines mode.
type tracks struct {
	frames int
	// verts is particle-major: particle i's path is
	// verts[i*frames : (i+1)*frames].
	verts []lineVertex
	// lo and hi bound all positions (σ).
	lo, hi vec3
}

// path returns the first vertex and the vertex count of particle i's path
// up to and including frame cur.
func (t *tracks) path(i, cur int) (first, count int32) {
	return int32(i * t.frames), int32(min(cur, t.frames-1) + 1)
}

// loadTracks reads every frame of r and colours the paths with p, fixing
// p's colour range over all frames (unless the options fix it) and its
// default head radius (1/80 of the scene's size).
func loadTracks(r trajectory.Reader, p *painter) (*tracks, error) {
	h := r.Header()
	nf := r.NumFrames()
	if h.N*nf > maxTrackVertices {
		return nil, fmt.Errorf("glview: lines mode holds every position in memory; %d particles × %d frames exceed %d (use spheres mode)", h.N, nf, maxTrackVertices)
	}
	t := &tracks{frames: nf, verts: make([]lineVertex, h.N*nf)}
	sequentialMap := p.opts.Color != ColorType && p.opts.Color != ColorPhase
	var scalars []float32
	if sequentialMap {
		scalars = make([]float32, len(t.verts))
	}
	inf := float32(math.Inf(1))
	t.lo, t.hi = vec3{inf, inf, inf}, vec3{-inf, -inf, -inf}
	var f trajectory.Frame
	for k := 0; k < nf; k++ {
		if err := r.ReadFrame(k, &f); err != nil {
			return nil, err
		}
		for i, pos := range f.Pos {
			v := &t.verts[i*nf+k]
			v.Pos = pos
			for d := 0; d < 3 && finite(pos); d++ {
				t.lo[d], t.hi[d] = min(t.lo[d], pos[d]), max(t.hi[d], pos[d])
			}
			if sequentialMap {
				scalars[i*nf+k] = p.scalar(&f, i)
			} else {
				v.Color = p.color(&f, i)
			}
		}
	}
	if t.lo[0] > t.hi[0] { // no finite position
		t.lo, t.hi = vec3{}, vec3{}
	}
	if sequentialMap {
		p.lo, p.hi = p.opts.Range[0], p.opts.Range[1]
		if p.lo == p.hi {
			p.lo, p.hi = inf, -inf
			for _, x := range scalars {
				if x == x {
					p.lo, p.hi = min(p.lo, x), max(p.hi, x)
				}
			}
		}
		for j, x := range scalars {
			t.verts[j].Color = sequential(x, p.lo, p.hi)
		}
	}
	p.fixed = true
	if len(p.opts.Radii) == 0 {
		p.opts.Radii = []float32{max(norm(sub(t.hi, t.lo)), 1) * defaultLinesRadius}
	}
	for _, r := range p.opts.Radii {
		p.maxR = max(p.maxR, r)
	}
	p.tracks = t
	return t, nil
}

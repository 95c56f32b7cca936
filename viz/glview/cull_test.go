package glview

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// randomSpheres returns n spheres of radius r uniform in a cube of edge l,
// with the camera fitted to the cube for an aspect ratio of 4:3.
func randomSpheres(n int, l, r float32, seed uint64) (*sphereSet, Camera, vec3, float32) {
	rng := rand.New(rand.NewPCG(seed, 5))
	var s sphereSet
	s.resize(n)
	for i := range s.xyzr {
		s.xyzr[i] = [4]float32{l * rng.Float32(), l * rng.Float32(), l * rng.Float32(), r * (0.6 + 0.8*rng.Float32())}
		s.color[i] = uint32(i)
	}
	centre, radius := vec3{l / 2, l / 2, l / 2}, l*0.87+2*r
	return &s, fitCamera(centre, radius, 4.0/3, false), centre, radius
}

// Culling is conservative: every sphere that the independent ray caster
// sees in some pixel survives it, for dilute and dense boxes, seen from
// outside, from inside the box and zoomed in; and in a dense box it drops
// most spheres.
func TestCullKeepsEverySphereTheRayCasterSees(t *testing.T) {
	const w, h = 160, 120
	cases := []struct {
		name     string
		n        int
		l, r     float32
		zoom     float32
		wantDrop float64 // minimum fraction dropped
	}{
		{"dilute", 300, 10, 0.3, 0, 0},
		{"dense", 3000, 10, 0.5, 0, 0.5},
		{"overlapping", 3000, 5, 0.6, 0, 0.5},
		{"zoomed", 3000, 10, 0.5, 12, 0},
		{"inside", 3000, 10, 0.5, 25, 0},
	}
	for _, c := range cases {
		s, cam, centre, radius := randomSpheres(c.n, c.l, c.r, 7)
		cam.Zoom(c.zoom)
		near, _ := cam.clip(centre, radius)
		cl := newCuller(2)
		defer cl.stop()
		kept := map[uint32]bool{}
		for _, id := range cl.cull(s, &cam, w, h, near).color {
			kept[id] = true
		}
		hit, _ := raycast(&cam, w, h, s)
		seen := map[int]bool{}
		for _, i := range hit {
			if i >= 0 {
				seen[i] = true
			}
		}
		missing := 0
		for i := range seen {
			if !kept[uint32(i)] {
				missing++
			}
		}
		dropped := 1 - float64(len(kept))/float64(c.n)
		t.Logf("%s: %d spheres, %d seen by the ray caster, %d kept (%.0f%% dropped), %d seen but dropped",
			c.name, c.n, len(seen), len(kept), 100*dropped, missing)
		if missing > 0 {
			t.Errorf("%s: %d visible spheres were culled", c.name, missing)
		}
		if dropped < c.wantDrop {
			t.Errorf("%s: dropped %.0f%%, want ≥ %.0f%%", c.name, 100*dropped, 100*c.wantDrop)
		}
	}
}

// The kept spheres come nearest first, the same for any number of
// workers, and culling allocates nothing once its buffers have grown.
func TestCullOrderWorkersAndAllocations(t *testing.T) {
	s, cam, centre, radius := randomSpheres(20000, 10, 0.3, 9)
	near, _ := cam.clip(centre, radius)
	one := newCuller(1)
	want := one.cull(s, &cam, 320, 240, near)
	for _, w := range []int{2, 3, 7} {
		cl := newCuller(w)
		got := cl.cull(s, &cam, 320, 240, near)
		if !slices.Equal(got.xyzr, want.xyzr) || !slices.Equal(got.color, want.color) {
			t.Errorf("%d workers keep %d spheres, 1 worker %d, or another order", w, got.len(), want.len())
		}
		cl.stop()
	}
	cl := newCuller(2)
	defer cl.stop()
	out := cl.cull(s, &cam, 320, 240, near)
	eye, _, _, _ := cam.basis()
	bucket := func(p [4]float32) float32 { return norm(sub(vec3{p[0], p[1], p[2]}, eye)) - p[3] }
	lo, hi := bucket(out.xyzr[0]), bucket(out.xyzr[0])
	for _, p := range out.xyzr {
		lo, hi = min(lo, bucket(p)), max(hi, bucket(p))
	}
	tol := 2 * (hi - lo) / cullBuckets // order is by bucket of the nearest distance
	for k := 1; k < out.len(); k++ {
		if bucket(out.xyzr[k]) < bucket(out.xyzr[k-1])-tol {
			t.Fatalf("kept sphere %d is nearer than sphere %d", k, k-1)
		}
	}
	if a := testing.AllocsPerRun(5, func() { cl.cull(s, &cam, 320, 240, near) }); a != 0 {
		t.Errorf("cull allocates %.0f times per call", a)
	}
}

// BenchmarkCull culls a fluid of 10⁵ spheres (ρ = 0.8) at 1280 × 720.
func BenchmarkCull(b *testing.B) {
	l := float32(math.Cbrt(1e5 / 0.8))
	s, cam, centre, radius := randomSpheres(100_000, l, 0.5, 3)
	cam = fitCamera(centre, radius, 16.0/9, false)
	near, _ := cam.clip(centre, radius)
	cl := newCuller(runtime.GOMAXPROCS(0))
	defer cl.stop()
	for i := 0; i < b.N; i++ {
		cl.cull(s, &cam, 1280, 720, near)
	}
	b.ReportMetric(float64(cl.out.len()), "kept")
}

//go:build viewer

package glview

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/physim/physim/sim"
	"github.com/physim/physim/sim/trajectory"
)

// render draws f off-screen with opts and returns a copy of the image.
func render(t *testing.T, opts Options, h *trajectory.Header, f *trajectory.Frame) *image.RGBA {
	t.Helper()
	return renderCulled(t, opts, h, f, true)
}

// renderCulled is render with occlusion culling on or off.
func renderCulled(t *testing.T, opts Options, h *trajectory.Header, f *trajectory.Frame, cull bool) *image.RGBA {
	t.Helper()
	var img *image.RGBA
	var err error
	onMain(func() {
		var o *Offscreen
		if o, err = NewOffscreen(opts); err != nil {
			return
		}
		defer o.Close()
		o.r.noCull = !cull
		var out *image.RGBA
		if out, err = o.Render(h, f); err == nil {
			img = image.NewRGBA(out.Rect)
			copy(img.Pix, out.Pix)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func isColor(img *image.RGBA, x, y int, c color.RGBA) bool {
	return img.RGBAAt(x, y) == c
}

// channelsWithin tells whether pixel (x, y) is within tol/255 of want in
// every channel.
func channelsWithin(img *image.RGBA, x, y int, want [3]float64, tol float64) bool {
	got := img.RGBAAt(x, y)
	g := [3]uint8{got.R, got.G, got.B}
	for k := range g {
		if math.Abs(float64(g[k])-255*want[k]) > tol {
			return false
		}
	}
	return true
}

// One sphere of radius 1 at the origin, seen from 10 σ with a 45° field
// of view in a 400 × 400 image: its silhouette is a disc of radius
// 200·tan(asin(0.1))/tan(22.5°) = 48.53 pixels, and every pixel inside
// has the colour that the lighting model gives for the sphere's normal
// there (computed by the float64 ray caster).
func TestSingleSphereColourAndSize(t *testing.T) {
	const w, hgt = 400, 400
	cam := Camera{Distance: 10}
	opts := Options{Width: w, Height: hgt, Radii: []float32{1}, Camera: &cam, HideOverlay: true}
	h := &trajectory.Header{N: 1}
	f := &trajectory.Frame{Pos: [][3]float32{{0, 0, 0}}}
	img := render(t, opts, h, f)

	bg := defaultBackground
	wantR := w / 2 * math.Tan(math.Asin(0.1)) / math.Tan(math.Pi/8)
	var area, row int
	for y := 0; y < hgt; y++ {
		for x := 0; x < w; x++ {
			if !isColor(img, x, y, bg) {
				area++
				if y == hgt/2 {
					row++
				}
			}
		}
	}
	gotR := math.Sqrt(float64(area) / math.Pi)
	t.Logf("disc radius %.3f px from area %d (want %.3f); centre row width %d (want %.2f)", gotR, area, wantR, row, 2*wantR)
	if math.Abs(gotR-wantR) > 0.5 {
		t.Errorf("disc radius %.3f px, want %.3f ± 0.5", gotR, wantR)
	}
	if math.Abs(float64(row)-2*wantR) > 2 {
		t.Errorf("centre row covers %d px, want %.2f ± 2", row, 2*wantR)
	}

	sph := &sphereSet{xyzr: [][4]float32{{0, 0, 0, 1}}, color: []uint32{typeColor(0)}}
	hit, rgb := raycast(&cam, w, hgt, sph)
	centre := rgb[hgt/2*w+w/2]
	got := img.RGBAAt(w/2, hgt/2)
	t.Logf("centre pixel %v, reference %.1f", got, [3]float64{255 * centre[0], 255 * centre[1], 255 * centre[2]})
	if !channelsWithin(img, w/2, hgt/2, centre, 2) {
		t.Errorf("centre pixel %v, want %.1f ± 2", got, [3]float64{255 * centre[0], 255 * centre[1], 255 * centre[2]})
	}
	// Every pixel whose 3 × 3 neighbourhood is inside the disc matches the
	// reference shading within 3/255.
	bad, inside := 0, 0
	for y := 1; y < hgt-1; y++ {
		for x := 1; x < w-1; x++ {
			if hit[y*w+x-1] < 0 || hit[y*w+x+1] < 0 || hit[(y-1)*w+x] < 0 || hit[(y+1)*w+x] < 0 {
				continue
			}
			inside++
			if !channelsWithin(img, x, y, rgb[y*w+x], 3) {
				bad++
			}
		}
	}
	t.Logf("%d of %d interior pixels differ from the reference shading by more than 3/255", bad, inside)
	if bad > 0 {
		t.Errorf("%d of %d interior pixels differ from the reference shading", bad, inside)
	}
}

// An empty frame shows only the background, in the default and in a given
// background colour.
func TestBackgroundIsBackground(t *testing.T) {
	h := &trajectory.Header{N: 0}
	f := &trajectory.Frame{}
	for _, bg := range []color.RGBA{{}, {200, 10, 60, 255}} {
		img := render(t, Options{Width: 64, Height: 48, Background: bg, HideOverlay: true}, h, f)
		want := bg
		if want.A == 0 {
			want = defaultBackground
		}
		for y := 0; y < 48; y++ {
			for x := 0; x < 64; x++ {
				if c := img.RGBAAt(x, y); c != want {
					t.Fatalf("background %v: pixel (%d, %d) is %v", bg, x, y, c)
				}
			}
		}
	}
}

// randomBoxFrame returns n particles of two types uniform in a periodic
// cube of edge l.
func randomBoxFrame(n int, l float64, seed uint64) (*trajectory.Header, *trajectory.Frame) {
	rng := rand.New(rand.NewPCG(seed, 2))
	h := &trajectory.Header{N: n, Types: make([]int32, n)}
	f := &trajectory.Frame{Box: sim.NewPeriodicBox(l, l, l), Pos: make([][3]float32, n), Types: h.Types}
	for i := range f.Pos {
		h.Types[i] = int32(i % 2)
		for k := 0; k < 3; k++ {
			f.Pos[i][k] = float32(rng.Float64() * l)
		}
	}
	return h, f
}

// N = 1000 overlapping spheres of two types in a box, seen by the fitted
// camera: the image agrees pixel by pixel with the ray caster (which
// sphere is in front, its type colour and its shading), and so does the
// covered fraction.
func TestBoxCoverageMatchesRayCaster(t *testing.T) {
	const w, hgt = 320, 240
	h, f := randomBoxFrame(1000, 10, 1)
	opts := Options{Width: w, Height: hgt, Radii: []float32{0.45, 0.6}, HideBox: true, HideOverlay: true}
	img := render(t, opts, h, f)

	p := newPainter(opts.withDefaults(), h)
	var c content
	p.build(&c, f)
	o := opts.withDefaults()
	cam := initialCamera(&o, &c)
	hit, rgb := raycast(&cam, w, hgt, &c.spheres)
	var gpuCovered, cpuCovered, disagree int
	for y := 0; y < hgt; y++ {
		for x := 0; x < w; x++ {
			j := y*w + x
			covered := !isColor(img, x, y, defaultBackground)
			if covered {
				gpuCovered++
			}
			if hit[j] >= 0 {
				cpuCovered++
			}
			if covered != (hit[j] >= 0) || covered && !channelsWithin(img, x, y, rgb[j], 3) {
				disagree++
			}
		}
	}
	total := float64(w * hgt)
	t.Logf("coverage %.4f (ray caster %.4f); %d of %.0f pixels disagree", float64(gpuCovered)/total, float64(cpuCovered)/total, disagree, total)
	if d := math.Abs(float64(gpuCovered-cpuCovered)) / total; d > 0.002 {
		t.Errorf("coverage %.4f differs from the ray caster's %.4f by more than 0.002", float64(gpuCovered)/total, float64(cpuCovered)/total)
	}
	if frac := float64(disagree) / total; frac > 0.01 {
		t.Errorf("%.2f%% of pixels disagree with the ray caster, want ≤ 1%%", 100*frac)
	}
}

// Occlusion culling leaves the image unchanged: a dense box of
// overlapping spheres of two sizes, seen from outside and from inside,
// renders the same with and without it (up to pixels where two spheres
// are at the same depth to float32 precision, drawn in another order).
func TestCullingLeavesTheImageUnchanged(t *testing.T) {
	h, f := randomBoxFrame(4000, 10, 4)
	for _, zoom := range []float32{0, 20} {
		opts := Options{Width: 320, Height: 240, Radii: []float32{0.5, 0.8}, HideOverlay: true}
		p := newPainter(opts.withDefaults(), h)
		var c content
		p.build(&c, f)
		o := opts.withDefaults()
		cam := initialCamera(&o, &c)
		cam.Zoom(zoom)
		opts.Camera = &cam
		culled := renderCulled(t, opts, h, f, true)
		all := renderCulled(t, opts, h, f, false)
		differ := 0
		for i := 0; i < len(culled.Pix); i += 4 {
			if [3]uint8(culled.Pix[i:i+3]) != [3]uint8(all.Pix[i:i+3]) {
				differ++
			}
		}
		t.Logf("zoom %g: %d of %d pixels differ with culling", zoom, differ, 320*240)
		if differ > 10 {
			t.Errorf("zoom %g: culling changes %d pixels", zoom, differ)
		}
	}
}

//go:build viewer

package glview

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runView runs the view command on the main thread and returns its error
// and standard output.
func runView(args ...string) (string, error) {
	var out, errOut bytes.Buffer
	var err error
	onMain(func() { err = RunCommand(context.Background(), args, &out, &errOut) })
	return out.String(), err
}

// readPNG decodes the PNG at path.
func readPNG(t *testing.T, path string) *image.RGBA {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}

// census returns the fraction of pixels that are not the default
// background, the number of distinct colours, and the number of pixels of
// colour c.
func census(img *image.RGBA, c color.RGBA) (covered float64, colours, ofC int) {
	seen := map[color.RGBA]bool{}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := img.RGBAAt(x, y)
			seen[p] = true
			if p != defaultBackground {
				n++
			}
			if p == c {
				ofC++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy()), len(seen), ofC
}

var white = color.RGBA{255, 255, 255, 255}

// A screenshot of a real trajectory frame, from each file format through
// the command line, is the requested size and not blank: the crystal
// covers much of the image in many shades, the box is drawn, and the
// overlay's white text is there unless hidden.
func TestScreenshotOfTrajectoryFrame(t *testing.T) {
	dir := t.TempDir()
	h, frames := fccFrames(3)
	for _, name := range []string{"fcc.pstraj", "fcc.xyz", "fcc.xyz.gz"} {
		path := writeTrajectory(t, dir, name, h, frames)
		for _, overlay := range []bool{true, false} {
			png := filepath.Join(dir, name+".png")
			args := []string{path, "--screenshot", png, "--frame", "1", "--size", "320x240"}
			if !overlay {
				args = append(args, "--no-overlay")
			}
			out, err := runView(args...)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !strings.Contains(out, "wrote "+png) {
				t.Errorf("%s: output %q does not report the PNG", name, out)
			}
			img := readPNG(t, png)
			covered, colours, whites := census(img, white)
			_, _, boxPixels := census(img, color.RGBA{200, 200, 200, 255})
			t.Logf("%s overlay=%v: %dx%d, %.3f covered, %d colours, %d white, %d box pixels", name, overlay,
				img.Rect.Dx(), img.Rect.Dy(), covered, colours, whites, boxPixels)
			if img.Rect.Dx() != 320 || img.Rect.Dy() != 240 {
				t.Errorf("%s: image is %v, want 320×240", name, img.Rect)
			}
			if covered < 0.2 || colours < 100 {
				t.Errorf("%s: image looks blank: %.3f covered, %d colours", name, covered, colours)
			}
			if boxPixels < 100 {
				t.Errorf("%s: only %d pixels of box wireframe", name, boxPixels)
			}
			if overlay != (whites > 50) {
				t.Errorf("%s: overlay=%v but %d white text pixels", name, overlay, whites)
			}
		}
	}
}

// Other modes render their own geometry: arrows coloured by phase (all
// vectors along +x: phase 0, red), unit vectors on the reference sphere,
// and the path of a helix that grows with the frame shown.
func TestScreenshotModes(t *testing.T) {
	dir := t.TempDir()
	h, frames := fccFrames(1)
	for i := range frames[0].Vel {
		frames[0].Vel[i] = [3]float32{1, 0, 0}
	}
	h.ValueName, frames[0].Value = "", nil
	fcc := writeTrajectory(t, dir, "arrows.pstraj", h, frames)
	out := filepath.Join(dir, "out.png")
	if _, err := runView(fcc, "--mode", "arrows", "--screenshot", out, "--size", "320x240", "--no-overlay", "--no-box"); err != nil {
		t.Fatal(err)
	}
	img := readPNG(t, out)
	var red, other int
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b := img.Pix[i], img.Pix[i+1], img.Pix[i+2]
		switch {
		case color.RGBA{r, g, b, 255} == defaultBackground:
		case r > 2*g && r > 2*b:
			red++
		default:
			other++
		}
	}
	t.Logf("arrows: %d red pixels, %d others", red, other)
	if red < 2000 || other > red/20 {
		t.Errorf("arrows of phase 0: %d red pixels and %d others, want ≥ 2000 red and ≤ 5%% others", red, other)
	}

	// Unit vectors: positions on random directions.
	hu, fu := fccFrames(1)
	for i, p := range fu[0].Pos {
		fu[0].Pos[i] = [3]float32{p[0] - 3.4, p[1] - 3.4, p[2] - 3.4}
	}
	unitPath := writeTrajectory(t, dir, "unit.pstraj", hu, fu)
	if _, err := runView(unitPath, "--mode", "unitsphere", "--color", "phase", "--screenshot", out, "--size", "320x240", "--no-overlay"); err != nil {
		t.Fatal(err)
	}
	covered, colours, ref := census(readPNG(t, out), color.RGBA{90, 90, 105, 255})
	t.Logf("unitsphere: %.3f covered, %d colours, %d reference-sphere pixels", covered, colours, ref)
	if covered < 0.05 || colours < 100 || ref < 200 {
		t.Errorf("unitsphere: %.3f covered, %d colours, %d reference pixels", covered, colours, ref)
	}

	// Paths: the helix drawn up to the first frame is a dot; up to the
	// last it is a long curve.
	hh, fh := helixFrames(400)
	helix := writeTrajectory(t, dir, "helix.xyz", hh, fh)
	var cov [2]float64
	for k, frame := range []string{"0", "-1"} {
		if _, err := runView(helix, "--mode", "lines", "--frame", frame, "--screenshot", out, "--size", "320x240", "--no-overlay"); err != nil {
			t.Fatal(err)
		}
		cov[k], _, _ = census(readPNG(t, out), white)
	}
	t.Logf("lines: %.4f covered at the first frame, %.4f at the last", cov[0], cov[1])
	if !(cov[1] > 3*cov[0] && cov[1] > 0.005) {
		t.Errorf("lines: coverage %.4f at the last frame is not well above %.4f at the first", cov[1], cov[0])
	}
}

// Bad input gives clear errors.
func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "bad.pstraj")
	os.WriteFile(corrupt, []byte("this is not a trajectory at all, just text"), 0o644)
	unknown := filepath.Join(dir, "data.dat")
	os.WriteFile(unknown, []byte("1\n\nA 0 0 0\n"), 0o644)
	h, frames := fccFrames(1)
	h.Velocities, h.ValueName = false, ""
	frames[0].Vel, frames[0].Value = nil, nil
	good := writeTrajectory(t, dir, "good.xyz", h, frames)
	png := filepath.Join(dir, "x.png")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "missing.pstraj"), "--screenshot", png}, "no such file"},
		{[]string{corrupt, "--screenshot", png}, "not a native trajectory"},
		{[]string{unknown, "--screenshot", png}, "unknown extension"},
		{[]string{good, "--screenshot", png, "--frame", "5"}, "frame 5 out of range"},
		{[]string{good, "--screenshot", png, "--color", "speed"}, "needs velocities"},
		{[]string{good, "--screenshot", png, "--mode", "arrows"}, "arrows mode"},
		{[]string{good, "--size", "0x10"}, "--size"},
		{[]string{good, "--mode", "blobs"}, "unknown mode"},
		{[]string{}, "no trajectory file"},
	}
	for _, c := range cases {
		_, err := runView(c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("view %q: error %v, want one containing %q", c.args, err, c.want)
		}
	}
	if _, err := os.Stat(png); !os.IsNotExist(err) {
		t.Errorf("a failed screenshot left %s behind", png)
	}
}

// Without a display, the window cannot open and the error suggests
// --screenshot, while a screenshot starts its own Xvfb and succeeds.
func TestNoDisplay(t *testing.T) {
	dir := t.TempDir()
	h, frames := fccFrames(1)
	path := writeTrajectory(t, dir, "fcc.pstraj", h, frames)
	t.Setenv("DISPLAY", "")
	_, err := runView(path)
	t.Logf("window without display: %v", err)
	if err == nil || !strings.Contains(err.Error(), "no display") || !strings.Contains(err.Error(), "--screenshot") {
		t.Errorf("window without display: error %v, want one saying so and suggesting --screenshot", err)
	}
	png := filepath.Join(dir, "x.png")
	if _, err := runView(path, "--screenshot", png, "--size", "64x48"); err != nil {
		t.Fatalf("screenshot without display: %v", err)
	}
	if d := os.Getenv("DISPLAY"); d != "" {
		t.Errorf("DISPLAY=%q left set after the screenshot", d)
	}
	if img := readPNG(t, png); img.Rect.Dx() != 64 {
		t.Errorf("screenshot is %v", img.Rect)
	}
}

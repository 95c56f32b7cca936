package viz

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A saved figure is a decodable PNG of the requested size with non-white
// pixels where the curve is.
func TestFigureSavePNG(t *testing.T) {
	x := []float64{0, 1, 2, 3}
	f := Figure{Title: "t", XLabel: "x", YLabel: "y", Series: []Series{
		{Label: "a", X: x, Y: []float64{0, 1, 4, 9}, Err: []float64{0.1, 0.1, 0.2, 0.3}},
		{Label: "b", X: x, Y: []float64{1, 1, 1, 1}, Dashed: true},
	}}
	path := filepath.Join(t.TempDir(), "f.png")
	if err := f.Save(path); err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() < 400 || b.Dy() < 250 {
		t.Fatalf("image is %v", b)
	}
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x8000 {
				dark++
			}
		}
	}
	if dark < 500 {
		t.Errorf("only %d dark pixels: nothing drawn?", dark)
	}
	bad := Figure{Series: []Series{{X: x, Y: x[:2]}}}
	if err := bad.Save(path); err == nil {
		t.Error("mismatched series lengths gave no error")
	}
}

// A log axis within one decade still gets labels: 0.008–0.07 is marked at
// 0.01, 0.02, 0.05 (labelled) and the other multiples (unlabelled), and
// 0.03–0.08, which holds only 0.05 of those, at every multiple.
func TestLogTicks(t *testing.T) {
	var labels []string
	n := 0
	for _, tk := range (logTicks{}).Ticks(0.008, 0.07) {
		n++
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if got := strings.Join(labels, " "); got != "0.01 0.02 0.05" || n != 9 {
		t.Errorf("labels %q and %d ticks, want \"0.01 0.02 0.05\" and 9 (0.008, 0.009, 0.01 … 0.07)", got, n)
	}
	var all []string
	for _, tk := range (logTicks{}).Ticks(0.03, 0.08) {
		all = append(all, tk.Label)
	}
	if got := strings.Join(all, " "); got != "0.03 0.04 0.05 0.06 0.07 0.08" {
		t.Errorf("0.03–0.08 labelled %q, want every multiple (one of 1, 2, 5 × 10ᵏ only)", got)
	}
	if len((logTicks{}).Ticks(0, 1)) != 0 {
		t.Error("ticks for a range that reaches 0")
	}
}

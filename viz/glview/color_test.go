package glview

import (
	"math"
	"testing"
)

// The sequential map runs from viridis's dark purple to its yellow, clamps
// outside the range, and its luminance rises monotonically.
func TestSequentialMap(t *testing.T) {
	if c := sequential(0, 0, 1); c != rgba(68, 1, 84) {
		t.Errorf("low end %08x", c)
	}
	if c := sequential(1, 0, 1); c != rgba(253, 231, 37) {
		t.Errorf("high end %08x", c)
	}
	if sequential(-5, 0, 1) != sequential(0, 0, 1) || sequential(9, 0, 1) != sequential(1, 0, 1) {
		t.Error("values outside the range are not clamped")
	}
	if c := sequential(float32(math.NaN()), 0, 1); c != rgba(128, 128, 128) {
		t.Errorf("NaN maps to %08x, want grey", c)
	}
	luma := func(c uint32) float64 {
		r, g, b := unpack(c)
		return 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	}
	prev := -1.0
	for k := 0; k <= 100; k++ {
		l := luma(sequential(float32(k)/100, 0, 1))
		if l < prev-0.5 {
			t.Fatalf("luminance falls at %d%%: %.1f after %.1f", k, l, prev)
		}
		prev = l
	}
}

// The cyclic map is 2π-periodic with red, green and blue at 0, 2π/3 and
// 4π/3.
func TestCyclicMap(t *testing.T) {
	for _, x := range []float32{0, 1, 2.5, -4} {
		if cyclic(x) != cyclic(x+2*math.Pi) {
			t.Errorf("cyclic(%g) ≠ cyclic(%g + 2π)", x, x)
		}
	}
	for _, c := range []struct {
		phase float32
		ch    int
	}{{0, 0}, {2 * math.Pi / 3, 1}, {4 * math.Pi / 3, 2}} {
		r, g, b := unpack(cyclic(c.phase))
		rgb := [3]uint8{r, g, b}
		if rgb[c.ch] != 242 || rgb[(c.ch+1)%3] != 48 || rgb[(c.ch+2)%3] != 48 {
			t.Errorf("phase %.3f: %v, want channel %d at 242 and the others at 48", c.phase, rgb, c.ch)
		}
	}
}

// Types cycle through ten distinct colours.
func TestTypeColors(t *testing.T) {
	seen := map[uint32]bool{}
	for ty := int32(0); ty < 10; ty++ {
		seen[typeColor(ty)] = true
	}
	if len(seen) != 10 || typeColor(10) != typeColor(0) {
		t.Errorf("%d distinct type colours; type 10 %08x, type 0 %08x", len(seen), typeColor(10), typeColor(0))
	}
}

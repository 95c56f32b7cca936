package glview

import "testing"

// Every printable character but the space has a glyph, no two glyphs are
// alike, glyphs use only five columns, and the atlas holds each glyph in
// its cell below one blank row.
func TestFont(t *testing.T) {
	seen := map[[glyphH]uint8]byte{}
	for g, rows := range glyphs {
		c := byte(g + firstGlyph)
		var any uint8
		for _, r := range rows {
			any |= r
			if r > 0x1f {
				t.Errorf("%q uses more than five columns", c)
			}
		}
		if (any == 0) != (c == ' ') {
			t.Errorf("glyph %q is blank=%v", c, any == 0)
		}
		if prev, dup := seen[rows]; dup {
			t.Errorf("glyphs %q and %q are identical", prev, c)
		}
		seen[rows] = c
	}
	pix, w, h := fontAtlas()
	if w != numGlyphs*cellW || h != cellH {
		t.Fatalf("atlas %d×%d", w, h)
	}
	g := glyphIndex('T') // top bar then a stem in column 2
	for x := 0; x < cellW; x++ {
		want := byte(0)
		if x < glyphW {
			want = 255
		}
		if got := pix[1*w+g*cellW+x]; got != want {
			t.Errorf("T, top row, column %d: %d, want %d", x, got, want)
		}
		if pix[g*cellW+x] != 0 {
			t.Errorf("T: the row above the glyph is not blank")
		}
	}
	if glyphIndex(0x7f) != glyphIndex('?') || glyphIndex('\t') != glyphIndex('?') {
		t.Error("unprintable bytes do not show as '?'")
	}
}

package glview

import (
	"strings"
	"testing"
)

// The overlay reads like a status line and costs no allocation.
func TestStatusText(t *testing.T) {
	cases := []struct {
		s    status
		want []string
	}{
		{status{frame: 3, frames: 10, step: 300, time: 1.5, fps: 59.94, playing: true, speed: 30},
			[]string{"frame 3/10", "step 300", "t = 1.5", "59.9 fps", "playing 30 frames/s"}},
		{status{frame: 0, frames: 1, fps: -1}, []string{"frame 0/1", "paused"}},
		{status{frame: 7, frames: -1, playing: true, dropped: 4, finished: true},
			[]string{"frame 7 (live)", "following", "run finished", "dropped 4"}},
	}
	for _, c := range cases {
		got := string(appendStatus(nil, &c.s))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("status %+v: %q lacks %q", c.s, got, w)
			}
		}
		if c.s.fps < 0 && strings.Contains(got, "fps") {
			t.Errorf("hidden fps shows: %q", got)
		}
	}
	buf := make([]byte, 0, 256)
	s := cases[0].s
	if a := testing.AllocsPerRun(10, func() { buf = appendStatus(buf[:0], &s) }); a != 0 {
		t.Errorf("appendStatus allocates %.0f times", a)
	}
}

// Text is laid out cell by cell, skipping spaces, with '\n' starting a
// new line.
func TestLayoutText(t *testing.T) {
	g := layoutText(nil, []byte("ab c\nd"), 10, 20, 2)
	want := []textInstance{
		{10, 20, float32(glyphIndex('a'))},
		{10 + cellW*2, 20, float32(glyphIndex('b'))},
		{10 + 3*cellW*2, 20, float32(glyphIndex('c'))},
		{10, 20 + cellH*2, float32(glyphIndex('d'))},
	}
	if len(g) != len(want) {
		t.Fatalf("%d glyphs, want %d", len(g), len(want))
	}
	for i := range want {
		if g[i] != want[i] {
			t.Errorf("glyph %d: %+v, want %+v", i, g[i], want[i])
		}
	}
	if textScale(480) != 1 || textScale(720) != 2 || textScale(2160) != 4 {
		t.Errorf("text scales %g %g %g", textScale(480), textScale(720), textScale(2160))
	}
}

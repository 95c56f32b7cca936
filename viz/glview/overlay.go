package glview

import "strconv"

// status is what the overlay reports.
type status struct {
	frame, frames int     // shown frame and frame count (frames < 0: live)
	step          int64   // integration step of the shown frame
	time          float64 // simulated time of the shown frame (τ)
	fps           float64 // rendered frames per second; < 0 hides it
	playing       bool
	speed         float64 // playback rate (frames/s)
	dropped       int64   // live frames dropped so far
	finished      bool    // the live producer has finished
}

// appendStatus appends the overlay text for s, two lines, without
// allocating when b has room.
func appendStatus(b []byte, s *status) []byte {
	b = append(b, "frame "...)
	b = strconv.AppendInt(b, int64(s.frame), 10)
	if s.frames >= 0 {
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(s.frames), 10)
	} else {
		b = append(b, " (live)"...)
	}
	b = append(b, "  step "...)
	b = strconv.AppendInt(b, s.step, 10)
	b = append(b, "  t = "...)
	b = strconv.AppendFloat(b, s.time, 'g', 6, 64)
	b = append(b, '\n')
	if s.fps >= 0 {
		b = strconv.AppendFloat(b, s.fps, 'f', 1, 64)
		b = append(b, " fps  "...)
	}
	switch {
	case s.frames < 0 && s.playing:
		b = append(b, "following"...)
	case s.frames < 0:
		b = append(b, "frozen"...)
	case s.playing:
		b = append(b, "playing "...)
		b = strconv.AppendFloat(b, s.speed, 'g', 4, 64)
		b = append(b, " frames/s"...)
	default:
		b = append(b, "paused"...)
	}
	if s.finished {
		b = append(b, "  run finished"...)
	}
	if s.dropped > 0 {
		b = append(b, "  dropped "...)
		b = strconv.AppendInt(b, s.dropped, 10)
	}
	return b
}

// textInstance places one glyph: its cell's top-left corner in pixels
// from the top-left of the viewport, and its atlas index.
type textInstance struct {
	X, Y, Glyph float32
}

// layoutText appends one instance per non-space byte of text, with cells
// px pixels per font pixel, starting at (x0, y0); '\n' starts a new line.
func layoutText(dst []textInstance, text []byte, x0, y0, px float32) []textInstance {
	x, y := x0, y0
	for _, c := range text {
		if c == '\n' {
			x, y = x0, y+cellH*px
			continue
		}
		if c != ' ' {
			dst = append(dst, textInstance{x, y, float32(glyphIndex(c))})
		}
		x += cellW * px
	}
	return dst
}

// textScale returns the overlay's pixels per font pixel for a viewport
// height pixels tall: 1 up to 540 pixels, 2 up to 1080, and so on.
func textScale(height int) float32 { return float32(max(1, (height+539)/540)) }

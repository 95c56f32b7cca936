package glview

import (
	"image"
	"image/png"
	"io"

	"github.com/physim/physim/internal/atomicfile"
)

// flipRows turns img upside down in place (OpenGL reads rows bottom
// first).
func flipRows(img *image.RGBA) {
	h := img.Rect.Dy()
	row := img.Rect.Dx() * 4
	for y := 0; y < h/2; y++ {
		a := img.Pix[y*img.Stride : y*img.Stride+row]
		b := img.Pix[(h-1-y)*img.Stride : (h-1-y)*img.Stride+row]
		for i := range a {
			a[i], b[i] = b[i], a[i]
		}
	}
}

// writePNG writes img to path atomically: a reader never sees a partial
// file.
func writePNG(path string, img image.Image) error {
	return atomicfile.Write(path, func(w io.Writer) error { return png.Encode(w, img) })
}

package viz

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/physim/physim/internal/atomicfile"
)

// Series is one curve of a plot. Err, when set, draws a shaded band of
// ±Err around Y (for example a standard error).
type Series struct {
	Label string
	X, Y  []float64
	Err   []float64
	// Dashed draws the line dashed.
	Dashed bool
	// Points draws markers instead of a line.
	Points bool
}

// Figure is a line plot with optional second y axis.
type Figure struct {
	Title, XLabel, YLabel string
	Series                []Series
	// LogY uses a logarithmic y axis.
	LogY bool
	// Width and Height in centimetres (16 × 10 if zero).
	Width, Height float64
}

// Palette is the colour cycle of all physim plots (colour-blind safe,
// Okabe–Ito).
var palette = []color.RGBA{
	{0, 0, 0, 255}, {0, 114, 178, 255}, {213, 94, 0, 255}, {0, 158, 115, 255},
	{204, 121, 167, 255}, {230, 159, 0, 255}, {86, 180, 233, 255}, {240, 228, 66, 255},
}

// Color returns the k-th colour of physim's palette.
func Color(k int) color.RGBA { return palette[k%len(palette)] }

// Plot builds the gonum plot of f.
func (f *Figure) Plot() (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = f.Title
	p.X.Label.Text = f.XLabel
	p.Y.Label.Text = f.YLabel
	if f.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	p.Legend.Top = true
	for k, s := range f.Series {
		if len(s.X) != len(s.Y) || (s.Err != nil && len(s.Err) != len(s.Y)) {
			return nil, fmt.Errorf("viz: series %q has mismatched lengths", s.Label)
		}
		pts := make(plotter.XYs, 0, len(s.X))
		for i := range s.X {
			if math.IsNaN(s.Y[i]) || math.IsInf(s.Y[i], 0) || (f.LogY && s.Y[i] <= 0) {
				continue
			}
			pts = append(pts, plotter.XY{X: s.X[i], Y: s.Y[i]})
		}
		c := Color(k)
		if s.Err != nil {
			band := make(plotter.XYs, 0, 2*len(s.X))
			for i := range s.X {
				band = append(band, plotter.XY{X: s.X[i], Y: s.Y[i] + s.Err[i]})
			}
			for i := len(s.X) - 1; i >= 0; i-- {
				band = append(band, plotter.XY{X: s.X[i], Y: s.Y[i] - s.Err[i]})
			}
			poly, err := plotter.NewPolygon(band)
			if err != nil {
				return nil, err
			}
			poly.Color = color.RGBA{c.R, c.G, c.B, 60}
			poly.LineStyle.Width = 0
			p.Add(poly)
		}
		if s.Points {
			sc, err := plotter.NewScatter(pts)
			if err != nil {
				return nil, err
			}
			sc.GlyphStyle.Color = c
			sc.GlyphStyle.Radius = vg.Points(2)
			p.Add(sc)
			if s.Label != "" {
				p.Legend.Add(s.Label, sc)
			}
			continue
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		l.Color = c
		l.Width = vg.Points(1.2)
		if s.Dashed {
			l.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		}
		p.Add(l)
		if s.Label != "" {
			p.Legend.Add(s.Label, l)
		}
	}
	return p, nil
}

// Save writes the figure as a PNG (or SVG/PDF by extension) atomically.
func (f *Figure) Save(path string) error {
	p, err := f.Plot()
	if err != nil {
		return err
	}
	w, h := f.Width, f.Height
	if w == 0 {
		w, h = 16, 10
	}
	return SavePlot(p, path, w, h)
}

// SavePlot writes p to path (PNG unless the extension says otherwise) at
// w × h centimetres, atomically.
func SavePlot(p *plot.Plot, path string, w, h float64) error {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	wt, err := p.WriterTo(vg.Length(w)*vg.Centimeter, vg.Length(h)*vg.Centimeter, ext)
	if err != nil {
		return fmt.Errorf("viz: %w", err)
	}
	return atomicfile.Write(path, func(out io.Writer) error {
		_, err := wt.WriteTo(out)
		return err
	})
}

// Grid lays out several plots in rows × cols panels in one PNG.
func Grid(path string, plots [][]*plot.Plot, w, h float64) error {
	rows, cols := len(plots), len(plots[0])
	img := vgimg.New(vg.Length(w)*vg.Centimeter, vg.Length(h)*vg.Centimeter)
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Millimeter, PadY: vg.Millimeter}
	canvases := plot.Align(plots, tiles, dc)
	for i := range plots {
		for j := range plots[i] {
			if plots[i][j] != nil {
				plots[i][j].Draw(canvases[i][j])
			}
		}
	}
	return atomicfile.Write(path, func(out io.Writer) error {
		_, err := vgimg.PngCanvas{Canvas: img}.WriteTo(out)
		return err
	})
}

package pcmdata

import (
	"fmt"
	"path/filepath"

	"github.com/physim/physim/viz"
)

// plotStates picks at most n states spread over the data set.
func (d *Dataset) plotStates(n int) []int {
	m := len(d.States)
	if m <= n {
		idx := make([]int, m)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i * (m - 1) / (n - 1)
	}
	return idx
}

// SavePlots draws the data set into dir and returns the files written:
// g(r) and c2(z) of a few states; βμ_ex, β∂P/∂ρ and P against the
// JZG equation of state of the truncated and shifted fluid; the fitted
// offset of g − 1 against the Lebowitz–Percus prediction; the test
// profiles with their potentials.
func (d *Dataset) SavePlots(dir string) ([]string, error) {
	var out []string
	if len(d.Profiles) > 0 {
		var series []viz.Series
		for _, p := range d.Profiles[:min(len(d.Profiles), 4)] {
			series = append(series, viz.Series{Label: fmt.Sprintf("ρ(z), V seed %d", p.Seed), X: d.ProfileZ, Y: means(p.Rho)})
			v := make([]float64, len(p.V))
			for i, x := range p.V {
				v[i] = 0.1 * x
			}
			series = append(series, viz.Series{Label: fmt.Sprintf("V(z)/10ε, seed %d", p.Seed), X: d.ProfileZ, Y: v, Dashed: true})
		}
		path := filepath.Join(dir, "pcm-profiles.png")
		fig := viz.Figure{Title: "equilibrium test profiles in random potentials", XLabel: "z / σ", YLabel: "ρ / σ⁻³", Series: series}
		if err := fig.Save(path); err != nil {
			return out, err
		}
		out = append(out, path)
	}
	if len(d.States) == 0 {
		return out, nil
	}
	var g, c2 []viz.Series
	for _, i := range d.plotStates(5) {
		s := &d.States[i]
		label := fmt.Sprintf("ρ = %g", s.Density)
		g = append(g, viz.Series{Label: label, X: d.RDFR, Y: means(s.G)})
		c2 = append(c2, viz.Series{Label: label, X: d.Z, Y: s.C2})
	}
	rho := d.column(func(s *StateData) float64 { return s.Density })
	figs := []struct {
		name string
		fig  viz.Figure
	}{
		{"pcm-g.png", viz.Figure{Title: "g(r) of the bulk states", XLabel: "r / σ", YLabel: "g(r)", Series: g}},
		{"pcm-c2.png", viz.Figure{Title: "planar direct correlation c2(z) = 2π∫_{|z|}^∞ r c(r) dr", XLabel: "z / σ", YLabel: "c2(z) / σ²", Series: c2}},
		{"pcm-mu.png", viz.Figure{Title: "excess chemical potential", XLabel: "ρ / σ⁻³", YLabel: "βμ_ex", Series: []viz.Series{
			{Label: "Widom insertion", X: rho, Y: d.column(func(s *StateData) float64 { return s.BetaMuEx.Mean }), Err: d.column(func(s *StateData) float64 { return s.BetaMuEx.StdErr }), Points: true},
			{Label: "EOS fit (Widom βμ_ex and virial P)", X: rho, Y: d.column(func(s *StateData) float64 { return s.FitBetaMuEx })},
			{Label: "JZG, truncated and shifted at r_c", X: rho, Y: d.column(func(s *StateData) float64 { return s.JZG.BetaMuEx }), Dashed: true},
		}}},
		{"pcm-compressibility.png", viz.Figure{Title: "compressibility β∂P/∂ρ", XLabel: "ρ / σ⁻³", YLabel: "β ∂P/∂ρ", Series: []viz.Series{
			{Label: "1 + ρ dβμ_ex/dρ of the EOS fit (= 1 − ρĉ(0) of the OZ inversion)", X: rho, Y: d.column(func(s *StateData) float64 { return s.Compressibility }), Points: true},
			{Label: "JZG, truncated and shifted at r_c", X: rho, Y: d.column(func(s *StateData) float64 { return s.JZG.Compressibility }), Dashed: true},
		}}},
		{"pcm-pressure.png", viz.Figure{Title: "pressure", XLabel: "ρ / σ⁻³", YLabel: "P / ε σ⁻³", Series: []viz.Series{
			{Label: "virial", X: rho, Y: d.column(func(s *StateData) float64 { return s.Pressure.Mean }), Err: d.column(func(s *StateData) float64 { return s.Pressure.StdErr }), Points: true},
			{Label: "EOS fit (Widom βμ_ex and virial P)", X: rho, Y: d.column(func(s *StateData) float64 { return s.FitPressure })},
			{Label: "JZG, truncated and shifted at r_c", X: rho, Y: d.column(func(s *StateData) float64 { return s.JZG.Pressure }), Dashed: true},
		}}},
		{"pcm-offset.png", viz.Figure{Title: "offset of g − 1 fitted in the OZ inversion", XLabel: "ρ / σ⁻³", YLabel: "δ", Series: []viz.Series{
			{Label: "fitted δ", X: rho, Y: d.column(func(s *StateData) float64 { return s.Offset }), Points: true},
			{Label: "Lebowitz–Percus (1 − S(0))/N", X: rho, Y: d.column(func(s *StateData) float64 { return s.OffsetLP }), Dashed: true},
		}}},
	}
	for _, f := range figs {
		path := filepath.Join(dir, f.name)
		if err := f.fig.Save(path); err != nil {
			return out, err
		}
		out = append(out, path)
	}
	return out, nil
}

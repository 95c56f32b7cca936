package pcmdata

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"codeberg.org/sbinet/npyio/npz"

	"github.com/physim/physim/internal/arrayio"
	"github.com/physim/physim/internal/atomicfile"
	"github.com/physim/physim/sim/stats"
)

// Format and FormatVersion identify the data-set files; Read refuses
// others.
const (
	Format        = "physim-pcm-bulk"
	FormatVersion = 1
	// ArraysFile, ProfilesFile and ProvenanceFile are the file names inside
	// a data-set directory (ProfilesFile only with a test set).
	ArraysFile     = "pcm-bulk.npz"
	ProfilesFile   = "pcm-profiles.npz"
	ProvenanceFile = "provenance.json"
)

// Provenance records how a data set was made.
type Provenance struct {
	Format        string        `json:"format"`
	FormatVersion int           `json:"format_version"`
	PhysimVersion string        `json:"physim_version"`
	Seed          uint64        `json:"seed"`
	Recipe        Recipe        `json:"recipe"`
	ProfileRecipe ProfileRecipe `json:"profile_recipe"`
	Created       string        `json:"created"`
	GoVersion     string        `json:"go_version"`
	WallSeconds   float64       `json:"wall_seconds"`
	CPUSeconds    float64       `json:"cpu_seconds"`
}

// Dataset is the bulk training set: one StateData per density, on grids
// shared by all states.
type Dataset struct {
	// Recipe and Seed made the data set.
	Recipe Recipe
	Seed   uint64
	// RDFR are the g(r) bin centres, CR the radii of the stored c(r), K
	// the wavenumbers of ĉ(k) and S(k), Z the distances of c2(z) (σ, σ⁻¹).
	RDFR, CR, K, Z []float64
	States         []StateData
	// Fit is the smooth βμ_ex(ρ) of Derive.
	Fit *EOSFit
	// ProfileRecipe, ProfileZ (σ, the bin centres) and Profiles are the
	// inhomogeneous test set (GenerateProfiles), if any.
	ProfileRecipe ProfileRecipe
	ProfileZ      []float64
	Profiles      []Profile
}

func newDataset(r *Recipe, seed uint64) *Dataset {
	rc := *r
	rc.Densities = append([]float64(nil), r.Densities...)
	return &Dataset{Recipe: rc, Seed: seed, Z: r.planarZ()}
}

// column gathers one number per state.
func (d *Dataset) column(f func(*StateData) float64) []float64 {
	out := make([]float64, len(d.States))
	for i := range d.States {
		out[i] = f(&d.States[i])
	}
	return out
}

// matrix gathers one row per state.
func (d *Dataset) matrix(f func(*StateData) []float64) []float64 {
	var out []float64
	for i := range d.States {
		out = append(out, f(&d.States[i])...)
	}
	return out
}

func means(v []stats.MeanErr) []float64 {
	out := make([]float64, len(v))
	for i, e := range v {
		out[i] = e.Mean
	}
	return out
}

func errs(v []stats.MeanErr) []float64 {
	out := make([]float64, len(v))
	for i, e := range v {
		out[i] = e.StdErr
	}
	return out
}

// scalarColumns lists the per-state numbers of the archive.
func scalarColumns() []struct {
	name string
	get  func(*StateData) float64
	set  func(*StateData, float64)
} {
	type col = struct {
		name string
		get  func(*StateData) float64
		set  func(*StateData, float64)
	}
	return []col{
		{"density", func(s *StateData) float64 { return s.Density }, func(s *StateData, v float64) { s.Density = v }},
		{"box_edge", func(s *StateData) float64 { return s.Edge }, func(s *StateData, v float64) { s.Edge = v }},
		{"samples", func(s *StateData) float64 { return float64(s.Samples) }, func(s *StateData, v float64) { s.Samples = int64(v) }},
		{"beta_mu_ex", func(s *StateData) float64 { return s.BetaMuEx.Mean }, func(s *StateData, v float64) { s.BetaMuEx.Mean = v }},
		{"beta_mu_ex_err", func(s *StateData) float64 { return s.BetaMuEx.StdErr }, func(s *StateData, v float64) { s.BetaMuEx.StdErr = v }},
		{"pressure", func(s *StateData) float64 { return s.Pressure.Mean }, func(s *StateData, v float64) { s.Pressure.Mean = v }},
		{"pressure_err", func(s *StateData) float64 { return s.Pressure.StdErr }, func(s *StateData, v float64) { s.Pressure.StdErr = v }},
		{"energy", func(s *StateData) float64 { return s.Energy.Mean }, func(s *StateData, v float64) { s.Energy.Mean = v }},
		{"energy_err", func(s *StateData) float64 { return s.Energy.StdErr }, func(s *StateData, v float64) { s.Energy.StdErr = v }},
		{"c_hat_0", func(s *StateData) float64 { return s.C0 }, func(s *StateData, v float64) { s.C0 = v }},
		{"fit_beta_mu_ex", func(s *StateData) float64 { return s.FitBetaMuEx }, func(s *StateData, v float64) { s.FitBetaMuEx = v }},
		{"fit_pressure", func(s *StateData) float64 { return s.FitPressure }, func(s *StateData, v float64) { s.FitPressure = v }},
		{"offset", func(s *StateData) float64 { return s.Offset }, func(s *StateData, v float64) { s.Offset = v }},
		{"offset_lp", func(s *StateData) float64 { return s.OffsetLP }, func(s *StateData, v float64) { s.OffsetLP = v }},
		{"compressibility", func(s *StateData) float64 { return s.Compressibility }, func(s *StateData, v float64) { s.Compressibility = v }},
		{"oz_iterations", func(s *StateData) float64 { return float64(s.OZIterations) }, func(s *StateData, v float64) { s.OZIterations = int(v) }},
		{"jzg_pressure", func(s *StateData) float64 { return s.JZG.Pressure }, func(s *StateData, v float64) { s.JZG.Pressure = v }},
		{"jzg_beta_mu_ex", func(s *StateData) float64 { return s.JZG.BetaMuEx }, func(s *StateData, v float64) { s.JZG.BetaMuEx = v }},
		{"jzg_compressibility", func(s *StateData) float64 { return s.JZG.Compressibility }, func(s *StateData, v float64) { s.JZG.Compressibility = v }},
	}
}

// profileColumns lists the per-state arrays of the archive and their grids.
func (d *Dataset) profileColumns() []struct {
	name string
	grid *[]float64
	get  func(*StateData) []float64
	set  func(*StateData, []float64)
} {
	type col = struct {
		name string
		grid *[]float64
		get  func(*StateData) []float64
		set  func(*StateData, []float64)
	}
	return []col{
		{"g", &d.RDFR, func(s *StateData) []float64 { return means(s.G) }, func(s *StateData, v []float64) { s.G = make([]stats.MeanErr, len(v)); setMeans(s.G, v) }},
		{"g_err", &d.RDFR, func(s *StateData) []float64 { return errs(s.G) }, func(s *StateData, v []float64) { setErrs(s.G, v) }},
		{"c", &d.CR, func(s *StateData) []float64 { return s.C }, func(s *StateData, v []float64) { s.C = v }},
		{"c_hat", &d.K, func(s *StateData) []float64 { return s.CK }, func(s *StateData, v []float64) { s.CK = v }},
		{"s_k", &d.K, func(s *StateData) []float64 { return s.SK }, func(s *StateData, v []float64) { s.SK = v }},
		{"c2_planar", &d.Z, func(s *StateData) []float64 { return s.C2 }, func(s *StateData, v []float64) { s.C2 = v }},
	}
}

func setMeans(dst []stats.MeanErr, v []float64) {
	for i := range dst {
		dst[i].Mean = v[i]
	}
}

func setErrs(dst []stats.MeanErr, v []float64) {
	for i := range dst {
		dst[i].StdErr = v[i]
	}
}

// gridNames names the shared grids in the archive.
func (d *Dataset) gridNames() []struct {
	name string
	grid *[]float64
} {
	return []struct {
		name string
		grid *[]float64
	}{{"r", &d.RDFR}, {"r_c", &d.CR}, {"k", &d.K}, {"z", &d.Z}}
}

// Write stores the data set in dir (created if needed): the arrays as
// ArraysFile (NumPy .npz: per-state scalars of shape (states,), profiles of
// shape (states, points) on the grids r, r_c, k, z, and the coefficients
// mu_fit_coef of the βμ_ex(ρ) fit) and prov, completed
// with the format and the recipe, as ProvenanceFile.
func (d *Dataset) Write(dir string, prov Provenance) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("pcmdata: %w", err)
	}
	n := len(d.States)
	var arrays []arrayio.Array
	for _, g := range d.gridNames() {
		arrays = append(arrays, arrayio.Array{Name: g.name, Shape: []int{len(*g.grid)}, Data: *g.grid})
	}
	for _, c := range scalarColumns() {
		arrays = append(arrays, arrayio.Array{Name: c.name, Shape: []int{n}, Data: d.column(c.get)})
	}
	for _, c := range d.profileColumns() {
		arrays = append(arrays, arrayio.Array{Name: c.name, Shape: []int{n, len(*c.grid)}, Data: d.matrix(c.get)})
	}
	if d.Fit != nil {
		arrays = append(arrays, arrayio.Array{Name: "mu_fit_coef", Shape: []int{len(d.Fit.Coef)}, Data: d.Fit.Coef})
	}
	if err := arrayio.WriteNPZ(filepath.Join(dir, ArraysFile), arrays); err != nil {
		return err
	}
	if len(d.Profiles) > 0 {
		if err := d.writeProfiles(filepath.Join(dir, ProfilesFile)); err != nil {
			return err
		}
	}
	prov.Format, prov.FormatVersion, prov.Seed, prov.Recipe, prov.ProfileRecipe = Format, FormatVersion, d.Seed, d.Recipe, d.ProfileRecipe
	data, err := json.MarshalIndent(prov, "", "  ")
	if err != nil {
		return fmt.Errorf("pcmdata: %w", err)
	}
	return atomicfile.WriteFile(filepath.Join(dir, ProvenanceFile), append(data, '\n'))
}

// writeProfiles stores the test set: z (bins), seed (profiles), v, rho
// and rho_err (profiles × bins) and samples (profiles); with the separate
// estimates also rho_counting, rho_counting_err, rho_force, rho_force_err
// (profiles × bins) and mix_weight (profiles × (bins/2 + 1)).
func (d *Dataset) writeProfiles(path string) error {
	n, m := len(d.Profiles), len(d.ProfileZ)
	var seeds, samples []int64
	var v []float64
	for _, p := range d.Profiles {
		seeds = append(seeds, int64(p.Seed))
		samples = append(samples, p.Samples)
		v = append(v, p.V...)
	}
	arrays := []arrayio.Array{
		{Name: "z", Shape: []int{m}, Data: d.ProfileZ}, {Name: "seed", Shape: []int{n}, Data: seeds},
		{Name: "samples", Shape: []int{n}, Data: samples}, {Name: "v", Shape: []int{n, m}, Data: v},
	}
	for _, c := range profileEstimates(d.Profiles[0].Counting != nil) {
		var mean, sd []float64
		for i := range d.Profiles {
			e := *c.field(&d.Profiles[i])
			mean, sd = append(mean, means(e)...), append(sd, errs(e)...)
		}
		arrays = append(arrays, arrayio.Array{Name: c.name, Shape: []int{n, m}, Data: mean},
			arrayio.Array{Name: c.name + "_err", Shape: []int{n, m}, Data: sd})
	}
	if w := len(d.Profiles[0].Weight); w > 0 {
		var weights []float64
		for _, p := range d.Profiles {
			weights = append(weights, p.Weight...)
		}
		arrays = append(arrays, arrayio.Array{Name: "mix_weight", Shape: []int{n, w}, Data: weights})
	}
	return arrayio.WriteNPZ(path, arrays)
}

// profileEstimates lists the per-profile estimates of the archive: rho,
// and with separate the counted and force-sampled ones.
func profileEstimates(separate bool) []struct {
	name  string
	field func(*Profile) *[]stats.MeanErr
} {
	type est = struct {
		name  string
		field func(*Profile) *[]stats.MeanErr
	}
	out := []est{{"rho", func(p *Profile) *[]stats.MeanErr { return &p.Rho }}}
	if separate {
		out = append(out, est{"rho_counting", func(p *Profile) *[]stats.MeanErr { return &p.Counting }},
			est{"rho_force", func(p *Profile) *[]stats.MeanErr { return &p.Force }})
	}
	return out
}

// readProfiles loads the test set written by writeProfiles (the separate
// estimates and weights only where present).
func (d *Dataset) readProfiles(path string) error {
	f, err := npz.Open(path)
	if err != nil {
		return fmt.Errorf("pcmdata: %w", err)
	}
	defer f.Close()
	var seeds, samples []int64
	var v []float64
	for _, it := range []struct {
		name string
		ptr  any
	}{{"z", &d.ProfileZ}, {"seed", &seeds}, {"samples", &samples}, {"v", &v}} {
		if err := f.Read(it.name+".npy", it.ptr); err != nil {
			return fmt.Errorf("pcmdata: %s: %w", path, err)
		}
	}
	m := len(d.ProfileZ)
	if len(v) != len(seeds)*m || len(samples) != len(seeds) {
		return fmt.Errorf("pcmdata: %s: arrays do not match %d profiles × %d bins", path, len(seeds), m)
	}
	d.Profiles = nil
	for i, s := range seeds {
		d.Profiles = append(d.Profiles, Profile{Seed: uint64(s), Samples: samples[i], V: v[i*m : (i+1)*m : (i+1)*m]})
	}
	for _, c := range profileEstimates(f.Header("rho_counting.npy") != nil) {
		var mean, sd []float64
		if err := f.Read(c.name+".npy", &mean); err != nil {
			return fmt.Errorf("pcmdata: %s: %w", path, err)
		}
		if err := f.Read(c.name+"_err.npy", &sd); err != nil {
			return fmt.Errorf("pcmdata: %s: %w", path, err)
		}
		if len(mean) != len(v) || len(sd) != len(v) {
			return fmt.Errorf("pcmdata: %s: %s does not match %d profiles × %d bins", path, c.name, len(seeds), m)
		}
		for i := range d.Profiles {
			e := make([]stats.MeanErr, m)
			setMeans(e, mean[i*m:(i+1)*m])
			setErrs(e, sd[i*m:(i+1)*m])
			*c.field(&d.Profiles[i]) = e
		}
	}
	if f.Header("mix_weight.npy") != nil {
		var w []float64
		if err := f.Read("mix_weight.npy", &w); err != nil {
			return fmt.Errorf("pcmdata: %s: %w", path, err)
		}
		n := len(seeds)
		if n == 0 || len(w)%n != 0 {
			return fmt.Errorf("pcmdata: %s: mix_weight has %d values for %d profiles", path, len(w), n)
		}
		k := len(w) / n
		for i := range d.Profiles {
			d.Profiles[i].Weight = w[i*k : (i+1)*k : (i+1)*k]
		}
	}
	return nil
}

// Read loads the data set stored in dir by Write, with its provenance.
func Read(dir string) (*Dataset, *Provenance, error) {
	raw, err := os.ReadFile(filepath.Join(dir, ProvenanceFile))
	if err != nil {
		return nil, nil, fmt.Errorf("pcmdata: %w", err)
	}
	var prov Provenance
	if err := json.Unmarshal(raw, &prov); err != nil {
		return nil, nil, fmt.Errorf("pcmdata: %s: %w", ProvenanceFile, err)
	}
	if prov.Format != Format || prov.FormatVersion != FormatVersion {
		return nil, nil, fmt.Errorf("pcmdata: %s holds format %q version %d, want %q version %d", dir, prov.Format, prov.FormatVersion, Format, FormatVersion)
	}
	f, err := npz.Open(filepath.Join(dir, ArraysFile))
	if err != nil {
		return nil, nil, fmt.Errorf("pcmdata: %w", err)
	}
	defer f.Close()
	read := func(name string) ([]float64, error) {
		var v []float64
		if err := f.Read(name+".npy", &v); err != nil {
			return nil, fmt.Errorf("pcmdata: %s: %w", dir, err)
		}
		return v, nil
	}
	d := &Dataset{Recipe: prov.Recipe, Seed: prov.Seed}
	for _, g := range d.gridNames() {
		if *g.grid, err = read(g.name); err != nil {
			return nil, nil, err
		}
	}
	dens, err := read("density")
	if err != nil {
		return nil, nil, err
	}
	d.States = make([]StateData, len(dens))
	for _, c := range scalarColumns() {
		v, err := read(c.name)
		if err != nil {
			return nil, nil, err
		}
		if len(v) != len(d.States) {
			return nil, nil, fmt.Errorf("pcmdata: %s: %s has %d values for %d states", dir, c.name, len(v), len(d.States))
		}
		for i := range d.States {
			c.set(&d.States[i], v[i])
		}
	}
	for _, c := range d.profileColumns() {
		v, err := read(c.name)
		if err != nil {
			return nil, nil, err
		}
		m := len(*c.grid)
		if len(v) != m*len(d.States) {
			return nil, nil, fmt.Errorf("pcmdata: %s: %s has %d values for %d states × %d points", dir, c.name, len(v), len(d.States), m)
		}
		for i := range d.States {
			c.set(&d.States[i], v[i*m:(i+1)*m:(i+1)*m])
		}
	}
	if len(d.States) > 0 {
		coef, err := read("mu_fit_coef")
		if err != nil {
			return nil, nil, err
		}
		d.Fit = &EOSFit{Coef: coef}
	}
	d.ProfileRecipe = prov.ProfileRecipe
	if prov.ProfileRecipe.Potentials > 0 {
		if err := d.readProfiles(filepath.Join(dir, ProfilesFile)); err != nil {
			return nil, nil, err
		}
	}
	return d, &prov, nil
}

package learned

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/physim/physim/internal/atomicfile"
	"github.com/physim/physim/potentials/functional"
)

// ModelFormat and ModelVersion identify model files; ReadModel refuses
// others.
const (
	ModelFormat  = "physim-neural-functional"
	ModelVersion = 1
)

// ModelGrid is the grid a model was trained for.
type ModelGrid struct {
	// Cells is the number of cells N, Dz their width (σ) and Length = N·Dz.
	Cells    int     `json:"cells"`
	Dz       float64 `json:"dz"`
	Length   float64 `json:"length"`
	Periodic bool    `json:"periodic"`
}

// Provenance records how a model was trained.
type Provenance struct {
	PhysimVersion string  `json:"physim_version"`
	GoVersion     string  `json:"go_version"`
	Created       string  `json:"created"`
	Seed          uint64  `json:"seed"`
	Steps         int     `json:"steps"`
	LearnRate     float64 `json:"learn_rate"`
	KMax          float64 `json:"k_max"`
	MuWeight      float64 `json:"mu_weight"`
	C2Weight      float64 `json:"c2_weight"`
	// Dataset names the bulk data set (its directory as given), with the
	// SHA-256 of its arrays file, its creation date and seed.
	Dataset        string `json:"dataset"`
	DatasetSHA256  string `json:"dataset_sha256"`
	DatasetCreated string `json:"dataset_created"`
	DatasetSeed    uint64 `json:"dataset_seed"`
	// TrainDensities and ValidationDensities are the bulk states (σ⁻³)
	// trained on and held out.
	TrainDensities      []float64 `json:"train_densities"`
	ValidationDensities []float64 `json:"validation_densities"`
	// Train and Validation are the final errors on the training and the
	// held-out states (nil without such states).
	Train      *Metrics `json:"train,omitempty"`
	Validation *Metrics `json:"validation,omitempty"`
	// WallSeconds and CPUSeconds are the cost of training.
	WallSeconds float64 `json:"wall_seconds"`
	CPUSeconds  float64 `json:"cpu_seconds"`
}

// Metrics are errors of a model on bulk states.
type Metrics struct {
	// MuRMSE is the RMS error of βμ_ex = −c1(ρ_b).
	MuRMSE float64 `json:"mu_rmse"`
	// C2RMS is the RMS over states of ‖Δc2‖ = (∫|c2_model − c2_data|² dz)^{1/2}
	// (σ^{5/2}), band-limited to k ≤ k_max.
	C2RMS float64 `json:"c2_rms"`
	// CompressibilityRMSE is the RMS error of 1 − ρ_b ĉ(0) = β∂P/∂ρ.
	CompressibilityRMSE float64 `json:"compressibility_rmse"`
}

// Model is a trained neural functional with everything needed to rebuild
// it and to refuse a setting it was not trained for.
type Model struct {
	Format       string       `json:"format"`
	Version      int          `json:"version"`
	Grid         ModelGrid    `json:"grid"`
	KT           float64      `json:"kT"`
	Cutoff       float64      `json:"cutoff"`
	Architecture Architecture `json:"architecture"`
	Params       Params       `json:"params"`
	// Base, if set, is a classical functional (built with KT and Cutoff
	// filled in) that the network corrects: the model is base + network,
	// and the network was trained on the data minus the base.
	Base     *functional.Spec `json:"base,omitempty"`
	Training Provenance       `json:"training"`
}

// Save writes m as indented JSON to path, atomically.
func (m *Model) Save(path string) error {
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("learned: %w", err)
	}
	return atomicfile.WriteFile(path, append(data, '\n'))
}

// ParseModel reads a model from JSON and checks its format, version and
// parameters.
func ParseModel(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("learned: reading model: %w", err)
	}
	if m.Format != ModelFormat || m.Version != ModelVersion {
		return nil, fmt.Errorf("learned: model format %q version %d, want %q version %d", m.Format, m.Version, ModelFormat, ModelVersion)
	}
	a, err := m.Architecture.withDefaults()
	if err != nil {
		return nil, err
	}
	if a != m.Architecture {
		return nil, fmt.Errorf("learned: model architecture %+v is incomplete", m.Architecture)
	}
	if err := m.Params.check(a); err != nil {
		return nil, err
	}
	if m.Grid.Cells < 2 || !(m.Grid.Dz > 0) || !(m.KT > 0) {
		return nil, fmt.Errorf("learned: model grid %+v or kT %g is invalid", m.Grid, m.KT)
	}
	return &m, nil
}

// ReadModel reads a model file.
func ReadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("learned: %w", err)
	}
	m, err := ParseModel(data)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return m, nil
}

// Functional returns the model as a functional on g at temperature kT (ε):
// the network, or the sum of the base functional and the network. A grid
// (cells, spacing, periodicity) or temperature other than the model's is
// an error: the network is only valid where it was trained.
func (m *Model) Functional(g functional.Grid, kT float64) (functional.Functional, error) {
	nn, err := m.Network(g, kT)
	if err != nil || m.Base == nil {
		return nn, err
	}
	base, err := buildBase(g, *m.Base, m.KT, m.Cutoff)
	if err != nil {
		return nil, err
	}
	return functional.NewSum(base, nn)
}

// buildBase builds the base functional spec on g at kT (ε) with the LJ
// cutoff rc (σ).
func buildBase(g functional.Grid, s functional.Spec, kT, rc float64) (functional.Functional, error) {
	s.KT, s.Cutoff = kT, rc
	return functional.New(g, s)
}

// Network returns the model's network alone as a functional on g at kT
// (ε), with the same checks as Functional.
func (m *Model) Network(g functional.Grid, kT float64) (*Functional, error) {
	g, err := g.Normalized()
	if err != nil {
		return nil, err
	}
	mg := m.Grid
	if g.N != mg.Cells || math.Abs(g.Dz-mg.Dz) > 1e-12*mg.Dz || g.Periodic != mg.Periodic {
		return nil, fmt.Errorf("learned: the neural functional was trained for %d cells of %g σ (periodic %v), not %d cells of %g σ (periodic %v)",
			mg.Cells, mg.Dz, mg.Periodic, g.N, g.Dz, g.Periodic)
	}
	if math.Abs(kT-m.KT) > 1e-12*m.KT {
		return nil, fmt.Errorf("learned: the neural functional was trained at kT = %g ε, not %g ε", m.KT, kT)
	}
	return newFunctional(g, m.Architecture, &m.Params)
}

// LoadFunctional reads the model file at path and returns its functional
// on g at kT (ε), or an error if the file is not a model or was trained for
// another grid or temperature.
func LoadFunctional(path string, g functional.Grid, kT float64) (functional.Functional, error) {
	m, err := ReadModel(path)
	if err != nil {
		return nil, err
	}
	return m.Functional(g, kT)
}

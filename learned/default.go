package learned

import (
	_ "embed"

	"github.com/physim/physim/potentials/functional"
)

// defaultModelJSON is the shipped model, trained by TrainFromDataset with
// the default TrainSettings on scenarios/pcmdata/data/bulk-v1.
//
//go:embed models/lj-kT2-rc4-L10-dz0.01.json
var defaultModelJSON []byte

// DefaultModel returns the shipped model: the LJ fluid with forces cut at
// r_c = 4σ at kT = 2ε, on 1000 cells of 0.01σ, periodic (L = 10σ; the
// bd-vs-ddft setting), trained on physim's bulk data set. It needs no
// training at run time.
func DefaultModel() (*Model, error) { return ParseModel(defaultModelJSON) }

// Default returns the shipped model's functional on g at temperature kT
// (ε), or an error if g or kT is not the setting it was trained for.
func Default(g functional.Grid, kT float64) (functional.Functional, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return m.Functional(g, kT)
}

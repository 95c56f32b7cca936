package learned

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"

	G "gorgonia.org/gorgonia"

	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/scenarios/pcmdata"
)

// TrainSettings configures Train. The zero value means the default model:
// a network correcting White Bear II + Barker–Henderson mean field
// (DefaultBase) on the bd-vs-ddft grid (1000 cells of 0.01σ, periodic),
// the default Architecture, seed 0, 12000 Adam steps in three stages of
// learning rate 3e-3, 7.5e-4 and 1.9e-4, k_max = 30σ⁻¹, loss weights 10
// (βμ_ex) and 1 (c2), every fourth state held out for validation.
type TrainSettings struct {
	// Grid is the grid the model is for; zero N means 1000 cells of
	// 0.01σ, periodic.
	Grid functional.Grid
	// Architecture is the network shape (zero fields take defaults).
	Architecture Architecture
	// Seed keys the initial parameters.
	Seed uint64
	// Steps is the number of Adam steps; 0 means 12000. The learning rate
	// falls by 4 after each third.
	Steps int
	// LearnRate is the initial Adam learning rate; 0 means 3e-3.
	LearnRate float64
	// KMax (σ⁻¹) bounds the wavenumbers of the c2 term; 0 means 30.
	KMax float64
	// MuWeight and C2Weight weigh the βμ_ex and c2 terms; 0 means 10 and 1.
	MuWeight, C2Weight float64
	// Base is the classical functional (KT and Cutoff are taken from the
	// data set) that the network learns to correct; nil means DefaultBase,
	// and the zero Spec (the ideal gas) a pure network.
	Base *functional.Spec
	// HoldOut puts states 2, 2 + HoldOut, … of the data set into the
	// validation set; 0 means 4, negative means none.
	HoldOut int
	// LogEvery is the step interval of the loss history; 0 means 50.
	LogEvery int
	// PhysimVersion is recorded in the model file.
	PhysimVersion string
}

// DefaultBase is the base functional of the default model: White Bear II
// hard spheres of the Barker–Henderson diameter plus Barker–Henderson mean
// field, the baseline of the neural-DDFT study.
func DefaultBase() functional.Spec {
	return functional.Spec{HardSpheres: "whitebear2", Attraction: "barker-henderson"}
}

func (s TrainSettings) withDefaults() (TrainSettings, error) {
	if s.Base == nil {
		b := DefaultBase()
		s.Base = &b
	}
	if *s.Base == (functional.Spec{}) {
		s.Base = nil
	}
	if s.Grid.N == 0 {
		s.Grid = functional.Grid{N: 1000, Dz: 0.01, Periodic: true}
	}
	g, err := s.Grid.Normalized()
	if err != nil {
		return s, err
	}
	s.Grid = g
	if s.Architecture, err = s.Architecture.withDefaults(); err != nil {
		return s, err
	}
	if s.Steps == 0 {
		s.Steps = 12000
	}
	if s.LearnRate == 0 {
		s.LearnRate = 3e-3
	}
	if s.KMax == 0 {
		s.KMax = 30
	}
	if s.MuWeight == 0 {
		s.MuWeight = 10
	}
	if s.C2Weight == 0 {
		s.C2Weight = 1
	}
	if s.HoldOut == 0 {
		s.HoldOut = 4
	}
	if s.LogEvery == 0 {
		s.LogEvery = 50
	}
	switch {
	case s.Steps < 1 || !(s.LearnRate > 0) || !(s.KMax > 0) || !(s.MuWeight > 0) || !(s.C2Weight > 0) || s.LogEvery < 1:
		return s, fmt.Errorf("learned: training settings need positive steps, learning rate, k_max, weights and log interval: %+v", s)
	}
	return s, nil
}

// History is the loss curve of a training run.
type History struct {
	Step   []int
	Loss   []float64 // training loss
	LossMu []float64 // its βμ_ex term (weighted)
	LossC2 []float64 // its c2 term (weighted)
	Val    []float64 // validation loss (plain-Go evaluation; NaN without validation states)
}

// split returns the indices of the training and validation states.
func split(n, holdOut int) (train, val []int) {
	for i := 0; i < n; i++ {
		if holdOut > 0 && i >= 2 && (i-2)%holdOut == 0 {
			val = append(val, i)
		} else {
			train = append(train, i)
		}
	}
	return train, val
}

// Train fits the neural functional to the bulk data set d and returns the
// model (without dataset provenance, which TrainFromDataset adds) and its
// loss history. progress, if not nil, is called after every step.
// Training is deterministic: the same data, settings and seed give the
// same model, bit for bit.
func Train(ctx context.Context, d *pcmdata.Dataset, s TrainSettings, progress func(step int)) (*Model, *History, error) {
	s, err := s.withDefaults()
	if err != nil {
		return nil, nil, err
	}
	if math.Abs(d.Recipe.PlanarDz-s.Grid.Dz) > 1e-12 && d.Recipe.PlanarDz > s.Grid.Dz {
		return nil, nil, fmt.Errorf("learned: the data set's c2(z) spacing %g σ is coarser than the model grid %g σ", d.Recipe.PlanarDz, s.Grid.Dz)
	}
	trainIdx, valIdx := split(len(d.States), s.HoldOut)
	if len(trainIdx) == 0 {
		return nil, nil, fmt.Errorf("learned: no training states")
	}
	var base functional.Functional
	if s.Base != nil {
		if base, err = buildBase(s.Grid, *s.Base, d.Recipe.KT, d.Recipe.Cutoff); err != nil {
			return nil, nil, err
		}
	}
	tt, err := newTargets(d, trainIdx, s.Grid, s.KMax, base)
	if err != nil {
		return nil, nil, err
	}
	vt, err := newTargets(d, valIdx, s.Grid, s.KMax, base)
	if err != nil {
		return nil, nil, err
	}
	w := lossWeights{mu: s.MuWeight, c2: s.C2Weight}
	p := initParams(s.Architecture, s.Grid.Dz, s.Seed)
	tg := newTrainGraph(s.Architecture, p, tt, s.Grid.Dz, w)
	hist := &History{}
	stage := -1
	var solver G.Solver
	for step := 1; step <= s.Steps; step++ {
		if err := ctx.Err(); err != nil {
			return nil, hist, err
		}
		if st := 3 * (step - 1) / s.Steps; st != stage {
			stage = st
			solver = G.NewAdamSolver(G.WithLearnRate(s.LearnRate * math.Pow(0.25, float64(st))))
		}
		loss, lmu, lc2, err := tg.evaluate()
		if err != nil {
			return nil, hist, err
		}
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			return nil, hist, fmt.Errorf("learned: training loss became %g at step %d", loss, step)
		}
		if step%s.LogEvery == 0 || step == 1 || step == s.Steps {
			val := math.NaN()
			if len(valIdx) > 0 {
				f, err := newFunctional(s.Grid, s.Architecture, tg.current())
				if err != nil {
					return nil, hist, err
				}
				val, _, _ = bulkLoss(f, vt, w)
			}
			hist.Step = append(hist.Step, step)
			hist.Loss = append(hist.Loss, loss)
			hist.LossMu = append(hist.LossMu, lmu)
			hist.LossC2 = append(hist.LossC2, lc2)
			hist.Val = append(hist.Val, val)
		}
		if err := solver.Step(G.NodesToValueGrads(tg.params)); err != nil {
			return nil, hist, fmt.Errorf("learned: Adam step %d: %w", step, err)
		}
		if progress != nil {
			progress(step)
		}
	}
	m := &Model{Format: ModelFormat, Version: ModelVersion,
		Grid: ModelGrid{Cells: s.Grid.N, Dz: s.Grid.Dz, Length: s.Grid.Length(), Periodic: s.Grid.Periodic},
		KT:   d.Recipe.KT, Cutoff: d.Recipe.Cutoff, Architecture: s.Architecture, Params: *tg.current(), Base: s.Base,
		Training: Provenance{PhysimVersion: s.PhysimVersion, GoVersion: runtime.Version(), Created: time.Now().UTC().Format(time.RFC3339),
			Seed: s.Seed, Steps: s.Steps, LearnRate: s.LearnRate, KMax: s.KMax, MuWeight: s.MuWeight, C2Weight: s.C2Weight, DatasetSeed: d.Seed}}
	f, err := m.Network(s.Grid, m.KT)
	if err != nil {
		return nil, hist, err
	}
	for _, i := range trainIdx {
		m.Training.TrainDensities = append(m.Training.TrainDensities, d.States[i].Density)
	}
	for _, i := range valIdx {
		m.Training.ValidationDensities = append(m.Training.ValidationDensities, d.States[i].Density)
	}
	m.Training.Train = metrics(f, tt)
	m.Training.Validation = metrics(f, vt)
	return m, hist, nil
}

// metrics evaluates the network f on the targets t (with a base, f and t
// are both differences from it, so the errors are those of the whole
// model).
func metrics(f *Functional, t *bulkTargets) *Metrics {
	if len(t.rho) == 0 {
		return nil
	}
	var m Metrics
	for s, rho := range t.rho {
		_, mu, _ := f.BulkExcess(rho)
		m.MuRMSE += (mu - t.mu[s]) * (mu - t.mu[s])
		for j, k := range t.k {
			e := -f.BulkDirectCorrelation(rho, k) - t.h[s][j]
			m.C2RMS += t.weight[j] * e * e
			if k == 0 { // 1 − ρĉ(0) errs by ρ·Δĥ(0)
				m.CompressibilityRMSE += rho * rho * e * e
			}
		}
	}
	n := float64(len(t.rho))
	return &Metrics{MuRMSE: math.Sqrt(m.MuRMSE / n), C2RMS: math.Sqrt(m.C2RMS / n), CompressibilityRMSE: math.Sqrt(m.CompressibilityRMSE / n)}
}

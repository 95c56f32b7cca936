package learned

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/physim/physim/potentials/functional"
	"github.com/physim/physim/scenarios/pcmdata"
	"github.com/physim/physim/sim/stats"
)

// teacherDataset is a bulk data set whose βμ_ex and c2(z) come from a
// network (a, p) on grid g: a target that a student of the same
// architecture can match exactly.
func teacherDataset(t *testing.T, g functional.Grid, a Architecture, p *Params) *pcmdata.Dataset {
	t.Helper()
	f, err := newFunctional(g, a, p)
	if err != nil {
		t.Fatal(err)
	}
	return bulkDataset(t, f, 4)
}

// bulkDataset is the bulk data set (βμ_ex and c2(z) at six densities) of
// the functional f, labelled with the LJ cutoff rc (σ).
func bulkDataset(t *testing.T, f functional.Functional, rc float64) *pcmdata.Dataset {
	t.Helper()
	g := f.Grid()
	d := &pcmdata.Dataset{Recipe: pcmdata.Recipe{KT: 2, Cutoff: rc, PlanarDz: g.Dz}}
	for m := 0; m <= g.N/2; m++ {
		d.Z = append(d.Z, float64(m)*g.Dz)
	}
	rho := make([]float64, g.N)
	v := make([]float64, g.N)
	v[0] = 1 / g.Dz
	row := make([]float64, g.N)
	for _, r := range []float64{0.1, 0.25, 0.4, 0.55, 0.7, 0.85} {
		for i := range rho {
			rho[i] = r
		}
		if err := f.(functional.SecondDerivative).HessianVector(rho, v, row); err != nil {
			t.Fatal(err)
		}
		_, mu, _ := f.(functional.Bulk).BulkExcess(r)
		st := pcmdata.StateData{Density: r, BetaMuEx: stats.MeanErr{Mean: mu}, FitBetaMuEx: mu}
		for m := range d.Z {
			st.C2 = append(st.C2, -row[m])
		}
		d.States = append(d.States, st)
	}
	return d
}

// Training a student on a teacher's bulk data lowers the loss by orders of
// magnitude, and is deterministic: two runs give identical parameters.
func TestTrainRecoversTeacherDeterministically(t *testing.T) {
	g := functional.Grid{N: 120, Dz: 0.05, Periodic: true}
	a, teacher := testParams(t, testArch, g.Dz, 11)
	d := teacherDataset(t, g, a, teacher)
	s := TrainSettings{Grid: g, Architecture: a, Seed: 4, Steps: 600, LearnRate: 1e-2, KMax: 20, HoldOut: -1, LogEvery: 100, Base: &functional.Spec{}}
	m1, h1, err := Train(context.Background(), d, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	first, last := h1.Loss[0], h1.Loss[len(h1.Loss)-1]
	t.Logf("loss %.4g → %.4g; βμ_ex RMSE %.3g, ‖Δc2‖ %.3g", first, last, m1.Training.Train.MuRMSE, m1.Training.Train.C2RMS)
	if !(last < 1e-2*first) {
		t.Errorf("loss fell only from %.4g to %.4g", first, last)
	}
	m2, _, err := Train(context.Background(), d, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range m1.Params.W2 {
		if v != m2.Params.W2[i] {
			t.Fatalf("two runs differ: W2[%d] = %v and %v", i, v, m2.Params.W2[i])
		}
	}
	for i, v := range m1.Params.Kernels {
		if v != m2.Params.Kernels[i] {
			t.Fatalf("two runs differ: kernels[%d] = %v and %v", i, v, m2.Params.Kernels[i])
		}
	}
}

// With a base functional the network learns the data minus the base, and
// the model is their sum: trained on a teacher "mean field + network", the
// student model's bulk βμ_ex and ĉ(0) approach the teacher's, and the
// saved model rebuilds the same sum.
func TestTrainWithBase(t *testing.T) {
	g := functional.Grid{N: 120, Dz: 0.05, Periodic: true}
	a, p := testParams(t, testArch, g.Dz, 17)
	spec := functional.Spec{Attraction: "barker-henderson"}
	base, err := buildBase(g, spec, 2, 2.5)
	if err != nil {
		t.Fatal(err)
	}
	nn, _ := newFunctional(g, a, p)
	teacher, _ := functional.NewSum(base, nn)
	d := bulkDataset(t, teacher, 2.5)
	m, h, err := Train(context.Background(), d, TrainSettings{Grid: g, Architecture: a, Seed: 2, Steps: 600, LearnRate: 1e-2, KMax: 20, HoldOut: -1, LogEvery: 100, Base: &spec}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Base == nil || *m.Base != spec {
		t.Fatalf("model base %+v, want %+v", m.Base, spec)
	}
	path := filepath.Join(t.TempDir(), "model.json")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFunctional(path, g, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []float64{0.25, 0.7} {
		_, want, _ := teacher.BulkExcess(r)
		_, got, _ := f.(functional.Bulk).BulkExcess(r)
		_, bmu, _ := base.(functional.Bulk).BulkExcess(r)
		if math.Abs(got-want) > 0.02*math.Abs(want-bmu) {
			t.Errorf("ρ = %g: model βμ_ex %.5f, teacher %.5f (base alone %.5f)", r, got, want, bmu)
		}
	}
	t.Logf("loss %.3g → %.3g", h.Loss[0], h.Loss[len(h.Loss)-1])
}

// A saved model reads back into the same functional; loading it for
// another grid or temperature is an error.
func TestModelFileRoundTripAndMismatch(t *testing.T) {
	g := functional.Grid{N: 120, Dz: 0.05, Periodic: true}
	a, p := testParams(t, testArch, g.Dz, 13)
	m := &Model{Format: ModelFormat, Version: ModelVersion, Grid: ModelGrid{Cells: g.N, Dz: g.Dz, Length: g.Length(), Periodic: true},
		KT: 2, Cutoff: 4, Architecture: a, Params: *p}
	path := filepath.Join(t.TempDir(), "model.json")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFunctional(path, g, 2)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := newFunctional(g, a, p)
	rho := testProfile(g)
	d1, d2 := make([]float64, g.N), make([]float64, g.N)
	e1, _ := f.ExcessFreeEnergy(rho, d1)
	e2, _ := want.ExcessFreeEnergy(rho, d2)
	if e1 != e2 || d1[7] != d2[7] {
		t.Errorf("read-back functional differs: %v vs %v", e1, e2)
	}
	for _, c := range []struct {
		g  functional.Grid
		kT float64
	}{{functional.Grid{N: 100, Dz: 0.05, Periodic: true}, 2}, {functional.Grid{N: 120, Dz: 0.04, Periodic: true}, 2},
		{functional.Grid{N: 120, Dz: 0.05}, 2}, {g, 1.5}} {
		if _, err := LoadFunctional(path, c.g, c.kT); err == nil {
			t.Errorf("loading for grid %+v at kT %g succeeded", c.g, c.kT)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"format": "something else", "version": 1}`), 0o644)
	if _, err := ReadModel(bad); err == nil {
		t.Error("reading a file of another format succeeded")
	}
	if math.IsNaN(e1) {
		t.Error("free energy is NaN")
	}
}

// TrainFromDataset on the five-state fixture writes the model, the loss
// curve and its values, with the data set's provenance in the model.
func TestTrainFromDatasetFixture(t *testing.T) {
	out := t.TempDir()
	const fixture = "../scenarios/pcmdata/testdata/bulk-fixture"
	m, files, err := TrainFromDataset(context.Background(), fixture, out, TrainSettings{Steps: 30, LogEvery: 10, PhysimVersion: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("wrote %v", files)
	}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Errorf("output %s: %v", f, err)
		}
	}
	back, err := ReadModel(files[0])
	if err != nil {
		t.Fatal(err)
	}
	p := back.Training
	if p.Dataset != fixture || len(p.DatasetSHA256) != 64 || p.PhysimVersion != "test" || p.Steps != 30 || back.Base == nil ||
		len(p.TrainDensities) != 4 || len(p.ValidationDensities) != 1 || m.Training.Validation == nil {
		t.Errorf("provenance %+v, base %+v", p, back.Base)
	}
}

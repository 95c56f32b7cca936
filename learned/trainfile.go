package learned

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/physim/physim/internal/atomicfile"
	"github.com/physim/physim/scenarios/pcmdata"
	"github.com/physim/physim/viz"
)

// DefaultDataset is the shipped bulk data set the default model was
// trained on, relative to the repository root.
const DefaultDataset = "scenarios/pcmdata/data/bulk-v1"

// Files written by TrainFromDataset into its output directory.
const (
	ModelFile       = "model.json"
	LossCurveFile   = "loss.png"
	LossHistoryFile = "loss.csv"
)

// TrainFromDataset trains the neural functional on the bulk data set in
// dataDir (written by the pcm-data scenario) and writes into outDir the
// model (ModelFile, with the data set's provenance), the loss curve
// (LossCurveFile) and its values (LossHistoryFile). progress, if not nil,
// is called after every Adam step. It returns the model and the files
// written. This is what `physim train functional` runs.
func TrainFromDataset(ctx context.Context, dataDir, outDir string, s TrainSettings, progress func(step int)) (*Model, []string, error) {
	start, cpu0 := time.Now(), cpuSeconds()
	d, prov, err := pcmdata.Read(dataDir)
	if err != nil {
		return nil, nil, err
	}
	raw, err := os.ReadFile(filepath.Join(dataDir, pcmdata.ArraysFile))
	if err != nil {
		return nil, nil, fmt.Errorf("learned: %w", err)
	}
	sum := sha256.Sum256(raw)
	m, hist, err := Train(ctx, d, s, progress)
	if err != nil {
		return nil, nil, err
	}
	m.Training.Dataset = dataDir
	m.Training.DatasetSHA256 = hex.EncodeToString(sum[:])
	m.Training.DatasetCreated = prov.Created
	m.Training.WallSeconds = time.Since(start).Seconds()
	m.Training.CPUSeconds = cpuSeconds() - cpu0
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("learned: %w", err)
	}
	files := []string{filepath.Join(outDir, ModelFile), filepath.Join(outDir, LossCurveFile), filepath.Join(outDir, LossHistoryFile)}
	if err := m.Save(files[0]); err != nil {
		return nil, nil, err
	}
	if err := hist.SavePlot(files[1]); err != nil {
		return nil, files[:1], err
	}
	if err := hist.WriteCSV(files[2]); err != nil {
		return nil, files[:2], err
	}
	return m, files, nil
}

// cpuSeconds returns the user plus system CPU time of this process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

// SavePlot draws the loss curves (log scale) as a PNG at path.
func (h *History) SavePlot(path string) error {
	x := make([]float64, len(h.Step))
	for i, s := range h.Step {
		x[i] = float64(s)
	}
	series := []viz.Series{
		{Label: "training loss", X: x, Y: h.Loss},
		{Label: "βμ_ex term", X: x, Y: h.LossMu, Dashed: true},
		{Label: "c2 term", X: x, Y: h.LossC2, Dashed: true},
	}
	if len(h.Val) > 0 && h.Val[0] == h.Val[0] {
		series = append(series, viz.Series{Label: "validation loss (held-out states)", X: x, Y: h.Val})
	}
	fig := viz.Figure{Title: "neural functional: pair-correlation matching", XLabel: "Adam step", YLabel: "loss", LogY: true, Series: series}
	return fig.Save(path)
}

// WriteCSV writes the columns step, loss, loss_mu, loss_c2, validation to
// path, atomically.
func (h *History) WriteCSV(path string) error {
	b := []byte("step,loss,loss_mu,loss_c2,validation\n")
	for i, s := range h.Step {
		b = strconv.AppendInt(b, int64(s), 10)
		for _, v := range []float64{h.Loss[i], h.LossMu[i], h.LossC2[i], h.Val[i]} {
			b = append(b, ',')
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		}
		b = append(b, '\n')
	}
	return atomicfile.WriteFile(path, b)
}

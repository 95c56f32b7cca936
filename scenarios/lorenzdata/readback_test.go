package lorenzdata

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"codeberg.org/sbinet/npyio/npz"

	"github.com/physim/physim/internal/arrayio"
)

// pythonScript prints, for every array of lorenz.h5 and lorenz.npz, its
// dtype, shape, and the sum and first, middle and last elements of the
// flattened array, as JSON.
const pythonScript = `
import json, sys
import h5py, numpy as np
def describe(get, keys):
    out = {}
    for k in keys:
        a = np.asarray(get(k))
        f = a.reshape(-1)
        out[k] = {"dtype": a.dtype.str, "shape": list(a.shape), "sum": float(f.sum(dtype=np.float64)),
                  "picks": [float(f[0]), float(f[f.size // 2]), float(f[-1])]}
    return out
with h5py.File(sys.argv[1], "r") as h:
    res = {"h5": describe(lambda k: h[k][()], list(h.keys()))}
z = np.load(sys.argv[2])
res["npz"] = describe(lambda k: z[k], list(z.keys()))
print(json.dumps(res))
`

type described struct {
	Dtype string    `json:"dtype"`
	Shape []int     `json:"shape"`
	Sum   float64   `json:"sum"`
	Picks []float64 `json:"picks"`
	abs   float64   // Σ|x|, Go side only
}

// readBack writes d as lorenz.h5 and lorenz.npz, checks that no temporary
// file is left, checks the NPZ with npyio, and reads both files with
// Debian's Python (h5py and numpy): every array must be present with its
// dtype and shape, and its sum and three elements must equal the Go values
// (exactly, except the float sums, which numpy accumulates pairwise: to
// 1e-12 of Σ|x|).
func readBack(t *testing.T, d *Dataset) {
	dir := t.TempDir()
	h5, nz := filepath.Join(dir, "lorenz.h5"), filepath.Join(dir, "lorenz.npz")
	if err := d.WriteHDF5(h5); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteNPZ(nz); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("output directory holds %d entries, want the two files only", len(ents))
	}

	// npyio (an independent NPY reader) on small arrays of each dtype; its
	// reflection-based decoding is too slow for the large ones.
	f, err := npz.Open(nz)
	if err != nil {
		t.Fatal(err)
	}
	var w []float64
	var inds []int64
	if err := f.Read("readout_weights.npy", &w); err != nil {
		t.Fatal(err)
	}
	if err := f.Read("valid_inds.npy", &inds); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w, d.Weights) || !slices.Equal(inds, d.ValidInds) ||
		!slices.Equal(f.Header("readout_weights.npy").Descr.Shape, []int{d.Config.Neurons, 3}) ||
		!slices.Equal(f.Header("train_data.npy").Descr.Shape, []int{len(d.TrainInds), d.Bins(), d.Config.Neurons}) {
		t.Error("npyio reads back different arrays or shapes")
	}
	f.Close()

	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import h5py, numpy").Run(); err != nil {
		t.Skipf("HDF5/NPZ read-back with Python skipped: %s cannot import h5py and numpy (%v); install python3-h5py and python3-numpy", py, err)
	}
	out, err := exec.Command(py, "-c", pythonScript, h5, nz).Output()
	if err != nil {
		t.Fatalf("python read-back failed: %v", err)
	}
	var res map[string]map[string]described
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"h5", "npz"} {
		got := res[file]
		arrays := d.arrays()
		if len(got) != len(arrays) {
			t.Errorf("%s holds %d arrays, want %d", file, len(got), len(arrays))
		}
		for _, a := range arrays {
			g, ok := got[a.Name]
			if !ok {
				t.Errorf("%s: %s missing", file, a.Name)
				continue
			}
			want := describeGo(a)
			if g.Dtype != want.Dtype || !slices.Equal(g.Shape, want.Shape) || !slices.Equal(g.Picks, want.Picks) ||
				math.Abs(g.Sum-want.Sum) > 1e-12*want.abs {
				t.Errorf("%s: %s read back as %+v, want %+v", file, a.Name, g, want)
			}
		}
	}
	t.Logf("h5py and numpy read %d arrays from each file; train_data %v %s", len(res["h5"]), res["h5"]["train_data"].Shape, res["h5"]["train_data"].Dtype)
}

func describeGo(a arrayio.Array) described {
	var v []float64
	var dtype string
	switch x := a.Data.(type) {
	case []int32:
		dtype = "<i4"
		for _, e := range x {
			v = append(v, float64(e))
		}
	case []int64:
		dtype = "<i8"
		for _, e := range x {
			v = append(v, float64(e))
		}
	case []float64:
		dtype, v = "<f8", x
	}
	var sum, abs float64
	for _, e := range v {
		sum += e
		abs += math.Abs(e)
	}
	return described{Dtype: dtype, Shape: a.Shape, Sum: sum, Picks: []float64{v[0], v[len(v)/2], v[len(v)-1]}, abs: abs}
}

func TestWriteFailsCleanly(t *testing.T) {
	d, err := Generate(small(), 1)
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "no", "such", "dir")
	if err := d.WriteHDF5(filepath.Join(missing, "lorenz.h5")); err == nil {
		t.Error("WriteHDF5 into a missing directory succeeded")
	}
	if err := d.WriteNPZ(filepath.Join(missing, "lorenz.npz")); err == nil {
		t.Error("WriteNPZ into a missing directory succeeded")
	}
}

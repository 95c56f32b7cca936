package trajectory

import (
	"encoding/json"
	"os/exec"
	"testing"
)

// aseScript reads every frame of the files named by its arguments with ASE
// and prints, as JSON, what ASE found in each frame of each file.
const aseScript = `
import json, sys
import ase.io
out = []
for a in (a for path in sys.argv[1:] for a in ase.io.read(path, index=":")):
    out.append({"symbols": a.get_chemical_symbols(), "pos": a.positions.tolist(),
                "cell": a.cell.tolist(), "pbc": [bool(p) for p in a.pbc],
                "time": float(a.info["Time"]), "step": int(a.info["Step"]),
                "velo": a.arrays["velo"].tolist(), "phase": a.arrays["phase"].tolist()})
print(json.dumps(out))
`

// TestASEReadsXYZ has ASE (an independent extxyz reader) read plain and
// gzip files written with the default type names, and compares species,
// positions, cell, pbc, Time, Step, velocities and the value with what was
// written. It is skipped where ASE is not installed (Debian package
// python3-ase).
func TestASEReadsXYZ(t *testing.T) {
	if exec.Command("/usr/bin/python3", "-c", "import ase.io").Run() != nil {
		t.Skip("ASE is not installed for /usr/bin/python3 (apt-get install python3-ase)")
	}
	h := Header{N: 6, Types: []int32{0, 1, 2, 0, 1, 2}, Velocities: true, ValueName: "phase"}
	frames := randomFrames(&h, 3, 13)
	names := []string{"ase.xyz", "ase.xyz.gz"}
	args := []string{"-c", aseScript}
	for _, name := range names {
		path := tempPath(t, name)
		writeAll(t, path, h, frames)
		args = append(args, path)
	}
	out, err := exec.Command("/usr/bin/python3", args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("ASE failed: %v\n%s", err, stderr)
	}
	var got []struct {
		Symbols   []string
		Pos, Cell [][3]float64
		Velo      [][3]float64
		Pbc       [3]bool
		Time      float64
		Step      int64
		Phase     []float64
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(names)*len(frames) {
		t.Fatalf("ASE read %d frames, want %d", len(got), len(names)*len(frames))
	}
	// ASE parses the decimals as float64; they are the shortest decimals
	// that round-trip each float32, so converting back gives the float32.
	for j, a := range got {
		name, k := names[j/len(frames)], j%len(frames)
		f := frames[k]
		if a.Time != f.Time || a.Step != f.Step || a.Pbc != f.Box.Periodic {
			t.Errorf("%s frame %d: ASE time %g step %d pbc %v", name, k, a.Time, a.Step, a.Pbc)
		}
		for d := 0; d < 3; d++ {
			for e := 0; e < 3; e++ {
				if want := f.Box.L[d] * float64(btoi(d == e)); a.Cell[d][e] != want {
					t.Errorf("%s frame %d: ASE cell %v", name, k, a.Cell)
				}
			}
		}
		for i := 0; i < h.N; i++ {
			if a.Symbols[i] != DefaultTypeName(h.Types[i]) || float32(a.Phase[i]) != f.Value[i] {
				t.Errorf("%s frame %d particle %d: ASE symbol %s phase %g", name, k, i, a.Symbols[i], a.Phase[i])
			}
			for d := 0; d < 3; d++ {
				if float32(a.Pos[i][d]) != f.Pos[i][d] || float32(a.Velo[i][d]) != f.Vel[i][d] {
					t.Errorf("%s frame %d particle %d: ASE position %v velocity %v", name, k, i, a.Pos[i], a.Velo[i])
				}
			}
		}
	}
}

package lammps

import (
	"context"
	"math"
	"os"
	"testing"
)

// testdata/log.in.lj.txt is the log of LAMMPS (Debian package lammps,
// 20220106) running its bench/in.lj on this project's 2-core machine;
// remake it with: lmp -in in.lj -log log.in.lj.txt -screen none.
func TestParseLog(t *testing.T) {
	data, err := os.ReadFile("testdata/log.in.lj.txt")
	if err != nil {
		t.Fatal(err)
	}
	th, err := ParseThermo(string(data))
	if err != nil {
		t.Fatal(err)
	}
	pe, err := th[0].Column("E_pair")
	if err != nil {
		t.Fatal(err)
	}
	if len(pe) != 2 || pe[0] != -6.7733681 || pe[1] != -5.7585055 {
		t.Errorf("E_pair column = %v", pe)
	}
	perf, err := ParsePerformance(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if perf.Atoms != 32000 || perf.TimestepsPerSec <= 0 || math.Abs(perf.AtomStepsPerSec-32000*perf.TimestepsPerSec) > 1e-6 {
		t.Errorf("performance = %+v", perf)
	}
	if _, err := ParseThermo("no thermo here"); err == nil {
		t.Error("ParseThermo accepted a log without thermo output")
	}
}

// The generated in.lj replica reproduces LAMMPS's own step-0 numbers when
// lmp is installed (scripts/test installs it).
func TestInputRunsInLAMMPS(t *testing.T) {
	if !Available() {
		t.Skip("lmp not installed (apt-get install lammps)")
	}
	p := LJ{Cells: 5, Density: 0.8442, KT: 1.44, Cutoff: 2.5, Skin: 0.3, Every: 20, Dynamics: "nve", Dt: 0.005, Steps: 10, ThermoEvery: 10, Seed: 87287}
	log, err := Run(context.Background(), t.TempDir(), p.Input())
	if err != nil {
		t.Fatal(err)
	}
	th, err := ParseThermo(log)
	if err != nil {
		t.Fatal(err)
	}
	pe, err := th[len(th)-1].Column("PotEng")
	if err != nil {
		t.Fatal(err)
	}
	// The FCC lattice sum does not depend on the system size.
	if math.Abs(pe[0]-(-6.7733681)) > 1e-6 {
		t.Errorf("step-0 energy %v, want -6.7733681", pe[0])
	}
}

package potentials

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// inLJState is the LAMMPS bench/in.lj start: fcc 20×20×20 unit cells,
// 32,000 atoms at ρ = 0.8442 (box 33.591924σ).
func inLJState() *sim.State { return fccState(20, 0.8442) }

// TestInLJStep0 reproduces the step-0 pair energy and virial pressure of the
// LAMMPS in.lj benchmark (lj/cut 2.5, skin 0.3) in one evaluation.
// References: the published log (bench/log.*.lj.*: E_pair −6.7733681 and
// Press −5.0197073 at T = 1.44, whose kinetic part (N−1)·1.44/V is
// analytic), to the log's 8 digits; and LAMMPS 29 Sep 2021 run here on
// testdata/lammps_inlj_step0.in, to 1e-10 relative (the lattice positions
// are generated differently, so round-off differs).
func TestInLJStep0(t *testing.T) {
	s := inLJState()
	n := float64(s.N())
	vol := s.Box.Volume()
	if relErr(s.Box.L[0], 33.591924) > 1e-8 {
		t.Fatalf("box edge %.9g, LAMMPS 33.591924", s.Box.L[0])
	}
	p, err := NewPair(LJ{}, PairSettings{Skin: 0.3, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	_, r := evaluate(t, p, s)
	e, pvir := r.Energy/n, r.Virial/(3*vol)
	const lmpE, lmpP = -6.77336805323422, -6.23531727008556
	t.Logf("E/N = %.14g (LAMMPS %.14g), W/3V = %.14g (LAMMPS %.14g)", e, lmpE, pvir, lmpP)
	if relErr(e, lmpE) > 1e-10 || relErr(pvir, lmpP) > 1e-10 {
		t.Errorf("E/N = %.15g, W/3V = %.15g; LAMMPS %.15g, %.15g", e, pvir, lmpE, lmpP)
	}
	const logE, logP, logT = -6.7733681, -5.0197073, 1.44
	kin := (n - 1) * logT / vol
	if d := e - logE; math.Abs(d) > 5e-7 {
		t.Errorf("E/N = %.10g, published log %.8g (|Δ| %.2g ≥ 5e-7)", e, logE, d)
	}
	if d := pvir - (logP - kin); math.Abs(d) > 2e-7 {
		t.Errorf("W/3V = %.10g, published log %.8g − %.8g = %.10g", pvir, logP, kin, logP-kin)
	}
}

// TestPairMatchesLAMMPSForces compares per-atom forces, energy and virial
// pressure on a perturbed 256-atom fcc configuration with LAMMPS 29 Sep 2021
// (testdata/lammps_perturbed.in: lj/cut and lj/smooth/linear at r_c = 2.6,
// ε = 0.8, σ = 1.1; "shift yes" and "tail yes" variants). Forces agree to
// 1e-10 of their size, energy per atom and W/3V to 1e-12 relative.
func TestPairMatchesLAMMPSForces(t *testing.T) {
	s, fPlain, fFS := readLAMMPSPerturbed(t)
	n, vol := float64(s.N()), s.Box.Volume()
	base := LJ{Epsilon: 0.8, Sigma: 1.1, Cutoff: 2.6}
	cases := []struct {
		name    string
		mode    CutMode
		tail    bool
		e, pvir float64
		f       []sim.Vec3
	}{
		{"plain", CutPlain, false, -4.4552313711841398, 10.164309744803605, fPlain},
		{"shifted", CutShifted, false, -3.9091335600062478, 10.164309744803605, fPlain},
		{"tail", CutPlain, true, -5.0244236750385429, 9.2051260619468103, fPlain},
		{"force-shifted", CutForceShifted, false, -3.108170214250586, 10.855632066340297, fFS},
	}
	for _, c := range cases {
		law := base
		law.Mode = c.mode
		p, err := NewPair(law, PairSettings{Tail: c.tail})
		if err != nil {
			t.Fatal(err)
		}
		f, r := evaluate(t, p, s)
		if e, pv := r.Energy/n, r.Virial/(3*vol); relErr(e, c.e) > 1e-12 || relErr(pv, c.pvir) > 1e-12 {
			t.Errorf("%s: E/N = %.15g, W/3V = %.15g; LAMMPS %.15g, %.15g", c.name, e, pv, c.e, c.pvir)
		}
		var worst float64
		for i := range f {
			d := f[i].Sub(c.f[i]).Norm() / (c.f[i].Norm() + 1)
			worst = max(worst, d)
		}
		if worst > 1e-10 {
			t.Errorf("%s: forces differ from LAMMPS by up to %.3g of |F| + 1", c.name, worst)
		}
	}
}

// readLAMMPSPerturbed reads testdata/lammps_perturbed.txt: the state and the
// LAMMPS forces of lj/cut and lj/smooth/linear.
func readLAMMPSPerturbed(t *testing.T) (*sim.State, []sim.Vec3, []sim.Vec3) {
	t.Helper()
	file, err := os.Open("testdata/lammps_perturbed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	const edge = 6.7183847655300291
	var pos, fp, ff []sim.Vec3
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Fields(sc.Text())
		if len(fields) != 9 {
			t.Fatalf("line %q: want 9 columns", sc.Text())
		}
		var v [9]float64
		for k, fs := range fields {
			if v[k], err = strconv.ParseFloat(fs, 64); err != nil {
				t.Fatal(err)
			}
		}
		pos = append(pos, sim.Vec3{v[0], v[1], v[2]})
		fp = append(fp, sim.Vec3{v[3], v[4], v[5]})
		ff = append(ff, sim.Vec3{v[6], v[7], v[8]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	s := sim.NewState(len(pos), sim.NewPeriodicBox(edge, edge, edge))
	copy(s.Pos, pos)
	return s, fp, ff
}

package scenarios

import (
	"context"
	"math"
	"testing"

	"github.com/physim/physim/internal/lammps"
	"github.com/physim/physim/sim/stats"
)

// The lj-fluid scenario and LAMMPS (lj/cut 4.0 with pair_modify tail yes,
// fix langevin + fix nve) run the same state, kT = 2, ρ = 0.6, 864 atoms,
// γ = 1 (damp = m/γ = 1), dt = 0.005, and agree in potential energy per
// particle and pressure within 4 combined standard errors. Long: about a
// minute of LAMMPS and a few of physim on two cores.
func TestLJFluidAgreesWithLAMMPS(t *testing.T) {
	if testing.Short() {
		t.Skip("long comparison with LAMMPS; run without -short")
	}
	if !lammps.Available() {
		t.Skip("lmp not installed (apt-get install lammps)")
	}
	c := LJFluid{}.DefaultConfig().(*LJFluidConfig)
	c.Particles, c.EquilibrationSteps, c.Steps, c.SampleEvery = 864, 2000, 20000, 10
	u, p := runLJ(t, c, 5)

	in := lammps.LJ{Cells: 6, Density: c.Density, KT: c.KT, Cutoff: c.Cutoff, Tail: true, Skin: c.Skin,
		Every: 1, Check: true, Dynamics: "langevin", Damp: 1 / c.Gamma, Dt: c.Dt,
		Equilibrate: int(c.EquilibrationSteps), Steps: int(c.Steps), ThermoEvery: int(c.SampleEvery), Seed: 4928}
	log, err := lammps.Run(context.Background(), t.TempDir(), in.Input())
	if err != nil {
		t.Fatal(err)
	}
	th, err := lammps.ParseThermo(log)
	if err != nil {
		t.Fatal(err)
	}
	prod := th[len(th)-1]
	pe, err := prod.Column("PotEng")
	if err != nil {
		t.Fatal(err)
	}
	press, err := prod.Column("Press")
	if err != nil {
		t.Fatal(err)
	}
	lu, lp := stats.BlockAverage(pe[1:]).Estimate(), stats.BlockAverage(press[1:]).Estimate()
	t.Logf("physim: U/N = %v, P = %v", u, p)
	t.Logf("LAMMPS: U/N = %v, P = %v", lu, lp)
	t.Logf("JZG:    U/N = %g, P = %g", jzg.u, jzg.p)
	check := func(name string, a, b stats.MeanErr) {
		if d, tol := math.Abs(a.Mean-b.Mean), 4*math.Hypot(a.StdErr, b.StdErr); d > tol {
			t.Errorf("%s: physim %v vs LAMMPS %v differ by %.3g > %.3g", name, a, b, d, tol)
		}
	}
	check("U/N", u, lu)
	check("P", p, lp)
}

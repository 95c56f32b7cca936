package ddft

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/physim/physim/potentials/functional"
)

// cpuTime returns the process's user + system CPU time. On a shared machine
// wall-clock benchmarks include time spent waiting for a core; the CPU time
// per operation (reported as cpu-ns/op) does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU runs body b.N times and reports CPU time per operation.
func reportCPU(b *testing.B, body func()) {
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		body()
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// One explicit DDFT step of the main job: WBII + mean field (kT = 2, r_c = 4)
// on L = 10σ periodic, dz = 0.01 (1000 cells), D = 0.25, dt = 1e-4.
func BenchmarkDDFTStepMainJob(b *testing.B) {
	d, err := New(mainJobSystem(b, 10, 0.01), Settings{D: 0.25, Dt: 1e-4})
	if err != nil {
		b.Fatal(err)
	}
	rho := uniform(1000, 0.6)
	reportCPU(b, func() {
		if err := d.Step(rho, 0, 1e-4); err != nil {
			b.Fatal(err)
		}
	})
}

// A full 4τ run of the main job from ρ̄ = 0.6 with each stepper.
func benchmarkMainJobRun(b *testing.B, s Settings) {
	sys := mainJobSystem(b, 10, 0.01)
	d, err := New(sys, s)
	if err != nil {
		b.Fatal(err)
	}
	var st Stats
	reportCPU(b, func() {
		rho := uniform(1000, 0.6)
		if st, err = d.Run(context.Background(), rho, 0, 4, Frames{}); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(st.Steps), "steps")
}

func BenchmarkDDFTRun4TauEuler(b *testing.B) {
	benchmarkMainJobRun(b, Settings{D: 0.25, Dt: 1e-4})
}

func BenchmarkDDFTRun4TauHeunAdaptive(b *testing.B) {
	benchmarkMainJobRun(b, Settings{D: 0.25, Adaptive: true})
}

func BenchmarkDDFTRun4TauETD2Adaptive(b *testing.B) {
	benchmarkMainJobRun(b, Settings{D: 0.25, Scheme: Spectral, Adaptive: true})
}

// The White Bear II profile at a hard wall at η = 0.4 (ρ_b = 0.763944, d = 1)
// in a 10σ slit, dz = 0.01, to the default tolerance.
func BenchmarkHardWallEta04(b *testing.B) {
	g := mustGrid(b, 10, 0.01, false)
	f := mustFunctional(b, g, functional.Spec{HardSpheres: "wb2"})
	var eq *Equilibrium
	var err error
	reportCPU(b, func() {
		if eq, err = GrandCanonicalDensity(System{Excess: f}, 0.763944, EquilibriumSettings{}); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(eq.Iterations), "iterations")
}

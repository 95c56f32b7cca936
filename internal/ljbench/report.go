package ljbench

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// writeTables writes the table of median figures per case, the ratios to
// LAMMPS, and the machine and memory lines; set has its defaults filled in.
func writeTables(w io.Writer, set Settings, res []*Result) error {
	fmt.Fprintf(w, "in.lj: fcc ρ = %g, T = %g, LJ r_c = %gσ, skin %gσ, list every %d steps (physim: check and rebuild if needed; LAMMPS: rebuild, check no); %d warm-up + %d timed steps; medians of %d repetitions\n",
		Density, KT, Cutoff, Skin, ListEvery, set.Warmup, set.Steps, set.Reps)
	fmt.Fprintf(w, "machine: %s\n\n", machine())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "engine\tdynamics\tatoms\tworkers\tsteps/s\tMatom-steps/s\tpair\tneigh\tinteg\tother\t(ns/atom-step)\tbuilds\tT_end\tU/N_end\tidentical\t")
	for _, r := range res {
		c, m := r.Case, r.Median()
		per := func(d time.Duration) string {
			return fmt.Sprintf("%.1f", float64(d.Nanoseconds())/float64(c.Atoms*m.Steps))
		}
		temp := fmt.Sprintf("%.4f", m.Temp)
		if c.Dynamics == Brownian {
			temp = "—" // velocities are displacements over dt
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.1f\t%.3f\t%s\t%s\t%s\t%s\t\t%d\t%s\t%.4f\t%s\t\n",
			c.Engine, c.Dynamics, c.Atoms, c.Workers, float64(m.Steps)/m.Wall.Seconds(), m.AtomSteps(c.Atoms)/1e6,
			per(m.Pair), per(m.Neighbor), per(m.Integrate), per(m.Other), m.Builds, temp, m.Energy, identical(res, r, set.Workers[0]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if set.VsLAMMPS {
		fmt.Fprintln(w, "\nratios of atom-steps/s, physim / LAMMPS (median over repetitions of the ratio within each repetition):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "dynamics\tatoms\tworkers\tvs lj/cut\tvs lj/cut/opt\t")
		for _, r := range res {
			if r.Case.Engine != Physim {
				continue
			}
			plain, opt := ratio(res, r, LAMMPS), ratio(res, r, LAMMPSOpt)
			if plain == 0 && opt == 0 {
				continue
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f×\t%.2f×\t\n", r.Case.Dynamics, r.Case.Atoms, r.Case.Workers, plain, opt)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	// The peak of lmp cannot be read here: a child's rusage counts the
	// pages of this process, which it shares until exec.
	_, err := fmt.Fprintf(w, "\npeak resident memory of this process: %.1f MiB (largest system %d atoms; measure LAMMPS with /usr/bin/time -v)\n",
		float64(peakRSS())/(1<<20), slices.Max(set.Atoms))
	return err
}

// identical compares the final state of physim result r with that of the
// same case run with ref workers: "ref" for that case itself, "yes" when
// every repetition's fingerprint matches, "NO" otherwise.
func identical(res []*Result, r *Result, ref int) string {
	c := r.Case
	if c.Engine != Physim {
		return ""
	}
	if c.Workers == ref {
		return "ref"
	}
	for _, o := range res {
		oc := o.Case
		if oc.Engine == Physim && oc.Atoms == c.Atoms && oc.Dynamics == c.Dynamics && oc.Workers == ref {
			for i := range r.Samples {
				if i >= len(o.Samples) || r.Samples[i].Hash != o.Samples[i].Hash {
					return "NO"
				}
			}
			return "yes"
		}
	}
	return ""
}

// ratio returns the median over repetitions of physim's atom-step rate in
// r divided by that of engine e on the same atoms and dynamics in the same
// repetition, or 0 if e has no such case.
func ratio(res []*Result, r *Result, e Engine) float64 {
	for _, o := range res {
		oc := o.Case
		if oc.Engine != e || oc.Atoms != r.Case.Atoms || oc.Dynamics != r.Case.Dynamics {
			continue
		}
		var q []float64
		for i := range min(len(r.Samples), len(o.Samples)) {
			q = append(q, o.Samples[i].Wall.Seconds()/float64(o.Samples[i].Steps)/(r.Samples[i].Wall.Seconds()/float64(r.Samples[i].Steps)))
		}
		return median(q)
	}
	return 0
}

// median returns the median of x (the mean of the middle two for an even
// count), or 0 for none.
func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	x = slices.Clone(x)
	slices.Sort(x)
	n := len(x)
	if n%2 == 1 {
		return x[n/2]
	}
	return (x[n/2-1] + x[n/2]) / 2
}

// machine describes the machine: date, CPU model, core count, Go version
// and the load average.
func machine() string {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	load := "n/a"
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) >= 3 {
			load = strings.Join(f[:3], " ")
		}
	}
	return fmt.Sprintf("%s, %s, %d CPUs, %s %s/%s, load average %s",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), model, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, load)
}

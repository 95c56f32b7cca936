package main

import (
	"context"
	"strings"
	"testing"
)

// physim bench lj prints the table with the breakdown and the
// worker-count check for a small system.
func TestBenchLJ(t *testing.T) {
	out, _, err := physim(t, context.Background(), "bench", "lj", "--atoms", "500", "--steps", "10", "--warmup", "0", "--reps", "1", "--workers", "1,2", "--dynamics", "nve,brownian")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Matom-steps/s", "pair", "neigh", "integ", "identical", "brownian", "peak resident memory of this process"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, " yes\n") != 2 || strings.Contains(out, "NO") {
		t.Errorf("want two identical 2-worker runs:\n%s", out)
	}
}

func TestBenchBD(t *testing.T) {
	out, _, err := physim(t, context.Background(), "bench", "bd", "--steps", "20", "--warmup", "5", "--reps", "1", "--workers", "2")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"600 LJ particles", "r_c = 4σ", "batch", "steps/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// Bad bench input is refused with an error that names the problem.
func TestBenchRejectsBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"bench"}, "lj or bd"},
		{[]string{"bench", "md"}, "unknown benchmark"},
		{[]string{"bench", "lj", "--atoms", "1000"}, "4n³"},
		{[]string{"bench", "lj", "--atoms", "4k"}, "not an integer"},
		{[]string{"bench", "lj", "--dynamics", "md"}, "unknown dynamics"},
		{[]string{"bench", "lj", "--workers", "0"}, "worker count"},
		{[]string{"bench", "lj", "extra"}, "unexpected arguments"},
		{[]string{"bench", "bd", "--particles", "1"}, "particles"},
	} {
		_, _, err := physim(t, context.Background(), c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one mentioning %q", c.args, err, c.want)
		}
	}
}

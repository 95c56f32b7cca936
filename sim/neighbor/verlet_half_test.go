package neighbor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/physim/physim/sim"
)

// checkHalf compares a built half list with the lower part of the
// brute-force neighbour lists, and the pair count with half their total.
func checkHalf(t *testing.T, v *Verlet, s *sim.State) {
	t.Helper()
	want := bruteForce(s, v.Radius())
	total := 0
	for i := range want {
		k, _ := slices.BinarySearch(want[i], int32(i))
		total += k
		if got := v.Lower(i); !slices.Equal(got, want[i][:k]) {
			t.Fatalf("particle %d: lower neighbours %v, brute force %v", i, got, want[i][:k])
		}
	}
	if v.Pairs() != total {
		t.Fatalf("Pairs() = %d, brute force %d", v.Pairs(), total)
	}
}

// Every configuration of the full-list tests gives the lower half of the
// brute-force lists, serial and with three workers, and the full list's
// Lower agrees.
func TestVerletHalfMatchesBruteForce(t *testing.T) {
	for _, tc := range listCases() {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range []int{1, 3} {
				v := &Verlet{Cutoff: tc.cutoff, Skin: tc.skin, Half: true, Workers: w}
				if err := v.Build(tc.s); err != nil {
					t.Fatal(err)
				}
				checkHalf(t, v, tc.s)
			}
			full := &Verlet{Cutoff: tc.cutoff, Skin: tc.skin}
			if err := full.Build(tc.s); err != nil {
				t.Fatal(err)
			}
			for i := range tc.s.N() {
				k, _ := slices.BinarySearch(full.Neighbors(i), int32(i))
				if !slices.Equal(full.Lower(i), full.Neighbors(i)[:k]) {
					t.Fatalf("particle %d: full list's Lower %v, Neighbors %v", i, full.Lower(i), full.Neighbors(i))
				}
			}
		})
	}
}

// Half lists built by 1 to 8 workers are identical, through rebuilds of a
// moving configuration, and rebuilding allocates nothing.
func TestVerletHalfWorkersAndRebuilds(t *testing.T) {
	s := fcc(12, 0.8442, 0.1, 23) // 6912 atoms: up to 3 workers
	rng := rand.New(rand.NewPCG(31, 0))
	for step := 0; step < 2; step++ {
		ref := &Verlet{Cutoff: 2.5, Skin: 0.3, Half: true}
		if err := ref.Build(s); err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{2, 3, 8} {
			v := &Verlet{Cutoff: 2.5, Skin: 0.3, Half: true, Workers: w}
			if err := v.Build(s); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(v.idx, ref.idx) || !slices.Equal(v.start, ref.start) {
				t.Fatalf("step %d, %d workers: half list differs from the serial one", step, w)
			}
			if a := testing.AllocsPerRun(1, func() {
				if err := v.Build(s); err != nil {
					t.Fatal(err)
				}
			}); a != 0 {
				t.Errorf("half Build with %d workers allocates %v times per call", w, a)
			}
		}
		randomStep(s, 0.2, rng)
	}
}

// A half list refuses the full-list accessors, and switching Half forces a
// rebuild.
func TestVerletHalfAccessors(t *testing.T) {
	s := fcc(5, 0.8442, 0.05, 7)
	v := &Verlet{Cutoff: 2.5, Skin: 0.3, Half: true}
	if _, err := v.Update(s); err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func(){"Neighbors": func() { v.Neighbors(0) }, "Upper": func() { v.Upper(0) }} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "Half") {
					t.Errorf("%s on a half list: recovered %v", name, r)
				}
			}()
			f()
		}()
	}
	half := v.Pairs()
	v.Half = false
	if rebuilt, err := v.Update(s); err != nil || !rebuilt {
		t.Fatalf("switching to a full list: rebuilt %v, %v", rebuilt, err)
	}
	if v.Pairs() != 2*half {
		t.Errorf("full list has %d pairs, half list %d", v.Pairs(), half)
	}
}

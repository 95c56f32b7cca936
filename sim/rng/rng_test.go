package rng

import (
	"math"
	"testing"
)

// Known-answer tests from the Random123 distribution (kat_vectors,
// philox4x32_10), the reference implementation of Salmon et al. (2011).
func TestPhiloxKnownAnswers(t *testing.T) {
	cases := []struct {
		ctr  [4]uint32
		key  [2]uint32
		want [4]uint32
	}{
		{[4]uint32{0, 0, 0, 0}, [2]uint32{0, 0}, [4]uint32{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
		{[4]uint32{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, [2]uint32{0xffffffff, 0xffffffff}, [4]uint32{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
		{[4]uint32{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, [2]uint32{0xa4093822, 0x299f31d0}, [4]uint32{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
	}
	for _, c := range cases {
		if got := Philox4x32(c.ctr, c.key); got != c.want {
			t.Errorf("Philox4x32(%08x, %08x) = %08x, want %08x", c.ctr, c.key, got, c.want)
		}
	}
}

// The normals have mean 0, variance 1 and kurtosis 3 within their standard
// errors (5σ bounds; n = 400000 draws).
func TestNormalMoments(t *testing.T) {
	const n = 100000
	var s1, s2, s4 float64
	for i := 0; i < n; i++ {
		for _, x := range (Key{Seed: 42, Step: uint64(i), Particle: 7, Stream: StreamBrownian}).Normal4() {
			s1 += x
			s2 += x * x
			s4 += x * x * x * x
		}
	}
	m := float64(4 * n)
	mean, v, k := s1/m, s2/m, s4/m
	if math.Abs(mean) > 5/math.Sqrt(m) {
		t.Errorf("mean %g, want 0 ± %g", mean, 5/math.Sqrt(m))
	}
	if math.Abs(v-1) > 5*math.Sqrt(2/m) {
		t.Errorf("variance %g, want 1 ± %g", v, 5*math.Sqrt(2/m))
	}
	if math.Abs(k-3) > 5*math.Sqrt(96/m) {
		t.Errorf("fourth moment %g, want 3 ± %g", k, 5*math.Sqrt(96/m))
	}
}

// Different particles, steps, streams and seeds give different words.
func TestKeysIndependent(t *testing.T) {
	base := Key{Seed: 1, Step: 2, Particle: 3, Stream: 4}
	seen := map[[4]uint32]bool{base.Uint32x4(): true}
	for _, k := range []Key{{2, 2, 3, 4}, {1, 3, 3, 4}, {1, 2, 4, 4}, {1, 2, 3, 5}, {1 << 40, 2, 3, 4}, {1, 2 << 33, 3, 4}} {
		w := k.Uint32x4()
		if seen[w] {
			t.Errorf("key %+v repeats an earlier draw", k)
		}
		seen[w] = true
	}
}

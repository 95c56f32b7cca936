package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Imager.Image gives MinImage's values for displacements up to three edges
// long in a box periodic in x and z and open in y, except within 1e-9
// relative of a half-integer multiple of an edge.
func TestImagerMatchesMinImage(t *testing.T) {
	b := Box{L: Vec3{3.7, 5, 11.3}, Periodic: [3]bool{true, false, true}}
	m := b.Imager()
	rng := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for range 100000 {
		var d Vec3
		nearTie := false
		for k := range d {
			d[k] = (6*rng.Float64() - 3) * b.L[k]
			x := d[k]/b.L[k] - 0.5
			nearTie = nearTie || b.Periodic[k] && math.Abs(x-math.Round(x)) < 1e-9
		}
		if nearTie {
			continue
		}
		want := b.MinImage(d)
		x, y, z := m.Image(d[0], d[1], d[2])
		if (Vec3{x, y, z}) != want {
			t.Fatalf("Image(%v) = (%v, %v, %v), MinImage %v", d, x, y, z, want)
		}
		checked++
	}
	// Exact half-box displacements: both images are minimum ones.
	x, _, _ := m.Image(b.L[0]/2, 0, 0)
	if math.Abs(x) != b.L[0]/2 {
		t.Errorf("Image(L/2) = %v, want ±%v", x, b.L[0]/2)
	}
	if checked < 99000 {
		t.Errorf("only %d displacements checked", checked)
	}
}

// roundHalfEven equals math.RoundToEven on random values, halves and
// large values below 2⁵¹.
func TestRoundHalfEven(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	xs := []float64{0, -0.5, 0.5, 1.5, 2.5, -2.5, 0.49999999999999994, math.Nextafter(0.5, 1), 1<<51 - 0.5, -(1<<51 - 1.5)}
	for range 10000 {
		xs = append(xs, (2*rng.Float64()-1)*math.Pow(2, 60*rng.Float64()-10))
	}
	for _, x := range xs {
		if math.Abs(x) >= 1<<51 {
			continue
		}
		if got, want := roundHalfEven(x), math.RoundToEven(x); got != want {
			t.Fatalf("roundHalfEven(%v) = %v, want %v", x, got, want)
		}
	}
}

// For p in Interior(r) and q in Interior(0) closer than r under the
// minimum image, q − p is already its own minimum image, bit for bit;
// open axes are unbounded.
func TestInteriorNeedsNoImage(t *testing.T) {
	b := Box{L: Vec3{7, 9, 8}, Periodic: [3]bool{true, true, false}}
	const r = 2.5
	lo, hi := b.Interior(r)
	if lo != (Vec3{r, r, math.Inf(-1)}) || hi != (Vec3{7 - r, 9 - r, math.Inf(1)}) {
		t.Fatalf("Interior(%v) = %v, %v", r, lo, hi)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pairs := 0
	for range 200000 {
		var p, q Vec3
		for k := range p {
			p[k] = lo[k] + (hi[k]-lo[k])*rng.Float64()
			q[k] = b.L[k] * rng.Float64()
			if !b.Periodic[k] {
				p[k], q[k] = 8*rng.Float64(), 8*rng.Float64()
			}
		}
		d := q.Sub(p)
		if b.MinImage(d).Norm() >= r {
			continue
		}
		pairs++
		if b.MinImage(d) != d {
			t.Fatalf("p %v, q %v: q − p = %v, minimum image %v", p, q, d, b.MinImage(d))
		}
	}
	if pairs < 1000 {
		t.Errorf("only %d close pairs drawn", pairs)
	}
}

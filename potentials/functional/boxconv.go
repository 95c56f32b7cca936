package functional

import (
	"fmt"
	"math"
)

// boxKernel is a compact kernel on a grid: taps K_m, |m| ≤ h, whose interior
// taps, |m| ≤ hin, are the quadratic a + b·m + c·m². The cell integrals of a
// weight that is a polynomial of degree ≤ 2 on |z| ≤ R (the FMT and hard-rod
// weights) have this form, so a convolution costs O(N) through sliding
// moment sums whatever the kernel width: the same numbers as the direct sum
// (to round-off) at a fraction of the cost of FFTs.
type boxKernel struct {
	a, b, c float64
	hin, h  int
	taps    []float64 // K_m at taps[m+h]
	// The explicit taps, laid out for the convolution window:
	// left[e] multiplies src[i−h+e] (m = h−e down to hin+1, or to 0 when
	// there is no interior), right[e] multiplies src[i+rlo+e].
	left, right []float64
	rlo         int
}

// newBoxKernel returns the kernel with taps K_m = cum((m+½)dz) − cum((m−½)dz)
// for a weight supported on |z| ≤ halfWidth with antiderivative cum. It
// panics if the interior taps are not quadratic in m (a programmer error in
// the weight).
func newBoxKernel(g Grid, cum func(z float64) float64, halfWidth float64) boxKernel {
	h := halfCells(g, halfWidth)
	k := boxKernel{h: h, taps: make([]float64, 2*h+1)}
	scale := 0.0
	for m := -h; m <= h; m++ {
		v := g.cellIntegral(cum, m)
		k.taps[m+h] = v
		scale = math.Max(scale, math.Abs(v))
	}
	// Interior cells lie wholly inside the support; a cell whose outer edge
	// is (to rounding) the support edge is left explicit, since a delta
	// weight jumps there.
	k.hin = int(math.Floor(halfWidth/g.Dz - 0.5 - 1e-9))
	if k.hin < 2 {
		k.hin = -1 // too narrow for the moment sums: all taps explicit
		k.edges()
		return k
	}
	// Fit through the outermost interior taps and the centre, so that
	// rounding in the taps is not amplified by m².
	hi := float64(k.hin)
	km, k0, kp := k.taps[h-k.hin], k.taps[h], k.taps[h+k.hin]
	k.a, k.b, k.c = k0, (kp-km)/(2*hi), ((kp+km)/2-k0)/(hi*hi)
	for m := -k.hin; m <= k.hin; m++ {
		fm := float64(m)
		if d := k.a + k.b*fm + k.c*fm*fm - k.taps[m+h]; math.Abs(d) > 1e-11*scale {
			panic(fmt.Sprintf("functional: kernel tap %d is not quadratic in m (off by %g)", m, d))
		}
	}
	k.edges()
	return k
}

// edges lays out the explicit taps (|m| > hin) for convolve.
func (k *boxKernel) edges() {
	k.left, k.right = k.left[:0], k.right[:0]
	for m := k.h; m >= k.hin+1; m-- {
		k.left = append(k.left, k.taps[k.h+m])
	}
	k.rlo = max(k.hin+1, 1)
	for m := k.rlo; m <= k.h; m++ {
		k.right = append(k.right, k.taps[k.h-m])
	}
}

// mirror returns the kernel with taps K_{−m}, the adjoint of k.
func (k boxKernel) mirror() boxKernel {
	r := boxKernel{a: k.a, b: -k.b, c: k.c, hin: k.hin, h: k.h, taps: make([]float64, len(k.taps))}
	for i, v := range k.taps {
		r.taps[len(k.taps)-1-i] = v
	}
	r.edges()
	return r
}

// boxLayout places grid fields in padded arrays: grid index i lives at
// i + off, with off = 2h ghost cells on each side. On a periodic grid the
// ghosts repeat the field; on a bounded grid they are zero, except that
// weighted densities and their derivatives are computed on the spill-over
// range [−h, N+h).
type boxLayout struct {
	g   Grid
	h   int
	off int
}

func newBoxLayout(g Grid, h int) boxLayout { return boxLayout{g: g, h: h, off: 2 * h} }

// field returns a new zeroed padded field.
func (l boxLayout) field() []float64 { return make([]float64, l.g.N+2*l.off) }

// span returns the grid-index range on which weighted densities are
// computed: [0, N) on a periodic grid, [−h, N+h) on a bounded one.
func (l boxLayout) span() (lo, hi int) {
	if l.g.Periodic {
		return 0, l.g.N
	}
	return -l.h, l.g.N + l.h
}

// load copies the grid field f into the padded field p and fills the
// ghosts.
func (l boxLayout) load(p, f []float64) {
	copy(p[l.off:], f)
	l.ghosts(p)
}

// ghosts refills the ghost cells of p from its interior [0, N) on a periodic
// grid. On a bounded grid it does nothing: ghosts beyond the span stay zero.
func (l boxLayout) ghosts(p []float64) {
	if !l.g.Periodic {
		return
	}
	n := l.g.N
	for i := -l.off; i < 0; i++ {
		p[l.off+i] = p[l.off+((i%n)+n)%n]
	}
	for i := n; i < n+l.off; i++ {
		p[l.off+i] = p[l.off+i%n]
	}
}

// boxRestart is how many outputs the sliding moment sums run before they
// are recomputed exactly, bounding the growth of rounding errors.
const boxRestart = 256

// convolve sets (add false) or adds to out[i] the convolution
// Σ_m K_m·src[i−m] for every kernel K = ks[q] and its out = outs[q], for grid
// indices i in [lo, hi). All kernels must share the same h and hin; src and
// outs are padded fields of l.
func (l boxLayout) convolve(src []float64, lo, hi int, ks []boxKernel, outs [][]float64, add bool) {
	hin, h, off := ks[0].hin, ks[0].h, l.off
	for q := range ks {
		if ks[q].hin != hin || ks[q].h != h {
			panic("functional: kernels of one convolution must share their window")
		}
	}
	// Only the moments some kernel uses are kept up to date.
	var need1, need2 bool
	for q := range ks {
		need1 = need1 || ks[q].b != 0
		need2 = need2 || ks[q].c != 0
	}
	need1 = need1 || need2 // the m² recursion uses the first moment
	fh := float64(hin)
	var w0, w1, w2 float64
	for i := lo; i < hi; i++ {
		if hin >= 0 {
			if (i-lo)%boxRestart == 0 {
				w0, w1, w2 = 0, 0, 0
				win := src[off+i-hin : off+i+hin+1]
				for k, s := range win {
					fm := float64(hin - k) // win[k] = src[i−m] with m = hin − k
					w0 += s
					w1 += fm * s
					w2 += fm * fm * s
				}
			} else {
				// Slide the window from i−1 to i: src[i−1−hin] leaves
				// (new m = hin+1), src[i+hin] enters (m = −hin).
				out, in := src[off+i-1-hin], src[off+i+hin]
				if need2 {
					w2 += 2*w1 + w0 - (fh+1)*(fh+1)*out + fh*fh*in
				}
				if need1 {
					w1 += w0 - (fh+1)*out - fh*in
				}
				w0 += in - out
			}
		}
		lw := src[off+i-h : off+i-hin]
		for q := range ks {
			k := &ks[q]
			v := k.a*w0 + k.b*w1 + k.c*w2 // all zero without an interior
			left := k.left[:len(lw)]
			for e, s := range lw {
				v += left[e] * s
			}
			rw := src[off+i+k.rlo : off+i+h+1]
			right := k.right[:len(rw)]
			for e, s := range rw {
				v += right[e] * s
			}
			if add {
				outs[q][off+i] += v
			} else {
				outs[q][off+i] = v
			}
		}
	}
}

package rng

import "math"

// The ziggurat of Marsaglia and Tsang (J. Stat. Softw. 5(8), 2000) for the
// standard normal, with 256 layers of equal area zigV under
// f(x) = exp(−x²/2). Layer 0 is the base strip [0, x₀]×[0, f(r)] whose
// part beyond r stands for the tail; layer i ≥ 1 is the rectangle
// [0, xᵢ]×[f(xᵢ), f(xᵢ₊₁)], with x₁ = r > x₂ > … > x₂₅₆ = 0. A draw picks a
// layer and a point in it from one 32-bit word and returns the point's
// abscissa when it lies under the next layer's width (about 99% of draws);
// the rest go through the exact slow paths, which take further words from
// Philox counters of their own.

const (
	zigLayers = 256
	// zigR is the right edge of the base layer, the root that closes the
	// ziggurat (x₂₅₆ = 0) for 256 layers.
	zigR = 3.6541528853610088
)

// ziggurat holds the layer edges x and heights f(x), and for the fast path
// the acceptance bound k[i] = ⌊2²³ x[i+1]/x[i]⌋ on a draw's 23-bit
// abscissa j and the scale w[i] = 2⁻²³ x[i] that makes it a number. (A j
// at the bound's rounding edge that should have been accepted goes to the
// slow path, which accepts it: the bound changes nothing but the speed.)
type ziggurat struct {
	x [zigLayers + 1]float64
	f [zigLayers + 1]float64
	k [zigLayers]uint32
	w [zigLayers]float64
}

// zig is the table, a pure function of zigR computed once; nothing writes
// to it after initialisation.
var zig = newZiggurat(zigR)

// zigArea returns the area of one layer for the right edge r: the base
// rectangle r f(r) plus the tail ∫_r^∞ f.
func zigArea(r float64) float64 {
	return r*math.Exp(-r*r/2) + math.Sqrt(math.Pi/2)*math.Erfc(r/math.Sqrt2)
}

// newZiggurat builds the layers for the right edge r.
func newZiggurat(r float64) *ziggurat {
	z := new(ziggurat)
	v := zigArea(r)
	f := func(x float64) float64 { return math.Exp(-x * x / 2) }
	z.x[0], z.f[0] = v/f(r), f(r)
	z.x[1], z.f[1] = r, f(r)
	for i := 1; i < zigLayers-1; i++ {
		z.f[i+1] = z.f[i] + v/z.x[i]
		z.x[i+1] = math.Sqrt(-2 * math.Log(z.f[i+1]))
	}
	z.x[zigLayers], z.f[zigLayers] = 0, 1
	for i := range zigLayers {
		z.k[i] = uint32(z.x[i+1] / z.x[i] * (1 << 23))
		z.w[i] = z.x[i] / (1 << 23)
	}
	return z
}

// zigSpare supplies the slow paths' extra uniform words: Philox blocks of
// key k whose stream word carries bit 31, the draw's component (bits 16–17)
// and a block counter (bits 18–30), so that they never meet a fast path's
// counters (streams are below 2^16).
type zigSpare struct {
	k     Key
	comp  uint32
	block uint32
	buf   [4]uint32
	used  int
}

// uniform returns the next extra uniform in (0, 1).
func (s *zigSpare) uniform() float64 {
	if s.used == 0 || s.used == 4 {
		k := s.k
		k.Stream = s.k.Stream | 1<<31 | s.comp<<16 | s.block<<18
		s.buf, s.used = k.Uint32x4(), 0
		s.block++
	}
	u := unit(s.buf[s.used])
	s.used++
	return u
}

// draw returns a standard normal number from the word w, taking further
// words from s in the rare slow paths.
func (z *ziggurat) draw(w uint32, s *zigSpare) float64 {
	for {
		i := w & (zigLayers - 1)
		x := float64(w>>9) * (1.0 / (1 << 23)) * z.x[i]
		if w&(1<<8) != 0 {
			x = -x
		}
		ax := math.Abs(x)
		if ax < z.x[i+1] {
			return x
		}
		if i == 0 {
			// Tail beyond r (Marsaglia 1964): exact by rejection.
			for {
				t := -math.Log(s.uniform()) / zigR
				if -2*math.Log(s.uniform()) > t*t {
					return math.Copysign(zigR+t, x)
				}
			}
		}
		if z.f[i]+s.uniform()*(z.f[i+1]-z.f[i]) < math.Exp(-ax*ax/2) {
			return x
		}
		w = uint32(s.uniform() * (1 << 32))
	}
}

// Ziggurat3 returns three independent standard normal numbers, like
// Normal3, by the 256-layer ziggurat: about four times cheaper than
// Box–Muller, which makes it the integrators' per-step noise. Each number
// comes from one 32-bit word (8 bits choose the layer, 1 the sign, 23 the
// abscissa), so values on the fast path are quantised to about 1e-7 of
// their layer's width; the tails are exact. k.Stream must be below 2^16
// (it panics otherwise): the slow paths use the stream word's upper bits
// for their extra draws.
func (k Key) Ziggurat3() [3]float64 {
	if k.Stream >= 1<<16 {
		panic("rng: Ziggurat3 needs a stream below 2^16")
	}
	w := k.Uint32x4()
	var out [3]float64
	for c, wc := range w[:3] {
		i, j := wc&(zigLayers-1), wc>>9
		if j < zig.k[i] {
			// Bit 8 is the sign, set without a branch: it is a coin toss
			// that no predictor can learn.
			out[c] = math.Float64frombits(math.Float64bits(float64(j)*zig.w[i]) | uint64(wc&(1<<8))<<55)
			continue
		}
		s := zigSpare{k: k, comp: uint32(c)}
		out[c] = zig.draw(wc, &s)
	}
	return out
}

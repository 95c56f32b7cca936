// Package rng is physim's counter-based random number generator: the
// Philox4x32-10 bijection of Salmon et al., "Parallel random numbers: as easy
// as 1, 2, 3" (SC'11). A draw is a pure function of (seed, step, particle,
// stream), so a simulation gives the same numbers whatever the number of
// workers and whatever step it was restarted from. Nothing here has state.
package rng

import "math"

const (
	philoxM0 = 0xD2511F53
	philoxM1 = 0xCD9E8D57
	philoxW0 = 0x9E3779B9
	philoxW1 = 0xBB67AE85
)

// Philox4x32 applies the 10-round Philox4x32 bijection to counter ctr under
// key key.
func Philox4x32(ctr [4]uint32, key [2]uint32) [4]uint32 {
	c0, c1, c2, c3 := philox(ctr[0], ctr[1], ctr[2], ctr[3], key[0], key[1])
	return [4]uint32{c0, c1, c2, c3}
}

// philox is Philox4x32 on scalars, which the compiler keeps in registers.
func philox(c0, c1, c2, c3, k0, k1 uint32) (uint32, uint32, uint32, uint32) {
	for range 9 {
		c0, c1, c2, c3 = philoxRound(c0, c1, c2, c3, k0, k1)
		k0, k1 = k0+philoxW0, k1+philoxW1
	}
	return philoxRound(c0, c1, c2, c3, k0, k1)
}

// philoxRound is one Philox4x32 round under the round key (k0, k1).
func philoxRound(c0, c1, c2, c3, k0, k1 uint32) (uint32, uint32, uint32, uint32) {
	p0 := uint64(philoxM0) * uint64(c0)
	p1 := uint64(philoxM1) * uint64(c2)
	return uint32(p1>>32) ^ c1 ^ k0, uint32(p1), uint32(p0>>32) ^ c3 ^ k1, uint32(p0)
}

// Stream identifiers keep the draws of different purposes independent.
const (
	StreamLangevin  uint32 = 1 // BAOAB and other underdamped noise
	StreamBrownian  uint32 = 2 // overdamped noise
	StreamVelocity  uint32 = 3 // initial Maxwell–Boltzmann velocities
	StreamPlacement uint32 = 4 // random initial positions
	StreamUser      uint32 = 100
)

// Key identifies one draw.
type Key struct {
	Seed     uint64
	Step     uint64
	Particle uint32
	Stream   uint32
}

// Uint32x4 returns four independent uniform 32-bit words for k.
func (k Key) Uint32x4() [4]uint32 {
	c0, c1, c2, c3 := philox(uint32(k.Step), uint32(k.Step>>32), k.Particle, k.Stream, uint32(k.Seed), uint32(k.Seed>>32))
	return [4]uint32{c0, c1, c2, c3}
}

// unit maps a 32-bit word to the open interval (0, 1).
func unit(w uint32) float64 { return (float64(w) + 0.5) * (1.0 / 4294967296.0) }

// Uniform4 returns four uniform numbers in (0, 1).
func (k Key) Uniform4() [4]float64 {
	w := k.Uint32x4()
	return [4]float64{unit(w[0]), unit(w[1]), unit(w[2]), unit(w[3])}
}

// Normal4 returns four independent standard normal numbers (Box–Muller on
// the four uniforms of k; the tails are exact to |x| ≈ 6.6).
func (k Key) Normal4() [4]float64 {
	u := k.Uniform4()
	r0 := math.Sqrt(-2 * math.Log(u[0]))
	r1 := math.Sqrt(-2 * math.Log(u[2]))
	s0, c0 := math.Sincos(2 * math.Pi * u[1])
	s1, c1 := math.Sincos(2 * math.Pi * u[3])
	return [4]float64{r0 * c0, r0 * s0, r1 * c1, r1 * s1}
}

// Normal3 returns three independent standard normal numbers.
func (k Key) Normal3() [3]float64 {
	n := k.Normal4()
	return [3]float64{n[0], n[1], n[2]}
}

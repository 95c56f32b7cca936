package observe

import (
	"fmt"
	"math"

	"github.com/physim/physim/sim"
)

// Force sampling of ρ(z) (Borgis, Assaraf, Rotenberg and Vuilleumier, Mol.
// Phys. 111, 3486 (2013); de las Heras and Schmidt, Phys. Rev. Lett. 120,
// 218001 (2018); Rotenberg, J. Chem. Phys. 153, 150902 (2020)).
//
// In equilibrium the first Yvon–Born–Green equation balances the ideal and
// the total force: kT ∇ρ(r) = ⟨Σ_i F_i δ(r − r_i)⟩, with F_i the total
// conservative force (interparticle plus external) on particle i. Averaged
// over x and y (area A = L_x·L_y) it reads kT dρ/dz = f(z) with
// f(z) = ⟨Σ_i F_z,i δ(z − z_i)⟩/A. Integrating from 0 (all z, z_i in
// [0, L)),
//
//	ρ(z) = ρ(0) + (β/A) ⟨Σ_i F_z,i Θ(z − z_i)⟩,
//
// and the mean density ρ̄ = N/(A L) fixes ρ(0): averaging over z gives
//
//	ρ(z) = ρ̄ + (β/A) ⟨Σ_i F_z,i [Θ(z − z_i) − (L − z_i)/L]⟩.
//
// On the grid of output points z_k = (k + ½) dz the average over z becomes
// the average over the nb points: (L − z_i)/L → n_i/nb with n_i the number
// of points above z_i, so the mean of ρ over the points is ρ̄ and Σ ρ dz·A = N
// hold exactly in every frame. The kernel is continuous across a periodic
// boundary (it vanishes as z_i → 0⁺ and as z_i → L⁻), and Σ_i F_z,i, which
// need not vanish in a frame with an external field, averages to zero.
// On an open z axis the same formula holds when s.Force includes every force
// that confines the particles inside [0, L); hard walls exactly at 0 and L
// add nothing.
//
// The estimator needs, per frame, the forces binned by height into nb + 1
// bins whose edges are the output points (bin j holds z_{j−1} ≤ z < z_j,
// with z_{−1} = 0 and z_nb = L), so that their running sum is exactly
// Σ_i F_z,i Θ(z_k − z_i): O(N + nb) per frame. Its variance does not grow
// as dz → 0 (that of counting grows as 1/dz): by Newton's third law the
// pair forces contribute only through pairs that straddle z_k (up to terms
// of order r_c/L), the external forces through every particle.

// forceSampled writes into dst (length nb, zeroed) the force-sampled ρ of s
// at the bin centres; the box edges are known to be positive and p.KT is
// checked here.
func (p *DensityProfile) forceSampled(dst []float64, s *sim.State) error {
	if !(p.KT > 0) || math.IsInf(p.KT, 0) {
		return fmt.Errorf("observe: force-sampled density profile needs a positive finite kT, got %g ε", p.KT)
	}
	if len(s.Force) != len(s.Pos) {
		panic(fmt.Sprintf("observe: state has %d forces for %d particles", len(s.Force), len(s.Pos)))
	}
	nb := len(dst)
	if cap(p.hist) < nb+1 {
		p.hist = make([]float64, nb+1)
	}
	h := p.hist[:nb+1]
	clear(h)
	L := s.Box.L
	dz := L[2] / float64(nb)
	for i := range s.Pos {
		z, err := profileZ(s, i)
		if err != nil {
			return err
		}
		h[min(int(math.Floor(z/dz+0.5)), nb)] += s.Force[i][2]
	}
	// offset = Σ_i F_z,i n_i/nb, with n_i = nb − j for a particle in bin j.
	var offset float64
	for j, f := range h {
		offset += f * float64(nb-j)
	}
	offset /= float64(nb)
	area := L[0] * L[1]
	mean := float64(len(s.Pos)) / (area * L[2])
	scale := 1 / (p.KT * area)
	var below float64 // Σ_i F_z,i Θ(z_k − z_i)
	for k := range dst {
		below += h[k]
		dst[k] = mean + scale*(below-offset)
	}
	return nil
}

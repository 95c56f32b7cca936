package functional

import (
	"fmt"
	"math"
)

// Split selects how the Lennard-Jones potential u(r) = 4ε[(σ/r)¹² − (σ/r)⁶]
// is divided into a repulsive reference and the attraction u_att treated in
// mean field.
type Split int

const (
	// BarkerHenderson takes u_att = u(r) for r ≥ σ and 0 inside.
	BarkerHenderson Split = iota
	// WCA takes u_att = −ε for r < r_m = 2^{1/6}σ and u(r) beyond.
	WCA
)

// String returns the split's configuration name.
func (s Split) String() string {
	switch s {
	case BarkerHenderson:
		return "barker-henderson"
	case WCA:
		return "wca"
	}
	return fmt.Sprintf("Split(%d)", int(s))
}

// DefaultCutoff is the Lennard-Jones cutoff r_c, in σ, used when
// MeanFieldSettings.Cutoff is zero (the cutoff of physim's BD runs).
const DefaultCutoff = 4.0

// MeanFieldSettings configures the mean-field attraction. The zero value is
// the Barker–Henderson split cut at DefaultCutoff at kT = 1ε.
type MeanFieldSettings struct {
	Split  Split
	Cutoff float64 // r_c in σ (u_att = 0 beyond); 0 means DefaultCutoff
	KT     float64 // temperature in ε; 0 means 1
}

// MeanField is the mean-field (random-phase) Lennard-Jones attraction
// βF_att = (β/2)∫∫ρ(z)Φ_att(z − z')ρ(z') dz dz', with the planar kernel
// Φ_att(z) = 2π∫_{|z|}^{r_c} r·u_att(r) dr (ε σ²). Units ε = σ = 1.
type MeanField struct {
	g   Grid
	s   MeanFieldSettings
	k   []complex128 // spectrum of the cell-integrated β·Φ_att
	c   *convolver
	hat [2][]complex128
	u   []float64
	att attraction
}

// NewMeanField returns the mean-field attraction on g.
func NewMeanField(g Grid, s MeanFieldSettings) (*MeanField, error) {
	g, err := g.Normalized()
	if err != nil {
		return nil, err
	}
	if s.Cutoff == 0 {
		s.Cutoff = DefaultCutoff
	}
	if s.KT == 0 {
		s.KT = 1
	}
	if !(s.KT > 0) || math.IsInf(s.KT, 0) {
		return nil, fmt.Errorf("functional: temperature kT = %g ε must be positive and finite", s.KT)
	}
	if math.IsInf(s.Cutoff, 1) {
		return nil, fmt.Errorf("functional: a mean-field kernel on a grid needs a finite cutoff")
	}
	att, err := newAttraction(s.Split, s.Cutoff)
	if err != nil {
		return nil, err
	}
	m := &MeanField{g: g, s: s, att: att}
	m.c = newConvolver(g, s.Cutoff)
	beta := 1 / s.KT
	m.k = m.c.kernel(func(z float64) float64 { return beta * att.cumulative(z) }, s.Cutoff)
	m.hat = [2][]complex128{m.c.spectrum(), m.c.spectrum()}
	m.u = m.c.field()
	return m, nil
}

// attraction is the planar kernel of u_att for one split and cutoff (σ;
// +Inf allowed), in units ε = σ = 1.
type attraction struct {
	split  Split
	r0, rc float64 // core radius (σ or r_m) and cutoff
}

func newAttraction(split Split, rc float64) (attraction, error) {
	a := attraction{split: split, rc: rc}
	switch split {
	case BarkerHenderson:
		a.r0 = 1
	case WCA:
		a.r0 = math.Pow(2, 1.0/6)
	default:
		return a, fmt.Errorf("functional: unknown mean-field split %d", int(split))
	}
	if !(rc > a.r0) {
		return a, fmt.Errorf("functional: cutoff %g σ must exceed the %v core radius %.4g σ", rc, split, a.r0)
	}
	return a, nil
}

// tail returns I(r) = 2π∫_r^{r_c} s·u_LJ(s) ds for r ≥ r0.
func (a attraction) tail(r float64) float64 {
	ic10, ic4 := math.Pow(a.rc, -10), math.Pow(a.rc, -4)
	return 8 * math.Pi * ((math.Pow(r, -10)-ic10)/10 - (math.Pow(r, -4)-ic4)/4)
}

// tailIntegral returns an antiderivative of tail, vanishing at r = +Inf when
// r_c = +Inf.
func (a attraction) tailIntegral(r float64) float64 {
	lin := 0.0
	if !math.IsInf(a.rc, 1) {
		lin = r * (math.Pow(a.rc, -10)/10 - math.Pow(a.rc, -4)/4)
	}
	return 8 * math.Pi * (-math.Pow(r, -9)/90 + math.Pow(r, -3)/12 - lin)
}

// kernel returns Φ_att(z) in ε σ².
func (a attraction) kernel(z float64) float64 {
	r := math.Abs(z)
	switch {
	case r >= a.rc:
		return 0
	case r > a.r0:
		return a.tail(r)
	case a.split == BarkerHenderson:
		return a.tail(a.r0)
	default: // WCA core, u_att = −ε
		return -math.Pi*(a.r0*a.r0-r*r) + a.tail(a.r0)
	}
}

// cumulative returns S(z) = ∫_0^z Φ_att(z') dz' (odd in z, constant beyond
// r_c) in ε σ³.
func (a attraction) cumulative(z float64) float64 {
	r := math.Min(math.Abs(z), a.rc)
	c := math.Min(r, a.r0)
	s := a.tail(a.r0) * c
	if a.split == WCA {
		s -= math.Pi * (a.r0*a.r0*c - c*c*c/3)
	}
	if r > a.r0 {
		if math.IsInf(r, 1) {
			s -= a.tailIntegral(a.r0)
		} else {
			s += a.tailIntegral(r) - a.tailIntegral(a.r0)
		}
	}
	if z < 0 {
		return -s
	}
	return s
}

// AttractionIntegral returns a = ∫d³r u_att(r) = ∫Φ_att(z) dz in ε σ³ for
// the split and cutoff r_c (σ; +Inf allowed). The bulk mean-field terms are
// βf_att = βaρ²/2, βμ_att = βaρ and βP_att = βaρ²/2.
func AttractionIntegral(split Split, cutoff float64) (float64, error) {
	a, err := newAttraction(split, cutoff)
	if err != nil {
		return 0, err
	}
	return 2 * a.cumulative(math.Inf(1)), nil
}

// Grid returns the grid of the functional.
func (m *MeanField) Grid() Grid { return m.g }

// Settings returns the settings with defaults filled in.
func (m *MeanField) Settings() MeanFieldSettings { return m.s }

// Kernel returns the planar kernel Φ_att(z) in ε σ².
func (m *MeanField) Kernel(z float64) float64 { return m.att.kernel(z) }

// ExcessFreeEnergy returns βF_att per area (σ⁻²) and writes −c1 into dF.
func (m *MeanField) ExcessFreeEnergy(rho, dF []float64) (float64, error) {
	m.g.mustMatch(rho)
	m.g.mustMatch(dF)
	if err := m.g.checkDensity(rho); err != nil {
		return 0, err
	}
	m.c.forward(m.hat[0], rho)
	m.c.apply(m.u, m.hat[0], m.k, m.hat[1])
	s := 0.0
	for i, r := range rho {
		dF[i] = m.u[i]
		s += r * m.u[i]
	}
	return s * m.g.Dz / 2, nil
}

// HessianVector writes β∫Φ_att(z_i − z')v(z')dz' into hv.
func (m *MeanField) HessianVector(rho, v, hv []float64) error {
	m.g.mustMatch(rho)
	m.g.mustMatch(v)
	m.g.mustMatch(hv)
	m.c.forward(m.hat[0], v)
	m.c.apply(m.u, m.hat[0], m.k, m.hat[1])
	copy(hv, m.u[:m.g.N])
	return nil
}

// BulkExcess returns βf_att = βaρ²/2 (σ⁻³) and βμ_att = βaρ.
func (m *MeanField) BulkExcess(rho float64) (f, mu float64, err error) {
	ba := 2 * m.att.cumulative(m.att.rc) / m.s.KT
	return ba * rho * rho / 2, ba * rho, nil
}

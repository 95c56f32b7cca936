package functional

import (
	"fmt"
	"math"
	"strings"
)

// Spec describes a functional by names and numbers, as a configuration file
// gives it. The zero value is the ideal gas.
type Spec struct {
	// HardSpheres selects the FMT term: "" (none), "rosenfeld",
	// "whitebear1" or "whitebear2" (also "rf", "wb1", "wbi", "wb2", "wbii").
	HardSpheres string `toml:"hard_spheres"`
	// Diameter is the hard-sphere diameter in σ; 0 means the
	// Barker–Henderson diameter at KT when Attraction is set, else 1.
	Diameter float64 `toml:"diameter"`
	// Attraction selects the mean-field LJ term: "" (none),
	// "barker-henderson" (also "bh") or "wca".
	Attraction string `toml:"attraction"`
	// Cutoff is the LJ cutoff r_c in σ; 0 means DefaultCutoff.
	Cutoff float64 `toml:"cutoff"`
	// KT is the temperature in ε; 0 means 1.
	KT float64 `toml:"kT"`
	// HardRods is the rod length in σ of the one-dimensional Percus
	// functional; 0 means no rods. It excludes the other terms.
	HardRods float64 `toml:"hard_rods"`
}

// New builds the functional described by s on g.
func New(g Grid, s Spec) (Functional, error) {
	if s.HardRods != 0 {
		if s.HardSpheres != "" || s.Attraction != "" {
			return nil, fmt.Errorf("functional: one-dimensional hard rods cannot be combined with %q and %q", s.HardSpheres, s.Attraction)
		}
		return NewPercus(g, s.HardRods)
	}
	kT := s.KT
	if kT == 0 {
		kT = 1
	}
	if !(kT > 0) || math.IsInf(kT, 0) {
		return nil, fmt.Errorf("functional: temperature kT = %g ε must be positive and finite", kT)
	}
	var terms []Functional
	if s.HardSpheres != "" {
		v, err := ParseVariant(s.HardSpheres)
		if err != nil {
			return nil, err
		}
		d := s.Diameter
		if d == 0 && s.Attraction != "" {
			d = BarkerHendersonDiameter(kT)
		}
		f, err := NewFMT(g, FMTSettings{Variant: v, Diameter: d})
		if err != nil {
			return nil, err
		}
		terms = append(terms, f)
	}
	if s.Attraction != "" {
		sp, err := ParseSplit(s.Attraction)
		if err != nil {
			return nil, err
		}
		f, err := NewMeanField(g, MeanFieldSettings{Split: sp, Cutoff: s.Cutoff, KT: kT})
		if err != nil {
			return nil, err
		}
		terms = append(terms, f)
	}
	switch len(terms) {
	case 0:
		return NewIdeal(g)
	case 1:
		return terms[0], nil
	}
	return NewSum(terms...)
}

// canonicalName lower-cases s and drops spaces, dashes and underscores.
func canonicalName(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(strings.ToLower(s))
}

// ParseVariant returns the FMT variant named s.
func ParseVariant(s string) (Variant, error) {
	switch canonicalName(s) {
	case "rosenfeld", "rf":
		return Rosenfeld, nil
	case "whitebear1", "whitebeari", "wb1", "wbi":
		return WhiteBearI, nil
	case "whitebear2", "whitebearii", "wb2", "wbii":
		return WhiteBearII, nil
	}
	return 0, fmt.Errorf("functional: unknown hard-sphere functional %q (want rosenfeld, whitebear1 or whitebear2)", s)
}

// ParseSplit returns the mean-field split named s.
func ParseSplit(s string) (Split, error) {
	switch canonicalName(s) {
	case "barkerhenderson", "bh":
		return BarkerHenderson, nil
	case "wca", "weekschandlerandersen":
		return WCA, nil
	}
	return 0, fmt.Errorf("functional: unknown attraction %q (want barker-henderson or wca)", s)
}

package functional

import "fmt"

// Sum is a functional made of several terms on the same grid; its excess
// free energy, −c1, c2 and bulk limit are the sums of theirs.
type Sum struct {
	g     Grid
	terms []Functional
	buf   []float64
}

// NewSum returns the sum of the terms, which must share one grid.
func NewSum(terms ...Functional) (*Sum, error) {
	if len(terms) == 0 {
		return nil, fmt.Errorf("functional: a sum needs at least one term")
	}
	g := terms[0].Grid()
	for _, t := range terms[1:] {
		if t.Grid() != g {
			return nil, fmt.Errorf("functional: sum of %T on %+v and %T on %+v: grids differ", terms[0], g, t, t.Grid())
		}
	}
	return &Sum{g: g, terms: terms, buf: make([]float64, g.N)}, nil
}

// Grid returns the grid of the functional.
func (s *Sum) Grid() Grid { return s.g }

// Terms returns the terms of the sum (not a copy).
func (s *Sum) Terms() []Functional { return s.terms }

// ExcessFreeEnergy returns the summed βF_exc and writes the summed −c1 into
// dF.
func (s *Sum) ExcessFreeEnergy(rho, dF []float64) (float64, error) {
	s.g.mustMatch(dF)
	total, err := s.terms[0].ExcessFreeEnergy(rho, dF)
	if err != nil {
		return 0, err
	}
	for _, t := range s.terms[1:] {
		f, err := t.ExcessFreeEnergy(rho, s.buf)
		if err != nil {
			return 0, err
		}
		total += f
		for i, v := range s.buf {
			dF[i] += v
		}
	}
	return total, nil
}

// HessianVector writes the summed Hessian-vector product into hv; every term
// must implement SecondDerivative.
func (s *Sum) HessianVector(rho, v, hv []float64) error {
	s.g.mustMatch(hv)
	clear(hv)
	for _, t := range s.terms {
		h, ok := t.(SecondDerivative)
		if !ok {
			return fmt.Errorf("functional: %T in the sum has no second derivative", t)
		}
		if err := h.HessianVector(rho, v, s.buf); err != nil {
			return err
		}
		for i, x := range s.buf {
			hv[i] += x
		}
	}
	return nil
}

// BulkExcess returns the summed bulk excess free-energy density and chemical
// potential; every term must implement Bulk.
func (s *Sum) BulkExcess(rho float64) (f, mu float64, err error) {
	for _, t := range s.terms {
		b, err := bulkOf(t)
		if err != nil {
			return 0, 0, err
		}
		tf, tm, err := b.BulkExcess(rho)
		if err != nil {
			return 0, 0, err
		}
		f += tf
		mu += tm
	}
	return f, mu, nil
}

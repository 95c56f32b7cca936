// Package functional holds classical density functionals for planar density
// profiles ρ(z): the lateral directions are integrated out, so free energies
// are per unit area (σ⁻²) and densities are per unit volume (σ⁻³; per unit
// length for the one-dimensional hard rods).
//
// Everything is in units of kT: a Functional returns βF_exc and writes
// δβF_exc/δρ(z) = −c1(z) into a caller-owned buffer. The ideal term
// βF_id = ∫ρ(ln ρ − 1) dz (thermal wavelength Λ = 1) is handled by the
// solvers; Ideal is the functional with no excess part.
//
// Implementations: hard spheres by fundamental measure theory (Rosenfeld,
// White Bear I, White Bear II), mean-field Lennard-Jones attraction with a
// Barker–Henderson or WCA split cut at r_c, the exact Percus functional of
// one-dimensional hard rods, and sums of these.
//
// Discretisation: the convolution kernels are the exact cell integrals of
// the analytic planar weights (fields are cell averages), so a uniform
// density gives the bulk thermodynamics to round-off, dF is the exact
// gradient of the discrete free energy and the Hessian-vector product its
// exact derivative. The FMT and hard-rod weights are polynomials on
// |z| ≤ R, so their convolutions run in O(N) by sliding moment sums (the
// same numbers as the direct sum, several times cheaper than FFTs); the
// long mean-field kernel is convolved by FFT (gonum dsp/fourier), planned
// once per functional. Evaluations do not allocate. Functionals hold
// scratch buffers and are not safe for concurrent use.
package functional

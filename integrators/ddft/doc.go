// Package ddft solves classical density functional theory for planar
// profiles ρ(z): equilibrium profiles (grand canonical at given βμ or bulk
// density, canonical at given mean density) by Picard iteration with
// Anderson acceleration, and dynamical DFT
//
//	∂ρ/∂t = D ∂z[∂zρ + ρ ∂z βV(z, t) − ρ ∂z c1(z; [ρ])]
//
// with D = kT/γ in σ²/τ. The dynamics is written in flux form on the cells
// of a functional.Grid, with Scharfetter–Gummel fluxes, so the particle
// number is conserved to round-off, the density stays non-negative under
// the explicit step limit, and the discrete stationary state is exactly the
// discrete Euler–Lagrange equation ln ρ + βV − c1 = const solved by the
// equilibrium solvers. Steppers: explicit (forward Euler, or Heun with
// adaptive steps) and, on periodic grids, exponential time differencing
// with the diffusion treated exactly in Fourier space (ETD1, or ETD2 with
// adaptive steps).
//
// Units: lengths σ, times τ, energies ε, densities σ⁻³, free energies per
// unit area in units of kT (σ⁻²).
package ddft

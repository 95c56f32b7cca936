// Package observe holds observables: accumulators that are fed states
// (each is a sim.Observer) and yield averaged results with standard errors.
//
//   - RDF: the radial distribution function g(r) of a periodic system.
//   - DensityProfile: the number density ρ(z) across z, by counting
//     (histogram or cloud-in-cell weighting) or by force sampling
//     (integrating the mean force density, forceprofile.go), per frame or
//     averaged over frames or trials.
//   - MixedProfile: ρ(z) from counting and force sampling on the same
//     frames, combined per Fourier mode with variance-minimising weights.
//   - MSD: the mean squared displacement against a reference state, from
//     unwrapped positions.
//   - Thermo: a CSV log of step, time, potential energy per particle,
//     kinetic temperature, pressure and caller-supplied columns.
//
// Averages over observations carry standard errors from sim/stats: block
// averaging for a time series of correlated frames (the default), or the
// plain standard error of the mean when the observations are independent
// (separate trials, see the Independent settings).
//
// Units are reduced LJ units: lengths in σ, densities in σ⁻³, energies in
// ε, times in τ, temperatures as kT in ε and pressures in ε/σ³.
package observe

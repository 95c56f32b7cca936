// Package potentials holds physim's force fields. Every force satisfies
// sim.Force; combine several with sim.Sum.
//
// Pair interactions: a PairLaw gives u(r) and F/r from r² (LJ with plain,
// shifted and force-shifted cutoffs and analytic tail corrections, WCA,
// SoftHarmonic, PowerLaw), and Pair sums a law over a Verlet neighbour list,
// deterministically for any number of workers.
//
// External fields: a Planar potential V(z, t) (GaussianSum and
// RandomGaussians, HardWalls, LJ93Wall, WCAWall, Harmonic, Sinusoidal,
// Tabulated, PlanarSum, Switched) is shared with the density-functional
// code; External applies one to particles as F_z = −∂V/∂z.
//
// Units are reduced Lennard-Jones units: lengths in σ, energies in ε, times
// in τ.
package potentials

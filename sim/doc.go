// Package sim holds the core of physim: the particle State, the simulation
// Box (the only place where boundary conditions live), the Force and
// Integrator contracts that classical and learned modules share, the run loop
// with triggered observers, and exact checkpoints.
//
// Units are reduced Lennard-Jones units throughout: σ = ε = m = k_B = 1, so
// lengths are in σ, energies in ε, times in τ = σ√(m/ε), and temperatures are
// given as kT in ε.
package sim

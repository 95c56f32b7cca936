// Package potentials holds physim's force fields: pair laws (Lennard-Jones
// with cutoff modes and tail corrections, WCA, soft repulsion) evaluated over
// a neighbour list, planar external potentials V(z, t), and sums of forces.
// Every force satisfies sim.Force.
package potentials

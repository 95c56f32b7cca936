// Package integrators advances particle states in time: velocity Verlet
// (NVE), underdamped Langevin dynamics with the BAOAB splitting, and
// overdamped Brownian dynamics (Euler–Maruyama), plus Maxwell–Boltzmann
// initial velocities.
//
// Every integrator implements sim.Integrator through a pointer: Init
// validates the settings and evaluates the forces at the initial positions
// with sim.EvalForces, Step advances one time step, wraps positions through
// the state's Box and increments s.Step and s.Time. The exported fields Dt
// and KT may be changed between steps (time-step changes, temperature
// ramps); they are validated again at every step.
//
// Noise is drawn from the counter-based generator of sim/rng keyed on
// (Seed, step, particle, stream), where step is the value of s.Step before
// the step, so a trajectory depends on nothing but the seed and the state:
// it restarts bit-identically from a checkpoint and would be the same for
// any split of the particles over workers.
//
// Units are reduced Lennard-Jones units (σ = ε = m = k_B = 1): Dt in τ, KT in
// ε, Gamma (the drag coefficient) in m/τ, so the friction rate of a particle
// of mass m is Gamma/m and its diffusion coefficient is D = KT/Gamma in σ²/τ.
package integrators

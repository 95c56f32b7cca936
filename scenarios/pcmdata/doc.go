// Package pcmdata builds the bulk training data of the pair-correlation-
// matched (PCM) neural free-energy functional (package learned): for a
// Lennard-Jones fluid truncated at r_c (plain cut, no shift, no tail
// correction, as in the Brownian-dynamics runs), at one temperature and a
// sweep of densities, it gathers
//
//   - the radial distribution g(r) from physim's own simulations,
//   - the direct correlation function c(r) by Ornstein–Zernike inversion:
//     h = g − 1 inside a match radius (corrected for the canonical
//     finite-size offset of Lebowitz and Percus, fitted to the
//     compressibility of the equation of state), a closure (HNC) beyond
//     it, solved self-consistently with ĉ = ĥ/(1 + ρĥ), so that the tail
//     and ĉ(k → 0) come out consistent rather than from a truncated g,
//   - the planar kernel c2(z) = 2π∫_{|z|}^∞ r c(r) dr, whose 1D Fourier
//     transform is the 3D ĉ(k),
//   - the excess chemical potential βμ_ex by Widom test-particle insertion
//     and the virial pressure, joined in one smooth equation of state
//     (FitEOS) whose compressibility fixes ĉ(0) in the OZ inversion,
//
// checked against the Johnson–Zollweg–Gubbins equation of state with the
// analytic corrections for the truncation and shift (ShiftedJZG). A second
// part, GenerateProfiles, makes the inhomogeneous test set: long Langevin
// equilibrium runs in random planar potentials, whose density profiles no
// network sees in training. Each profile is measured by counting
// (cloud-in-cell) and by force sampling on the same frames, and the
// reference is their per-Fourier-mode optimal mixture (observe.MixedProfile),
// whose noise is 1.8 times below counting's (1.4 below force sampling's) at
// the 0.01σ resolution of the test.
//
// A data set is a directory: the bulk arrays (ArraysFile, NumPy .npz), the
// test profiles (ProfilesFile) and the provenance (ProvenanceFile: format
// version, physim and Go versions, seed, recipes, date, cost); Write and
// Read. The shipped sets were made by
//
//	physim run pcm-data --seed 1 --set profiles.potentials=0            # data/bulk-v1 (31 min, 1 core)
//	physim run pcm-data --seed 2 --workers 1 --set 'densities=[]'        # data/profiles-v2 (30 CPU min)
//
// (plain `physim run pcm-data` makes both in one directory); their
// provenance files hold the full recipes. testdata/bulk-fixture is a
// five-state subset of bulk-v1.
//
// Units are reduced LJ units (σ = ε = m = k_B = 1); densities in σ⁻³,
// distances in σ, c2 in σ², ĉ(k) in σ³, βμ dimensionless.
package pcmdata

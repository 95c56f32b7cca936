// Package trajectory writes and reads particle trajectories in two formats:
//
//   - Extended XYZ (".xyz", or gzip-compressed ".xyz.gz"), the text format
//     that OVITO and ASE open. Each frame is a particle count, a comment line
//     of key=value pairs (Lattice, Properties, pbc, Time, Step, type_names)
//     and one line per particle (species, position, optional velocity and
//     one optional named per-particle value). The layout follows the
//     libAtoms extxyz specification.
//   - A native binary format (".pstraj") for fast playback of large runs: a
//     header with the particle types, frames compressed independently with
//     zstd (float32 positions, optional float32 velocities and one optional
//     float32 value per particle), and an index of frame offsets at the end
//     so that any frame can be read without reading the others. Every frame
//     carries a length prefix and a CRC-32C checksum, so a file whose run
//     was killed before the index was written is recovered by scanning.
//
// Both formats share the Header (what is constant across frames) and Frame
// (one snapshot) types; Open and Create pick the format from the file name.
// Trajectories hold float32 coordinates (about 7 significant digits): they
// are for viewing and analysis, while exact restarts use sim checkpoints.
//
// Positions are written wrapped into the box unless Header.Unwrapped is
// set. Wrapped positions are what OVITO expects together with a Lattice;
// unwrapped ones keep particle paths continuous for displacement analysis.
//
// Lengths are in σ, times in τ and velocities in σ/τ (reduced LJ units).
package trajectory

// Package glview is physim's OpenGL viewer: it plays trajectories (native
// .pstraj and extended XYZ, streamed from disk a frame at a time) or the
// frames of a running simulation, in a window or off-screen into PNG
// files.
//
// # Command line
//
//	physim view FILE [flags]                   play in a window
//	physim view FILE --screenshot out.png \
//	    [--frame N] [--size WxH]               write one frame, no window
//
// Flags: --mode spheres|arrows|unitsphere|lines, --color
// auto|type|speed|value|z|phase, --radius R[,R1,…] (σ, per type), --range
// LO,HI, --arrow L (σ), --fps F (playback rate), --no-box, --no-overlay.
// Without a display, --screenshot starts its own Xvfb (apt-get install
// xvfb); a window needs $DISPLAY.
//
// # Window controls
//
// Drag to orbit, right- or shift-drag to pan, scroll to zoom; space
// play/pause, ←/→ step, PgUp/PgDn ±10 frames, Home/End first/last frame,
// ↑/↓ double/halve the playback rate, r reset the view, s write
// physim-view-NNNN.png, o toggle the overlay (frame, step, time, frames
// per second), b toggle the box, q or Esc quit.
//
// # What is drawn
//
//   - Spheres: particles as lit sphere impostors (a quad per particle, ray
//     cast in the fragment shader with exact depth), radius per type,
//     coloured by type, speed |v|, the trajectory's per-particle value, or
//     z, on a sequential map (viridis) whose range comes from the first
//     frame unless given.
//   - Arrows: a 3D arrow per particle along its velocity vector, centred on
//     its position (oscillators on a lattice store their unit vector as
//     velocity), coloured by phase (the per-particle value if any, else the
//     vector's azimuth) on a cyclic map.
//   - UnitSphere: positions taken as vectors, normalised, drawn as small
//     spheres on a wireframe unit sphere, coloured by phase.
//   - Lines: every particle's path up to the current frame (the whole
//     trajectory is read once), with a sphere at its head, coloured by z —
//     for flows such as Lorenz.
//
// The periodic box is drawn as a wireframe in the first two modes.
//
// # Library use
//
//	err := glview.View(ctx, reader, glview.Options{})        // window
//	err := glview.Screenshot("f.png", reader, glview.Options{Frame: -1})
//
//	live := glview.NewLive(trajectory.HeaderFor(state))      // running simulation
//	go func() { runner.Run(ctx, state, steps); live.Close() }() // live is a sim.Observer
//	err := glview.ViewLive(ctx, live, glview.Options{})
//
// A Live never makes the simulation wait: a frame the window has not taken
// is replaced by the next, and after the window closes frames are dropped
// without copying.
//
// # Threads and builds
//
// GLFW and OpenGL calls must come from the main thread: the package locks
// the main goroutine to it, and View, ViewLive, Screenshot and Offscreen
// must be called from the main goroutine. Files that use OpenGL carry the
// build tag viewer (they need cgo and the X11/OpenGL headers:
// apt-get install libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev
// libxi-dev libxxf86vm-dev libgl1-mesa-dev); without the tag the package
// still offers Live, Options, StartXvfb and the pure-Go parts, and tests
// of those run. The viewer's own tests (go test -tags viewer) start a
// private Xvfb when $DISPLAY is unset.
//
// # Speed on software OpenGL
//
// Mesa's llvmpipe pays about a microsecond per instance of an instanced
// draw, so spheres are expanded from texture buffers by gl_VertexID
// instead, and a conservative CPU occlusion culler (cull.go) drops the
// spheres that nearer ones hide before they reach the GPU; the image is
// unchanged. The overlay's frames per second is the rate that drawing
// alone would allow.
package glview

// Package viz draws physim's pictures: PNG plots of profiles, time series
// and correlation functions (via gonum/plot) for every scenario. The
// interactive OpenGL viewer lives in a subpackage so that this one builds
// without cgo or X11.
package viz

//go:build !unix

package ljbench

// peakRSS returns 0: this platform does not report peak memory.
func peakRSS() int64 { return 0 }

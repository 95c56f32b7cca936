package trajectory

import (
	"os"
	"testing"
)

// benchN is the particle count of the benchmark frames (with
// velocities).
const benchN = 100_000

func benchWrite(b *testing.B, name string) {
	h := Header{N: benchN, Velocities: true}
	f := randomFrames(&h, 1, 9)[0]
	path := tempPath(b, name)
	w, err := Create(path, h)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(benchN * 6 * 4))
	b.ResetTimer()
	for b.Loop() {
		if err := w.Write(f); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	w.Close()
	info, _ := os.Stat(path)
	b.ReportMetric(float64(info.Size())/float64(b.N), "file-bytes/frame")
}

func benchRead(b *testing.B, name string) {
	h := Header{N: benchN, Velocities: true}
	path := tempPath(b, name)
	writeAll(b, path, h, randomFrames(&h, 4, 10))
	r, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	var f Frame
	b.SetBytes(int64(benchN * 6 * 4))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := r.ReadFrame(i%r.NumFrames(), &f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteNative(b *testing.B)  { benchWrite(b, "b.pstraj") }
func BenchmarkReadNative(b *testing.B)   { benchRead(b, "b.pstraj") }
func BenchmarkWriteXYZ(b *testing.B)     { benchWrite(b, "b.xyz") }
func BenchmarkReadXYZ(b *testing.B)      { benchRead(b, "b.xyz") }
func BenchmarkWriteXYZGzip(b *testing.B) { benchWrite(b, "b.xyz.gz") }

package lorenzdata

import "testing"

func BenchmarkGenerateDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Generate(DefaultConfig(), uint64(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteHDF5(b *testing.B) {
	d, _ := Generate(DefaultConfig(), 1)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := d.WriteHDF5(dir + "/lorenz.h5"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteNPZ(b *testing.B) {
	d, _ := Generate(DefaultConfig(), 1)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := d.WriteNPZ(dir + "/lorenz.npz"); err != nil {
			b.Fatal(err)
		}
	}
}

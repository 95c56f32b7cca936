package sim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckpointRoundTrip(t *testing.T) {
	s := FCC(2, 2, 2, 0.8)
	s.Vel[3] = Vec3{0.1, -0.2, 0.3}
	s.Image[5] = [3]int32{1, -2, 3}
	s.Step, s.Time = 17, 0.085
	path := filepath.Join(t.TempDir(), "ck")
	if err := WriteCheckpoint(path, Checkpoint{State: s, Meta: []byte(`{"a":1}`)}); err != nil {
		t.Fatal(err)
	}
	ck, err := ReadCheckpoint(path)
	if err != nil {
		t.Fatal(err)
	}
	if ck.State.Step != 17 || ck.State.Vel[3] != s.Vel[3] || ck.State.Image[5] != s.Image[5] || string(ck.Meta) != `{"a":1}` {
		t.Fatalf("round trip changed the checkpoint: %+v", ck.State)
	}
	for i := range s.Pos {
		if ck.State.Pos[i] != s.Pos[i] {
			t.Fatalf("position %d changed", i)
		}
	}
}

func TestCheckpointCorrupt(t *testing.T) {
	s := FCC(2, 2, 2, 0.8)
	dir := t.TempDir()
	path := filepath.Join(dir, "ck")
	if err := WriteCheckpoint(path, Checkpoint{State: s}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	bad := append([]byte(nil), data...)
	bad[len(bad)/2] ^= 0xff
	os.WriteFile(path, bad, 0o644)
	if _, err := ReadCheckpoint(path); err == nil {
		t.Error("a corrupted checkpoint was accepted")
	}
	os.WriteFile(path, data[:len(data)/3], 0o644)
	if _, err := ReadCheckpoint(path); err == nil || !strings.Contains(err.Error(), "checkpoint") {
		t.Errorf("truncated checkpoint: err = %v", err)
	}
	if _, err := ReadCheckpoint(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing checkpoint gave no error")
	}
}

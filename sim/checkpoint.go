package sim

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc64"
	"io"
	"os"

	"github.com/physim/physim/internal/atomicfile"
)

// checkpointMagic opens every checkpoint file; the version follows it.
const checkpointMagic = "physim-checkpoint"

const checkpointVersion = 1

// Checkpoint is an exact snapshot: the state bit for bit plus caller
// metadata (for example the scenario and its configuration). Since all
// randomness is keyed on (seed, step, particle), a restart from a checkpoint
// reproduces the uninterrupted run exactly with the same binary.
type Checkpoint struct {
	State *State
	// Meta holds caller data, typically the JSON of the effective config.
	Meta []byte
}

type checkpointFile struct {
	Magic   string
	Version int
	Ck      Checkpoint
	CRC     uint64
}

// WriteCheckpoint writes ck to path atomically.
func WriteCheckpoint(path string, ck Checkpoint) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		cf := checkpointFile{Magic: checkpointMagic, Version: checkpointVersion, Ck: ck, CRC: checkpointCRC(ck)}
		if err := gob.NewEncoder(bw).Encode(cf); err != nil {
			return fmt.Errorf("sim: writing checkpoint %s: %w", path, err)
		}
		return bw.Flush()
	})
}

// ReadCheckpoint reads a checkpoint written by WriteCheckpoint and verifies
// its checksum.
func ReadCheckpoint(path string) (Checkpoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return Checkpoint{}, fmt.Errorf("sim: %w", err)
	}
	defer f.Close()
	var cf checkpointFile
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&cf); err != nil {
		return Checkpoint{}, fmt.Errorf("sim: %s is not a readable checkpoint: %w", path, err)
	}
	if cf.Magic != checkpointMagic {
		return Checkpoint{}, fmt.Errorf("sim: %s is not a physim checkpoint", path)
	}
	if cf.Version != checkpointVersion {
		return Checkpoint{}, fmt.Errorf("sim: checkpoint %s has version %d, this build reads %d", path, cf.Version, checkpointVersion)
	}
	if cf.Ck.State == nil {
		return Checkpoint{}, errors.New("sim: checkpoint has no state")
	}
	if checkpointCRC(cf.Ck) != cf.CRC {
		return Checkpoint{}, fmt.Errorf("sim: checkpoint %s is corrupt (checksum mismatch)", path)
	}
	if err := cf.Ck.State.Validate(); err != nil {
		return Checkpoint{}, fmt.Errorf("sim: checkpoint %s: %w", path, err)
	}
	return cf.Ck, nil
}

// checkpointCRC hashes the state's gob encoding and the metadata.
func checkpointCRC(ck Checkpoint) uint64 {
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	if ck.State != nil {
		gob.NewEncoder(h).Encode(ck.State)
	}
	h.Write(ck.Meta)
	return h.Sum64()
}

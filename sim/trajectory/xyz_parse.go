package trajectory

import (
	"fmt"
	"strconv"
	"strings"
)

// columns locates the properties in an atom line.
type columns struct {
	total                     int // number of fields per atom line
	species, pos, velo, value int // first field of each, −1 if absent
	valueName                 string
}

// parseProperties reads a Properties value such as
// "species:S:1:pos:R:3:velo:R:3:phase:R:1". The per-particle value is the
// property named value, or, if value is "", the first extra R:1 property.
func parseProperties(prop, value string) (columns, error) {
	c := columns{species: -1, pos: -1, velo: -1, value: -1}
	if prop == "" {
		prop = "species:S:1:pos:R:3" // the extxyz default
	}
	parts := strings.Split(prop, ":")
	if len(parts)%3 != 0 {
		return c, fmt.Errorf("Properties %q is not a list of name:type:count triples", prop)
	}
	for k := 0; k < len(parts); k += 3 {
		name, typ := parts[k], parts[k+1]
		count, err := strconv.Atoi(parts[k+2])
		if err != nil || count < 1 || !strings.Contains("SRIL", typ) || len(typ) != 1 {
			return c, fmt.Errorf("Properties %q has a bad triple %s:%s:%s", prop, name, typ, parts[k+2])
		}
		switch {
		case name == "species" && typ == "S" && count == 1:
			c.species = c.total
		case name == "pos" && typ == "R" && count == 3:
			c.pos = c.total
		case name == "velo" && typ == "R" && count == 3:
			c.velo = c.total
		case typ == "R" && count == 1 && c.value < 0 && (name == value || value == "" && validValueName(name)):
			c.value, c.valueName = c.total, name
		}
		c.total += count
	}
	if c.species < 0 || c.pos < 0 {
		return c, fmt.Errorf("Properties %q lacks species:S:1 or pos:R:3", prop)
	}
	return c, nil
}

// parseBox reads Lattice, pbc, Time and Step into f.
func parseBox(kv map[string]string, f *Frame) error {
	f.Box.L = [3]float64{}
	lat, hasLattice := kv["lattice"]
	if hasLattice {
		v := strings.Fields(lat)
		if len(v) != 9 {
			return fmt.Errorf("Lattice %q does not have 9 numbers", lat)
		}
		for k, s := range v {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return fmt.Errorf("Lattice %q: %v", lat, err)
			}
			if k%4 == 0 {
				f.Box.L[k/4] = x
			} else if x != 0 {
				return fmt.Errorf("Lattice %q is not orthorhombic (only diagonal cells are supported)", lat)
			}
		}
	}
	f.Box.Periodic = [3]bool{hasLattice, hasLattice, hasLattice}
	if pbc, ok := kv["pbc"]; ok {
		v := strings.Fields(pbc)
		if len(v) != 3 {
			return fmt.Errorf("pbc %q does not have 3 entries", pbc)
		}
		for k, s := range v {
			switch strings.ToUpper(s) {
			case "T", "TRUE":
				f.Box.Periodic[k] = true
			case "F", "FALSE":
				f.Box.Periodic[k] = false
			default:
				return fmt.Errorf("pbc %q: %q is neither T nor F", pbc, s)
			}
		}
	}
	for k := 0; k < 3; k++ {
		if f.Box.Periodic[k] && !(f.Box.L[k] > 0) {
			return fmt.Errorf("axis %c is periodic without a positive Lattice edge", "xyz"[k])
		}
	}
	var err error
	f.Time, f.Step = 0, 0
	if s, ok := kv["time"]; ok {
		if f.Time, err = strconv.ParseFloat(s, 64); err != nil {
			return fmt.Errorf("Time %q: %v", s, err)
		}
	}
	if s, ok := kv["step"]; ok {
		if f.Step, err = strconv.ParseInt(s, 10, 64); err != nil {
			return fmt.Errorf("Step %q: %v", s, err)
		}
	}
	return nil
}

// parseKeyValues splits an extended XYZ comment line into key=value pairs.
// Values may be double-quoted (with spaces inside); a bare key means "T".
// Keys are returned in lower case.
func parseKeyValues(line []byte) (map[string]string, error) {
	kv := map[string]string{}
	s := string(line)
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return kv, nil
		}
		end := strings.IndexAny(s, "= \t")
		if end < 0 {
			end = len(s)
		}
		key := strings.ToLower(s[:end])
		s = s[end:]
		if !strings.HasPrefix(s, "=") {
			kv[key] = "T"
			continue
		}
		s = s[1:]
		var val string
		if strings.HasPrefix(s, `"`) {
			q := strings.IndexByte(s[1:], '"')
			if q < 0 {
				return nil, fmt.Errorf("unterminated quote in value of %s", key)
			}
			val, s = s[1:1+q], s[2+q:]
		} else {
			e := strings.IndexAny(s, " \t")
			if e < 0 {
				e = len(s)
			}
			val, s = s[:e], s[e:]
		}
		kv[key] = val
	}
}

// splitFields appends the whitespace-separated fields of line to dst.
func splitFields(dst [][]byte, line []byte) [][]byte {
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == len(line) {
			return dst
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		dst = append(dst, line[i:j])
		i = j
	}
}

func parseFloats32(dst []float32, fields [][]byte) error {
	for k := range dst {
		x, err := strconv.ParseFloat(string(fields[k]), 32)
		if err != nil {
			return err
		}
		dst[k] = float32(x)
	}
	return nil
}

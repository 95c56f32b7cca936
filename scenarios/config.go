package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// DumpConfig returns cfg as TOML, in a form LoadConfig reads back.
func DumpConfig(cfg Config) ([]byte, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(cfg); err != nil {
		return nil, fmt.Errorf("scenarios: encoding config: %w", err)
	}
	return b.Bytes(), nil
}

// ApplyFile decodes the TOML file at path over cfg. Keys the configuration
// does not have are an error naming them.
func ApplyFile(cfg Config, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("scenarios: reading config: %w", err)
	}
	if err := applyTOML(cfg, string(data)); err != nil {
		return fmt.Errorf("scenarios: config file %s: %w", path, err)
	}
	return nil
}

// ApplySet applies one "key=value" override to cfg. The value is read as a
// TOML value (number, boolean, quoted string, array); a bare word is taken
// as a string, so dynamics=langevin works unquoted.
func ApplySet(cfg Config, kv string) error {
	key, val, ok := strings.Cut(kv, "=")
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if !ok || key == "" {
		return fmt.Errorf("scenarios: --set %q: want key=value", kv)
	}
	if val == "" {
		return fmt.Errorf("scenarios: --set %s: empty value", key)
	}
	err := applyTOML(cfg, key+" = "+val)
	var perr toml.ParseError
	if errors.As(err, &perr) {
		// Not a TOML value: take it as a string.
		err = applyTOML(cfg, key+" = "+fmt.Sprintf("%q", val))
	}
	if err != nil {
		return fmt.Errorf("scenarios: --set %s: %w", kv, err)
	}
	return nil
}

func applyTOML(cfg Config, doc string) error {
	md, err := toml.Decode(doc, cfg)
	if err != nil {
		return err
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return fmt.Errorf("unknown config key %s (valid keys: %s)", strings.Join(keys, ", "), strings.Join(ConfigKeys(cfg), ", "))
	}
	return nil
}

// ConfigKeys lists the keys of cfg's TOML form, dotted for nested tables.
func ConfigKeys(cfg Config) []string {
	data, err := DumpConfig(cfg)
	if err != nil {
		return nil
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		return nil
	}
	var keys []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			if sub, ok := v.(map[string]any); ok {
				walk(prefix+k+".", sub)
				continue
			}
			keys = append(keys, prefix+k)
		}
	}
	walk("", m)
	sort.Strings(keys)
	return keys
}

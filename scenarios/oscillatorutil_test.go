package scenarios

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physim/physim/sim/stats"
)

type nopProgress struct{}

func (nopProgress) Add(int64) {}
func (nopProgress) Done()     {}

// runInTemp runs sc with cfg (validated first) in a temporary directory the
// way the CLI does, writes summary.json, and checks that every output the
// summary lists exists. It returns the summary as read back from the file
// and the run's error.
func runInTemp(t *testing.T, ctx context.Context, sc Scenario, cfg Config, seed uint64) (dir string, sum *readSummary, runErr error) {
	t.Helper()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	env := testEnv(t, sc, cfg)
	env.Seed, env.Summary.Seed = seed, seed
	dir = env.Out
	runErr = sc.Run(ctx, env, cfg)
	if err := env.Summary.Write(dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	sum = &readSummary{}
	if err := json.Unmarshal(data, sum); err != nil {
		t.Fatal(err)
	}
	for _, o := range sum.Outputs {
		if st, err := os.Stat(filepath.Join(dir, o)); err != nil || st.Size() == 0 {
			t.Errorf("listed output %s is missing or empty", o)
		}
	}
	return dir, sum, runErr
}

// readSummary is summary.json as read back.
type readSummary struct {
	Outputs     []string
	Observables map[string]json.RawMessage
}

// has reports whether the summary lists the output files names.
func (s *readSummary) has(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		found := false
		for _, o := range s.Outputs {
			found = found || o == n
		}
		if !found {
			t.Errorf("output %s not listed in %v", n, s.Outputs)
		}
	}
}

// num returns the observable name as a number (or the mean of a
// {mean, stderr} pair, with its standard error).
func (s *readSummary) num(t *testing.T, name string) stats.MeanErr {
	t.Helper()
	raw, ok := s.Observables[name]
	if !ok {
		t.Fatalf("observable %s missing (have %d observables)", name, len(s.Observables))
	}
	var me stats.MeanErr
	if strings.HasPrefix(string(raw), "{") {
		if err := json.Unmarshal(raw, &me); err != nil {
			t.Fatal(err)
		}
		return me
	}
	if err := json.Unmarshal(raw, &me.Mean); err != nil {
		t.Fatalf("observable %s = %s: %v", name, raw, err)
	}
	return me
}

// rejects applies the --set overrides to a fresh default config of sc, as
// the CLI does, and requires the overrides or Validate to fail with an
// error mentioning want.
func rejects(t *testing.T, sc Scenario, want string, sets ...string) {
	t.Helper()
	cfg := sc.DefaultConfig()
	var err error
	for _, kv := range sets {
		if err = ApplySet(cfg, kv); err != nil {
			break
		}
	}
	if err == nil {
		err = cfg.Validate()
	}
	unknown := err != nil && strings.Contains(err.Error(), "unknown config key") && !strings.Contains(want, "unknown config key")
	if err == nil || unknown || !strings.Contains(err.Error(), want) {
		t.Errorf("%s --set %s: err = %v, want it to mention %q", sc.Name(), strings.Join(sets, " --set "), err, want)
	}
}

// csvRows returns the data rows of a CSV file (header dropped).
func csvRows(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	return lines[1:]
}

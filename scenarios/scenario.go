// Package scenarios holds physim's named, runnable set-ups. Each scenario
// has a typed configuration with documented defaults (dumped and read back
// as TOML), runs in an output directory, and reports its observables, the
// files it wrote and its cost in DIR/summary.json.
package scenarios

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/physim/physim/sim"
)

// Config is a scenario's configuration: a pointer to a struct with toml
// tags whose values after construction are the documented defaults.
type Config interface {
	// Validate returns an error naming the first invalid key.
	Validate() error
}

// Scenario is a named, runnable set-up.
type Scenario interface {
	// Name is the identifier used on the command line.
	Name() string
	// Describe is a one-line description.
	Describe() string
	// DefaultConfig returns a fresh configuration holding the defaults.
	DefaultConfig() Config
	// Run executes the scenario with a validated configuration.
	Run(ctx context.Context, env *Env, cfg Config) error
}

// Env is what a running scenario gets besides its configuration.
type Env struct {
	// Out is the output directory; it exists and is writable.
	Out string
	// Seed keys every random draw of the run.
	Seed uint64
	// Workers is the number of goroutines for parallel work (≥ 1).
	Workers int
	// Log receives human-readable progress (stderr in the CLI).
	Log io.Writer
	// Progress creates a progress reporter for a loop of total units.
	Progress func(label string, total int64) Progress
	// Summary collects observables and outputs; the caller writes it.
	Summary *Summary
	// Watch, when set, returns an observer that shows or records the
	// particle state s (the CLI's --view and --snapshot). Scenarios with a
	// particle simulation attach it to their runner and call it once more
	// when the run ends.
	Watch func(s *sim.State) sim.Observer
}

// watch returns env.Watch(s), or nil when nothing watches.
func (e *Env) watch(s *sim.State) sim.Observer {
	if e.Watch == nil {
		return nil
	}
	return e.Watch(s)
}

// Progress reports advancement of a long loop.
type Progress interface {
	// Add advances by n units.
	Add(n int64)
	// Done finishes the bar.
	Done()
}

// Logf writes a formatted line to env.Log.
func (e *Env) Logf(format string, args ...any) {
	if e.Log != nil {
		fmt.Fprintf(e.Log, format+"\n", args...)
	}
}

// Registry maps names to scenarios.
type Registry struct {
	byName map[string]Scenario
}

// NewRegistry returns a registry holding the given scenarios; it panics on
// a duplicate name.
func NewRegistry(list ...Scenario) *Registry {
	r := &Registry{byName: map[string]Scenario{}}
	for _, s := range list {
		if _, dup := r.byName[s.Name()]; dup {
			panic("scenarios: duplicate scenario " + s.Name())
		}
		r.byName[s.Name()] = s
	}
	return r
}

// Default returns the registry of every scenario physim ships.
func Default() *Registry {
	return NewRegistry(LJFluid{}, BDvsDDFT{}, DFTPlanar{}, DDFTPlanar{}, Kuramoto{}, AKOrN{}, OscillatorLattice{}, Lorenz{}, PCMData{})
}

// Names returns the scenario names in alphabetical order.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.byName))
	for n := range r.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Get returns the named scenario or an error listing the known ones.
func (r *Registry) Get(name string) (Scenario, error) {
	s, ok := r.byName[name]
	if !ok {
		return nil, fmt.Errorf("scenarios: unknown scenario %q (known: %s)", name, strings.Join(r.Names(), ", "))
	}
	return s, nil
}

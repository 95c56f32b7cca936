package glview

import (
	"errors"
	"testing"
)

// Displays that cannot be reached are reported as ErrNoDisplay.
func TestCheckDisplay(t *testing.T) {
	for _, d := range []string{"", "nonsense", ":x", ":65000", "localhost:65000"} {
		if err := checkDisplay(d); !errors.Is(err, ErrNoDisplay) {
			t.Errorf("DISPLAY=%q: error %v, want ErrNoDisplay", d, err)
		}
	}
}

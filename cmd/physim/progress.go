package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/physim/physim/scenarios"
)

// newProgress returns a progress bar with rate and ETA on a terminal, and
// plain lines every 10% otherwise (logs, CI).
func newProgress(w io.Writer, label string, total int64) scenarios.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == "" {
		bar := progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(label),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("steps"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionFullWidth(),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
		)
		return barProgress{bar}
	}
	return &lineProgress{w: w, label: label, total: total, start: time.Now()}
}

type barProgress struct{ b *progressbar.ProgressBar }

func (p barProgress) Add(n int64) { p.b.Add64(n) }
func (p barProgress) Done()       { p.b.Finish() }

// lineProgress prints a line at every tenth of the work.
type lineProgress struct {
	w           io.Writer
	label       string
	total, done int64
	nextTenth   int64
	start       time.Time
}

func (p *lineProgress) Add(n int64) {
	p.done += n
	if p.total <= 0 {
		return
	}
	for p.nextTenth <= 10 && p.done*10 >= p.nextTenth*p.total {
		if p.nextTenth > 0 {
			el := time.Since(p.start).Seconds()
			rate := float64(p.done) / el
			eta := float64(p.total-p.done) / rate
			fmt.Fprintf(p.w, "%s: %3d%% (%d/%d, %.0f/s, ETA %.0fs)\n", p.label, p.nextTenth*10, p.done, p.total, rate, eta)
		}
		p.nextTenth++
	}
}

func (p *lineProgress) Done() {}

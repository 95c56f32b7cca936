//go:build !linux

package glview

import "os/exec"

// dieWithParent does nothing outside Linux.
func dieWithParent(cmd *exec.Cmd) {}

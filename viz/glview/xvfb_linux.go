package glview

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the kernel terminate cmd when the thread that
// started it exits, so that a killed viewer leaves no Xvfb behind. Start
// Xvfb from the main goroutine, which the viewer locks to the main thread.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}

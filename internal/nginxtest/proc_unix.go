//go:build unix

package nginxtest

import (
	"os/exec"
	"syscall"
)

// quitSignal asks the nginx master for a graceful shutdown.
var quitSignal = syscall.SIGQUIT

// setProcessGroup puts the child in a new process group whose id is its
// pid. Its workers inherit the group, so killGroup can reach them even if
// the master has died and they were orphaned, without ever naming a
// process that this package did not start.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// groupAlive reports whether any process is left in cmd's process group.
func groupAlive(cmd *exec.Cmd) bool {
	return syscall.Kill(-cmd.Process.Pid, 0) == nil
}

// killGroup sends SIGKILL to every process in cmd's process group.
func killGroup(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

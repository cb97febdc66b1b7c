//go:build !unix

package nginxtest

import (
	"os"
	"os/exec"
)

// quitSignal: without Unix signals the only way to stop nginx is to kill it.
var quitSignal = os.Kill

// setProcessGroup does nothing where process groups do not exist.
func setProcessGroup(*exec.Cmd) {}

// groupAlive cannot see workers without process groups; it reports none.
func groupAlive(*exec.Cmd) bool { return false }

// killGroup kills the master only.
func killGroup(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

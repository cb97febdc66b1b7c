//go:build unix

package nginxtest

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStopKillsStuckServer freezes the master with SIGSTOP so that it
// cannot act on SIGQUIT, and checks that Stop falls back to killing the
// whole process group (master and workers) after the timeout.
func TestStopKillsStuckServer(t *testing.T) {
	old := stopTimeout
	stopTimeout = 300 * time.Millisecond
	t.Cleanup(func() { stopTimeout = old })

	p := NewPrefix(t)
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	srv := p.Start(t, p.MainConf("server { listen "+addr+"; }"), addr)
	if err := syscall.Kill(srv.PID, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	logged := &logTB{TB: t}
	srv.t = logged
	start := time.Now()
	srv.Stop()
	if d := time.Since(start); d < stopTimeout {
		t.Errorf("Stop returned after %v, before the SIGQUIT timeout", d)
	}
	if !strings.Contains(logged.String(), "ignored SIGQUIT") {
		t.Errorf("no log about the SIGKILL fallback: %q", logged.String())
	}
	// Killed workers are reparented and reaped by init; give it a moment.
	deadline := time.Now().Add(5 * time.Second)
	for groupAlive(srv.cmd) {
		if time.Now().After(deadline) {
			t.Fatal("processes left in nginx's process group after SIGKILL")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// logTB records Logf output.
type logTB struct {
	testing.TB
	b strings.Builder
}

func (l *logTB) Logf(format string, args ...any) {
	fmt.Fprintf(&l.b, format+"\n", args...)
	l.TB.Logf(format, args...)
}

func (l *logTB) String() string { return l.b.String() }

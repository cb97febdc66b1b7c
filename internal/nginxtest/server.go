package nginxtest

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is an nginx master process started by [Prefix.Start]. It runs in
// the foreground as a child of the test process, in a process group of its
// own, and is stopped when the test ends.
type Server struct {
	// PID is the master process's pid; it is also the process group id
	// of the master and its workers.
	PID int
	// Addrs are the addresses Start waited for, as given to it.
	Addrs []string
	// Prefix is the prefix the server runs in.
	Prefix *Prefix

	t      testing.TB
	cmd    *exec.Cmd
	stderr *syncBuffer
	done   chan struct{} // closed once cmd.Wait has returned
	err    error         // cmd.Wait's result, valid after done
	once   sync.Once
}

// Start writes conf to conf/nginx.conf and starts
// `nginx -p DIR/ -c DIR/conf/nginx.conf -e DIR/logs/error.log -g "daemon off;"`.
// Because of that -g, conf must not contain a "daemon" directive (nginx
// would reject it as a duplicate); master_process stays on. The same guard
// as [Prefix.Test] runs first, and conf must name the pid file of
// [Prefix.Preamble]: nginx writes it only after it has bound every listen
// socket, so it tells Start that startup succeeded.
//
// Start then waits, at most [StartTimeout], until the pid file holds the
// child's pid and every address in addrs ("127.0.0.1:8080", "[::1]:8080")
// accepts a TCP connection. Waiting for both matters: the pid file proves
// that this nginx (not some other process on a reused port) is up, and the
// addresses prove that what the test is about to use is listening. If
// nginx exits or the time runs out, the test fails with nginx's stderr and
// error log. Configurations should listen only on 127.0.0.1 or [::1], on
// ports from [FreePort].
//
// A t.Cleanup registered before waiting stops the server (see
// [Server.Stop]), so it is never left running, even when Start fails.
func (p *Prefix) Start(t testing.TB, conf string, addrs ...string) *Server {
	t.Helper()
	path := p.WriteFile(confRel, conf)
	p.guard(t, path)
	// A pid file left by an earlier server in this prefix would make the
	// readiness check below meaningless.
	_ = os.Remove(p.PIDFile())

	cmd := exec.Command(p.bin, append(p.args(path), "-g", "daemon off;")...)
	cmd.Dir = p.Dir
	// nginx's workers inherit stderr; should the master die without them,
	// Wait must not block on the pipe they still hold open.
	cmd.WaitDelay = 2 * time.Second
	stderr := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = stderr, stderr
	setProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatalf("nginxtest: starting %s: %v", cmd, err)
	}
	s := &Server{
		PID: cmd.Process.Pid, Addrs: addrs, Prefix: p,
		t: t, cmd: cmd, stderr: stderr, done: make(chan struct{}),
	}
	go func() {
		s.err = cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("nginx error log (%s):\n%s", p.Path(errorLogRel), p.ErrorLog())
		}
	})

	deadline := time.Now().Add(StartTimeout)
	for {
		select {
		case <-s.done:
			t.Fatalf("nginxtest: nginx exited during startup (%v)\nstderr:\n%s\nerror log:\n%s",
				s.err, stderr.String(), p.ErrorLog())
		default:
		}
		pidOK, pending := s.pidWritten(), s.pendingAddr()
		if pidOK && pending == "" {
			return s
		}
		if time.Now().After(deadline) {
			why := "pid file " + p.PIDFile() + " does not hold pid " + strconv.Itoa(s.PID) +
				" (does the configuration use p.Preamble(t)?)"
			if pidOK {
				why = pending + " does not accept connections (is it in a listen directive?)"
			}
			t.Fatalf("nginxtest: nginx not ready after %v: %s\nstderr:\n%s\nerror log:\n%s",
				StartTimeout, why, stderr.String(), p.ErrorLog())
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// pidWritten reports whether the prefix's pid file holds this server's pid.
func (s *Server) pidWritten() bool {
	b, err := os.ReadFile(s.Prefix.PIDFile())
	return err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(s.PID)
}

// pendingAddr returns the first address that does not accept a TCP
// connection yet, or "" when all do.
func (s *Server) pendingAddr() string {
	for _, a := range s.Addrs {
		c, err := net.DialTimeout("tcp", a, 250*time.Millisecond)
		if err != nil {
			return a
		}
		c.Close()
	}
	return ""
}

// Stop shuts the server down and waits for it: SIGQUIT to the master
// (graceful: it waits for its workers), then, if the master has not exited
// within [StopTimeout], SIGKILL to the server's process group, which holds
// only this master and its workers. It only ever signals this server's own
// pid/pgid, never processes found by name. Stop is idempotent and runs
// automatically at the end of the test; call it earlier to test what
// happens when nginx goes away.
func (s *Server) Stop() {
	s.once.Do(func() {
		select {
		case <-s.done:
		default:
			_ = s.cmd.Process.Signal(quitSignal)
			select {
			case <-s.done:
			case <-time.After(stopTimeout):
				s.t.Logf("nginxtest: nginx (pid %d) ignored SIGQUIT for %v; killing its process group", s.PID, stopTimeout)
				killGroup(s.cmd)
				<-s.done
				return
			}
		}
		// A master that exits normally has reaped its workers. One that
		// crashed may have left them running, still in its process
		// group (which keeps the group id from being reused), so kill
		// any stragglers. (Workers that are merely exiting and not yet
		// reaped also count; killing them again is harmless.)
		if groupAlive(s.cmd) {
			s.t.Logf("nginxtest: processes remained in the process group of nginx (pid %d) after it exited; sent them SIGKILL", s.PID)
			killGroup(s.cmd)
		}
	})
}

// Exited returns a channel that is closed once the master process has
// exited and been reaped.
func (s *Server) Exited() <-chan struct{} { return s.done }

// Output returns what nginx has printed on stdout and stderr so far.
func (s *Server) Output() string { return s.stderr.String() }

// ErrorLog returns the content of the prefix's error log.
func (s *Server) ErrorLog() string { return s.Prefix.ErrorLog() }

// stopTimeout is StopTimeout, as a variable so that the package's own test
// of the SIGKILL path does not have to wait 10 s.
var stopTimeout = StopTimeout

// syncBuffer is a bytes.Buffer safe for the concurrent writes of exec's
// copying goroutine and reads from the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago: it
// listens on port 0 and closes the listener. Another process may take the
// port before nginx binds it; [Prefix.Start] then fails clearly (nginx
// exits with "bind() ... failed") rather than talking to the wrong server.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("nginxtest: FreePort: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

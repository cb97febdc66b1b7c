//go:build unix

package fix

import (
	"os"
	"syscall"
)

// keepOwner gives the new file the owner and group of the one it
// replaces, where the process may (root fixing a file owned by another
// user); otherwise the file keeps the writer's, as any editor's save does.
func keepOwner(f *os.File, st os.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(s.Uid), int(s.Gid))
	}
}

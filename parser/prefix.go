package parser

import (
	"os"
	"path/filepath"
)

// ConfPrefix returns nginx's conf prefix for a file linted on its own: the
// nearest directory, from the file's own upwards, that holds nginx.conf,
// since that is where nginx resolves the relative include paths of every
// file it reads (a site file in sites-available/ includes
// "snippets/websocket.conf" from /etc/nginx). The directory is written as
// name's is: relative names give a relative directory ("." for the working
// directory, "../.." above it). It returns "" when no directory up to the
// file system's root holds nginx.conf, or name's directory cannot be
// resolved: the file's own directory is then the best guess, as nginx -c
// would take it.
func ConfPrefix(name string) string {
	dir := filepath.Dir(name)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(abs, "nginx.conf")); err == nil && !st.IsDir() {
			return dir
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs, dir = parent, filepath.Join(dir, "..")
	}
}

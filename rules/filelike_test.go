package rules

import (
	"math/rand"
	"regexp"
	"testing"
)

// TestFileLike checks that fileLike matches exactly what the regexp it
// replaced matched.
func TestFileLike(t *testing.T) {
	re := regexp.MustCompile(`\.[A-Za-z0-9]{1,5}$`)
	cases := []string{
		"", ".", "a", "js", ".js", "a.js", "socket.io.js", "index.php", "webrtc.html",
		"socket.io", "a.abcde", "a.abcdef", "a.ABCDE", "a.123456", ".12345", "..", "a.",
		"a.j-s", "a.j_s", "a.jé", "é.js", "a.\xff", "\xff.js", "a.js/", "a.js\n", "a\n.js",
		"v1.2", "file.tar.gz", "x.abcdefg.h",
	}
	r := rand.New(rand.NewSource(1))
	const alphabet = "aZ09._-/é\xff\n"
	for range 20000 {
		b := make([]byte, r.Intn(10))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, c := range cases {
		if got, want := fileLike(c), re.MatchString(c); got != want {
			t.Errorf("fileLike(%q) = %v, the regexp says %v", c, got, want)
		}
	}
}

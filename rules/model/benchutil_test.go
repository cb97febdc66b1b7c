package model_test

import "os"

// mkdirTemp makes a directory for the generated tree; benchmarks run once
// per binary and the tree is removed with the system's temporary files.
func mkdirTemp() (string, error) { return os.MkdirTemp("", "nginx-wslint-bench") }

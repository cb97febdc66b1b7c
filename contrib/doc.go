// Package contrib holds no Go code. Its tests run the commands of the
// integrations kept at the repository's root and below contrib/ (the GitHub
// Action's shell steps, the pre-commit hooks, the systemd drop-in's guarded
// ExecReload) with a freshly built nginx-wslint, the way each host would
// run them.
package contrib

// Command nginx-wslint finds the mistakes in nginx configuration that break
// WebSocket reverse proxying. Run "nginx-wslint --help" for its usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

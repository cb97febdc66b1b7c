// Command minread is the floor an editor check is compared with: a minimal
// Go program that reads the file it is given and prints its length.
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println(len(b))
}

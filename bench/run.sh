#!/bin/sh
# Benchmarks nginx-wslint against nginx -t on generated trees (~500, ~20k
# and ~200k lines) and an editor check against a minimal Go program, side by
# side in one run. Usage, from the repository root:
#
#   bench/run.sh                      # all sizes, 5 rounds
#   bench/run.sh -sizes 20k -rounds 3 # flags of bench/main.go
#
# nginx is taken from /usr/sbin/nginx (-nginx PATH to change); it runs only
# `nginx -t` and `nginx -T`, in a temporary prefix.
set -eu
cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
# Built as the README installs it: static, without cgo (pflag imports net,
# which otherwise links the binary dynamically and adds the dynamic
# loader's ~2 ms to every start).
CGO_ENABLED=0 go build -o "$bin/nginx-wslint" ./cmd/nginx-wslint
CGO_ENABLED=0 go build -o "$bin/minread" ./bench/minread
go run ./bench -lint "$bin/nginx-wslint" -minread "$bin/minread" "$@"

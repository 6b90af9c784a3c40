//go:build tools

// Package tools pins the versions of build tools run with `go run`.
package tools

import (
	_ "github.com/99designs/gqlgen"
)

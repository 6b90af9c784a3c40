// Command build bundles the admin console (src/main.ts and what it imports) into
// dist/console.js with esbuild's Go API, and copies the trusted-documents manifest that
// graphql-codegen wrote next to it, so that `go build` embeds both without node. It runs
// from `go generate` in internal/console.
package main

import (
	"fmt"
	"os"

	"github.com/evanw/esbuild/pkg/api"
)

func main() {
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{"src/main.ts"},
		Outfile:           "dist/console.js",
		Bundle:            true,
		Format:            api.FormatESModule,
		Target:            api.ES2022,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsNone,
		Write:             true,
		LogLevel:          api.LogLevelWarning,
	})
	if len(res.Errors) > 0 {
		fmt.Fprintf(os.Stderr, "console build: %d errors\n", len(res.Errors))
		os.Exit(1)
	}
	manifest, err := os.ReadFile("src/gql/persisted-documents.json")
	if err == nil {
		err = os.WriteFile("dist/documents.json", manifest, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "console build:", err)
		os.Exit(1)
	}
}

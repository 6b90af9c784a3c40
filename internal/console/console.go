// Package console serves the admin console at /console/: a small TypeScript app whose
// types and documents graphql-codegen generates from schema/ (codegen.ts, src/gql), and
// which esbuild's Go API bundles into dist/ from `go generate` (build/). dist/ is
// committed and embedded, so `go build` needs no node and the console needs no network
// beyond the API it is served by. Its documents are trusted documents: Documents is the
// manifest the server trusts whatever mode it runs in.
package console

//go:generate npm ci --no-audit --no-fund --loglevel=error
//go:generate npx graphql-codegen --config codegen.ts --silent
//go:generate go run ./build

import (
	"embed"
	"net/http"
)

//go:embed index.html dist/console.js
var assets embed.FS

//go:embed dist/documents.json
var documents []byte

// Documents is the console's trusted-documents manifest ({"sha256:<hex>": document}).
func Documents() []byte { return documents }

// Handler serves the console under /console/: index.html for the app's pages, and its
// script.
func Handler() http.Handler {
	files := http.FileServerFS(assets)
	return http.StripPrefix("/console", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if r.URL.Path == "/dist/console.js" || r.URL.Path == "/console.js" {
			r.URL.Path = "/dist/console.js"
			files.ServeHTTP(w, r)
			return
		}
		http.ServeFileFS(w, r, assets, "index.html")
	}))
}

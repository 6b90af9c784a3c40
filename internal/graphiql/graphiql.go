// Package graphiql serves the GraphiQL IDE from files embedded in the binary, so the
// IDE works with no network beyond the server itself (no CDN).
//
// The vendored files in assets/vendor are the npm releases graphiql 3.9.0 (its UMD
// bundle graphiql.min.js and graphiql.min.css) and react and react-dom 18.3.1 (their
// production UMD builds), copied unmodified; assets/vendor/NOTICE carries their licenses
// (MIT, and the notices of what graphiql's bundle contains). update.sh refreshes them.
// The page and its start script are ours: the page loads no inline script, so its
// Content-Security-Policy allows scripts from the server alone.
package graphiql

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"
)

// AssetPrefix is the path under which the page's scripts and styles are served; mount
// the Handler there as well as at the page's path.
const AssetPrefix = "/graphiql/"

//go:embed assets
var files embed.FS

// Config configures the IDE page.
type Config struct {
	// Title is the page title; optional ("GraphiQL").
	Title string
	// Endpoint is the path the IDE posts operations to (application/json); required.
	Endpoint string
	// Subscriptions is the path of the graphql-transport-ws websocket; optional (no
	// subscriptions). The headers editor's headers travel in connection_init with their
	// names in lower camel case and without an X- prefix (X-Tenant-Id: tenantId).
	Subscriptions string
	// DefaultQuery is the editor's text on a first visit; optional (GraphiQL's own).
	DefaultQuery string
}

// pageCSP lets the page load scripts, styles and connections from its own origin only
// ('self' covers same-origin websockets). Styles allow inline because GraphiQL's
// dialogs insert <style> elements; the fonts in graphiql.min.css are data: URLs.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"font-src 'self' data:; img-src 'self' data:; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the IDE page and, under AssetPrefix, its assets.
type Handler struct {
	page   []byte
	assets map[string]asset // by URL path
}

// asset is an embedded file served at a URL that names its content hash, so browsers
// may keep it for good.
type asset struct {
	body        []byte
	contentType string
	etag        string
}

// contentType returns the type of a file the page loads, by its extension.
func contentType(ext string) (string, bool) {
	switch ext {
	case ".js":
		return "text/javascript; charset=utf-8", true
	case ".css":
		return "text/css; charset=utf-8", true
	}
	return "", false
}

// New returns the IDE for cfg. It fails when cfg has no Endpoint.
func New(cfg Config) (*Handler, error) {
	if cfg.Endpoint == "" {
		return nil, errors.New("graphiql: Config.Endpoint is required")
	}
	if cfg.Title == "" {
		cfg.Title = "GraphiQL"
	}
	h := &Handler{assets: map[string]asset{}}
	// assetURL maps an embedded file under assets/ to its URL; the page template calls
	// it for every file it loads, so only those files are served.
	assetURL := func(name string) (string, error) {
		body, err := files.ReadFile(path.Join("assets", name))
		if err != nil {
			return "", err
		}
		ext := path.Ext(name)
		ct, ok := contentType(ext)
		if !ok {
			return "", errors.New("graphiql: no content type for " + name)
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:8])
		url := AssetPrefix + strings.TrimSuffix(path.Base(name), ext) + "." + hash + ext
		h.assets[url] = asset{body: body, contentType: ct, etag: `"` + hash + `"`}
		return url, nil
	}
	page, err := template.New("index.html").Funcs(template.FuncMap{"asset": assetURL}).ParseFS(files, "assets/index.html")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, cfg); err != nil {
		return nil, err
	}
	h.page = buf.Bytes()
	return h, nil
}

// ServeHTTP serves the assets under AssetPrefix and the page at any other path.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	if !strings.HasPrefix(r.URL.Path, AssetPrefix) {
		hdr.Set("Content-Type", "text/html; charset=utf-8")
		hdr.Set("Cache-Control", "no-cache")
		hdr.Set("Content-Security-Policy", pageCSP)
		hdr.Set("Referrer-Policy", "no-referrer")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(h.page))
		return
	}
	a, ok := h.assets[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	hdr.Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

// Package documents keeps trusted documents: the GraphQL operations an App registers
// (northstar documents apply), which clients then send by hash — Apollo's
// extensions.persistedQuery.sha256Hash or a top-level documentId — and which
// `serve --trusted-documents=required` makes the only ones a server runs.
//
// A manifest is {"<sha256 hex of the document>": "<document>"}, the format
// graphql-codegen's client preset writes for persisted documents (its keys may carry a
// "sha256:" prefix). The admin console's own manifest is pinned (Registry.Pin): trusted
// by every server, whatever is stored. Documents are
// content-addressed: the same text has the same hash for every App, so the Registry maps
// a hash to one document however many Apps registered it. They are stored in Firestore
// (trustedDocuments/{app}:{hash}), control-plane data like routes, and every replica
// follows them with a snapshot listener (Registry.Run), so a document applied on one
// replica is trusted by all within moments, without a restart.
//
// Each document is parsed and validated against the schema once: by the command before
// it writes anything (a manifest with one invalid document writes none), and by each
// replica when it loads it; the parsed form then serves every request that names it
// (Registry.Get, gqlgen's query cache), so a trusted document costs no parse or
// validation per request. A stored document that does not validate — the schema moved
// on since it was applied — is left out and logged, never run.
//
// Tests: TestManifest and TestRegistry here; server/documents_test.go applies a
// manifest with the command and runs its documents by hash on two replicas, in both modes.
package documents

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/follow"
	"github.com/northstar/northstar/internal/ids"
)

// Document is one trusted document of an App.
type Document struct {
	AppID     string    `firestore:"appId"`
	Hash      string    `firestore:"hash"`
	Query     string    `firestore:"document"`
	CreatedAt time.Time `firestore:"createdAt"`
}

// Hash is the hex SHA-256 of a document's text: its name in manifests and requests.
func Hash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// Manifest limits.
const (
	MaxDocuments     = 2000
	MaxDocumentBytes = 100 << 10
)

// ParseManifest reads a manifest and checks every hash against its document, and each
// document against schema. The error names every offending entry.
func ParseManifest(data []byte, schema *ast.Schema) (map[string]string, error) {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("a manifest is a JSON object of sha256 hex hashes to documents: %w", err)
	}
	if len(m) == 0 || len(m) > MaxDocuments {
		return nil, fmt.Errorf("a manifest holds 1 to %d documents, not %d", MaxDocuments, len(m))
	}
	hashes := make([]string, 0, len(m))
	for h, q := range m {
		if bare := strings.TrimPrefix(h, "sha256:"); bare != h {
			delete(m, h)
			m[bare] = q
			h = bare
		}
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	var problems []string
	for _, h := range hashes {
		q := m[h]
		switch {
		case len(q) > MaxDocumentBytes:
			problems = append(problems, fmt.Sprintf("%s: larger than %d bytes", short(h), MaxDocumentBytes))
		case Hash(q) != h:
			problems = append(problems, fmt.Sprintf("%s: is not the sha256 of its document (that is %s)", short(h), short(Hash(q))))
		default:
			if _, err := Check(schema, q); err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", short(h), err))
			}
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%d of %d documents refused:\n  %s", len(problems), len(m), joinLines(problems))
	}
	return m, nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}

func joinLines(lines []string) string {
	out := lines[0]
	for _, l := range lines[1:] {
		out += "\n  " + l
	}
	return out
}

// Check parses query and validates it against schema.
func Check(schema *ast.Schema, query string) (*ast.QueryDocument, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return nil, err
	}
	if errs := validator.ValidateWithRules(schema, doc, nil); len(errs) > 0 {
		return nil, errs
	}
	return doc, nil
}

// Store keeps trusted documents (internal/firestore).
type Store interface {
	// PutDocuments stores docs (all of one App; existing ones are kept as they are) and
	// ev, in commits of at most a few hundred writes each: a failure part way leaves the
	// earlier commits in place, and applying again completes it.
	PutDocuments(ctx context.Context, docs []Document, ev audit.Event) error
	// WatchDocuments calls apply with every stored document, then again after each
	// change, until ctx ends or the listener fails.
	WatchDocuments(ctx context.Context, apply func(all []Document)) error
	// DocumentsStat reads how many documents are stored and the newest CreatedAt, in one
	// shot: what the registry's copy is compared with (follow).
	DocumentsStat(ctx context.Context) (follow.Stat, error)
}

// Apply registers manifest's documents for appID (a well-formed app id), by whoever acts
// in ctx, and returns how many it stored. With dryRun it only checks them.
func Apply(ctx context.Context, store Store, appID string, manifest map[string]string, dryRun bool, now time.Time) (int, error) {
	if !ids.ValidFor(ids.App, appID) {
		return 0, fmt.Errorf("--app %q is not an app id (a_…)", appID)
	}
	if dryRun {
		return len(manifest), nil
	}
	docs := make([]Document, 0, len(manifest))
	for h, q := range manifest {
		docs = append(docs, Document{AppID: appID, Hash: h, Query: q, CreatedAt: now.UTC()})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Hash < docs[j].Hash })
	ev := audit.New(ctx, now, ids.System, "documents.apply", "app", appID)
	ev.Changes = []audit.Change{audit.Note("documents", "", fmt.Sprint(len(docs)))}
	return len(docs), store.PutDocuments(ctx, docs, ev)
}

// Registry holds the trusted documents this replica runs, parsed and validated.
type Registry struct {
	pinned  []Document // trusted whatever the store holds (the console's)
	schema  *ast.Schema
	log     *slog.Logger
	current atomic.Pointer[table]
	applied atomic.Uint64 // snapshots loaded
	ready   chan struct{}
	once    sync.Once
}

// table is one snapshot: each document's text by hash, and its parsed form by text (for
// gqlgen's query cache).
type table struct {
	text   map[string]string
	parsed map[string]*ast.QueryDocument
	stored follow.Stat // of the stored documents it was made from
}

// NewRegistry returns an empty Registry for schema; log hears of stored documents that
// no longer validate (nil discards).
func NewRegistry(schema *ast.Schema, log *slog.Logger) *Registry {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Registry{schema: schema, log: log, ready: make(chan struct{})}
	r.current.Store(&table{text: map[string]string{}, parsed: map[string]*ast.QueryDocument{}})
	return r
}

// Pin trusts manifest's documents (checked like a manifest applied) in every snapshot
// from now on. Call it before Run.
func (r *Registry) Pin(app string, manifest []byte) error {
	m, err := ParseManifest(manifest, r.schema)
	if err != nil {
		return fmt.Errorf("pinned documents of %s: %w", app, err)
	}
	for h, q := range m {
		r.pinned = append(r.pinned, Document{AppID: app, Hash: h, Query: q})
	}
	r.swap(nil)
	return nil
}

// Run follows src until ctx ends, with follow.Run: a failed listener is watched again
// after a growing delay, and one gone quiet while the stored documents moved on is
// restarted. o gives the check's period and the reports (OnErr, OnStale); its Watch,
// Store and Local are the registry's.
func (r *Registry) Run(ctx context.Context, src Store, o follow.Options) {
	o.Watch = func(ctx context.Context) error { return src.WatchDocuments(ctx, r.Load) }
	o.Store = src.DocumentsStat
	o.Local = func() (follow.Stat, uint64) { return r.current.Load().stored, r.applied.Load() }
	follow.Run(ctx, o)
}

// Load replaces the stored documents the registry trusts with stored, parsing and
// validating each one it does not hold yet, and marks the registry ready.
func (r *Registry) Load(stored []Document) {
	r.swap(stored)
	r.applied.Add(1)
	r.once.Do(func() { close(r.ready) })
}

// swap makes the pinned documents and stored the registry's snapshot.
func (r *Registry) swap(stored []Document) {
	all := append(append([]Document(nil), r.pinned...), stored...)
	old := r.current.Load()
	t := &table{text: make(map[string]string, len(all)), parsed: make(map[string]*ast.QueryDocument, len(all)), stored: follow.Stat{Count: len(stored)}}
	for _, d := range stored {
		if d.CreatedAt.After(t.stored.Newest) {
			t.stored.Newest = d.CreatedAt
		}
	}
	for _, d := range all {
		if _, done := t.text[d.Hash]; done {
			continue
		}
		doc, ok := old.parsed[d.Query]
		if !ok || old.text[d.Hash] != d.Query { // reuse a parse only for the same hash and text
			if Hash(d.Query) != d.Hash {
				r.log.Warn("trusted documents: a stored document does not match its hash; left out", "app", d.AppID, "hash", d.Hash)
				continue
			}
			var err error
			if doc, err = Check(r.schema, d.Query); err != nil {
				r.log.Warn("trusted documents: a stored document no longer validates; left out", "app", d.AppID, "hash", d.Hash, "err", err)
				continue
			}
		}
		t.text[d.Hash], t.parsed[d.Query] = d.Query, doc
	}
	r.current.Store(t)
}

// Ready is closed once the first snapshot is loaded.
func (r *Registry) Ready() <-chan struct{} { return r.ready }

// Lookup returns the text of the trusted document with hash.
func (r *Registry) Lookup(hash string) (string, bool) {
	q, ok := r.current.Load().text[hash]
	return q, ok
}

// Parsed returns the parsed, validated form of a trusted document's text.
func (r *Registry) Parsed(query string) (*ast.QueryDocument, bool) {
	doc, ok := r.current.Load().parsed[query]
	return doc, ok
}

// Len is the number of distinct trusted documents.
func (r *Registry) Len() int { return len(r.current.Load().text) }

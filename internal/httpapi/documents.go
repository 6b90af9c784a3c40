package httpapi

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/documents"
)

// Trusted-documents modes (serve --trusted-documents).
const (
	// DocumentsAllowed runs trusted documents by hash and any other document too.
	DocumentsAllowed = "allowed"
	// DocumentsRequired runs trusted documents only.
	DocumentsRequired = "required"
)

// TrustedDocuments are the documents this server trusts (documents.Registry).
type TrustedDocuments interface {
	// Lookup returns the text of the trusted document with hash.
	Lookup(hash string) (string, bool)
	// Parsed returns a trusted document's parsed, validated form by its text.
	Parsed(query string) (*ast.QueryDocument, bool)
}

// trustedDocs resolves a request's document: a hash (extensions.persistedQuery.
// sha256Hash, or a top-level documentId: ServeHTTP reads it over HTTP and
// documentIDPayload over a websocket) becomes the trusted document's text;
// in required mode a document that is not trusted is refused. It runs first among the
// operation parameter mutators, so the limits see the document that will run.
type trustedDocs struct {
	docs     TrustedDocuments
	required bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = trustedDocs{}

func (trustedDocs) ExtensionName() string                   { return "TrustedDocuments" }
func (trustedDocs) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (t trustedDocs) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	hash := info(ctx).documentID
	if pq, ok := p.Extensions["persistedQuery"].(map[string]any); ok && hash == "" {
		hash, _ = pq["sha256Hash"].(string)
	}
	hash = strings.TrimPrefix(hash, "sha256:")
	if hash != "" {
		if p.Query != "" && documents.Hash(p.Query) != hash {
			return apperr.GraphQL(apperr.BadUserInput, "the query is not the document its hash names")
		}
		if q, ok := t.docs.Lookup(hash); ok {
			p.Query = q
			return nil
		}
		if p.Query == "" || t.required {
			return apperr.GraphQL(apperr.DocumentNotTrusted, "no trusted document has this hash: register it with northstar documents apply")
		}
		return nil // allowed: a document sent with its hash runs like any other
	}
	if t.required {
		if _, ok := t.docs.Lookup(documents.Hash(p.Query)); !ok {
			return apperr.GraphQL(apperr.DocumentNotTrusted, "this server runs trusted documents only: send a registered document's hash (extensions.persistedQuery.sha256Hash or documentId)")
		}
	}
	return nil
}

// queryCache is gqlgen's query cache with the trusted documents in front: their parsed,
// validated forms (made once, when the registry loaded them) serve every request that
// runs them.
type queryCache struct {
	docs TrustedDocuments
	graphql.Cache[*ast.QueryDocument]
}

// Get implements graphql.Cache.
func (c queryCache) Get(ctx context.Context, query string) (*ast.QueryDocument, bool) {
	if doc, ok := c.docs.Parsed(query); ok {
		return doc, true
	}
	return c.Cache.Get(ctx, query)
}

// trustedLimits runs the limits that need the validated operation — gqlgen's complexity
// limit, then queryLimits — and remembers the operations of trusted documents that
// passed. Such an operation is the registry's parse, shared by every request that names
// the document, and it declares no variables, so neither its complexity nor its shape can
// change from one request to the next: having passed once it passes every time, and the
// limits then cost one lookup instead of two walks per request. Every other operation is
// measured on each request, and a refusal is never remembered.
type trustedLimits struct {
	docs       TrustedDocuments
	complexity *extension.ComplexityLimit
	query      queryLimits

	passed sync.Map // *ast.OperationDefinition → its complexity stats (any)
	count  atomic.Int64
}

// maxPassed bounds the operations trustedLimits remembers; past it, it starts afresh (a
// document the registry dropped may otherwise stay remembered, and held, for ever).
const maxPassed = 4096

func newTrustedLimits(docs TrustedDocuments, complexity int, query queryLimits) *trustedLimits {
	return &trustedLimits{docs: docs, complexity: extension.FixedComplexityLimit(complexity), query: query}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*trustedLimits)(nil)

func (*trustedLimits) ExtensionName() string { return "TrustedLimits" }

// Validate implements graphql.HandlerExtension: the complexity limit needs the schema.
func (l *trustedLimits) Validate(es graphql.ExecutableSchema) error {
	return l.complexity.Validate(es)
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (l *trustedLimits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if stats, ok := l.passed.Load(oc.Operation); ok {
		oc.Stats.SetExtension(l.complexity.ExtensionName(), stats) // as the limit sets it
		return nil
	}
	if err := l.complexity.MutateOperationContext(ctx, oc); err != nil {
		return err
	}
	if err := l.query.MutateOperationContext(ctx, oc); err != nil {
		return err
	}
	if oc.Operation == nil || len(oc.Operation.VariableDefinitions) > 0 {
		return nil
	}
	if doc, ok := l.docs.Parsed(oc.RawQuery); !ok || doc != oc.Doc {
		return nil // not the registry's parse of a trusted document
	}
	if l.count.Add(1) > maxPassed {
		l.passed.Clear()
		l.count.Store(1)
	}
	l.passed.Store(oc.Operation, oc.Stats.GetExtension(l.complexity.ExtensionName()))
	return nil
}

package httpapi

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
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
// sha256Hash, or a top-level documentId over HTTP) becomes the trusted document's text;
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

package httpapi

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/documents"
)

// TestTrustedLimits: an operation of a trusted document that declares no variables is
// measured once and then remembered as passing; an operation with variables, one of a
// document that is not trusted, and one refused by a limit are measured on every request.
func TestTrustedLimits(t *testing.T) {
	es := graph.NewExecutableSchema(graph.Config{})
	parse := func(q string) *ast.QueryDocument {
		t.Helper()
		doc, err := documents.Check(es.Schema(), q)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	const (
		plain     = `{ tenant { id name mode { id } } }`
		variables = `query($n: Int) { projects(first: $n) { edges { node { id } } } }`
	)
	trusted := fakeDocuments{plain: parse(plain), variables: parse(variables)}
	limits := queryLimits{depth: 12, aliases: 30, rootFields: 20}
	for _, tc := range []struct {
		name, query string
		doc         *ast.QueryDocument
		complexity  int
		remembered  bool
	}{
		{"TrustedPlain", plain, trusted[plain], 5000, true},
		{"TrustedWithVariables", variables, trusted[variables], 5000, false},
		{"NotTrusted", plain, parse(plain), 5000, false},
		{"Refused", plain, trusted[plain], 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newTrustedLimits(trusted, tc.complexity, limits)
			if err := l.Validate(es); err != nil {
				t.Fatal(err)
			}
			for range 2 {
				oc := &graphql.OperationContext{RawQuery: tc.query, Doc: tc.doc, Operation: tc.doc.Operations[0]}
				err := l.MutateOperationContext(context.Background(), oc)
				if refused := tc.complexity < 5000; (err != nil) != refused {
					t.Fatalf("err = %v, want refused: %v", err, refused)
				}
				if err == nil && oc.Stats.GetExtension(l.complexity.ExtensionName()) == nil {
					t.Fatal("no complexity stats on the operation")
				}
			}
			if _, ok := l.passed.Load(tc.doc.Operations[0]); ok != tc.remembered {
				t.Fatalf("remembered: %v, want %v", ok, tc.remembered)
			}
		})
	}
}

// fakeDocuments trusts its documents, by text.
type fakeDocuments map[string]*ast.QueryDocument

func (f fakeDocuments) Lookup(hash string) (string, bool) {
	for q := range f {
		if documents.Hash(q) == hash {
			return q, true
		}
	}
	return "", false
}

func (f fakeDocuments) Parsed(query string) (*ast.QueryDocument, bool) {
	doc, ok := f[query]
	return doc, ok
}

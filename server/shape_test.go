package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// costlyShapes are the most expensive documents to refuse that we know of, each within
// the parser's token limit: before the shape checks, the first two cost 5–18 s of CPU.
func costlyShapes() map[string]string {
	rep := func(s string, n int) string { return strings.TrimSpace(strings.Repeat(s+" ", n)) }
	chain := func(levels int) string { // F0 spreads F1 twice, F1 spreads F2 twice, …: 2^levels fields
		var b strings.Builder
		b.WriteString("{ modes { ...F0 } }")
		for i := 0; i < levels; i++ {
			fmt.Fprintf(&b, " fragment F%d on Mode { ...F%d ...F%d }", i, i+1, i+1)
		}
		fmt.Fprintf(&b, " fragment F%d on Mode { id }", levels)
		return b.String()
	}
	return map[string]string{
		"RepeatedFields":  "query X1 { modes { " + rep("id", 8000) + " } }",
		"NestedFragments": "{ tenant { " + rep("...T", 300) + " } } fragment T on Tenant { mode { " + rep("...M", 300) + " } } fragment M on Mode { " + rep("id", 300) + " }",
		"SpreadFanOut":    "{ modes { " + rep("...F", 3000) + " } } fragment F on Mode { id name }",
		"InlineFanOut":    "{ modes { " + rep("... on Mode { id }", 1500) + " } }",
		"DoublingChain":   chain(40),
		"WideAliases": "{ " + strings.Join(func() []string {
			var a []string
			for i := range 2000 {
				a = append(a, fmt.Sprintf("a%d: modes { id }", i))
			}
			return a
		}(), " ") + " }",
		"IntrospectionFan": "{ __schema { types { " + rep("...T", 1000) + " } } } fragment T on __Type { name kind }",
	}
}

// TestCostlyShapesRefused: each costly shape is refused as BAD_USER_INPUT (400) by the
// linear checks, anonymously and for a signed-in user; ordinary documents, the dev IDE's
// introspection query and fragments used sensibly still pass.
func TestCostlyShapesRefused(t *testing.T) {
	ts := newServer(t, withEnv("dev"))
	ann := ts.signup(t, "ann")
	for name, q := range costlyShapes() {
		t.Run(name, func(t *testing.T) {
			for _, h := range []headers{nil, bearer(ann.Token)} {
				r := ts.gql(t, h, q, nil)
				expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
				if msg := r.Errors[0].Message; !strings.Contains(msg, "limit") {
					t.Fatalf("message %q does not name the limit", msg)
				}
			}
		})
	}
	t.Run("Accepted", func(t *testing.T) {
		for _, q := range []string{
			`{ modes { ...M } me { id } } fragment M on Mode { id name description }`,
			`{ a: modes { id } b: modes { ... on Mode { name } } }`,
			introspectionQuery,
		} {
			if r := ts.gql(t, bearer(ann.Token), q, nil); len(r.Errors) > 0 {
				t.Fatalf("%.60s…: %+v", q, r.Errors)
			}
		}
	})
}

// introspectionQuery is what GraphiQL sends (abridged to its shape: nested fragments).
const introspectionQuery = `query IntrospectionQuery { __schema { queryType { name } mutationType { name }
  subscriptionType { name } types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description
  args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

// BenchmarkRefuseShapes measures the CPU one refusal of each costly shape costs through
// the whole handler (the SPEC's bound is about 50 ms). Run:
//
//	go test -run '^$' -bench BenchmarkRefuseShapes ./server
func BenchmarkRefuseShapes(b *testing.B) {
	ts := newServer(b)
	for name, q := range costlyShapes() {
		body, err := json.Marshal(map[string]any{"query": q, "operationName": nil})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				ts.main.Handler().ServeHTTP(rec, req)
				if rec.Code != http.StatusBadRequest {
					b.Fatalf("HTTP %d: %.200s", rec.Code, rec.Body.String())
				}
			}
		})
	}
}

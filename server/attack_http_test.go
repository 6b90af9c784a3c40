package main

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
)

// TestAttackBatchWritesNothing: JSON batches in every disguise are refused with
// BAD_USER_INPUT before any operation runs — none of the signups they carry creates a
// user — and the refusal quotes none of them.
func TestAttackBatchWritesNothing(t *testing.T) {
	ts := newServer(t)
	cases := map[string]func(a, b []byte) []byte{
		"Array":            func(a, b []byte) []byte { return fmt.Appendf(nil, "[%s,%s]", a, b) },
		"LeadingSpace":     func(a, b []byte) []byte { return fmt.Appendf(nil, " \n\t[%s,%s]", a, b) },
		"Nested":           func(a, b []byte) []byte { return fmt.Appendf(nil, "[[%s],[%s]]", a, b) },
		"Single":           func(a, _ []byte) []byte { return fmt.Appendf(nil, "[%s]", a) },
		"ByteOrderMark":    func(a, b []byte) []byte { return fmt.Appendf(nil, "\ufeff[%s,%s]", a, b) },
		"ObjectThenArray":  func(a, b []byte) []byte { return fmt.Appendf(nil, "%s\n[%s]", a, b) },
		"ConcatenatedJSON": func(a, b []byte) []byte { return fmt.Appendf(nil, "%s%s", a, b) },
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			first, second := uniqueEmail("batch1"), uniqueEmail("batch2")
			raw := body(signupBody(first), signupBody(second))
			r := ts.post(t, nil, "application/json", raw)
			expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
			expectNoEcho(t, r, first, raw)
			expectNoEcho(t, r, second, raw)
			expectNoUser(t, ts, first)
			expectNoUser(t, ts, second)
		})
	}
}

// TestAttackPageBounds: page sizes and cursors outside their bounds — as literals and as
// variables, which complexity checks see only once substituted — are refused with
// BAD_USER_INPUT, not clamped or run.
func TestAttackPageBounds(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	const projects = `query($n: Int, $c: String) { projects(first: $n, after: $c) { edges { cursor } } }`
	const threads = `query($n: Int) { threads(first: $n) { id } }`
	const messages = `query($t: ID!, $n: Int, $a: Int) { messages(threadId: $t, first: $n, after: $a) { seq } }`
	cases := []struct {
		name  string
		h     headers
		query string
		vars  map[string]any
	}{
		{"Projects/Var101", f.owner.headers(), projects, map[string]any{"n": 101}},
		{"Projects/VarHuge", f.owner.headers(), projects, map[string]any{"n": 1 << 30}},
		{"Projects/VarOverflowInt32", f.owner.headers(), projects, map[string]any{"n": int64(1) << 31}},
		{"Projects/VarNegative", f.owner.headers(), projects, map[string]any{"n": -1}},
		{"Projects/VarFloat", f.owner.headers(), projects, map[string]any{"n": 10.5}},
		{"Projects/VarString101", f.owner.headers(), projects, map[string]any{"n": "101"}},
		{"Projects/CursorGarbage", f.owner.headers(), projects, map[string]any{"n": 1, "c": "../../tenants"}},
		{"Projects/CursorTenKB", f.owner.headers(), projects, map[string]any{"n": 1, "c": strings.Repeat("A", 10<<10)}},
		{"Threads/101", f.h, threads, map[string]any{"n": 101}},
		{"Threads/0", f.h, threads, map[string]any{"n": 0}},
		{"Messages/Var101", f.h, messages, map[string]any{"t": f.thread, "n": 101}},
		{"Messages/0", f.h, messages, map[string]any{"t": f.thread, "n": 0}},
		{"Messages/Negative", f.h, messages, map[string]any{"t": f.thread, "n": -5}},
		{"Messages/AfterNegative", f.h, messages, map[string]any{"t": f.thread, "n": 10, "a": -1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ts.gql(t, c.h, c.query, c.vars)
			expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
			if s := fmt.Sprint(c.vars["c"]); len(s) > 64 && strings.Contains(r.Errors[0].Message, s) {
				t.Fatal("the error quotes the cursor")
			}
		})
	}
}

// TestAttackIntrospectionDisguised: outside dev, introspection hidden in a fragment, an
// inline fragment, behind an alias, next to a real field or sent over a websocket is
// refused like the plain query, and answers no part of the schema.
func TestAttackIntrospectionDisguised(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	queries := map[string]string{
		"Fragment":       `{ ...F } fragment F on Query { __schema { types { name } } }`,
		"NestedFragment": `{ ...F } fragment F on Query { ...G } fragment G on Query { __type(name: "User") { fields { name } } }`,
		"InlineFragment": `{ ... on Query { __type(name: "Mutation") { fields { name } } } }`,
		"Alias":          `{ s: __schema { queryType { name } } }`,
		"WithRealField":  `{ me { id } __schema { mutationType { fields { name } } } }`,
		"Directive":      `{ __schema @include(if: true) { types { name } } }`,
		"Named":          `query IntrospectionQuery { __schema { directives { name } } }`,
	}
	for name, q := range queries {
		t.Run("HTTP/"+name, func(t *testing.T) {
			r := ts.gql(t, bearer(ann.Token), q, nil)
			expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
			for _, leak := range []string{"signup", "Mutation", "SignupInput", "fields"} {
				if strings.Contains(string(r.Data), leak) || strings.Contains(r.Errors[0].Message, leak) {
					t.Fatalf("the refusal reveals %q: %s %+v", leak, r.Data, r.Errors)
				}
			}
		})
	}
	t.Run("Websocket", func(t *testing.T) {
		ws := dialProto(t, ts, protoTransportWS)
		ws.initOK(initPayload(ann))
		for name, q := range queries {
			ws.send(map[string]any{"id": name, "type": "subscribe", "payload": map[string]any{"query": q}})
			m, err := ws.next()
			if err != nil {
				t.Fatal(err)
			}
			if m.ID != name || (m.Type != "error" && m.Type != "next") || strings.Contains(string(m.Payload), `"data":{`) ||
				!strings.Contains(string(m.Payload), "introspection is disabled") {
				t.Fatalf("%s over a websocket answered %s %s", name, m.Type, m.Payload)
			}
			if m.Type == "next" {
				if end, err := ws.next(); err != nil || end.Type != "complete" {
					t.Fatalf("after the error: %+v, %v", end, err)
				}
			}
		}
	})
}

// TestAttackSuggestionsInVariables: outside dev, misspelt input fields and enum values
// sent as variables (checked by variable coercion, not by the validation rules) are
// refused without a "Did you mean" that would reveal the schema.
func TestAttackSuggestionsInVariables(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	cases := []struct {
		name, query string
		h           headers
		vars        map[string]any
	}{
		{"InputField", `mutation($i: SignupInput!) { signup(input: $i) { token } }`, nil,
			map[string]any{"i": map[string]any{"emial": "a@example.com", "password": "p", "tenantName": "n"}}},
		{"EnumValue", `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { role } }`, ann.headers(),
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "email": "a@example.com", "role": "OWNR"}}},
		{"ExtraField", `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, ann.headers(),
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "n", "tenantID": "t_x"}}},
		{"VariableType", `mutation($i: SignupInputt!) { signup(input: $i) { token } }`, nil,
			map[string]any{"i": map[string]any{}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ts.gql(t, c.h, c.query, c.vars)
			expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
			for _, e := range r.Errors {
				if strings.Contains(e.Message, "Did you mean") {
					t.Fatalf("prod suggests: %q", e.Message)
				}
			}
		})
	}
}

// TestAttackTenantHeaderSmuggling: X-Tenant-Id sent twice under differently cased names,
// as a comma-joined list, or once empty and once set, is refused with CONTEXT_INVALID
// before anything runs; on a websocket upgrade the headers play no part — the context
// comes from connection_init alone.
func TestAttackTenantHeaderSmuggling(t *testing.T) {
	ts := newServer(t)
	ann, bob := ts.signup(t, "ann"), ts.signup(t, "bob")
	const query = `{ tenant { id } }`
	cases := map[string]map[string][]string{
		"CaseVariants":   {"X-Tenant-Id": {ann.TenantID}, "x-tenant-id": {bob.TenantID}},
		"UpperAndLower":  {"X-TENANT-ID": {bob.TenantID}, "x-tenant-id": {ann.TenantID}},
		"CommaJoined":    {"X-Tenant-Id": {ann.TenantID + ", " + bob.TenantID}},
		"EmptyThenSet":   {"X-Tenant-Id": {"", bob.TenantID}},
		"SetThenEmpty":   {"X-Tenant-Id": {ann.TenantID, ""}},
		"ProjectVariant": {"X-Tenant-Id": {ann.TenantID}, "x-project-id": {"p_one"}, "X-Project-Id": {"p_two"}},
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			req := ts.queryRequest(t, ann.Token, query)
			for k, vs := range raw {
				req.Header[k] = vs // as written, not canonicalized: the server sees every line
			}
			expectError(t, ts.send(t, req), "CONTEXT_INVALID", http.StatusBadRequest)
		})
	}
	t.Run("WebsocketUpgradeHeadersIgnored", func(t *testing.T) {
		h := http.Header{}
		h["X-Tenant-Id"] = []string{ann.TenantID, bob.TenantID}
		h.Set("Authorization", "Bearer "+bob.Token)
		conn, _, err := wsDialer().Dial(wsURL(ts), h)
		if err != nil {
			t.Fatalf("upgrade with conflicting headers: %v", err)
		}
		ws := &wsClient{t: t, conn: conn}
		t.Cleanup(func() { conn.Close() })
		ws.initOK(initPayload(ann))
		ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `{ context { tenantId userId } }`}})
		m, err := ws.next()
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Data struct {
				Context struct{ TenantID, UserID string }
			}
		}
		if m.Type != "next" || json.Unmarshal(m.Payload, &p) != nil || p.Data.Context.TenantID != ann.TenantID || p.Data.Context.UserID != ann.UserID {
			t.Fatalf("context over the websocket = %s %s, want ann in her tenant", m.Type, m.Payload)
		}
	})
}

// TestAttackJWTHeaders complements TestJWTAttacks over HTTP: tokens signed with foreign
// keys of other algorithms under the server's kid, hostile kids, and headers that try to
// bring their own key (jwk, jku, x5u). Each is
// UNAUTHENTICATED with no data and no echo of the token.
func TestAttackJWTHeaders(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	key := jwtServerKey(t, ts)
	claims := jwtClaims(ann.UserID, time.Now(), nil)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	_, evil, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	evilJWK, err := jwk.FromRaw(evil.Public())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		token string
	}{
		{"RS256ForeignKeyServerKid", jwtSign(t, jwa.RS256, rsaKey, key.kid, claims)},
		{"ES256ForeignKeyServerKid", jwtSign(t, jwa.ES256, ecKey, key.kid, claims)},
		{"KidTraversal", jwtSign(t, jwa.EdDSA, key.priv, "../../../../dev/null", claims)},
		{"KidTenKB", jwtSign(t, jwa.EdDSA, key.priv, strings.Repeat("k", 10<<10), claims)},
		{"KidServerKidPlusNUL", jwtSign(t, jwa.EdDSA, key.priv, key.kid+"\x00", claims)},
		{"KidSQL", jwtSign(t, jwa.EdDSA, key.priv, "' OR '1'='1", claims)},
		{"EmbeddedJWK", jwtSignHeaders(t, evil, map[string]any{jws.KeyIDKey: key.kid, jws.JWKKey: evilJWK}, claims)},
		{"JKU", jwtSignHeaders(t, evil, map[string]any{jws.KeyIDKey: key.kid, jws.JWKSetURLKey: ts.URL + "/.well-known/jwks.json"}, claims)},
		{"X5U", jwtSignHeaders(t, evil, map[string]any{jws.KeyIDKey: key.kid, jws.X509URLKey: "https://evil.example.com/cert.pem"}, claims)},
		{"OversizedPayload", jwtSign(t, jwa.EdDSA, key.priv, key.kid, jwtClaims(ann.UserID, time.Now(), map[string]any{"pad": strings.Repeat("x", 64<<10)}))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ts.gql(t, bearer(c.token), `{ me { id } }`, nil)
			expectError(t, r, "UNAUTHENTICATED", http.StatusUnauthorized)
			if strings.Contains(r.Errors[0].Message, c.token[:min(len(c.token), 40)]) {
				t.Fatal("the error echoes the token")
			}
		})
	}
}

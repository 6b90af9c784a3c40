package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/httpapi"
)

// TestTransportRefusals checks that only POST application/json bodies holding one JSON
// object reach GraphQL, that every refusal has the right status and code, that no refusal
// echoes the body, and that a refused signup writes nothing.
func TestTransportRefusals(t *testing.T) {
	ts := newServer(t)

	cases := []struct {
		name        string
		method      string
		contentType string
		body        func(email string) []byte // nil: no body
		code        string
		status      int
		allow       string // the Allow header wanted, if any
	}{
		{"Method/GET", http.MethodGet, "", nil, "METHOD_NOT_ALLOWED", 405, "POST"},
		{"Method/GETWithJSONBody", http.MethodGet, "application/json", signupBody, "METHOD_NOT_ALLOWED", 405, "POST"},
		{"Method/PUT", http.MethodPut, "application/json", signupBody, "METHOD_NOT_ALLOWED", 405, "POST"},
		{"MediaType/TextPlain", http.MethodPost, "text/plain", signupBody, "UNSUPPORTED_MEDIA_TYPE", 415, ""},
		{"MediaType/FormURLEncoded", http.MethodPost, "application/x-www-form-urlencoded", trFormBody, "UNSUPPORTED_MEDIA_TYPE", 415, ""},
		{"MediaType/Multipart", http.MethodPost, "multipart/form-data; boundary=xyz", trMultipartBody, "UNSUPPORTED_MEDIA_TYPE", 415, ""},
		{"MediaType/GraphQL", http.MethodPost, "application/graphql", signupBody, "UNSUPPORTED_MEDIA_TYPE", 415, ""},
		{"MediaType/Missing", http.MethodPost, "", signupBody, "UNSUPPORTED_MEDIA_TYPE", 415, ""},
		{"Body/TooLarge", http.MethodPost, "application/json", trOversizedBody, "REQUEST_TOO_LARGE", 413, ""},
		{"Body/Malformed", http.MethodPost, "application/json", trMalformedBody, "BAD_USER_INPUT", 400, ""},
		{"Body/Truncated", http.MethodPost, "application/json", trTruncatedBody, "BAD_USER_INPUT", 400, ""},
		{"Body/Empty", http.MethodPost, "application/json", func(string) []byte { return nil }, "BAD_USER_INPUT", 400, ""},
		{"Body/Whitespace", http.MethodPost, "application/json", func(string) []byte { return []byte(" \n\t ") }, "BAD_USER_INPUT", 400, ""},
		{"Body/Batch", http.MethodPost, "application/json", trBatchBody, "BAD_USER_INPUT", 400, ""},
		{"Body/JSONString", http.MethodPost, "application/json", trStringBody, "BAD_USER_INPUT", 400, ""},
		{"Body/JSONNull", http.MethodPost, "application/json", func(string) []byte { return []byte("null") }, "BAD_USER_INPUT", 400, ""},
		{"Body/TrailingData", http.MethodPost, "application/json", trTrailingBody, "BAD_USER_INPUT", 400, ""},
		{"Body/QueryNotString", http.MethodPost, "application/json", trQueryNotStringBody, "BAD_USER_INPUT", 400, ""},
		{"Body/VariablesNotObject", http.MethodPost, "application/json", trVariablesNotObjectBody, "BAD_USER_INPUT", 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			email := uniqueEmail("refused")
			var body []byte
			if c.body != nil {
				body = c.body(email)
			}
			target := ts.URL + "/query"
			if c.method == http.MethodGet {
				// The operation in the URL, as a GET transport would read it.
				target += "?" + url.Values{"query": {inlineSignup(email)}}.Encode()
			}
			req := trRequest(t, c.method, target, c.contentType, body)
			r := ts.send(t, req)
			expectError(t, r, c.code, c.status)
			if c.allow != "" && r.Header.Get("Allow") != c.allow {
				t.Errorf("Allow = %q, want %q", r.Header.Get("Allow"), c.allow)
			}
			expectNoEcho(t, r, email, body)
			expectNoUser(t, ts, email)
		})
	}

	t.Run("Accepted/HugeNumberInVariables", func(t *testing.T) {
		body := []byte(`{"query": "{ __typename }", "variables": {"n": 1e400}}`)
		r := ts.post(t, nil, "application/json", body)
		if r.Status != http.StatusOK || len(r.Errors) > 0 {
			t.Fatalf("got HTTP %d %+v, want 200 without errors", r.Status, r.Errors)
		}
	})

	accepted := []struct{ name, contentType string }{
		{"Accepted/JSONCharsetUTF8", "application/json; charset=utf-8"},
		{"Accepted/JSONUpperCase", "Application/JSON"},
	}
	for _, c := range accepted {
		t.Run(c.name, func(t *testing.T) {
			email := uniqueEmail("accepted")
			r := ts.send(t, trRequest(t, http.MethodPost, ts.URL+"/query", c.contentType, signupBody(email)))
			if r.Status != http.StatusOK || len(r.Errors) > 0 {
				t.Fatalf("got HTTP %d %+v, want 200 without errors", r.Status, r.Errors)
			}
			ts.login(t, email, "password-transport")
		})
	}
}

// TestTransportLimits drives every request limit over its edge, with small limits so the
// operations stay short and at the defaults, and checks the operation just inside it runs.
func TestTransportLimits(t *testing.T) {
	small := newServer(t, withLimits(func(l *httpapi.Limits) {
		l.Depth, l.Aliases, l.RootFields, l.ParserTokens, l.Complexity = 3, 3, 3, 60, 50
	}))
	def := newServer(t)
	smallAcct, defAcct := small.signup(t, "small"), def.signup(t, "def")

	cases := []struct {
		name   string
		ts     *testServer
		h      headers
		query  string
		reason string // a fragment of the refusal's message; "" means the operation runs
	}{
		{"Depth/AtLimit", small, smallAcct.headers(), `{ projects(first: 1) { pageInfo { hasNextPage } } }`, ""},
		{"Depth/OverLimit", small, smallAcct.headers(), `{ projects(first: 1) { edges { node { id } } } }`, "nested"},
		{"Depth/OverLimitThroughFragments", small, smallAcct.headers(),
			`{ ...P } fragment P on Query { projects(first: 1) { ... on ProjectConnection { edges { ...E } } } } fragment E on ProjectEdge { node { id } }`, "nested"},
		// The schema's deepest selection is 4 levels, so at the default limit (12) a deeper
		// operation cannot be valid: it is refused before it runs, by validation.
		{"Depth/DefaultLimit", def, defAcct.headers(), trNested(13), "Cannot query field"},
		{"Aliases/AtLimit", small, smallAcct.headers(), `{ me { a: id b: id c: id } }`, ""},
		{"Aliases/OverLimit", small, smallAcct.headers(), `{ me { a: id b: id c: id d: id } }`, "aliases"},
		{"Aliases/DefaultAtLimit", def, defAcct.headers(), `{ me { ` + trAliases(30) + ` } }`, ""},
		{"Aliases/DefaultOverLimit", def, defAcct.headers(), `{ me { ` + trAliases(31) + ` } }`, "aliases"},
		{"RootFields/AtLimit", small, smallAcct.headers(), `{ me { id } modes { id } tenants { id } }`, ""},
		{"RootFields/OverLimit", small, smallAcct.headers(), `{ me { id } modes { id } tenants { id } context { env } }`, "root fields"},
		{"RootFields/DefaultAtLimit", def, nil, `{ ` + strings.Repeat("__typename ", 20) + `}`, ""},
		{"RootFields/DefaultOverLimit", def, nil, `{ ` + strings.Repeat("__typename ", 21) + `}`, "root fields"},
		{"ParserTokens/OverLimit", small, smallAcct.headers(), `{ me { ` + strings.Repeat("id ", 60) + `} }`, "token limit"},
		{"ParserTokens/DefaultOverLimit", def, defAcct.headers(), `{ me { ` + strings.Repeat("id ", 15000) + `} }`, "token limit"},
		{"Complexity/AtLimit", small, smallAcct.headers(), `{ projects(first: 10) { edges { cursor } } }`, ""},
		{"Complexity/OverLimit", small, smallAcct.headers(), `{ projects(first: 100) { edges { cursor } } }`, "complexity"},
		{"Complexity/DefaultAtLimit", def, defAcct.headers(), `{ ` + trProjectPages(4) + ` }`, ""},
		{"Complexity/DefaultOverLimit", def, defAcct.headers(), `{ ` + trProjectPages(5) + ` }`, "complexity"},
		{"First/100", def, defAcct.headers(), `{ projects(first: 100) { edges { cursor } } }`, ""},
		{"First/101", def, defAcct.headers(), `{ projects(first: 101) { edges { cursor } } }`, "first"},
		{"First/0", def, defAcct.headers(), `{ projects(first: 0) { edges { cursor } } }`, "first"},
		{"First/Negative", def, defAcct.headers(), `{ projects(first: -1) { edges { cursor } } }`, "first"},
		{"FragmentCycle", def, defAcct.headers(), `{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }`, "within itself"},
		{"FragmentSelfCycle", def, defAcct.headers(), `{ ...A } fragment A on Query { ...A }`, "within itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.ts.gql(t, c.h, c.query, nil)
			if c.reason == "" {
				if r.Status != http.StatusOK || len(r.Errors) > 0 {
					t.Fatalf("got HTTP %d %+v, want the operation to run", r.Status, r.Errors)
				}
				return
			}
			expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
			if !strings.Contains(r.Errors[0].Message, c.reason) {
				t.Fatalf("message %q does not say %q", r.Errors[0].Message, c.reason)
			}
		})
	}
}

// TestTransportDevOnly checks that introspection, field suggestions and the IDE exist in
// dev and nowhere else.
func TestTransportDevOnly(t *testing.T) {
	prod, dev := newServer(t), newServer(t, withEnv("dev"))

	introspection := []struct{ name, query string }{
		{"Schema", `{ __schema { types { name } } }`},
		{"Type", `{ __type(name: "Query") { name fields { name } } }`},
	}
	for _, c := range introspection {
		t.Run("Introspection/"+c.name+"/Prod", func(t *testing.T) {
			expectError(t, prod.gql(t, nil, c.query, nil), "BAD_USER_INPUT", http.StatusBadRequest)
		})
		t.Run("Introspection/"+c.name+"/Dev", func(t *testing.T) {
			r := dev.gql(t, nil, c.query, nil)
			if r.Status != http.StatusOK || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"Query"`) {
				t.Fatalf("got HTTP %d %+v %s, want the schema", r.Status, r.Errors, r.Data)
			}
		})
	}
	t.Run("Introspection/TypenameProd", func(t *testing.T) {
		r := prod.gql(t, nil, `{ __typename }`, nil)
		if r.Status != http.StatusOK || len(r.Errors) > 0 {
			t.Fatalf("got HTTP %d %+v, want __typename to stay available", r.Status, r.Errors)
		}
	})

	suggestions := []struct{ name, query string }{
		{"Field", `{ mee { id } }`},
		{"Argument", `{ projects(frist: 1) { edges { cursor } } }`},
		{"Type", `{ ...F } fragment F on Quer { me { id } }`},
		{"EnumValue", `mutation { inviteMember(input: {tenantId: "t_x", email: "a@example.com", role: OWNR}) { role } }`},
		{"InputField", `mutation { signup(input: {emial: "a@example.com", password: "p", tenantName: "n"}) { token } }`},
	}
	for _, c := range suggestions {
		for _, srv := range []struct {
			env  string
			ts   *testServer
			want bool
		}{{"Prod", prod, false}, {"Dev", dev, true}} {
			t.Run("Suggestions/"+c.name+"/"+srv.env, func(t *testing.T) {
				r := srv.ts.gql(t, nil, c.query, nil)
				expectError(t, r, "BAD_USER_INPUT", http.StatusBadRequest)
				got := false
				for _, e := range r.Errors {
					got = got || strings.Contains(e.Message, "Did you mean")
				}
				if got != srv.want {
					t.Fatalf("errors %+v: suggestion shown = %v, want %v", r.Errors, got, srv.want)
				}
			})
		}
	}

	t.Run("GraphiQL/Dev", func(t *testing.T) {
		res, body := dev.get(t, "/")
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET / = %d %q, want 200 text/html", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if !strings.Contains(string(body), "/query") {
			t.Fatalf("the IDE page does not point at /query")
		}
	})
	t.Run("GraphiQL/Prod", func(t *testing.T) {
		res, _ := prod.get(t, "/")
		if res.StatusCode != http.StatusNotFound {
			t.Fatalf("GET / = %d, want 404", res.StatusCode)
		}
	})
}

// TestTransportEndpoints checks the operational endpoints.
func TestTransportEndpoints(t *testing.T) {
	ts := newServer(t)

	t.Run("Healthz", func(t *testing.T) {
		res, _ := ts.get(t, "/healthz")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("/healthz = %d, want 200", res.StatusCode)
		}
	})
	t.Run("Readyz/NotBootstrapped", func(t *testing.T) {
		res, body := ts.get(t, "/readyz")
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("/readyz on a fresh project = %d %s, want 503", res.StatusCode, body)
		}
	})
	t.Run("Readyz/Bootstrapped", func(t *testing.T) {
		ts.bootstrap(t)
		res, body := ts.get(t, "/readyz")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("/readyz after bootstrap = %d %s, want 200", res.StatusCode, body)
		}
	})
	t.Run("JWKS", func(t *testing.T) {
		res, body := ts.get(t, "/.well-known/jwks.json")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("JWKS = %d, want 200", res.StatusCode)
		}
		var set struct{ Keys []map[string]any }
		if err := json.Unmarshal(body, &set); err != nil {
			t.Fatalf("JWKS %s: %v", body, err)
		}
		if len(set.Keys) == 0 {
			t.Fatalf("JWKS has no keys: %s", body)
		}
		for _, k := range set.Keys {
			if _, ok := k["d"]; ok {
				t.Fatalf("JWKS publishes private key material: %s", body)
			}
			if k["kty"] != "OKP" || k["crv"] != "Ed25519" || k["kid"] == nil || k["x"] == nil {
				t.Fatalf("JWKS key %v, want an Ed25519 public key with a kid", k)
			}
		}
	})
}

// TestTransportRequestID checks that the request id is echoed when well formed, replaced
// otherwise, and is the one the operation sees.
func TestTransportRequestID(t *testing.T) {
	ts := newServer(t)
	acct := ts.signup(t, "rid")
	const query = `{ context { requestId } }`

	cases := []struct {
		name, sent string // sent "" means no header
		echoed     bool
	}{
		{"Echoed/Simple", "req-123", true},
		{"Echoed/AllowedPunctuation", "trace:01.span_02-x", true},
		{"Echoed/MaxLength", strings.Repeat("a", 128), true},
		{"Generated/Absent", "", false},
		{"Generated/Space", "has space", false},
		{"Generated/Quote", `a"b`, false},
		{"Generated/Slash", "a/b", false},
		{"Generated/NonASCII", "réq", false},
		{"Generated/TooLong", strings.Repeat("a", 129), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := bearer(acct.Token)
			if c.sent != "" {
				h = h.with("X-Request-Id", c.sent)
			}
			r := ts.gql(t, h, query, nil)
			var out struct{ Context struct{ RequestID string } }
			r.decode(t, &out)
			got := r.Header.Get("X-Request-Id")
			if got == "" {
				t.Fatal("no X-Request-Id in the response")
			}
			if c.echoed && got != c.sent {
				t.Fatalf("X-Request-Id = %q, want %q echoed", got, c.sent)
			}
			if !c.echoed && got == strings.TrimSpace(c.sent) {
				t.Fatalf("malformed X-Request-Id %q was echoed", c.sent)
			}
			if out.Context.RequestID != got {
				t.Fatalf("context.requestId = %q, header = %q", out.Context.RequestID, got)
			}
		})
	}

	t.Run("Generated/DifferentPerRequest", func(t *testing.T) {
		seen := map[string]bool{}
		for range 5 {
			id := ts.gql(t, bearer(acct.Token), query, nil).Header.Get("X-Request-Id")
			if id == "" || seen[id] {
				t.Fatalf("generated request id %q is empty or repeated", id)
			}
			seen[id] = true
		}
	})
	t.Run("Echoed/OnRefusal", func(t *testing.T) {
		req := trRequest(t, http.MethodGet, ts.URL+"/query", "", nil)
		req.Header.Set("X-Request-Id", "refused-1")
		r := ts.send(t, req)
		expectError(t, r, "METHOD_NOT_ALLOWED", http.StatusMethodNotAllowed)
		if got := r.Header.Get("X-Request-Id"); got != "refused-1" {
			t.Fatalf("X-Request-Id on a refusal = %q, want it echoed", got)
		}
	})
}

// TestTransportEnv checks X-Env normalization through the context the operation sees.
func TestTransportEnv(t *testing.T) {
	ts := newServer(t)
	acct := ts.signup(t, "env")

	cases := []struct {
		name, sent string
		want       *string // nil: null; refused when code is set
		code       string
	}{
		{"Absent", "", nil, ""},
		{"ProductionPadded", " Production ", trStr("prod"), ""},
		{"Prod", "prod", trStr("prod"), ""},
		{"DevelopmentUpper", "DEVELOPMENT", trStr("dev"), ""},
		{"Dev", "dev", trStr("dev"), ""},
		{"Stage", "stage", trStr("staging"), ""},
		{"Staging", "staging", trStr("staging"), ""},
		{"StagingMixedCase", "StAgInG", trStr("staging"), ""},
		{"Unknown", "qa", nil, "CONTEXT_INVALID"},
		{"Prefix", "production2", nil, "CONTEXT_INVALID"},
		{"Embedded", "pr od", nil, "CONTEXT_INVALID"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := bearer(acct.Token)
			if c.sent != "" {
				h = h.with("X-Env", c.sent)
			}
			r := ts.gql(t, h, `{ context { env } }`, nil)
			if c.code != "" {
				expectError(t, r, c.code, http.StatusBadRequest)
				return
			}
			var out struct{ Context struct{ Env *string } }
			r.decode(t, &out)
			switch {
			case c.want == nil && out.Context.Env != nil:
				t.Fatalf("env = %q, want null", *out.Context.Env)
			case c.want != nil && (out.Context.Env == nil || *out.Context.Env != *c.want):
				t.Fatalf("env = %s, want %q", r.Data, *c.want)
			}
		})
	}
}

// TestTransportContextIDs checks that malformed or conflicting context ids are refused
// before anything runs.
func TestTransportContextIDs(t *testing.T) {
	ts := newServer(t)
	acct := ts.signup(t, "ids")
	const query = `{ context { tenantId projectId } }`

	t.Run("DuplicateTenant/Different", func(t *testing.T) {
		req := ts.queryRequest(t, acct.Token, query)
		req.Header.Add("X-Tenant-Id", acct.TenantID)
		req.Header.Add("X-Tenant-Id", "t_other")
		expectError(t, ts.send(t, req), "CONTEXT_INVALID", http.StatusBadRequest)
	})
	t.Run("DuplicateTenant/Identical", func(t *testing.T) {
		req := ts.queryRequest(t, acct.Token, query)
		req.Header.Add("X-Tenant-Id", acct.TenantID)
		req.Header.Add("X-Tenant-Id", acct.TenantID)
		r := ts.send(t, req)
		var out struct{ Context struct{ TenantID string } }
		r.decode(t, &out)
		if out.Context.TenantID != acct.TenantID {
			t.Fatalf("tenantId = %q, want %q", out.Context.TenantID, acct.TenantID)
		}
	})
	t.Run("DuplicateProject/Different", func(t *testing.T) {
		req := ts.queryRequest(t, acct.Token, query)
		req.Header.Add("X-Project-Id", "p_one")
		req.Header.Add("X-Project-Id", "p_two")
		expectError(t, ts.send(t, req), "CONTEXT_INVALID", http.StatusBadRequest)
	})

	bad := []struct{ name, value string }{
		{"Slash", "%s_a/b"},
		{"DotDot", "%s_.."},
		{"DotDotPath", "%s_../x"},
		{"Star", "%s_*"},
		{"Tab", "%s_a\tb"},
		{"UpperCase", "%s_ABC"},
		{"NonASCII", "%s_é"},
		{"WrongPrefix", "x_abc"},
		{"NoPrefix", "abc"},
		{"PrefixOnly", "%s_"},
		{"TenKB", "%s_" + strings.Repeat("a", 10<<10)},
	}
	for _, header := range []struct{ name, prefix string }{{"X-Tenant-Id", "t"}, {"X-Project-Id", "p"}} {
		for _, b := range bad {
			t.Run(header.name+"/"+b.name, func(t *testing.T) {
				value := b.value
				if strings.Contains(value, "%s") {
					value = fmt.Sprintf(value, header.prefix)
				}
				h := bearer(acct.Token).with(header.name, value)
				if header.name == "X-Project-Id" {
					h = h.with("X-Tenant-Id", acct.TenantID)
				}
				r := ts.gql(t, h, query, nil)
				expectError(t, r, "CONTEXT_INVALID", http.StatusBadRequest)
				if len(value) > 64 && strings.Contains(r.Errors[0].Message, value) {
					t.Fatal("the error echoes the header")
				}
			})
		}
	}
}

func trFormBody(email string) []byte {
	return []byte(url.Values{"query": {inlineSignup(email)}}.Encode())
}

func trMultipartBody(email string) []byte {
	return []byte("--xyz\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" +
		string(signupBody(email)) + "\r\n--xyz--\r\n")
}

func trOversizedBody(email string) []byte {
	b, _ := json.Marshal(map[string]any{
		"query":      inlineSignup(email),
		"extensions": map[string]any{"pad": strings.Repeat("x", 3<<20)},
	})
	return b
}

func trMalformedBody(email string) []byte {
	return []byte(`{query: "` + email + `", }`)
}

func trTruncatedBody(email string) []byte {
	b := signupBody(email)
	return b[:len(b)-3]
}

func trBatchBody(email string) []byte {
	return []byte("[" + string(signupBody(email)) + "," + string(signupBody("second-"+email)) + "]")
}

func trStringBody(email string) []byte {
	b, _ := json.Marshal(inlineSignup(email))
	return b
}

func trTrailingBody(email string) []byte {
	return append(signupBody(email), []byte(` {"query": "{ __typename }"}`)...)
}

func trQueryNotStringBody(email string) []byte {
	b, _ := json.Marshal(map[string]any{"query": 123, "extensions": map[string]any{"email": email}})
	return b
}

func trVariablesNotObjectBody(email string) []byte {
	b, _ := json.Marshal(map[string]any{"query": inlineSignup(email), "variables": []string{email}})
	return b
}

// trNested is an operation nested depth levels deep.
func trNested(depth int) string {
	return strings.Repeat("{ f ", depth) + strings.Repeat("} ", depth)
}

// trAliases is n aliased selections of id.
func trAliases(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d: id ", i)
	}
	return b.String()
}

// trProjectPages is n aliased full pages of projects; each costs 1 + 100 × 10.
func trProjectPages(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "p%d: projects(first: 100) { edges { cursor node { id tenantId name archived version createdAt updatedAt } } } ", i)
	}
	return b.String()
}

func trStr(s string) *string { return &s }

// trRequest builds a request; an empty contentType sends no Content-Type.
func trRequest(t *testing.T, method, target, contentType string, body []byte) *http.Request {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(string(body))
	}
	req, err := http.NewRequest(method, target, rd)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return req
}

// TestTransportSlowBody sends a body one byte a second: the server answers 400 when the
// body-read bound passes (1 s here) and closes the connection, instead of holding it for
// as long as the client dribbles.
func TestTransportSlowBody(t *testing.T) {
	ts := newServer(t, withLimits(func(l *httpapi.Limits) { l.BodyRead = time.Second }))
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"query":"{ __typename }"}` + strings.Repeat(" ", 200)
	fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := 0; i < len(body); i++ {
			select {
			case <-stop:
				return
			case <-time.After(time.Second):
			}
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				return
			}
		}
	}()
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer within 5 s of a 1 s body bound: %v", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("HTTP %d, want 400", res.StatusCode)
	}
	raw, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(raw), "did not arrive within") {
		t.Fatalf("body %s", raw)
	}
}

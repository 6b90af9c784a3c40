package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// headers are the request headers of a call; the zero value is anonymous.
type headers map[string]string

func bearer(token string) headers { return headers{"Authorization": "Bearer " + token} }

// with returns a copy of h with more headers.
func (h headers) with(kv ...string) headers {
	out := headers{}
	for k, v := range h {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// gqlError is one entry of a response's errors.
type gqlError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code       string `json:"code"`
		Status     int    `json:"status"`
		RetryAfter int    `json:"retryAfter"`
	} `json:"extensions"`
}

// response is a decoded GraphQL answer.
type response struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// code returns the first error's code, or "" when there is none.
func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Extensions.Code
}

// decode unmarshals data into v, failing the test on errors in the response.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors (HTTP %d): %+v", r.Status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decoding %s: %v", r.Data, err)
	}
}

// gql posts one operation.
func (ts *testServer) gql(t *testing.T, h headers, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return ts.post(t, h, "application/json", body)
}

// post sends a raw body to /query.
func (ts *testServer) post(t *testing.T, h headers, contentType string, body []byte) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for k, v := range h {
		req.Header.Set(k, v)
	}
	return ts.send(t, req)
}

// send sends req and decodes the GraphQL answer.
func (ts *testServer) send(t *testing.T, req *http.Request) response {
	t.Helper()
	res, raw := ts.do(t, req)
	r := response{Status: res.StatusCode, Header: res.Header}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("HTTP %d: body is not JSON: %q", res.StatusCode, raw)
	}
	return r
}

// do sends req and returns the response with its body read.
func (ts *testServer) do(t testing.TB, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// get sends GET path and returns the response with its body read.
func (ts *testServer) get(t testing.TB, path string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ts.do(t, req)
}

// timedGQL is ts.gql that also says how long the call took.
func (ts *testServer) timedGQL(t *testing.T, h headers, query string, vars map[string]any) (response, time.Duration) {
	t.Helper()
	start := time.Now()
	r := ts.gql(t, h, query, vars)
	return r, time.Since(start)
}

// queryRequest is a POST of query with token, for tests that set headers themselves.
func (ts *testServer) queryRequest(t *testing.T, token, query string) *http.Request {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	return req
}

// expectError asserts the call failed with code and the matching HTTP status, and
// produced no data.
func expectError(t *testing.T, r response, code string, status int) {
	t.Helper()
	if r.code() != code || r.Status != status {
		t.Fatalf("got HTTP %d %q (%+v), want HTTP %d %s", r.Status, r.code(), r.Errors, status, code)
	}
	if r.Errors[0].Extensions.Status != status {
		t.Fatalf("extensions.status = %d, want %d", r.Errors[0].Extensions.Status, status)
	}
	if s := strings.TrimSpace(string(r.Data)); s != "" && s != "null" {
		t.Fatalf("data = %s, want null", s)
	}
}

// expectNoEcho fails if the refusal repeats what the client sent.
func expectNoEcho(t *testing.T, r response, email string, body []byte) {
	t.Helper()
	for _, e := range r.Errors {
		if strings.Contains(e.Message, email) || strings.Contains(e.Message, "signup") ||
			(len(body) > 8 && strings.Contains(e.Message, string(body))) {
			t.Fatalf("error message echoes the request: %q", e.Message)
		}
	}
}

// race runs n calls at once and returns their responses in call order.
func race(n int, call func(i int) response) []response {
	out := make([]response, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = call(i)
		}()
	}
	wg.Wait()
	return out
}

// oneWinner returns the index of the only response without errors; every other must be
// CONFLICT with HTTP 409.
func oneWinner(t *testing.T, rs []response) int {
	t.Helper()
	winner := -1
	for i, r := range rs {
		switch r.code() {
		case "":
			if winner >= 0 {
				t.Fatalf("writers %d and %d both won", winner, i)
			}
			winner = i
		case "CONFLICT":
			if r.Status != http.StatusConflict {
				t.Fatalf("writer %d: CONFLICT with HTTP %d", i, r.Status)
			}
		default:
			t.Fatalf("writer %d: HTTP %d %+v", i, r.Status, r.Errors)
		}
	}
	if winner < 0 {
		t.Fatal("no writer won")
	}
	return winner
}

// readyz returns /readyz's status and reason.
func (ts *testServer) readyz(t *testing.T) (int, string) {
	t.Helper()
	res, body := ts.get(t, "/readyz")
	var out struct{ Status, Reason string }
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("/readyz %d: %q is not JSON", res.StatusCode, body)
	}
	return res.StatusCode, out.Reason
}

// waitReady polls /readyz until it answers 200, for up to 30 s (the Firestore client
// reconnects with backoff after an outage).
func (ts *testServer) waitReady(t *testing.T) {
	t.Helper()
	var code int
	var reason string
	waitForWithin(t, 30*time.Second, func() bool {
		code, reason = ts.readyz(t)
		return code == http.StatusOK
	}, func() string { return fmt.Sprintf("/readyz still %d %q", code, reason) })
}

// metricValue reads one unlabelled series from /metrics; -1 when it is absent.
func (ts *testServer) metricValue(t testing.TB, name string) float64 {
	t.Helper()
	res, body := ts.get(t, "/metrics")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/metrics = %d", res.StatusCode)
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		value, ok := strings.CutPrefix(sc.Text(), name+" ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			t.Fatalf("%s = %q", name, value)
		}
		return v
	}
	return -1
}

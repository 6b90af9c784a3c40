package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/reqctx"
)

// TestCheckBody: one JSON object with a string query and object variables passes; batches,
// malformed JSON, wrong member types and trailing values are BAD_USER_INPUT, and the
// message never quotes the body.
func TestCheckBody(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		ok         bool
	}{
		{"Query", `{"query":"{ me { id } }"}`, true},
		{"Variables", `{"query":"query Q($n: Int) { me { id } }","variables":{"n":1},"operationName":"Q"}`, true},
		{"Whitespace", " \n{\"query\":\"{ x }\"}\n ", true},
		{"Batch", `[{"query":"{ x }"}]`, false},
		{"Empty", ``, false},
		{"NotAnObject", `"{ x }"`, false},
		{"Malformed", `{"query":`, false},
		{"QueryNotString", `{"query":42}`, false},
		{"VariablesNotObject", `{"query":"{ x }","variables":[1]}`, false},
		{"TrailingValue", `{"query":"{ x }"} {"query":"{ y }"}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := checkBody([]byte(tc.body))
			if tc.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !apperr.Is(err, apperr.BadUserInput) {
				t.Fatalf("err = %v, want BAD_USER_INPUT", err)
			}
			if tc.body != "" && bytes.Contains([]byte(apperr.MessageOf(err)), []byte(tc.body)) {
				t.Fatalf("message %q quotes the body", apperr.MessageOf(err))
			}
		})
	}
}

// TestPresenter: an apperr keeps its code, status and message; an error gqlgen raised
// itself is BAD_USER_INPUT with gqlgen's code kept as the reason; anything else is
// INTERNAL with the fixed message, and its detail goes to the log only.
func TestPresenter(t *testing.T) {
	var logged bytes.Buffer
	p := presenter{log: slog.New(slog.NewTextHandler(&logged, nil))}
	ctx := graphql.WithResponseContext(reqctx.With(context.Background(), &reqctx.RequestContext{RequestID: "r_1"}),
		graphql.DefaultErrorPresenter, graphql.DefaultRecover)

	t.Run("AppError", func(t *testing.T) {
		e := p.present(ctx, fmt.Errorf("wrapped: %w", apperr.E(apperr.NotFound, "project not found")))
		expectExtensions(t, e, apperr.NotFound, "project not found")
	})
	t.Run("GraphQLValidation", func(t *testing.T) {
		in := gqlerror.Errorf("Cannot query field \"nope\" on type \"Query\".")
		in.Extensions = map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}
		e := p.present(ctx, in)
		expectExtensions(t, e, apperr.BadUserInput, in.Message)
		if e.Extensions["reason"] != "GRAPHQL_VALIDATION_FAILED" {
			t.Fatalf("reason = %v, want gqlgen's code", e.Extensions["reason"])
		}
	})
	t.Run("ExtensionRefusal", func(t *testing.T) {
		e := p.present(ctx, apperr.GraphQL(apperr.DocumentNotTrusted, "no trusted document has this hash"))
		expectExtensions(t, e, apperr.DocumentNotTrusted, "no trusted document has this hash")
	})
	t.Run("Unknown", func(t *testing.T) {
		logged.Reset()
		e := p.present(ctx, errors.New("dial tcp 10.0.0.7:6379: secret detail"))
		expectExtensions(t, e, apperr.Internal, apperr.InternalMessage)
		if !bytes.Contains(logged.Bytes(), []byte("secret detail")) || !bytes.Contains(logged.Bytes(), []byte("r_1")) {
			t.Fatalf("the log does not hold the detail and request id: %s", logged.String())
		}
	})
	t.Run("Recover", func(t *testing.T) {
		e := p.present(ctx, p.recover(ctx, "boom"))
		expectExtensions(t, e, apperr.Internal, apperr.InternalMessage)
	})
}

func expectExtensions(t *testing.T, e *gqlerror.Error, code apperr.Code, message string) {
	t.Helper()
	if e.Message != message || e.Extensions["code"] != string(code) || e.Extensions["status"] != apperr.Status(code) {
		t.Fatalf("got %q %v, want %q with code %s status %d", e.Message, e.Extensions, message, code, apperr.Status(code))
	}
}

// fakeQuota counts admissions per tenant up to a limit, like chatbus.Quota on one replica;
// err, when set, is returned with every answer (Redis did not answer).
type fakeQuota struct {
	mu       sync.Mutex
	live     map[string]int
	released int
	err      error
	releases chan struct{} // one value per Release
}

func (q *fakeQuota) Acquire(_ context.Context, tenantID string, limit int) (bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.live[tenantID] >= limit {
		return false, q.err
	}
	q.live[tenantID]++
	return true, q.err
}

func (q *fakeQuota) Release(_ context.Context, tenantID string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.live[tenantID]--
	q.released++
	q.releases <- struct{}{}
}

func (q *fakeQuota) counts() (live, released int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.live["t_a"], q.released
}

// subscribeAt runs one subscription through the cap: it returns the first response and the
// function that reads the next (nil when the stream ended).
func subscribeAt(ctx context.Context, l *tenantSubscriptions, events int) (*graphql.Response, graphql.ResponseHandler) {
	ctx = reqctx.With(ctx, &reqctx.RequestContext{TenantID: "t_a", UserID: "u_1"})
	ctx = graphql.WithOperationContext(ctx, &graphql.OperationContext{
		Operation: &ast.OperationDefinition{Operation: ast.Subscription},
	})
	sent := 0
	h := l.around(ctx, func(context.Context) graphql.ResponseHandler {
		return func(context.Context) *graphql.Response {
			if sent == events {
				return nil
			}
			sent++
			return &graphql.Response{Data: []byte(`{"n":1}`)}
		}
	})
	return h(ctx), h
}

// TestTenantSubscriptionCap: the cap refuses the subscription over the limit with
// RATE_LIMITED 429 and never runs it; a slot is released exactly once, whether the stream
// ends or its connection goes first; a quota that cannot ask Redis still decides.
func TestTenantSubscriptionCap(t *testing.T) {
	var logged bytes.Buffer
	q := &fakeQuota{live: map[string]int{}, releases: make(chan struct{}, 8)}
	l := &tenantSubscriptions{limit: 2, quota: q, log: slog.New(slog.NewTextHandler(&logged, nil))}

	ctx1, end1 := context.WithCancel(t.Context())
	r, h1 := subscribeAt(ctx1, l, 5)
	if r == nil || len(r.Errors) > 0 {
		t.Fatalf("first subscription: %+v", r)
	}
	r, h2 := subscribeAt(t.Context(), l, 1)
	if r == nil || len(r.Errors) > 0 {
		t.Fatalf("second subscription: %+v", r)
	}
	r, _ = subscribeAt(t.Context(), l, 1)
	if r == nil || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != string(apperr.RateLimited) ||
		r.Errors[0].Extensions["status"] != http.StatusTooManyRequests || r.Data != nil {
		t.Fatalf("third subscription over the cap of 2: %+v", r)
	}

	// The second stream ends: its slot comes back at once, from the stream itself.
	if h2(t.Context()) != nil {
		t.Fatal("the stream should have ended")
	}
	if live, released := q.counts(); live != 1 || released != 1 {
		t.Fatalf("after the stream ended: live %d released %d, want 1 and 1", live, released)
	}
	<-q.releases
	// The first one's connection closes: its slot comes back through its context, and
	// its stream ending afterwards gives nothing back twice (a stream's release is
	// synchronous, so counting right after it is exact).
	end1()
	select {
	case <-q.releases:
	case <-time.After(5 * time.Second):
		t.Fatal("the closed connection's slot was not released within 5s")
	}
	for h1(ctx1) != nil {
	}
	if live, released := q.counts(); live != 0 || released != 2 {
		t.Fatalf("after the connection closed and its stream ended: live %d released %d, want 0 and 2", live, released)
	}

	t.Run("QuotaUnavailable", func(t *testing.T) {
		q.err = apperr.E(apperr.Unavailable, "redis: connection refused")
		if r, _ := subscribeAt(t.Context(), l, 1); r == nil || len(r.Errors) > 0 {
			t.Fatalf("admitted by the local count, yet: %+v", r)
		}
		if !bytes.Contains(logged.Bytes(), []byte("connection refused")) {
			t.Fatalf("the fallback is not logged: %s", logged.String())
		}
	})
}

// TestCapPassesQueries: queries and mutations do not touch the quota.
func TestCapPassesQueries(t *testing.T) {
	q := &fakeQuota{live: map[string]int{}, releases: make(chan struct{}, 8)}
	l := &tenantSubscriptions{limit: 0, quota: q, log: slog.Default()}
	ctx := graphql.WithOperationContext(t.Context(), &graphql.OperationContext{
		Operation: &ast.OperationDefinition{Operation: ast.Query},
	})
	ran := false
	l.around(ctx, func(context.Context) graphql.ResponseHandler { ran = true; return nil })
	if !ran || q.released != 0 || len(q.live) != 0 {
		t.Fatalf("ran %v, quota %+v", ran, q.live)
	}
}

// TestClientAddress: the peer's address unless the peer is a trusted proxy; then the
// nearest untrusted X-Forwarded-For hop, never a hop a client could have written past
// our proxies.
func TestClientAddress(t *testing.T) {
	trusted, err := ParseTrustedProxies("10.0.0.0/8, 192.0.2.1,2001:db8::/32")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"UntrustedPeerIgnoresHeader", "203.0.113.9:4000", []string{"198.51.100.1"}, "203.0.113.9"},
		{"TrustedPeerNoHeader", "10.1.2.3:4000", nil, "10.1.2.3"},
		{"OneProxy", "10.1.2.3:4000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"SpoofedLeftHop", "10.1.2.3:4000", []string{"1.2.3.4, 198.51.100.1"}, "198.51.100.1"},
		{"TwoProxies", "10.1.2.3:4000", []string{"198.51.100.1, 192.0.2.1"}, "198.51.100.1"},
		{"HeaderLines", "10.1.2.3:4000", []string{"1.2.3.4", "198.51.100.1, 10.9.9.9"}, "198.51.100.1"},
		{"MalformedClientHop", "10.1.2.3:4000", []string{"1.2.3.4, not-an-ip, 10.9.9.9"}, "10.9.9.9"},
		{"AllTrusted", "10.1.2.3:4000", []string{"10.4.4.4"}, "10.4.4.4"},
		{"IPv6Peer", "[2001:db8::7]:4000", []string{"2001:db9::1"}, "2001:db9::1"},
		{"MappedIPv4", "[::ffff:10.1.2.3]:4000", []string{"::ffff:198.51.100.1"}, "198.51.100.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodPost, "/query", nil)
			r.RemoteAddr = tc.peer
			for _, v := range tc.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := clientAddress(r, trusted); got != tc.want {
				t.Fatalf("clientAddress = %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := ParseTrustedProxies("10.0.0.0/8,nonsense"); err == nil || !strings.Contains(err.Error(), "nonsense") {
		t.Fatalf("a malformed entry: err = %v, want one naming it", err)
	}
}

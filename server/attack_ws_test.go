package main

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/lestrrat-go/jwx/v2/jwa"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// signupOperation is a websocket operation payload that would create a user with email.
func signupOperation(email string) map[string]any {
	return map[string]any{
		"query":     `mutation($i: SignupInput!) { signup(input: $i) { token } }`,
		"variables": map[string]any{"i": map[string]any{"email": email, "password": "password-ws", "tenantName": "WS"}},
	}
}

// TestAttackWebsocketBeforeInit: a client that sends an operation before connection_init
// sees the connection closed with no answer to the operation — in graphql-transport-ws
// with 4401 "Unauthorized", as the protocol requires — and the operation (a signup) never
// runs: the email is still free afterwards.
func TestAttackWebsocketBeforeInit(t *testing.T) {
	ts := newServer(t)
	for _, proto := range []string{protoTransportWS, protoLegacyWS} {
		t.Run(proto, func(t *testing.T) {
			ws := dialProto(t, ts, proto)
			email := uniqueEmail("preinit")
			ws.send(map[string]any{"id": "1", "type": wsOpen(proto), "payload": signupOperation(email)})
			got, code, reason := ws.untilClose()
			expectNoResult(t, got)
			if proto == protoTransportWS && (code != 4401 || reason != "Unauthorized") {
				t.Errorf("closed with %d %q, want 4401 \"Unauthorized\" (graphql-transport-ws: subscribe before connection_ack)", code, reason)
			}
			if proto == protoLegacyWS && code == websocket.CloseNormalClosure {
				t.Errorf("closed with %d %q: a normal close invites an immediate reconnect", code, reason)
			}
			expectNoUser(t, ts, email)
		})
	}
}

// TestAttackWebsocketSecondInit: a client that sends connection_init again on an
// acknowledged connection — here to switch to another user's token and tenant — sees the
// connection closed (graphql-transport-ws: 4429 "Too many initialisation requests"), and
// the operation it sent right after the second init, a createProject in the other
// tenant, never runs.
func TestAttackWebsocketSecondInit(t *testing.T) {
	ts := newServer(t)
	ann, bob := ts.signup(t, "ann"), ts.signup(t, "bob")
	for _, proto := range []string{protoTransportWS, protoLegacyWS} {
		t.Run(proto, func(t *testing.T) {
			ws := dialProto(t, ts, proto)
			ws.initOK(initPayload(ann))
			name := "Hijack " + randomHex(4)
			ws.send(map[string]any{"type": "connection_init", "payload": initPayload(bob)})
			ws.send(map[string]any{"id": "1", "type": wsOpen(proto), "payload": map[string]any{
				"query":     `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
				"variables": map[string]any{"i": map[string]any{"tenantId": bob.TenantID, "name": name}},
			}})
			got, code, reason := ws.untilClose()
			expectNoResult(t, got)
			if proto == protoTransportWS && (code != 4429 || reason != "Too many initialisation requests") {
				t.Errorf("closed with %d %q, want 4429 \"Too many initialisation requests\"", code, reason)
			}
			if proto == protoLegacyWS && code == websocket.CloseNormalClosure {
				t.Errorf("closed with %d %q: a normal close invites an immediate reconnect", code, reason)
			}
			var out struct {
				Projects struct {
					Edges []struct{ Node struct{ Name string } }
				}
			}
			ts.gql(t, bob.headers(), `{ projects { edges { node { name } } } }`, nil).decode(t, &out)
			if len(out.Projects.Edges) != 0 {
				t.Fatalf("bob's tenant gained projects %+v", out.Projects.Edges)
			}
		})
	}
}

// TestAttackWebsocketBadTokenAtInit: a connection_init carrying an expired, forged or
// misissued token is closed with 4401 and a reason, never acknowledged, in both protocols.
// The token the server issued is the control.
func TestAttackWebsocketBadTokenAtInit(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	key := jwtServerKey(t, ts)
	now := time.Now()
	claims := func(mods map[string]any) map[string]any { return jwtClaims(ann.UserID, now, mods) }
	hour := time.Hour
	cases := []struct{ name, token, reason string }{
		{"Expired", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{
			"iat": now.Add(-2 * hour).Unix(), "nbf": now.Add(-2 * hour).Unix(), "exp": now.Add(-hour).Unix()})), "expired"},
		{"AlgNone", jwtUnsigned(`{"alg":"none","kid":"`+key.kid+`"}`, claims(nil)), ""},
		{"HS256WithPublicKey", jwtSign(t, jwa.HS256, []byte(key.priv.Public().(ed25519.PublicKey)), key.kid, claims(nil)), ""},
		{"NotYetValid", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"nbf": now.Add(hour).Unix()})), ""},
		{"WrongAudience", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"aud": []string{"other"}})), ""},
		{"MissingExp", jwtSign(t, jwa.EdDSA, key.priv, key.kid, claims(map[string]any{"exp": nil})), ""},
		{"HostileKid", jwtSign(t, jwa.EdDSA, key.priv, "../../"+strings.Repeat("k", 4<<10), claims(nil)), ""},
		{"JSONSerialization", jwtSignJSON(t, key.priv, key.kid, claims(nil)), ""},
	}
	for _, proto := range []string{protoTransportWS, protoLegacyWS} {
		for _, c := range cases {
			t.Run(proto+"/"+c.name, func(t *testing.T) {
				ws := dialProto(t, ts, proto)
				ws.send(map[string]any{"type": "connection_init", "payload": map[string]any{
					"authorization": "Bearer " + c.token, "tenantId": ann.TenantID}})
				got, code, reason := ws.untilClose()
				expectNoResult(t, got)
				if code != wsgorilla.CloseUnauthorized || reason == "" || !strings.Contains(reason, c.reason) {
					t.Fatalf("closed with %d %q, want %d with a reason mentioning %q", code, reason, wsgorilla.CloseUnauthorized, c.reason)
				}
				if strings.Contains(reason, c.token) {
					t.Fatal("the close reason echoes the token")
				}
			})
		}
		t.Run(proto+"/Control", func(t *testing.T) {
			dialProto(t, ts, proto).initOK(initPayload(ann))
		})
	}
}

// TestAttackWebsocketLargeFrame: a 2 MB message, before connection_init or after the ack,
// is refused with close 1009 (message too big) before the server decodes it: the signup
// it carries never runs, and the server keeps serving new connections.
func TestAttackWebsocketLargeFrame(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	pad := strings.Repeat("x", 2<<20)
	for _, proto := range []string{protoTransportWS, protoLegacyWS} {
		for _, afterInit := range []bool{false, true} {
			name := proto + "/BeforeInit"
			if afterInit {
				name = proto + "/AfterAck"
			}
			t.Run(name, func(t *testing.T) {
				ws := dialProto(t, ts, proto)
				email := uniqueEmail("big")
				op := signupOperation(email)
				op["extensions"] = map[string]any{"pad": pad}
				msg := map[string]any{"id": "1", "type": wsOpen(proto), "payload": op}
				if afterInit {
					ws.initOK(initPayload(ann))
				} else {
					msg = map[string]any{"type": "connection_init", "payload": map[string]any{
						"authorization": "Bearer " + ann.Token, "pad": pad}}
				}
				raw, err := json.Marshal(msg)
				if err != nil {
					t.Fatal(err)
				}
				go func() { _ = ws.conn.WriteMessage(websocket.TextMessage, raw) }() // fails once the server closes
				got, code, reason := ws.untilClose()
				expectNoResult(t, got)
				if code != websocket.CloseMessageTooBig {
					t.Fatalf("closed with %d %q, want 1009", code, reason)
				}
				expectNoUser(t, ts, email)
				dialProto(t, ts, proto).initOK(initPayload(ann))
			})
		}
	}
}

// TestAttackWebsocketSubscriptionFlood: one connection sends 1,000 subscribes at once.
// The first 100 (the per-connection cap) run; each of the other 900 gets one error
// message with RATE_LIMITED for its id and nothing else. Afterwards the flooding
// connection's 100 subscriptions and another connection's subscription each receive the
// next message exactly once, and a new connection can still subscribe.
func TestAttackWebsocketSubscriptionFlood(t *testing.T) {
	ts, _ := newChatServer(t, "")
	f := newChatFixture(t, ts)
	const flood, limit = 1000, 100
	if got := ts.main.cfg.Limits.ConnectionSubscriptions; got != limit {
		t.Fatalf("the default per-connection cap is %d; this test expects %d", got, limit)
	}
	other := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))

	ws := dialProto(t, ts, protoTransportWS)
	p := initPayload(f.owner)
	p["env"], p["projectId"] = ts.main.cfg.Env, f.project
	ws.initOK(p)
	for i := range flood {
		b, err := json.Marshal(map[string]any{"id": fmt.Sprint(i), "type": "subscribe", "payload": map[string]any{
			"query":     `subscription($t: ID!) { messagePosted(threadId: $t, after: 0) { seq } }`,
			"variables": map[string]any{"t": f.thread}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := ws.conn.WriteMessage(websocket.TextMessage, b); err != nil {
			t.Fatalf("subscribe %d: %v", i, err)
		}
	}
	refused := map[string]bool{}
	for len(refused) < flood-limit {
		m, err := ws.next()
		if err != nil {
			t.Fatalf("after %d refusals: %v", len(refused), err)
		}
		if m.Type != "error" || !strings.Contains(string(m.Payload), `"code":"RATE_LIMITED"`) || refused[m.ID] {
			t.Fatalf("after %d refusals the flood got %s %s for id %q", len(refused), m.Type, m.Payload, m.ID)
		}
		refused[m.ID] = true
	}
	for i := range limit {
		if refused[fmt.Sprint(i)] {
			t.Fatalf("subscription %d, within the cap, was refused", i)
		}
	}

	seq := ts.postMessage(t, f.h, f.thread, "m1")
	if got, _ := other.nextSeq(); got != seq {
		t.Fatalf("the other connection got seq %d, want %d", got, seq)
	}
	delivered := map[string]bool{}
	for len(delivered) < limit {
		m, err := ws.next()
		if err != nil {
			t.Fatalf("after %d deliveries: %v", len(delivered), err)
		}
		var p struct {
			Data struct{ MessagePosted struct{ Seq int } }
		}
		if m.Type != "next" || json.Unmarshal(m.Payload, &p) != nil || p.Data.MessagePosted.Seq != seq || delivered[m.ID] || refused[m.ID] {
			t.Fatalf("after %d deliveries the flood got %s %s for id %q", len(delivered), m.Type, m.Payload, m.ID)
		}
		delivered[m.ID] = true
	}

	res, body := ts.get(t, "/healthz")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/healthz after the flood = %d %s", res.StatusCode, body)
	}
	fresh := subscribe(t, ts, f.owner, f.project, f.thread, intp(0))
	if got, _ := fresh.nextSeq(); got != seq {
		t.Fatalf("a new connection after the flood got seq %d, want %d", got, seq)
	}
}

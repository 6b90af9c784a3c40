package wsgorilla

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// protoType and protoMessage have the shape of gqlgen's protocol messages.
type protoType string

func (t protoType) MarshalText() ([]byte, error) { return []byte(t), nil }

type protoMessage struct {
	Payload json.RawMessage `json:"payload,omitempty"`
	ID      string          `json:"id,omitempty"`
	Type    protoType       `json:"type"`
	noOp    bool
}

// TestEnvelope: a message of gqlgen's shape is written byte for byte as encoding/json
// writes it, and anything encoding/json would write differently is left to it.
func TestEnvelope(t *testing.T) {
	payloads := []string{"", `{"data":{"messagePosted":{"seq":1,"text":"hello world"}}}`, `[{"message":"no \"such\" thread"}]`,
		`{"a": 1}`, `{"t":"<b>"}`, `{"t":"x` + "\u2028" + `"}`, `{"t":"é\\n"}`, `null`}
	ids := []string{"", "1", `a"b`, "é", "<id>", "tab\there"}
	for _, p := range payloads {
		for _, id := range ids {
			for _, typ := range []protoType{"next", "complete", "connection_ack"} {
				v := &protoMessage{Payload: json.RawMessage(p), ID: id, Type: typ, noOp: true}
				want, err := json.Marshal(v)
				if err != nil {
					t.Fatal(err)
				}
				payload, gotID, gotType, ok := envelopeOf(v)
				if !ok {
					if compactEscaped([]byte(p)) {
						t.Errorf("%s %q %s: not taken, though encoding/json would keep the payload", p, id, typ)
					}
					continue
				}
				if got := appendEnvelope(nil, payload, gotID, gotType); string(got) != string(want) {
					t.Errorf("%s %q %s:\n got %s\nwant %s", p, id, typ, got, want)
				}
			}
		}
	}
	for _, v := range []any{
		protoMessage{Type: "next"}, // not a pointer
		&struct {
			ID      string          `json:"id,omitempty"`
			Payload json.RawMessage `json:"payload,omitempty"`
			Type    string          `json:"type"`
		}{}, // another order
		&struct {
			Payload json.RawMessage `json:"payload"`
			ID      string          `json:"id,omitempty"`
			Type    string          `json:"type"`
		}{}, // the empty payload written
		&struct {
			Payload json.RawMessage `json:"payload,omitempty"`
			ID      string          `json:"id,omitempty"`
			Type    string          `json:"type"`
			Extra   int             `json:"extra"`
		}{}, // a member more
		map[string]any{"type": "next"},
	} {
		if _, _, _, ok := envelopeOf(v); ok {
			t.Errorf("%T taken for a protocol message", v)
		}
	}
}

// TestEnvelopeGqlgen: gqlgen's own messages, of both subprotocols, take the fast path.
func TestEnvelopeGqlgen(t *testing.T) {
	for _, proto := range []string{transportWS, legacyWS} {
		s := startServer(t, transport.Websocket{})
		c, _, err := dial(t, wsURL(s.Server), nil, proto)
		if err != nil {
			t.Fatal(err)
		}
		initialize(t, c)
		subscribe(t, c)
		s.gql.SendNextSubscriptionMessage()
		read(t, c)
	}
	var taken []string
	envelopeTypes.Range(func(k, v any) bool {
		if v.(bool) && strings.HasPrefix(k.(reflect.Type).PkgPath(), "github.com/99designs/gqlgen/") {
			taken = append(taken, k.(reflect.Type).Name())
		}
		return true
	})
	if got := fmt.Sprint(taken); !strings.Contains(got, "graphqltransportwsMessage") || !strings.Contains(got, "graphqlwsMessage") {
		t.Errorf("gqlgen message types taken: %v, want both subprotocols'", taken)
	}
}

// FuzzCompactEscaped: compactEscaped says of valid JSON exactly whether encoding/json
// writes it unchanged as a json.RawMessage.
func FuzzCompactEscaped(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a": 1}`, `{"t":"a b"}`, `{"t":"<"}`, `"\u2028"`, "\"\u2028\"", `{"t":"\\\" "}`, `[1, 2]`, `"é"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		out, err := json.Marshal(json.RawMessage(s))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := compactEscaped([]byte(s)), string(out) == s; got != want {
			t.Fatalf("compactEscaped(%q) = %v; encoding/json writes %q", s, got, out)
		}
	})
}

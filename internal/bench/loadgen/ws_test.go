package loadgen

import (
	"encoding/json"
	"testing"
)

func TestEnvelope(t *testing.T) {
	tests := []struct {
		name, data   string
		typ, payload string
		ok           bool
	}{
		{"Next", `{"id":"1","type":"next","payload":{"data":{"messagePosted":{"seq":2,"text":"a \"}\" b"}}}}`, "next", `{"data":{"messagePosted":{"seq":2,"text":"a \"}\" b"}}}`, true},
		{"PayloadFirst", `{"payload":{"data":{"n":[1,{"x":"]"}]}},"id":"1","type":"next"}`, "next", `{"data":{"n":[1,{"x":"]"}]}}`, true},
		{"Spaces", " {\n\"type\" : \"ping\" , \"payload\" : null }\n", "ping", "null", true},
		{"NoPayload", `{"type":"connection_ack"}`, "connection_ack", "", true},
		{"ErrorArray", `{"id":"1","type":"error","payload":[{"message":"no"}]}`, "error", `[{"message":"no"}]`, true},
		{"UnknownType", `{"type":"subscribe"}`, "", "", false},
		{"EscapedType", `{"type":"n\u0065xt"}`, "", "", false},
		{"NoType", `{"payload":{}}`, "", "", false},
		{"Empty", `{}`, "", "", false},
		{"NotObject", `["next"]`, "", "", false},
		{"Truncated", `{"type":"next","payload":{"data":{}`, "", "", false},
		{"Mismatched", `{"type":"next","payload":{"data":]}`, "", "", false},
		{"Trailing", `{"type":"next"} x`, "", "", false},
		{"MissingColon", `{"type" "next"}`, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, payload, ok := envelope([]byte(tt.data))
			if typ != tt.typ || string(payload) != tt.payload || ok != tt.ok {
				t.Fatalf("envelope = %q, %q, %v; want %q, %q, %v", typ, payload, ok, tt.typ, tt.payload, tt.ok)
			}
			if !ok {
				return
			}
			// What it accepts, encoding/json reads the same way.
			var m struct {
				Type    string
				Payload json.RawMessage
			}
			if err := json.Unmarshal([]byte(tt.data), &m); err != nil || m.Type != typ || string(m.Payload) != string(payload) && !(payload == nil && m.Payload == nil) {
				t.Fatalf("encoding/json: %q, %q, %v", m.Type, m.Payload, err)
			}
		})
	}
}

func TestEnvelopeDoesNotAllocate(t *testing.T) {
	data := []byte(`{"id":"1","type":"next","payload":{"data":{"messagePosted":{"seq":2,"text":"1700000000000000000","threadId":"h_x","authorId":"u_y"}}}}`)
	if n := testing.AllocsPerRun(100, func() { envelope(data) }); n != 0 {
		t.Fatalf("%v allocations per message", n)
	}
}

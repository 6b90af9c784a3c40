package httpapi

import (
	"reflect"
	"testing"
)

// simpleBodies are request bodies on both sides of decodeSimple's subset, with whether it
// takes them.
var simpleBodies = []struct {
	name, body string
	simple     bool
}{
	{"PersistedQuery", `{"extensions":{"persistedQuery":{"sha256Hash":"0a1b2c","version":1}}}`, true},
	{"ApolloClient", `{"operationName":"Q","variables":{},"extensions":{"persistedQuery":{"version":1,"sha256Hash":"0a1b"}}}`, true},
	{"DocumentID", `{"documentId":"sha256:0a1b","variables":{"n":-12,"ok":true,"no":false,"x":null,"in":{"a":"b"}}}`, true},
	{"Query", `{"query":"{ tenant { id } }"}`, true},
	{"Spaced", "{ \"query\" :\t\"{ x }\" ,\r\n\"variables\" : { } }", true},
	{"Empty", `{}`, true},
	{"NestedDuplicate", `{"variables":{"a":1,"a":"two"}}`, true},
	{"Zero", `{"variables":{"n":0,"m":-0}}`, true},

	{"Escape", `{"query":"{ x }\n"}`, false},
	{"Unicode", `{"query":"{ x } é"}`, false},
	{"Float", `{"variables":{"n":1.5}}`, false},
	{"Exponent", `{"variables":{"n":1e3}}`, false},
	{"LeadingZero", `{"variables":{"n":01}}`, false},
	{"Array", `{"variables":{"ids":["a"]}}`, false},
	{"TopNull", `{"query":null}`, false},
	{"OtherCase", `{"Query":"{ x }"}`, false},
	{"Unknown", `{"query":"{ x }","other":1}`, false},
	{"Duplicate", `{"variables":{"a":1},"variables":{"b":2}}`, false},
	{"TrailingComma", `{"query":"{ x }",}`, false},
	{"MissingComma", `{"query":"{ x }" "operationName":"Q"}`, false},
	{"Trailing", `{"query":"{ x }"} {}`, false},
	{"QueryNotString", `{"query":42}`, false},
	{"BadLiteral", `{"variables":{"a":nul}}`, false},
	{"LiteralRunOn", `{"variables":{"a":nullx}}`, false},
	{"Deep", `{"variables":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}}}}}}}}}}}`, false},
	{"Unterminated", `{"query":"{ x }`, false},
	{"LeadingSpace", ` {}`, false}, // checkBody trims it first
}

// TestDecodeSimple: decodeSimple takes the plain bodies, each decoded exactly as
// encoding/json decodes it (decodeJSON), and leaves every other body to encoding/json.
func TestDecodeSimple(t *testing.T) {
	for _, tc := range simpleBodies {
		t.Run(tc.name, func(t *testing.T) {
			_, _, ok := decodeSimple([]byte(tc.body))
			if ok != tc.simple {
				t.Fatalf("decodeSimple took it: %v, want %v", ok, tc.simple)
			}
			sameAsJSON(t, []byte(tc.body))
		})
	}
}

// FuzzDecodeSimple: whatever decodeSimple takes, encoding/json decodes to the same.
func FuzzDecodeSimple(f *testing.F) {
	for _, tc := range simpleBodies {
		f.Add([]byte(tc.body))
	}
	f.Fuzz(sameAsJSON)
}

// sameAsJSON fails t when decodeSimple takes body and decodes it otherwise than
// decodeJSON.
func sameAsJSON(t *testing.T, body []byte) {
	t.Helper()
	params, documentID, ok := decodeSimple(body)
	if !ok {
		return
	}
	want, wantID, wantOK := decodeJSON(body)
	if !wantOK {
		t.Fatalf("decodeSimple took %q, which encoding/json refuses", body)
	}
	if !reflect.DeepEqual(params, want) || documentID != wantID {
		t.Fatalf("decodeSimple(%q) = %#v, %q; encoding/json: %#v, %q", body, params, documentID, want, wantID)
	}
}

// BenchmarkCheckBody decodes a trusted document's hash sent as Apollo's persisted query
// (decodeSimple) and the same body through encoding/json (decodeJSON).
func BenchmarkCheckBody(b *testing.B) {
	body := []byte(`{"extensions":{"persistedQuery":{"sha256Hash":"1d0f2c5b8a34f5e0f0c7a1a0d1f2e3c4b5a697887766554433221100ffeeddcc","version":1}}}`)
	b.Run("Simple", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := checkBody(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("EncodingJSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, ok := decodeJSON(body); !ok {
				b.Fatal("refused")
			}
		}
	})
}

package wsgorilla

import (
	"encoding/json"
	"reflect"
	"sync"
	"unicode/utf8"
)

// gqlgen hands WriteJSON its protocol messages (graphql-transport-ws and graphql-ws alike)
// as a pointer to an unexported struct of three fields: the payload, already JSON that
// encoding/json wrote (compact, with HTML characters escaped), the operation id and the
// message type. encoding/json would walk that struct by reflection and scan the payload
// again to compact it, once per message and subscriber: a tenth of the CPU of a delivery
// at 1,000 subscribers. envelopeOf recognizes such a message, by its fields' types and
// tags, with a payload encoding/json would leave as it is (compactEscaped, a plain byte
// loop), and appendEnvelope writes the same bytes encoding/json would, without its
// scanner; anything else goes to encoding/json (TestEnvelope holds the two equal).

// envelopeTypes caches, by struct type, whether it has the message's shape.
var envelopeTypes sync.Map // reflect.Type -> bool

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// envelopeOf returns the payload, id and type of v when v is a pointer to a struct whose
// exported fields are exactly Payload json.RawMessage `json:"payload,omitempty"`, ID
// string `json:"id,omitempty"` and Type (of a string kind) `json:"type"`.
func envelopeOf(v any) (payload json.RawMessage, id, typ string, ok bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, "", "", false
	}
	rv = rv.Elem()
	t := rv.Type()
	known, seen := envelopeTypes.Load(t)
	if !seen {
		known = isEnvelope(t)
		envelopeTypes.Store(t, known)
	}
	if !known.(bool) {
		return nil, "", "", false
	}
	payload = rv.Field(0).Bytes()
	if !compactEscaped(payload) { // a client's ping payload, echoed in the pong
		return nil, "", "", false
	}
	return payload, rv.Field(1).String(), rv.Field(2).String(), true
}

// compactEscaped reports whether encoding/json would write the JSON b as it is: no
// whitespace outside strings, and none of the characters it escapes for HTML (<, >, &,
// U+2028, U+2029) anywhere. b is assumed valid JSON. Most bytes are none of those: one
// table lookup each.
func compactEscaped(b []byte) bool {
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !notable[c] {
			continue
		}
		switch c {
		case '<', '>', '&':
			return false
		case 0xE2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
				return false
			}
		case '\\':
			i++ // only inside a string: the escaped byte is not notable
		case '"':
			inString = !inString
		default: // whitespace
			if !inString {
				return false
			}
		}
	}
	return true
}

// notable marks the bytes compactEscaped looks at.
var notable = func() (t [256]bool) {
	for _, c := range []byte{'<', '>', '&', 0xE2, '\\', '"', ' ', '\t', '\n', '\r'} {
		t[c] = true
	}
	return t
}()

// isEnvelope reports whether t has the message's shape, its three exported fields first
// and in order; a type whose Type field marshals itself otherwise than as its text (a
// MarshalJSON) does not count.
func isEnvelope(t reflect.Type) bool {
	want := []struct {
		name, tag string
		ok        func(reflect.Type) bool
	}{
		{"Payload", "payload,omitempty", func(ft reflect.Type) bool { return ft == rawMessageType }},
		{"ID", "id,omitempty", func(ft reflect.Type) bool { return ft.Kind() == reflect.String && ft.PkgPath() == "" }},
		{"Type", "type", func(ft reflect.Type) bool {
			return ft.Kind() == reflect.String && !ft.Implements(reflect.TypeFor[json.Marshaler]()) &&
				!reflect.PointerTo(ft).Implements(reflect.TypeFor[json.Marshaler]())
		}},
	}
	exported := 0
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if exported >= len(want) || i != exported || f.Name != want[exported].name ||
			f.Tag.Get("json") != want[exported].tag || !want[exported].ok(f.Type) {
			return false
		}
		exported++
	}
	return exported == len(want)
}

// appendEnvelope appends the message as encoding/json writes it: members in field
// order, the empty payload and id left out.
func appendEnvelope(dst []byte, payload json.RawMessage, id, typ string) []byte {
	dst = append(dst, '{')
	if len(payload) > 0 {
		dst = append(dst, `"payload":`...)
		dst = append(dst, payload...)
		dst = append(dst, ',')
	}
	if id != "" {
		dst = append(dst, `"id":`...)
		dst = appendString(dst, id)
		dst = append(dst, ',')
	}
	dst = append(dst, `"type":`...)
	dst = appendString(dst, typ)
	return append(dst, '}')
}

// appendString appends s as a JSON string as encoding/json writes it: plain text as it
// is, anything it would escape through encoding/json itself.
func appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s)
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

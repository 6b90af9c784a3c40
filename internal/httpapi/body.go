package httpapi

import (
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
)

// decodeSimple decodes the common request bodies without reflection: a trusted
// document's hash ({"extensions":{"persistedQuery":{"version":1,"sha256Hash":"…"}}}),
// and any body that keeps to a plain subset of JSON — the members query, operationName,
// variables, extensions and documentId, each at most once and spelt exactly so; strings
// of printable ASCII with no escapes; integers; true, false and null inside variables and
// extensions; no arrays. It yields exactly what encoding/json with UseNumber (checkBody's
// decode) yields for such a body, and ok is false for anything else, which checkBody
// then decodes with encoding/json (TestDecodeSimple and FuzzDecodeSimple hold the two
// equal). encoding/json spent about 5 µs on a hash sent as Apollo's persisted query,
// mostly on reflection over the two nested objects.
func decodeSimple(body []byte) (params *graphql.RawParams, documentID string, ok bool) {
	if len(body) == 0 || body[0] != '{' { // checkBody trimmed it
		return nil, "", false
	}
	d := simpleDecoder{in: body, pos: 1}
	params = &graphql.RawParams{}
	if d.consume('}') {
		return params, "", d.end()
	}
	var seen [5]bool
	for {
		key, ok := d.str()
		if !ok || !d.consume(':') {
			return nil, "", false
		}
		var i int
		switch key {
		case "query":
			params.Query, ok = d.str()
		case "operationName":
			i = 1
			params.OperationName, ok = d.str()
		case "variables":
			i = 2
			params.Variables, ok = d.object(0)
		case "extensions":
			i = 3
			params.Extensions, ok = d.object(0)
		case "documentId":
			i = 4
			documentID, ok = d.str()
		default: // encoding/json matches members case-insensitively: leave it to it
			return nil, "", false
		}
		if !ok || seen[i] {
			return nil, "", false
		}
		seen[i] = true
		if d.consume('}') {
			return params, documentID, d.end()
		}
		if !d.consume(',') {
			return nil, "", false
		}
	}
}

// simpleDecoder reads decodeSimple's subset of JSON from in.
type simpleDecoder struct {
	in  []byte
	pos int
}

// maxSimpleDepth bounds the nesting decodeSimple takes; deeper bodies go to encoding/json.
const maxSimpleDepth = 16

func (d *simpleDecoder) space() {
	for d.pos < len(d.in) {
		switch d.in[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// consume skips whitespace and then c, reporting whether c was there.
func (d *simpleDecoder) consume(c byte) bool {
	d.space()
	if d.pos < len(d.in) && d.in[d.pos] == c {
		d.pos++
		return true
	}
	return false
}

// end reports whether nothing but whitespace is left.
func (d *simpleDecoder) end() bool {
	d.space()
	return d.pos == len(d.in)
}

// str reads a string of printable ASCII without escapes.
func (d *simpleDecoder) str() (string, bool) {
	if !d.consume('"') {
		return "", false
	}
	start := d.pos
	for ; d.pos < len(d.in); d.pos++ {
		switch c := d.in[d.pos]; {
		case c == '"':
			s := string(d.in[start:d.pos])
			d.pos++
			return s, true
		case c < 0x20 || c > 0x7e || c == '\\':
			return "", false
		}
	}
	return "", false
}

// object reads an object of the subset as encoding/json decodes one into any.
func (d *simpleDecoder) object(depth int) (map[string]any, bool) {
	if depth >= maxSimpleDepth || !d.consume('{') {
		return nil, false
	}
	m := map[string]any{}
	if d.consume('}') {
		return m, true
	}
	for {
		k, ok := d.str()
		if !ok || !d.consume(':') {
			return nil, false
		}
		if m[k], ok = d.value(depth + 1); !ok {
			return nil, false
		}
		if d.consume('}') {
			return m, true
		}
		if !d.consume(',') {
			return nil, false
		}
	}
}

// value reads one value of the subset inside an object.
func (d *simpleDecoder) value(depth int) (any, bool) {
	d.space()
	if d.pos == len(d.in) {
		return nil, false
	}
	switch c := d.in[d.pos]; {
	case c == '"':
		return d.str()
	case c == '{':
		return d.object(depth)
	case c == '-' || c >= '0' && c <= '9':
		return d.integer()
	}
	for _, lit := range []struct {
		text string
		v    any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if len(d.in)-d.pos >= len(lit.text) && string(d.in[d.pos:d.pos+len(lit.text)]) == lit.text {
			d.pos += len(lit.text)
			return lit.v, d.delimited()
		}
	}
	return nil, false
}

// integer reads -?(0|[1-9][0-9]*) as the json.Number UseNumber makes of it.
func (d *simpleDecoder) integer() (any, bool) {
	start := d.pos
	if d.in[d.pos] == '-' {
		d.pos++
	}
	digits := d.pos
	for d.pos < len(d.in) && d.in[d.pos] >= '0' && d.in[d.pos] <= '9' {
		d.pos++
	}
	n := d.pos - digits
	if n == 0 || n > 1 && d.in[digits] == '0' || !d.delimited() {
		return nil, false
	}
	return json.Number(d.in[start:d.pos]), true
}

// delimited reports whether the token just read ends where JSON lets it: at whitespace,
// a comma, a closing brace or the end (a '.' or 'e' after digits is a number this
// subset does not take; "nullx" is no literal).
func (d *simpleDecoder) delimited() bool {
	if d.pos == len(d.in) {
		return true
	}
	switch d.in[d.pos] {
	case ' ', '\t', '\n', '\r', ',', '}':
		return true
	}
	return false
}

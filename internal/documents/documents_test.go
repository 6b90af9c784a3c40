package documents

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

const testSDL = `type Query { me: User! tenant(id: ID!): String }  type User { id: ID! email: String! }`

func testSchema(t *testing.T) *ast.Schema {
	t.Helper()
	s, err := gqlparser.LoadSchema(&ast.Source{Input: testSDL})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func manifestOf(docs ...string) map[string]string {
	m := map[string]string{}
	for _, d := range docs {
		m[Hash(d)] = d
	}
	return m
}

func TestManifest(t *testing.T) {
	schema := testSchema(t)
	good := `query Me { me { id email } }`
	cases := []struct {
		name, data, refusal string
	}{
		{"Valid", `{"` + Hash(good) + `": "query Me { me { id email } }"}`, ""},
		{"NotJSON", `[1]`, "JSON object"},
		{"Empty", `{}`, "1 to"},
		{"WrongHash", `{"` + Hash("other") + `": "query Me { me { id email } }"}`, "is not the sha256"},
		{"Invalid", `{"` + Hash("query { nope }") + `": "query { nope }"}`, "nope"},
		{"Unparsable", `{"` + Hash("query {") + `": "query {"}`, "refused"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := ParseManifest([]byte(c.data), schema)
			if c.refusal == "" {
				if err != nil || len(m) != 1 {
					t.Fatalf("ParseManifest = %v, %v", m, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.refusal) {
				t.Fatalf("ParseManifest error = %v, want one saying %q", err, c.refusal)
			}
		})
	}
}

func TestRegistry(t *testing.T) {
	r := NewRegistry(testSchema(t), nil)
	me, tenant := `query Me { me { id } }`, `query T($id: ID!) { tenant(id: $id) }`
	stale := `query { removed }`
	r.Load([]Document{
		{AppID: "a_one", Hash: Hash(me), Query: me},
		{AppID: "a_two", Hash: Hash(me), Query: me}, // the same document from another App
		{AppID: "a_one", Hash: Hash(tenant), Query: tenant},
		{AppID: "a_one", Hash: Hash(stale), Query: stale},                       // no longer validates
		{AppID: "a_one", Hash: Hash("forged"), Query: `query { me { email } }`}, // hash of another text
	})
	select {
	case <-r.Ready():
	default:
		t.Fatal("not ready after a load")
	}
	if r.Len() != 2 {
		t.Fatalf("%d documents trusted, want 2", r.Len())
	}
	if q, ok := r.Lookup(Hash(me)); !ok || q != me {
		t.Errorf("Lookup(me) = %q, %v", q, ok)
	}
	if doc, ok := r.Parsed(tenant); !ok || len(doc.Operations) != 1 || doc.Operations[0].Name != "T" {
		t.Errorf("Parsed(tenant) = %+v, %v", doc, ok)
	}
	for _, h := range []string{Hash(stale), Hash("forged")} {
		if _, ok := r.Lookup(h); ok {
			t.Errorf("Lookup(%s) found a document that must be left out", h)
		}
	}
	// A stored entry naming a trusted text under another hash is still refused.
	r.Load([]Document{{AppID: "a_one", Hash: Hash(me), Query: me}, {AppID: "a_evil", Hash: Hash("other"), Query: me}})
	if _, ok := r.Lookup(Hash("other")); ok {
		t.Error("a hash of another text was trusted because its text was")
	}
	parsed, _ := r.Parsed(me)
	r.Load([]Document{{AppID: "a_one", Hash: Hash(me), Query: me}})
	if again, _ := r.Parsed(me); again != parsed {
		t.Error("a document already loaded was parsed again")
	}
	if _, ok := r.Lookup(Hash(tenant)); ok {
		t.Error("a document no longer stored is still trusted")
	}
}

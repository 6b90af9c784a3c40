package access

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

const directives = `
directive @public on FIELD_DEFINITION
directive @authenticated on FIELD_DEFINITION
directive @member(role: String = "VIEWER", scopes: [String!]) on FIELD_DEFINITION
directive @systemAdmin on FIELD_DEFINITION
directive @requireProject on FIELD_DEFINITION
directive @matchContext(tenant: String, env: String, project: String) on FIELD_DEFINITION
input In { tenantId: ID!, count: Int, nested: Nested }
input Nested { projectId: ID }
`

func load(t *testing.T, sdl string) *ast.Schema {
	t.Helper()
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "test.graphqls", Input: directives + sdl})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCheckSchema(t *testing.T) {
	cases := []struct {
		name, sdl, wantErr string
	}{
		{"AllGuarded", `type Query { a: Int @public, b(input: In): Int @member @matchContext(tenant: "input.tenantId", project: "input.nested.projectId") }
			type Mutation { c: Int @systemAdmin @requireProject }
			type Subscription { d: Int @authenticated }`, ""},
		{"Missing", `type Query { a: Int @public, b: Int }`, "Query.b has no access directive"},
		{"KnownScopes", `type Query { a: Int @member(scopes: ["routes:read", "chat:read"]), b: Int @member(role: "ADMIN", scopes: ["chat:write"]) }`, ""},
		{"UnknownScope", `type Query { a: Int @member(scopes: ["routes:read", "admin:all"]) }`, `Query.a @member admits the unknown scope "admin:all"`},
		{"MissingOnMutation", `type Query { a: Int @public } type Mutation { m: Int @requireProject }`, "Mutation.m has no access directive"},
		{"MissingOnSubscription", `type Query { a: Int @public } type Subscription { s: Int }`, "Subscription.s has no access directive"},
		{"Two", `type Query { a: Int @public @member }`, "Query.a has 2 access directives"},
		{"MatchUnknownArgument", `type Query { a(x: ID): Int @member @matchContext(tenant: "y") }`, `no argument "y"`},
		{"MatchUnknownField", `type Query { a(input: In): Int @member @matchContext(tenant: "input.nope") }`, `In has no field "nope"`},
		{"MatchNonString", `type Query { a(input: In): Int @member @matchContext(tenant: "input.count") }`, "must name an ID or String"},
		{"MatchThroughScalar", `type Query { a(x: ID): Int @member @matchContext(tenant: "x.y") }`, "is not an input object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckSchema(load(t, c.sdl))
			switch {
			case c.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Fatalf("err = %v, want it to contain %q", err, c.wantErr)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	args := map[string]any{"input": map[string]any{"tenantId": "t_a", "n": nil, "count": 3}}
	for path, want := range map[string]struct {
		v  string
		ok bool
	}{
		"input.tenantId": {"t_a", true}, "input.n": {"", false}, "input.missing": {"", false},
		"missing": {"", false}, "input.count": {"", true}, "input.tenantId.deeper": {"", false},
	} {
		v, ok := lookup(args, path)
		if v != want.v || ok != want.ok {
			t.Errorf("lookup(%q) = %q, %v; want %q, %v", path, v, ok, want.v, want.ok)
		}
	}
}

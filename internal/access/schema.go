package access

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Directive names used by the schema.
const (
	DirectivePublic         = "public"
	DirectiveAuthenticated  = "authenticated"
	DirectiveMember         = "member"
	DirectiveSystemAdmin    = "systemAdmin"
	DirectiveRequireProject = "requireProject"
	DirectiveMatchContext   = "matchContext"
)

// Service-account scopes: the closed set a @member field may admit and an account may
// hold.
const (
	ScopeRoutesRead = "routes:read"
	ScopeChatRead   = "chat:read"
	ScopeChatWrite  = "chat:write"
)

// Scopes returns every scope.
func Scopes() []string { return []string{ScopeRoutesRead, ScopeChatRead, ScopeChatWrite} }

// accessDirectives are the directives of which every root field carries exactly one.
var accessDirectives = []string{DirectivePublic, DirectiveAuthenticated, DirectiveMember, DirectiveSystemAdmin}

// CheckSchema enforces deny by default: every field of Query, Mutation and Subscription
// carries exactly one access directive, and every @matchContext path names an argument
// (or input field) of type ID or String. The error lists every offending field.
func CheckSchema(s *ast.Schema) error {
	var problems []string
	for _, root := range []*ast.Definition{s.Query, s.Mutation, s.Subscription} {
		if root == nil {
			continue
		}
		for _, f := range root.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			where := root.Name + "." + f.Name
			var found []string
			for _, d := range f.Directives {
				for _, a := range accessDirectives {
					if d.Name == a {
						found = append(found, "@"+a)
					}
				}
			}
			switch len(found) {
			case 0:
				problems = append(problems, where+" has no access directive")
			case 1:
			default:
				problems = append(problems, fmt.Sprintf("%s has %d access directives (%s)", where, len(found), strings.Join(found, ", ")))
			}
			if d := f.Directives.ForName(DirectiveMember); d != nil {
				if a := d.Arguments.ForName("scopes"); a != nil && a.Value != nil {
					for _, c := range a.Value.Children {
						if !slices.Contains(Scopes(), c.Value.Raw) {
							problems = append(problems, fmt.Sprintf("%s @member admits the unknown scope %q (known: %s)", where, c.Value.Raw, strings.Join(Scopes(), ", ")))
						}
					}
				}
			}
			if d := f.Directives.ForName(DirectiveMatchContext); d != nil {
				for _, a := range d.Arguments {
					if err := checkPath(s, f, a.Value.Raw); err != nil {
						problems = append(problems, fmt.Sprintf("%s @matchContext(%s: %q): %v", where, a.Name, a.Value.Raw, err))
					}
				}
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("schema is not deny-by-default: %s (each root field needs exactly one of @public, @authenticated, @member, @systemAdmin)", strings.Join(problems, "; "))
	}
	return nil
}

// checkPath verifies that a dotted path resolves to a scalar ID or String argument.
func checkPath(s *ast.Schema, f *ast.FieldDefinition, path string) error {
	parts := strings.Split(path, ".")
	arg := f.Arguments.ForName(parts[0])
	if arg == nil {
		return fmt.Errorf("no argument %q", parts[0])
	}
	t := arg.Type
	for _, p := range parts[1:] {
		def := s.Types[t.Name()]
		if def == nil || def.Kind != ast.InputObject {
			return fmt.Errorf("%q is not an input object", t.Name())
		}
		field := def.Fields.ForName(p)
		if field == nil {
			return fmt.Errorf("%s has no field %q", def.Name, p)
		}
		t = field.Type
	}
	if t.Elem != nil || (t.Name() != "ID" && t.Name() != "String") {
		return fmt.Errorf("must name an ID or String, not %s", t.String())
	}
	return nil
}

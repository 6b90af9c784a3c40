package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// shapeLimits refuses documents whose shape would make validation or the complexity walk
// expensive, before either runs. gqlparser's overlapping-fields rule is quadratic in the
// fields one selection set merges (8,000 repeated fields cost about 5 s of CPU), and
// gqlgen's complexity and our depth walks re-expand every fragment spread (k³ for three
// nested levels of k spreads). These checks are linear in the document: each fragment's
// counts are computed once (memoized), so no document costs more than its parse and one
// pass to refuse. BenchmarkRefuseShapes (shape_test.go) measures the worst shapes.
//
// It runs as an operation parameter mutator, inside gqlgen's CreateOperationContext, so
// HTTP and websocket operations alike pass through it; documents it accepted are
// remembered (like gqlgen's own query cache) so a repeated query is parsed once.
type shapeLimits struct {
	// fieldsPerSet bounds the fields one selection set merges, its inline fragments' and
	// fragment spreads' fields included (what the overlap rule compares pairwise).
	fieldsPerSet int
	// expanded bounds the fields of the whole operation with every fragment expanded.
	expanded int
	// tokens is the parser's token limit (the same as gqlgen's).
	tokens int

	accepted *lru.LRU[struct{}]
}

func newShapeLimits(fieldsPerSet, expanded, tokens int) *shapeLimits {
	return &shapeLimits{fieldsPerSet: fieldsPerSet, expanded: expanded, tokens: tokens, accepted: lru.New[struct{}](1000)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*shapeLimits)(nil)

func (*shapeLimits) ExtensionName() string                   { return "ShapeLimits" }
func (*shapeLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses a document of a costly shape; it changes nothing.
func (l *shapeLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	if _, ok := l.accepted.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, l.tokens)
	if err != nil {
		return nil // gqlgen parses again and reports the error its usual way
	}
	if gerr := l.check(doc); gerr != nil {
		return gerr
	}
	l.accepted.Add(ctx, p.Query, struct{}{})
	return nil
}

// check measures every selection set of doc once.
func (l *shapeLimits) check(doc *ast.QueryDocument) *gqlerror.Error {
	m := measure{doc: doc, frags: map[string]*fragSize{}, limits: l}
	for _, op := range doc.Operations {
		if s := m.set(op.SelectionSet); m.err != nil {
			return m.err
		} else if s.expanded > l.expanded {
			return gqlerror.Errorf("the operation expands to more than %d fields; the limit is %d", l.expanded, l.expanded)
		}
	}
	for _, f := range doc.Fragments {
		if m.fragment(f.Name); m.err != nil {
			return m.err
		}
	}
	return nil
}

// size is what measuring a selection set yields: the fields it merges at its own level
// and the fields it holds with everything expanded (both capped to stay small numbers).
type size struct{ merged, expanded int }

type fragSize struct {
	size
	done, visiting bool
}

type measure struct {
	doc    *ast.QueryDocument
	frags  map[string]*fragSize
	limits *shapeLimits
	err    *gqlerror.Error
}

// set measures one selection set, refusing it when it merges too many fields.
func (m *measure) set(ss ast.SelectionSet) size {
	var out size
	for _, s := range ss {
		if m.err != nil {
			return out
		}
		var part size
		switch s := s.(type) {
		case *ast.Field:
			child := m.set(s.SelectionSet)
			part = size{merged: 1, expanded: 1 + child.expanded}
		case *ast.InlineFragment:
			part = m.set(s.SelectionSet)
		case *ast.FragmentSpread:
			part = m.fragment(s.Name)
		}
		out.merged = capAdd(out.merged, part.merged)
		out.expanded = capAdd(out.expanded, part.expanded)
	}
	if out.merged > m.limits.fieldsPerSet && m.err == nil {
		m.err = gqlerror.Errorf("a selection set merges %d or more fields (fragments included); the limit is %d", m.limits.fieldsPerSet, m.limits.fieldsPerSet)
	}
	if out.expanded > m.limits.expanded && m.err == nil {
		m.err = gqlerror.Errorf("the operation expands to more than %d fields; the limit is %d", m.limits.expanded, m.limits.expanded)
	}
	return out
}

// fragment measures a named fragment once; unknown fragments and cycles are left to
// validation (a cycle measures as empty here, so it cannot recurse forever).
func (m *measure) fragment(name string) size {
	f := m.frags[name]
	if f == nil {
		f = &fragSize{}
		m.frags[name] = f
	}
	if f.done || f.visiting {
		return f.size
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil {
		f.done = true
		return f.size
	}
	f.visiting = true
	f.size = m.set(def.SelectionSet)
	f.visiting, f.done = false, true
	return f.size
}

// capAdd adds without overflowing: anything past a billion is refused anyway.
func capAdd(a, b int) int {
	const ceiling = 1 << 30
	if a+b > ceiling || a+b < 0 {
		return ceiling
	}
	return a + b
}

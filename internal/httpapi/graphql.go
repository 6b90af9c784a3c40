package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/multiplex"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// graphqlConfig is what newGraphQL builds the handler from; every field is required.
type graphqlConfig struct {
	Schema    graph.Config              // resolvers and directives (resolvers.New)
	Env       string                    // dev enables introspection and suggestions
	Limits    Limits                    // request limits
	Websocket wsgorilla.Transport       // the websocket transport
	Subs      *tenantSubscriptions      // the per-tenant subscription cap
	TooSlow   func(ctx context.Context) // ends a subscriber's connection with 1013
	Documents TrustedDocuments          // the trusted documents
	Required  bool                      // run trusted documents only
	Log       *slog.Logger
}

// newGraphQL builds the gqlgen handler: POST and websockets only, the request limits, one
// error presenter, one recover function, shared subscription executions (returned for
// their metrics). It refuses a schema that is not deny by default.
func newGraphQL(c graphqlConfig) (*handler.Server, *multiplex.Multiplexer, error) {
	limits, log := c.Limits, c.Log
	es := graph.NewExecutableSchema(c.Schema)
	if err := access.CheckSchema(es.Schema()); err != nil {
		return nil, nil, err
	}
	srv := handler.New(es)
	srv.AddTransport(c.Websocket)
	srv.AddTransport(postTransport{}) // transport.POST for a body ServeHTTP decoded
	srv.SetQueryCache(queryCache{docs: c.Documents, Cache: lru.New[*ast.QueryDocument](1000)})
	srv.SetParserTokenLimit(limits.ParserTokens)
	srv.Use(trustedDocs{docs: c.Documents, required: c.Required})
	srv.Use(newShapeLimits(limits.FieldsPerSet, limits.Expanded, limits.ParserTokens))
	dev := c.Env == "dev"
	srv.SetDisableSuggestion(!dev)
	if dev {
		srv.Use(extension.Introspection{})
	} else {
		srv.SetValidationRulesFn(rulesWithoutSuggestions)
	}
	srv.Use(newTrustedLimits(c.Documents, limits.Complexity,
		queryLimits{depth: limits.Depth, aliases: limits.Aliases, rootFields: limits.RootFields, introspection: dev}))
	p := presenter{log: log}
	srv.SetErrorPresenter(p.present)
	srv.SetRecoverFunc(p.recover)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if ri := info(ctx); !ri.websocket {
			oc := graphql.GetOperationContext(ctx)
			if oc != nil {
				ri.operation, ri.root = operationName(oc), rootField(oc)
			}
			// gqlgen's POST transport would hold a subscription open and answer with its
			// first event (or null): refuse it before it starts.
			if oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Subscription {
				return refuse(ctx, apperr.BadUserInput, "subscriptions are served over websockets only (graphql-transport-ws or graphql-ws on /query)")
			}
		}
		return next(ctx)
	})
	srv.AroundOperations(c.Subs.around)
	// Last: every subscriber passes the layers above one by one, then shares its stream's
	// one execution with the subscribers of the same document (multiplex), run by an
	// executor of the same schema, presenter and recover function.
	upstream := executor.New(es)
	upstream.SetErrorPresenter(p.present)
	upstream.SetRecoverFunc(p.recover)
	groups := multiplex.New(multiplex.Config{Upstream: upstream, Behind: c.TooSlow})
	srv.AroundOperations(groups.Around)
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if resp != nil && len(resp.Errors) > 0 && isNull(resp.Data) {
			operationFailed(ctx, resp.Errors[0])
		}
		return resp
	})
	return srv, groups, nil
}

// refuse ends an operation before it runs with one error, and records the error for the
// request's status (AroundResponses never sees a response made before the operation).
func refuse(ctx context.Context, code apperr.Code, message string) graphql.ResponseHandler {
	err := apperr.GraphQL(code, message)
	operationFailed(ctx, err)
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
}

// operationName is the client's name for the operation, for logs.
func operationName(oc *graphql.OperationContext) string {
	if oc.Operation != nil && oc.Operation.Name != "" {
		return oc.Operation.Name
	}
	return oc.OperationName
}

// rootField names the operation by its kind and first root field ("query:tenant"): a
// label bounded by the schema, for metrics.
func rootField(oc *graphql.OperationContext) string {
	if oc.Operation == nil {
		return ""
	}
	for _, s := range oc.Operation.SelectionSet {
		if f, ok := s.(*ast.Field); ok {
			return string(oc.Operation.Operation) + ":" + f.Name
		}
	}
	return string(oc.Operation.Operation)
}

func isNull(raw []byte) bool {
	s := strings.TrimSpace(string(raw))
	return s == "" || s == "null"
}

func statusOf(e *gqlerror.Error) int {
	if s, ok := e.Extensions["status"].(int); ok {
		return s
	}
	return apperr.Status(apperr.Internal)
}

func codeOf(e *gqlerror.Error) string {
	s, _ := e.Extensions["code"].(string)
	return s
}

// presenter is the one place errors become client-visible.
type presenter struct {
	log *slog.Logger
}

// present maps err to its code and status. *apperr.Error messages are shown; errors
// gqlgen raises itself (parse, validation, limits) are BAD_USER_INPUT; anything else is
// logged in full and shown as a fixed message.
func (p presenter) present(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var out *gqlerror.Error
	var ae *apperr.Error
	switch {
	case errors.As(err, &ae) && ae.Code != apperr.Internal:
		out = apperr.Present(ae)
		if ae.Code == apperr.Unavailable { // the cause (which store, what failed) is for the log
			p.log.WarnContext(ctx, "unavailable", "request_id", reqctx.From(ctx).RequestID,
				"path", gqlErr.Path.String(), "err", err)
		}
	case gqlErr.Err == nil && !errors.As(err, &ae):
		code, _ := gqlErr.Extensions["code"].(string)
		if apperr.Known(apperr.Code(code)) { // an extension's refusal, made with apperr.GraphQL
			out = apperr.GraphQL(apperr.Code(code), gqlErr.Message)
			break
		}
		out = apperr.GraphQL(apperr.BadUserInput, gqlErr.Message)
		if code != "" {
			out.Extensions["reason"] = code // gqlgen's own code, e.g. GRAPHQL_VALIDATION_FAILED
		}
	default:
		p.log.ErrorContext(ctx, "internal error", "request_id", reqctx.From(ctx).RequestID,
			"path", gqlErr.Path.String(), "err", err)
		out = apperr.GraphQL(apperr.Internal, apperr.InternalMessage)
	}
	out.Path, out.Locations = gqlErr.Path, gqlErr.Locations
	for k, v := range gqlErr.Extensions {
		if _, set := out.Extensions[k]; !set && k != "code" {
			out.Extensions[k] = v
		}
	}
	return out
}

// recover turns a resolver panic into an internal error, logging the stack.
func (p presenter) recover(ctx context.Context, v any) error {
	p.log.ErrorContext(ctx, "panic", "request_id", reqctx.From(ctx).RequestID, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	return fmt.Errorf("panic: %v", v)
}

// rulesWithoutSuggestions is the default validation rule set with every rule that can
// answer "Did you mean …" replaced by its silent twin. SetDisableSuggestion alone covers
// only fields and scalar leaves; the others would still name arguments, types, enum
// values and input fields outside dev.
func rulesWithoutSuggestions() *rules.Rules {
	r := rules.NewDefaultRules()
	for _, swap := range []struct {
		name  string
		quiet core.Rule
	}{
		{rules.FieldsOnCorrectTypeRule.Name, rules.FieldsOnCorrectTypeRuleWithoutSuggestions},
		{rules.ScalarLeafsRule.Name, rules.ScalarLeafsRuleWithoutSuggestions},
		{rules.KnownArgumentNamesRule.Name, rules.KnownArgumentNamesRuleWithoutSuggestions},
		{rules.KnownTypeNamesRule.Name, rules.KnownTypeNamesRuleWithoutSuggestions},
		{rules.ValuesOfCorrectTypeRule.Name, rules.ValuesOfCorrectTypeRuleWithoutSuggestions},
	} {
		r.RemoveRule(swap.name)
		r.AddRule(swap.quiet.Name, swap.quiet.RuleFunc)
	}
	return r
}

// queryLimits rejects operations nested too deep, with too many aliases, or with too many
// root fields, and — unless introspection is on (dev) — any __schema or __type root field:
// refused here, before the operation runs, because without the introspection extension
// gqlgen fails inside the field with a plain error the presenter can only call INTERNAL.
// Introspection fields are not counted for depth, so the dev IDE's introspection query
// passes.
type queryLimits struct {
	depth, aliases, rootFields int
	introspection              bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = queryLimits{}

func (queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (queryLimits) Validate(graphql.ExecutableSchema) error { return nil }
func (l queryLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := walker{doc: oc.Doc}
	roots := w.fields(oc.Operation.SelectionSet, nil)
	if !l.introspection {
		for _, f := range roots {
			if f.Name == "__schema" || f.Name == "__type" {
				return gqlerror.Errorf("introspection is disabled")
			}
		}
	}
	if len(roots) > l.rootFields {
		return gqlerror.Errorf("operation has %d root fields; the limit is %d", len(roots), l.rootFields)
	}
	depth := w.depth(oc.Operation.SelectionSet, 0, l.depth+1)
	if depth > l.depth {
		return gqlerror.Errorf("operation is nested %d deep; the limit is %d", depth, l.depth)
	}
	if w.aliases > l.aliases {
		return gqlerror.Errorf("operation uses %d aliases; the limit is %d", w.aliases, l.aliases)
	}
	return nil
}

type walker struct {
	doc     *ast.QueryDocument
	aliases int
}

// fields flattens fragments and returns the fields of one selection set.
func (w *walker) fields(set ast.SelectionSet, seen map[string]bool) []*ast.Field {
	var out []*ast.Field
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			out = append(out, w.fields(s.SelectionSet, seen)...)
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[s.Name] = true
			if f := w.doc.Fragments.ForName(s.Name); f != nil {
				out = append(out, w.fields(f.SelectionSet, seen)...)
			}
		}
	}
	return out
}

// depth returns the nesting depth below set, up to stop, and counts aliases on the way.
// Stopping early bounds the walk even for fragment cycles (which validation rejects).
func (w *walker) depth(set ast.SelectionSet, d, stop int) int {
	max := d
	if d >= stop {
		return d
	}
	for _, f := range w.fields(set, nil) {
		if f.Alias != "" && f.Alias != f.Name {
			w.aliases++
		}
		if strings.HasPrefix(f.Name, "__") || len(f.SelectionSet) == 0 {
			if d+1 > max {
				max = d + 1
			}
			continue
		}
		if n := w.depth(f.SelectionSet, d+1, stop); n > max {
			max = n
		}
	}
	return max
}

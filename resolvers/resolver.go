// Package resolvers implements the GraphQL API on top of the internal services. Resolvers
// stay thin: they read the RequestContext, call a service and shape the answer. Access
// control happens before them, in the schema's directives.
package resolvers

//go:generate go run -C .. github.com/99designs/gqlgen generate --config gqlgen.yml

import (
	"context"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/tenancy"
)

// Tenancy is what the resolvers need of tenancy.Service.
type Tenancy interface {
	BootstrapSystem(ctx context.Context, key, adminEmail, adminPassword string) (tenancy.Tenant, error)
	Signup(ctx context.Context, email, password, tenantName string) (tenancy.User, tenancy.Tenant, error)
	Login(ctx context.Context, email, password string) (tenancy.User, error)
	User(ctx context.Context, id string) (tenancy.User, error)
	CreateTenant(ctx context.Context, userID, name string) (tenancy.Tenant, error)
	SetTenantMode(ctx context.Context, tenantID, modeID string, expectedVersion *int) (tenancy.Tenant, error)
	Tenant(ctx context.Context, id string) (tenancy.Tenant, error)
	TenantsOf(ctx context.Context, userID string) ([]tenancy.TenantRole, error)
	Mode(ctx context.Context, id string) (tenancy.Mode, error)
	Modes(ctx context.Context) ([]tenancy.Mode, error)
	Members(ctx context.Context, tenantID string) ([]tenancy.Membership, error)
	AddMember(ctx context.Context, actorRole tenancy.Role, tenantID, email string, role tenancy.Role) (tenancy.Membership, error)
	RemoveMember(ctx context.Context, actorRole tenancy.Role, tenantID, userID string) error
	CreateProject(ctx context.Context, tenantID, name string) (tenancy.Project, error)
	Project(ctx context.Context, tenantID, id string) (tenancy.Project, error)
	Projects(ctx context.Context, tenantID string, first int, after string, includeArchived bool) (tenancy.Page[tenancy.Project], error)
	RenameProject(ctx context.Context, tenantID, id, name string, expectedVersion int) (tenancy.Project, error)
	ArchiveProject(ctx context.Context, tenantID, id string, expectedVersion int) (tenancy.Project, error)
	CreateSurface(ctx context.Context, tenantID, name string) (tenancy.Surface, error)
	Surfaces(ctx context.Context, tenantID string) ([]tenancy.Surface, error)
	CreateApp(ctx context.Context, tenantID, name string) (tenancy.App, error)
	Apps(ctx context.Context, tenantID string) ([]tenancy.App, error)
}

// TokenIssuer signs access tokens (identity.Tokens).
type TokenIssuer interface {
	Issue(userID string) (string, identity.Claims, error)
}

// Routes answers route lookups from the in-process registry (routing.Registry).
type Routes interface {
	Resolve(kind string, s routing.Scope) (routing.Resolved, bool)
	List(tenantID, env string) []routing.Route
	Subscribe(ctx context.Context, f routing.Filter) <-chan routing.Route
}

// RouteWriter validates and writes routes (routing.Service).
type RouteWriter interface {
	Set(ctx context.Context, r routing.Route, expectedVersion *int, actor string) (routing.Route, error)
	Delete(ctx context.Context, k routing.Key, expectedVersion *int) error
}

// Chat is what the resolvers need of chat.Service.
type Chat interface {
	CreateThread(ctx context.Context, sc chat.Scope, userID, title string) (chat.Thread, error)
	Thread(ctx context.Context, sc chat.Scope, id string) (chat.Thread, error)
	Threads(ctx context.Context, sc chat.Scope, first int) ([]chat.Thread, error)
	Post(ctx context.Context, sc chat.Scope, userID, threadID, text string) (chat.Message, error)
	Messages(ctx context.Context, sc chat.Scope, threadID string, after, first int) ([]chat.Message, error)
	Subscribe(ctx context.Context, sc chat.Scope, threadID string, after *int) (<-chan *chat.Message, error)
	// LastSeq is the highest seq taken in a thread the caller was already shown.
	LastSeq(ctx context.Context, threadID string) (int, error)
}

// ChatSource returns the chat service, connecting it to the bus the chat_bus route names
// on first use. Returns ROUTE_MISSING while no such route exists.
type ChatSource func(ctx context.Context) (Chat, error)

// AccessEvents relays changes to access decisions to every replica: a removed member's
// connections end there, and cached memberships and tenants are dropped.
type AccessEvents interface {
	MemberRemoved(ctx context.Context, tenantID, userID string)
	MemberAdded(ctx context.Context, tenantID, userID string)
	TenantChanged(ctx context.Context, tenantID string)
}

// Config holds the resolvers' dependencies; every field is required.
type Config struct {
	Chat        ChatSource
	Access      AccessEvents
	Tenancy     Tenancy
	Tokens      TokenIssuer
	Guard       *access.Guard
	Routes      Routes
	RouteWriter RouteWriter
}

// Resolver is the root resolver: the dependency-injection point of every resolver.
type Resolver struct {
	chat        ChatSource
	access      AccessEvents
	tenancy     Tenancy
	tokens      TokenIssuer
	routes      Routes
	routeWriter RouteWriter
}

// New returns the gqlgen executable-schema config: resolvers and directives wired to cfg.
func New(cfg Config) graph.Config {
	c := graph.Config{Resolvers: &Resolver{
		tenancy: cfg.Tenancy, tokens: cfg.Tokens, routes: cfg.Routes, routeWriter: cfg.RouteWriter,
		chat: cfg.Chat, access: cfg.Access,
	}}
	c.Directives.Public = cfg.Guard.Public
	c.Directives.Authenticated = cfg.Guard.Authenticated
	c.Directives.Member = cfg.Guard.Member
	c.Directives.SystemAdmin = cfg.Guard.SystemAdmin
	c.Complexity.Query.Projects = func(child int, first *int, _ *string, _ *bool) int {
		n := 20
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + n*child
	}
	return c
}

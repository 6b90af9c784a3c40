// Package resolvers implements the GraphQL API on top of the internal services. Resolvers
// stay thin: they read the RequestContext, call a service and shape the answer. Access
// control happens before them, in the schema's directives.
package resolvers

//go:generate go run -C .. github.com/99designs/gqlgen generate --config gqlgen.yml

import (
	"context"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/serviceaccount"
	"github.com/northstar/northstar/internal/session"
	"github.com/northstar/northstar/internal/tenancy"
)

// Tenancy is what the resolvers need of tenancy.Service. Besides the codes each method
// names, every method returns UNAVAILABLE when the store does not answer in time.
type Tenancy interface {
	// BootstrapSystem creates t_system, the seed modes and the first system admin; it is
	// idempotent. Returns FORBIDDEN (wrong key, nothing written), BAD_USER_INPUT, CONFLICT
	// (the admin email is signed up already).
	BootstrapSystem(ctx context.Context, key, adminEmail, adminPassword string) (tenancy.Tenant, error)
	// User returns a user. Returns NOT_FOUND.
	User(ctx context.Context, id string) (tenancy.User, error)
	// CreateTenant creates a tenant owned by userID. Returns BAD_USER_INPUT,
	// RATE_LIMITED (too many by the user or from the address).
	CreateTenant(ctx context.Context, userID, name, address string) (tenancy.Tenant, error)
	// SetTenantMode changes a tenant's mode. Returns BAD_USER_INPUT (unknown mode),
	// NOT_FOUND, CONFLICT (stale expectedVersion).
	SetTenantMode(ctx context.Context, tenantID, modeID string, expectedVersion *int) (tenancy.Tenant, error)
	// AllTenants pages every tenant, by id or matching search. Returns BAD_USER_INPUT
	// (first out of range, a cursor this API did not issue).
	AllTenants(ctx context.Context, first int, after, search string) (tenancy.Page[tenancy.Tenant], error)
	// Tenant returns a tenant. Returns NOT_FOUND.
	Tenant(ctx context.Context, id string) (tenancy.Tenant, error)
	// TenantsOf lists the tenants userID belongs to, with its role in each.
	TenantsOf(ctx context.Context, userID string) ([]tenancy.TenantRole, error)
	// Mode returns a mode. Returns NOT_FOUND.
	Mode(ctx context.Context, id string) (tenancy.Mode, error)
	// Modes lists every mode.
	Modes(ctx context.Context) ([]tenancy.Mode, error)
	// Members lists a tenant's memberships.
	Members(ctx context.Context, tenantID string) ([]tenancy.Membership, error)
	// Invite offers email role in tenantID on behalf of a member holding actorRole.
	// Returns BAD_USER_INPUT, FORBIDDEN (a non-owner inviting an owner), CONFLICT.
	Invite(ctx context.Context, actorRole tenancy.Role, tenantID, email string, role tenancy.Role) (tenancy.Invitation, error)
	// Invitations lists tenantID's invitations.
	Invitations(ctx context.Context, tenantID string) ([]tenancy.Invitation, error)
	// MyInvitations lists the pending invitations to userID's email.
	MyInvitations(ctx context.Context, userID string) ([]tenancy.Invitation, error)
	// AcceptInvitation and DeclineInvitation answer an invitation to userID's email.
	// Return NOT_FOUND (also for another email's), CONFLICT.
	AcceptInvitation(ctx context.Context, userID, id string) (tenancy.Membership, error)
	DeclineInvitation(ctx context.Context, userID, id string) error
	// RevokeInvitation withdraws tenantID's pending invitation. Returns NOT_FOUND, CONFLICT.
	RevokeInvitation(ctx context.Context, tenantID, id string) error
	// CreateMode, UpdateMode and DeleteMode manage modes. Return BAD_USER_INPUT,
	// NOT_FOUND, CONFLICT (a taken id, a stale version, a mode in use).
	CreateMode(ctx context.Context, id, name, description string) (tenancy.Mode, error)
	UpdateMode(ctx context.Context, id, name, description string, expectedVersion int) (tenancy.Mode, error)
	DeleteMode(ctx context.Context, id string) error
	// UpdateSurface, DeleteSurface, UpdateApp and DeleteApp change tenantID's records.
	// Return BAD_USER_INPUT, NOT_FOUND (also another tenant's), CONFLICT (stale version).
	UpdateSurface(ctx context.Context, tenantID, id, name string, expectedVersion int) (tenancy.Surface, error)
	DeleteSurface(ctx context.Context, tenantID, id string) error
	UpdateApp(ctx context.Context, tenantID, id, name string, expectedVersion int) (tenancy.App, error)
	DeleteApp(ctx context.Context, tenantID, id string) error
	// RemoveMember removes userID from tenantID on behalf of a member holding actorRole.
	// Returns NOT_FOUND (not a member), FORBIDDEN (a non-owner removing an owner),
	// CONFLICT (the last owner).
	RemoveMember(ctx context.Context, actorRole tenancy.Role, tenantID, userID string) error
	// SetMemberRole gives userID role in tenantID on behalf of a member holding actorRole.
	// Returns BAD_USER_INPUT (unknown role), NOT_FOUND (not a member), FORBIDDEN (a
	// non-owner granting or changing OWNER), CONFLICT (stale expectedVersion, the last
	// owner).
	SetMemberRole(ctx context.Context, actorRole tenancy.Role, tenantID, userID string, role tenancy.Role, expectedVersion *int) (tenancy.Membership, error)
	// LeaveTenant removes userID from tenantID at their request. Returns NOT_FOUND,
	// CONFLICT (the last owner).
	LeaveTenant(ctx context.Context, tenantID, userID string) error
	// CreateProject creates a project in tenantID. Returns BAD_USER_INPUT.
	CreateProject(ctx context.Context, tenantID, name string) (tenancy.Project, error)
	// Project returns a project of tenantID. Returns NOT_FOUND, the same for a malformed
	// id and another tenant's project.
	Project(ctx context.Context, tenantID, id string) (tenancy.Project, error)
	// Projects pages a tenant's projects, oldest first. Returns BAD_USER_INPUT (first
	// outside 1..tenancy.MaxPageSize, or an after cursor this API did not issue).
	Projects(ctx context.Context, tenantID string, first int, after string, includeArchived bool) (tenancy.Page[tenancy.Project], error)
	// RenameProject renames a project. Returns BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale
	// expectedVersion).
	RenameProject(ctx context.Context, tenantID, id, name string, expectedVersion int) (tenancy.Project, error)
	// ArchiveProject archives a project. Returns NOT_FOUND, CONFLICT (stale
	// expectedVersion, or archived already).
	ArchiveProject(ctx context.Context, tenantID, id string, expectedVersion int) (tenancy.Project, error)
	// UnarchiveProject restores an archived project. Returns NOT_FOUND, CONFLICT (stale
	// expectedVersion, or not archived).
	UnarchiveProject(ctx context.Context, tenantID, id string, expectedVersion int) (tenancy.Project, error)
	// RenameTenant renames a tenant. Returns BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale
	// expectedVersion).
	RenameTenant(ctx context.Context, tenantID, name string, expectedVersion int) (tenancy.Tenant, error)
	// CreateSurface creates a surface in tenantID. Returns BAD_USER_INPUT.
	CreateSurface(ctx context.Context, tenantID, name string) (tenancy.Surface, error)
	// Surfaces lists tenantID's surfaces and the system-wide ones.
	Surfaces(ctx context.Context, tenantID string) ([]tenancy.Surface, error)
	// Surface returns tenantID's surface id or the system-wide one. Returns NOT_FOUND.
	Surface(ctx context.Context, tenantID, id string) (tenancy.Surface, error)
	// CreateApp creates an app in tenantID. Returns BAD_USER_INPUT.
	CreateApp(ctx context.Context, tenantID, name string) (tenancy.App, error)
	// Apps lists tenantID's apps and the system-wide ones.
	Apps(ctx context.Context, tenantID string) ([]tenancy.App, error)
	// App returns tenantID's app id or the system-wide one. Returns NOT_FOUND.
	App(ctx context.Context, tenantID, id string) (tenancy.App, error)
}

// Sessions signs people in and keeps their sessions (session.Service). Besides the codes
// each method names, every method returns UNAVAILABLE when the store does not answer in
// time.
type Sessions interface {
	// Signup creates a user with a tenant of their own and opens a session. Returns
	// BAD_USER_INPUT, CONFLICT (the email is signed up already), RATE_LIMITED (too many
	// from the address).
	Signup(ctx context.Context, in tenancy.SignupInput, c session.Client) (session.Grant, tenancy.Tenant, error)
	// Login checks an email and password and opens a session. Returns UNAUTHENTICATED,
	// the same for a wrong email and a wrong password; RATE_LIMITED after too many
	// failures for the email or the client address.
	Login(ctx context.Context, email, password string, c session.Client) (session.Grant, error)
	// Refresh rotates a refresh token. Returns UNAUTHENTICATED (malformed, unknown,
	// expired, or reused: a reuse ends the session).
	Refresh(ctx context.Context, refreshToken string) (session.Grant, error)
	// End ends one of userID's sessions. Returns NOT_FOUND (not theirs, or ended).
	End(ctx context.Context, userID, sessionID, reason string) error
	// List returns userID's live sessions, newest first.
	List(ctx context.Context, userID string) ([]session.Session, error)
	// ChangePassword replaces userID's password and ends their other sessions. Returns
	// UNAUTHENTICATED (wrong current password), BAD_USER_INPUT, RATE_LIMITED.
	ChangePassword(ctx context.Context, userID, keep, current, next string, c session.Client) error
}

// ServiceAccounts manages a tenant's service accounts (serviceaccount.Service). Besides
// the codes each method names, every method returns UNAVAILABLE when the store does not
// answer in time.
type ServiceAccounts interface {
	// Create creates an account of tenantID on behalf of actor and returns it with its
	// secret. Returns BAD_USER_INPUT (name, unknown scope), CONFLICT (too many accounts).
	Create(ctx context.Context, tenantID, name string, scopes []string) (serviceaccount.Credentials, error)
	// List returns tenantID's accounts, oldest first.
	List(ctx context.Context, tenantID string) ([]serviceaccount.Account, error)
	// Rotate gives tenantID's account id a new secret. Returns NOT_FOUND (also for
	// another tenant's account).
	Rotate(ctx context.Context, tenantID, id string) (serviceaccount.Credentials, error)
	// Delete deletes tenantID's account id. Returns NOT_FOUND (also for another tenant's
	// account).
	Delete(ctx context.Context, tenantID, id string) error
}

// Routes answers route lookups from the in-process registry (routing.Registry).
type Routes interface {
	Resolve(kind string, s routing.Scope) (routing.Resolved, bool)
	List(tenantID, env string) []routing.Route
	Subscribe(ctx context.Context, f routing.Filter) <-chan routing.Route
}

// RouteWriter validates and writes routes (routing.Service).
type RouteWriter interface {
	Set(ctx context.Context, r routing.Route, expectedVersion *int) (routing.Route, error)
	Delete(ctx context.Context, k routing.Key, expectedVersion *int) error
	// Apply plans (dryRun) or applies a routes file's routes.
	Apply(ctx context.Context, routes []routing.Route, dryRun bool) ([]routing.Change, error)
}

// Chat is what the resolvers need of chat.Service. A thread outside the caller's scope
// (another tenant's, project's or env's) is NOT_FOUND, exactly like one that does not
// exist. Besides the codes each method names, every method returns UNAVAILABLE when a
// store does not answer in time.
type Chat interface {
	// CreateThread creates a thread in sc. Returns CONTEXT_MISSING (no env),
	// BAD_USER_INPUT.
	CreateThread(ctx context.Context, sc chat.Scope, userID, title string) (chat.Thread, error)
	// Thread returns a thread of sc. Returns NOT_FOUND.
	Thread(ctx context.Context, sc chat.Scope, id string) (chat.Thread, error)
	// Threads lists sc's threads, newest first. Returns BAD_USER_INPUT (first outside
	// 1..chat.MaxPage).
	Threads(ctx context.Context, sc chat.Scope, first int) ([]chat.Thread, error)
	// Post stores a message at the thread's next seq and publishes it. Returns
	// BAD_USER_INPUT, NOT_FOUND, UNAVAILABLE (also when the thread stayed too contended).
	Post(ctx context.Context, sc chat.Scope, userID, threadID, text string) (chat.Message, error)
	// Messages pages a thread's history after a seq, oldest first. Returns BAD_USER_INPUT,
	// NOT_FOUND.
	Messages(ctx context.Context, sc chat.Scope, threadID string, after, first int) ([]chat.Message, error)
	// Authorize checks that sc may follow a thread, as Subscribe does. Returns NOT_FOUND.
	Authorize(ctx context.Context, sc chat.Scope, threadID string) error
	// Subscribe streams a thread's messages: stored ones after *after first, when after is
	// set, then live ones, each once and in seq order. Returns NOT_FOUND, BAD_USER_INPUT.
	Subscribe(ctx context.Context, sc chat.Scope, threadID string, after *int) (<-chan *chat.Message, error)
	// LastSeq is the highest seq taken in a thread the caller was already shown.
	LastSeq(ctx context.Context, threadID string) (int, error)
}

// Canvases creates and reads canvases (chat.Canvases). A canvas outside the caller's
// scope is NOT_FOUND, exactly like one that does not exist.
type Canvases interface {
	// Create creates a canvas in sc. Returns CONTEXT_MISSING (no env), BAD_USER_INPUT.
	Create(ctx context.Context, sc chat.Scope, title string) (chat.Canvas, error)
	// Canvas returns a canvas of sc. Returns NOT_FOUND.
	Canvas(ctx context.Context, sc chat.Scope, id string) (chat.Canvas, error)
	// List lists sc's canvases, newest first. Returns BAD_USER_INPUT.
	List(ctx context.Context, sc chat.Scope, first int) ([]chat.Canvas, error)
}

// AuditLog reads tenants' audit logs (audit.Log).
type AuditLog interface {
	// Events pages tenantID's events newest first. Returns BAD_USER_INPUT.
	Events(ctx context.Context, tenantID string, first int, after string, f audit.Filter) ([]audit.Event, bool, error)
}

// ChatSource returns the chat service, connecting it to the bus the chat_bus route names
// on first use. Returns ROUTE_MISSING while no such route exists.
type ChatSource func(ctx context.Context) (Chat, error)

// Config holds the resolvers' dependencies; every field is required.
type Config struct {
	Chat            ChatSource
	Tenancy         Tenancy
	Sessions        Sessions
	ServiceAccounts ServiceAccounts
	Guard           *access.Guard
	Routes          Routes
	RouteWriter     RouteWriter
	Audit           AuditLog
	Canvases        Canvases
}

// Resolver is the root resolver: the dependency-injection point of every resolver.
type Resolver struct {
	chat            ChatSource
	tenancy         Tenancy
	sessions        Sessions
	serviceAccounts ServiceAccounts
	routes          Routes
	routeWriter     RouteWriter
	audit           AuditLog
	canvases        Canvases
}

// New returns the gqlgen executable-schema config: resolvers and directives wired to cfg.
func New(cfg Config) graph.Config {
	c := graph.Config{Resolvers: &Resolver{
		tenancy: cfg.Tenancy, sessions: cfg.Sessions, serviceAccounts: cfg.ServiceAccounts, routes: cfg.Routes, routeWriter: cfg.RouteWriter,
		chat: cfg.Chat, audit: cfg.Audit, canvases: cfg.Canvases,
	}}
	c.Directives.Public = cfg.Guard.Public
	c.Directives.Authenticated = cfg.Guard.Authenticated
	c.Directives.Member = cfg.Guard.Member
	c.Directives.SystemAdmin = cfg.Guard.SystemAdmin
	// A page costs its size times what each item selects.
	c.Complexity.Query.AuditEvents = func(child int, first *int, _, _, _ *string) int { return pageCost(child, first) }
	c.Complexity.Query.Projects = func(child int, first *int, _ *string, _ *bool) int { return pageCost(child, first) }
	c.Complexity.Query.AllTenants = func(child int, first *int, _, _ *string) int { return pageCost(child, first) }
	c.Complexity.Query.Threads = func(child int, first *int) int { return pageCost(child, first) }
	c.Complexity.Query.Canvases = func(child int, first *int) int { return pageCost(child, first) }
	return c
}

// pageCost is the complexity of a page of first items (20 by default) of child each.
func pageCost(child int, first *int) int {
	n := 20
	if first != nil && *first > 0 {
		n = *first
	}
	return 1 + n*child
}

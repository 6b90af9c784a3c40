package tenancy

import (
	"context"
	"time"

	"github.com/northstar/northstar/internal/audit"
)

// AccessEvent records a change to who may access a tenant, or the end of a sign-in
// session. The store writes it together with the change (in the same transaction where
// the change is one), so no replica can miss a revocation: each follows the events
// durably (the Firestore store's WatchAccess) and drops its cached decisions and the
// connections and tokens they allowed.
type AccessEvent struct {
	ID       string `firestore:"-"`
	Kind     string `firestore:"kind"`
	TenantID string `firestore:"tenantId"`
	UserID   string `firestore:"userId"`
	// SessionID names the session a session-ended event ends.
	SessionID string `firestore:"sessionId"`
	// ProjectID names the project a project-changed event changed.
	ProjectID string `firestore:"projectId"`
	// At is when the change committed (the store's clock).
	At time.Time `firestore:"at"`
}

// Access event kinds.
const (
	AccessMemberRemoved = "member-removed"
	AccessMemberAdded   = "member-added"
	AccessTenantChanged = "tenant-changed"
	// AccessMemberChanged: a member's role changed; cached decisions drop and the
	// member's websockets close, to reconnect with the new role.
	AccessMemberChanged = "member-changed"
	// AccessProjectChanged: a project changed (renamed, archived, restored); cached copies
	// drop, so an archived project refuses writes on every replica.
	AccessProjectChanged = "project-changed"
	// AccessSessionEnded: the session's tokens are refused from now on and its
	// websockets close (logout, revocation, refresh-token reuse, a password change).
	AccessSessionEnded = "session-ended"
)

// Store keeps the primitives durably. Writes that touch several records are atomic, and
// every update names the version it read. Every write takes its audit event (audit.New)
// and commits it with the change, completed with the audited fields that changed
// (audit.Diff): both land or neither does. Methods return *apperr.Error values with the
// codes listed; a store that does not answer in time is UNAVAILABLE; anything else is an
// infrastructure failure (INTERNAL).
type Store interface {
	// EnsureSystem creates t_system and the seed modes where missing, and — only while
	// t_system has no OWNER — admin with an OWNER membership. It reports whether admin was
	// created, and records ev when it created anything. Returns CONFLICT if admin's email
	// is already signed up.
	EnsureSystem(ctx context.Context, system Tenant, modes []Mode, admin *User, ev audit.Event) (Tenant, bool, error)

	// CreateUserWithTenant creates user, tenant and owner atomically (signup).
	// Returns CONFLICT if the email is already signed up.
	CreateUserWithTenant(ctx context.Context, user User, tenant Tenant, owner Membership, ev audit.Event) error
	// CreateTenant creates tenant and its owner's membership atomically.
	CreateTenant(ctx context.Context, tenant Tenant, owner Membership, ev audit.Event) error
	// User returns a user by id. Returns NOT_FOUND.
	User(ctx context.Context, id string) (User, error)
	// Tenants pages every tenant after cursor, at most limit: by id, or — with a
	// lower-case search — those whose SearchName starts with it, by SearchName then id.
	Tenants(ctx context.Context, search string, after TenantCursor, limit int) (Page[Tenant], error)
	// UserByEmail returns a user by normalized email. Returns NOT_FOUND.
	UserByEmail(ctx context.Context, email string) (User, error)
	// SetPasswordHash replaces userID's password hash, if the user's version is still
	// expectedVersion. Returns NOT_FOUND, CONFLICT.
	SetPasswordHash(ctx context.Context, userID, hash string, expectedVersion int) error

	// Tenant returns a tenant by id. Returns NOT_FOUND.
	Tenant(ctx context.Context, id string) (Tenant, error)
	// UpdateTenant applies change to the tenant, after checking expectedVersion when it is
	// set, and records an AccessTenantChanged event. Returns NOT_FOUND, CONFLICT,
	// UNAVAILABLE, or change's error.
	UpdateTenant(ctx context.Context, id string, expectedVersion *int, change func(*Tenant) error, ev audit.Event) (Tenant, error)
	// TenantsOf returns the tenants userID belongs to, with the user's role in each.
	TenantsOf(ctx context.Context, userID string) ([]TenantRole, error)

	// Mode returns a mode by id. Returns NOT_FOUND.
	Mode(ctx context.Context, id string) (Mode, error)
	// Modes returns every mode, by id.
	Modes(ctx context.Context) ([]Mode, error)
	// CreateMode stores a new mode. Returns CONFLICT if the id is taken.
	CreateMode(ctx context.Context, m Mode, ev audit.Event) error
	// UpdateMode applies change to mode id after checking expectedVersion. Returns
	// NOT_FOUND, CONFLICT, UNAVAILABLE.
	UpdateMode(ctx context.Context, id string, expectedVersion int, change func(*Mode) error, ev audit.Event) (Mode, error)
	// DeleteMode deletes mode id unless a tenant uses it. Returns NOT_FOUND, CONFLICT.
	DeleteMode(ctx context.Context, id string, ev audit.Event) error

	// Membership returns userID's membership in tenantID. Returns NOT_FOUND.
	Membership(ctx context.Context, tenantID, userID string) (Membership, error)
	// UpdateMembership changes userID's membership of tenantID with change, which sees
	// the membership and the tenant's number of owners (counted up to 2) and may refuse;
	// the version is bumped and an AccessMemberChanged event written, atomically.
	// Returns NOT_FOUND, change's error.
	UpdateMembership(ctx context.Context, tenantID, userID string, change func(m *Membership, owners int) error, ev audit.Event) (Membership, error)
	// DeleteMembership removes userID from tenantID after check approves, atomically with
	// reading the membership and the tenant's owner count and with recording an
	// AccessMemberRemoved event. Returns NOT_FOUND, or check's error.
	DeleteMembership(ctx context.Context, tenantID, userID string, check func(m Membership, owners int) error, ev audit.Event) error
	// Members lists a tenant's memberships.
	Members(ctx context.Context, tenantID string) ([]Membership, error)

	// CreateInvitation stores a pending invitation. Returns NOT_FOUND if the tenant is
	// gone, CONFLICT if an unexpired pending invitation to the same email exists or the
	// tenant has MaxPendingInvitations unexpired ones (as of inv.CreatedAt).
	CreateInvitation(ctx context.Context, inv Invitation, ev audit.Event) error
	// Invitations lists up to limit of a tenant's invitations, as stored.
	Invitations(ctx context.Context, tenantID string, limit int) ([]Invitation, error)
	// InvitationsFor lists up to limit pending invitations to email, as stored.
	InvitationsFor(ctx context.Context, email string, limit int) ([]Invitation, error)
	// UpdateInvitation applies change to invitation id in a transaction with ev (in the
	// invitation's tenant's log when ev names no tenant). Returns NOT_FOUND, change's
	// error.
	UpdateInvitation(ctx context.Context, id string, change func(*Invitation) error, ev audit.Event) (Invitation, error)
	// AcceptInvitation applies accept to invitation id and creates the membership it
	// returns, with an AccessMemberAdded event and ev (in the invitation's tenant's log),
	// atomically. Returns NOT_FOUND, CONFLICT (the user is already a member), accept's
	// error.
	AcceptInvitation(ctx context.Context, id string, accept func(*Invitation) (Membership, error), ev audit.Event) (Membership, error)

	// CreateProject stores a new project of a tenant the caller has checked exists (tenants
	// are never deleted). Returns CONFLICT for a taken id.
	CreateProject(ctx context.Context, p Project, ev audit.Event) error
	// Project returns a project of tenantID. Returns NOT_FOUND (also for another tenant's).
	Project(ctx context.Context, tenantID, id string) (Project, error)
	// Projects pages a tenant's projects by id, starting after the id after.
	Projects(ctx context.Context, tenantID, after string, limit int, includeArchived bool) (Page[Project], error)
	// UpdateProject applies change after checking expectedVersion. Returns NOT_FOUND,
	// CONFLICT, UNAVAILABLE, or change's error.
	UpdateProject(ctx context.Context, tenantID, id string, expectedVersion int, change func(*Project) error, ev audit.Event) (Project, error)

	// CreateSurface stores a new surface, as CreateProject a project.
	CreateSurface(ctx context.Context, s Surface, ev audit.Event) error
	// Surfaces lists the surfaces of the given tenants.
	Surfaces(ctx context.Context, tenantIDs ...string) ([]Surface, error)
	// Surface and App return the record id of the first of tenantIDs that has one, in
	// one round trip. Return NOT_FOUND.
	Surface(ctx context.Context, id string, tenantIDs ...string) (Surface, error)
	App(ctx context.Context, id string, tenantIDs ...string) (App, error)
	// CreateApp stores a new app, as CreateProject a project.
	CreateApp(ctx context.Context, a App, ev audit.Event) error
	// Apps lists the apps of the given tenants.
	Apps(ctx context.Context, tenantIDs ...string) ([]App, error)
	// UpdateSurface and UpdateApp apply change to tenantID's record id after checking
	// expectedVersion. Return NOT_FOUND (also another tenant's), CONFLICT, UNAVAILABLE.
	UpdateSurface(ctx context.Context, tenantID, id string, expectedVersion int, change func(*Surface) error, ev audit.Event) (Surface, error)
	UpdateApp(ctx context.Context, tenantID, id string, expectedVersion int, change func(*App) error, ev audit.Event) (App, error)
	// DeleteSurface and DeleteApp delete tenantID's record id. Return NOT_FOUND.
	DeleteSurface(ctx context.Context, tenantID, id string, ev audit.Event) error
	DeleteApp(ctx context.Context, tenantID, id string, ev audit.Event) error
}

// Package tenancy holds Northstar's control-plane primitives — tenants, modes, users,
// memberships, projects, surfaces and apps — and the service that applies their rules.
// Storage is behind the Store interface; internal/firestore implements it.
package tenancy

import (
	"encoding/base64"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
)

// Role is a member's role in a tenant, from most to least privileged.
type Role string

// The roles, from most to least privileged.
const (
	RoleOwner  Role = "OWNER"
	RoleAdmin  Role = "ADMIN"
	RoleMember Role = "MEMBER"
	RoleViewer Role = "VIEWER"
)

var roleRank = map[Role]int{RoleOwner: 4, RoleAdmin: 3, RoleMember: 2, RoleViewer: 1}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool { return roleRank[r] > 0 }

// AtLeast reports whether r grants everything min grants. An invalid role grants nothing.
func (r Role) AtLeast(min Role) bool { return r.Valid() && roleRank[r] >= roleRank[min] }

// UnmarshalGQL implements graphql.Unmarshaler.
func (r *Role) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !Role(s).Valid() {
		return apperr.E(apperr.BadUserInput, "role must be one of OWNER, ADMIN, MEMBER, VIEWER")
	}
	*r = Role(s)
	return nil
}

// MarshalGQL implements graphql.Marshaler.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// Meta is the bookkeeping every record carries. Version starts at 1 and grows by one with
// each write; an update names the version it read. Fields tagged audit:"name" are the
// ones the audit log shows moving (audit.Diff); secrets are never tagged.
type Meta struct {
	CreatedAt time.Time `firestore:"createdAt"`
	UpdatedAt time.Time `firestore:"updatedAt"`
	Version   int       `firestore:"version"`
}

// Bookkeeping returns the Meta of the record that embeds it, for code generic over
// records (the store's versioned updates).
func (m *Meta) Bookkeeping() *Meta { return m }

// Tenant is an isolated customer space. Only t_system is hardcoded.
type Tenant struct {
	ID     string `firestore:"-"`
	Name   string `firestore:"name" audit:"name"`
	ModeID string `firestore:"mode" audit:"mode"`
	// SearchName is Name in lower case: allTenants searches it by prefix.
	SearchName string `firestore:"searchName"`
	Meta
}

// named returns t with name, and the search key that goes with it.
func (t Tenant) named(name string) Tenant {
	t.Name, t.SearchName = name, strings.ToLower(name)
	return t
}

// Mode is tenant metadata (enterprise, saas, lab): data owned by t_system.
type Mode struct {
	ID          string `firestore:"-"`
	Name        string `firestore:"name" audit:"name"`
	Description string `firestore:"description" audit:"description"`
	OwnerTenant string `firestore:"ownerTenantId"`
	Meta
}

// DefaultMode is the mode of a tenant created without one.
const DefaultMode = "saas"

// SeedModes are the modes bootstrap creates.
func SeedModes() []Mode {
	return []Mode{
		{ID: "enterprise", Name: "Enterprise", Description: "Dedicated, contract-managed tenant."},
		{ID: "saas", Name: "SaaS", Description: "Self-service tenant on shared infrastructure."},
		{ID: "lab", Name: "Lab", Description: "Experimental tenant for trials and internal work."},
	}
}

// User is a person who signs in. PasswordHash is an argon2id PHC string and never leaves
// the service.
type User struct {
	ID           string `firestore:"-"`
	Email        string `firestore:"email" audit:"email"`
	PasswordHash string `firestore:"passwordHash"`
	Meta
}

// Membership gives a user a role in a tenant.
type Membership struct {
	TenantID string `firestore:"tenantId"`
	UserID   string `firestore:"userId" audit:"userId"`
	Role     Role   `firestore:"role" audit:"role"`
	Meta
}

// Project is a tenant's unit of work; threads and project-scoped routes hang off it.
type Project struct {
	ID         string     `firestore:"-"`
	TenantID   string     `firestore:"tenantId"`
	Name       string     `firestore:"name" audit:"name"`
	Archived   bool       `firestore:"archived" audit:"archived"`
	ArchivedAt *time.Time `firestore:"archivedAt"`
	Meta
}

// Surface is a place the platform is used from (a site, a console). System-wide surfaces
// belong to t_system.
type Surface struct {
	ID       string `firestore:"-"`
	TenantID string `firestore:"tenantId"`
	Name     string `firestore:"name" audit:"name"`
	Meta
}

// App is an application registered with the platform. System-wide apps belong to t_system.
type App struct {
	ID       string `firestore:"-"`
	TenantID string `firestore:"tenantId"`
	Name     string `firestore:"name" audit:"name"`
	Meta
}

// TenantRole is a tenant seen by one of its members.
type TenantRole struct {
	Tenant Tenant
	Role   Role
}

// Page is one page of a list ordered by id.
type Page[T any] struct {
	Items   []T
	HasNext bool
}

// CheckVersion returns CONFLICT when expected is set and differs from current, naming
// the record (what) in its message: the rule of every versioned update.
func CheckVersion(what string, expected *int, current int) error {
	if expected != nil && *expected != current {
		return apperr.E(apperr.Conflict, "version %d is stale: %s is at version %d", *expected, what, current)
	}
	return nil
}

// TenantCursor is where a page of allTenants resumes: after this tenant id (and, in a
// search, this search name).
type TenantCursor struct{ SearchName, ID string }

// String encodes the cursor for clients: opaque, URL-safe.
func (c TenantCursor) String() string {
	if c.SearchName == "" {
		return c.ID
	}
	return base64.RawURLEncoding.EncodeToString([]byte(c.SearchName)) + "." + c.ID
}

// ParseTenantCursor reads a cursor String wrote.
func ParseTenantCursor(s string) (TenantCursor, bool) {
	name, id, searched := strings.Cut(s, ".")
	if !searched {
		return TenantCursor{ID: s}, ids.ValidFor(ids.Tenant, s)
	}
	raw, err := base64.RawURLEncoding.DecodeString(name)
	if err != nil || len(raw) == 0 || !ids.ValidFor(ids.Tenant, id) {
		return TenantCursor{}, false
	}
	return TenantCursor{SearchName: string(raw), ID: id}, true
}

package tenancy

import (
	"context"
	"crypto/subtle"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
)

// Passwords hashes and checks passwords (identity.PasswordHasher).
type Passwords interface {
	Hash(password string) (string, error)
	Verify(encoded, password string) (bool, error)
	VerifyDummy(password string)
}

// Config holds the Service's dependencies.
type Config struct {
	// Store keeps the records. Required.
	Store Store
	// Passwords hashes passwords. Required.
	Passwords Passwords
	// BootstrapKey is the system bootstrap secret. Empty: BootstrapSystem always fails.
	BootstrapKey string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Events hears of every committed change to who may access a tenant. Nil for a
	// process that serves no requests (the bootstrap command).
	Events Events
	// Limits rate-limits logins and creations. Nil for a process that serves no
	// requests (the bootstrap command, routes apply).
	Limits Limits
}

// Limits rate-limits sign-in and creation (ratelimit.Policy). Each method returns
// RATE_LIMITED, with the time to wait, when a limit is reached.
type Limits interface {
	// Login refuses while email or address has too many recent failures; otherwise the
	// caller reports the attempt's outcome to done.
	Login(ctx context.Context, email, address string) (done func(ok bool), err error)
	// Create counts one creation (a signup, or a tenant created by userID) against
	// address and, when set, userID.
	Create(ctx context.Context, userID, address string) error
}

// Events applies committed changes to access on this process at once: the server drops
// its cached decisions and ends a removed member's connections. The store also writes
// each change to the durable access log, which every replica follows; Events only spares
// this one the wait. The Service calls it, not its callers, so no access-changing
// operation can forget it.
type Events interface {
	AccessChanged(ctx context.Context, e AccessEvent)
}

// Service applies the tenancy rules on top of a Store. Who may call what is decided by
// the access directives; the Service decides what a call may do.
type Service struct {
	store     Store
	passwords Passwords
	key       string
	now       func() time.Time
	events    Events
	limits    Limits
}

// NewService returns a Service.
func NewService(cfg Config) *Service {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Service{store: cfg.Store, passwords: cfg.Passwords, key: cfg.BootstrapKey, now: now, events: cfg.Events, limits: cfg.Limits}
}

// accessChanged tells Events of a committed change.
func (s *Service) accessChanged(ctx context.Context, kind, tenantID, userID string) {
	if s.events != nil {
		s.events.AccessChanged(ctx, AccessEvent{Kind: kind, TenantID: tenantID, UserID: userID, At: s.now().UTC()})
	}
}

// Input limits.
const (
	MaxNameLength     = 100
	MinPasswordLength = 8
	MaxPasswordLength = 128
	maxEmailLength    = 254
)

// event is the audit event of action on a target of tenantID, by whoever acts in ctx.
func (s *Service) event(ctx context.Context, tenantID, action, targetType, targetID string) audit.Event {
	return audit.New(ctx, s.now(), tenantID, action, targetType, targetID)
}

func (s *Service) meta() Meta {
	now := s.now().UTC()
	return Meta{CreatedAt: now, UpdatedAt: now, Version: 1}
}

// BootstrapSystem creates t_system, the seed modes and, while t_system has no owner, the
// first system admin. It is idempotent. Returns FORBIDDEN for a wrong key (writing
// nothing), BAD_USER_INPUT for a bad admin email or password, CONFLICT if the admin email
// is already signed up.
func (s *Service) BootstrapSystem(ctx context.Context, key, adminEmail, adminPassword string) (Tenant, error) {
	if s.key == "" || subtle.ConstantTimeCompare([]byte(key), []byte(s.key)) != 1 {
		return Tenant{}, apperr.E(apperr.Forbidden, "wrong bootstrap key")
	}
	var admin *User
	if adminEmail != "" || adminPassword != "" {
		email, err := NormalizeEmail(adminEmail)
		if err != nil {
			return Tenant{}, err
		}
		if err := checkPassword(adminPassword); err != nil {
			return Tenant{}, err
		}
		hash, err := s.passwords.Hash(adminPassword)
		if err != nil {
			return Tenant{}, err
		}
		admin = &User{ID: ids.New(ids.User), Email: email, PasswordHash: hash, Meta: s.meta()}
	}
	modes := SeedModes()
	for i := range modes {
		modes[i].OwnerTenant = ids.System
		modes[i].Meta = s.meta()
	}
	system := Tenant{ID: ids.System, ModeID: "enterprise", Meta: s.meta()}.named("System")
	ctx = audit.ActingAs(ctx, audit.Actor{Kind: audit.System, ID: "bootstrap"})
	t, _, err := s.store.EnsureSystem(ctx, system, modes, admin, s.event(ctx, ids.System, "system.bootstrap", "tenant", ids.System))
	return t, err
}

// SignupInput is what Signup creates an account from.
type SignupInput struct {
	Email, Password, TenantName string
	// Address is the client's address, for the rate limits.
	Address string
}

// Signup creates a user, a tenant of theirs and their OWNER membership. Returns
// BAD_USER_INPUT for a malformed email, password or name, CONFLICT for an email already
// signed up, RATE_LIMITED when the client address created too much recently.
func (s *Service) Signup(ctx context.Context, in SignupInput) (User, Tenant, error) {
	email, err := NormalizeEmail(in.Email)
	if err != nil {
		return User{}, Tenant{}, err
	}
	if err := checkPassword(in.Password); err != nil {
		return User{}, Tenant{}, err
	}
	name, err := CleanName("tenant name", in.TenantName)
	if err != nil {
		return User{}, Tenant{}, err
	}
	if s.limits != nil {
		if err := s.limits.Create(ctx, "", in.Address); err != nil {
			return User{}, Tenant{}, err
		}
	}
	hash, err := s.passwords.Hash(in.Password)
	if err != nil {
		return User{}, Tenant{}, err
	}
	u := User{ID: ids.New(ids.User), Email: email, PasswordHash: hash, Meta: s.meta()}
	t := Tenant{ID: ids.New(ids.Tenant), ModeID: DefaultMode, Meta: s.meta()}.named(name)
	m := Membership{TenantID: t.ID, UserID: u.ID, Role: RoleOwner, Meta: s.meta()}
	// The new user is who acts: the request had nobody signed in.
	ctx = audit.ActingAs(ctx, audit.Actor{Kind: audit.User, ID: u.ID, Label: u.Email})
	if err := s.store.CreateUserWithTenant(ctx, u, t, m, s.event(ctx, t.ID, "tenant.create", "tenant", t.ID)); err != nil {
		return User{}, Tenant{}, err
	}
	return u, t, nil
}

// errBadCredentials is the one answer to a wrong email or a wrong password.
var errBadCredentials = apperr.E(apperr.Unauthenticated, "wrong email or password")

// Login checks an email and password from a client address. A wrong email and a wrong
// password both return the same UNAUTHENTICATED error and take the same time. After too
// many failures for the email or the address it returns RATE_LIMITED, even for the right
// password, until the window passes.
func (s *Service) Login(ctx context.Context, email, password, address string) (User, error) {
	normalized, emailErr := NormalizeEmail(email)
	if emailErr != nil {
		normalized = strings.ToLower(strings.TrimSpace(email))
	}
	done := func(bool) {}
	if s.limits != nil {
		var err error
		if done, err = s.limits.Login(ctx, normalized, address); err != nil {
			return User{}, err
		}
	}
	u, err := s.login(ctx, normalized, emailErr == nil, password)
	if err == nil || apperr.Is(err, apperr.Unauthenticated) {
		done(err == nil)
	}
	return u, err
}

// login checks the password of the normalized email (valid reports whether it is a
// well-formed one).
func (s *Service) login(ctx context.Context, email string, valid bool, password string) (User, error) {
	if !valid || len(password) > MaxPasswordLength {
		s.passwords.VerifyDummy(password)
		return User{}, errBadCredentials
	}
	u, err := s.store.UserByEmail(ctx, email)
	if apperr.Is(err, apperr.NotFound) {
		s.passwords.VerifyDummy(password)
		return User{}, errBadCredentials
	}
	if err != nil {
		return User{}, err
	}
	ok, err := s.passwords.Verify(u.PasswordHash, password)
	if err != nil {
		return User{}, err
	}
	if !ok {
		return User{}, errBadCredentials
	}
	return u, nil
}

// ChangePassword replaces userID's password after checking the current one. A wrong
// current password counts as a failed login for the user's email and the client
// address (so a stolen token cannot be used to guess it), with the same limits. Returns
// UNAUTHENTICATED (wrong current password), BAD_USER_INPUT (the new one breaks the
// rules), RATE_LIMITED, NOT_FOUND, CONFLICT (changed meanwhile).
func (s *Service) ChangePassword(ctx context.Context, userID, current, next, address string) error {
	u, err := s.store.User(ctx, userID)
	if err != nil {
		return err
	}
	if err := checkPassword(next); err != nil {
		return err
	}
	done := func(bool) {}
	if s.limits != nil {
		if done, err = s.limits.Login(ctx, u.Email, address); err != nil {
			return err
		}
	}
	ok, err := s.passwords.Verify(u.PasswordHash, current)
	if err != nil {
		return err
	}
	done(ok)
	if !ok {
		return apperr.E(apperr.Unauthenticated, "the current password is wrong")
	}
	hash, err := s.passwords.Hash(next)
	if err != nil {
		return err
	}
	return s.store.SetPasswordHash(ctx, userID, hash, u.Version)
}

// CreateTenant creates a tenant in the default mode owned by userID. Returns
// BAD_USER_INPUT for an invalid name, RATE_LIMITED when the user or the client address
// created too much recently.
func (s *Service) CreateTenant(ctx context.Context, userID, name, address string) (Tenant, error) {
	name, err := CleanName("tenant name", name)
	if err != nil {
		return Tenant{}, err
	}
	if s.limits != nil {
		if err := s.limits.Create(ctx, userID, address); err != nil {
			return Tenant{}, err
		}
	}
	t := Tenant{ID: ids.New(ids.Tenant), ModeID: DefaultMode, Meta: s.meta()}.named(name)
	m := Membership{TenantID: t.ID, UserID: userID, Role: RoleOwner, Meta: s.meta()}
	if err := s.store.CreateTenant(ctx, t, m, s.event(ctx, t.ID, "tenant.create", "tenant", t.ID)); err != nil {
		return Tenant{}, err
	}
	return t, nil
}

// SetTenantMode changes a tenant's mode. Returns BAD_USER_INPUT for an unknown mode,
// NOT_FOUND for an unknown tenant, CONFLICT for a stale expectedVersion.
func (s *Service) SetTenantMode(ctx context.Context, tenantID, modeID string, expectedVersion *int) (Tenant, error) {
	if !ids.Valid(tenantID) {
		return Tenant{}, apperr.E(apperr.BadUserInput, "malformed tenant id")
	}
	if _, err := s.Mode(ctx, modeID); err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return Tenant{}, apperr.E(apperr.BadUserInput, "unknown mode %q", modeID)
		}
		return Tenant{}, err
	}
	now := s.now().UTC()
	t, err := s.store.UpdateTenant(ctx, tenantID, expectedVersion, func(t *Tenant) error {
		t.ModeID = modeID
		t.UpdatedAt = now
		return nil
	}, s.event(ctx, tenantID, "tenant.setMode", "tenant", tenantID))
	if err == nil {
		s.accessChanged(ctx, AccessTenantChanged, tenantID, "")
	}
	return t, err
}

// RenameTenant renames a tenant; expectedVersion must be its version. Returns
// BAD_USER_INPUT (a bad name), NOT_FOUND, CONFLICT (stale version).
func (s *Service) RenameTenant(ctx context.Context, tenantID, name string, expectedVersion int) (Tenant, error) {
	name, err := CleanName("tenant name", name)
	if err != nil {
		return Tenant{}, err
	}
	if !ids.ValidFor(ids.Tenant, tenantID) {
		return Tenant{}, apperr.E(apperr.NotFound, "no such tenant")
	}
	now := s.now().UTC()
	t, err := s.store.UpdateTenant(ctx, tenantID, &expectedVersion, func(t *Tenant) error {
		*t = t.named(name)
		t.UpdatedAt = now
		return nil
	}, s.event(ctx, tenantID, "tenant.update", "tenant", tenantID))
	if err == nil {
		s.accessChanged(ctx, AccessTenantChanged, tenantID, "")
	}
	return t, err
}

// AllTenants pages every tenant: by id, or — with search — those whose id is search or
// whose name starts with it (any case), by name. Returns BAD_USER_INPUT (first outside
// 1..MaxPageSize, a cursor this API did not issue).
func (s *Service) AllTenants(ctx context.Context, first int, after, search string) (Page[Tenant], error) {
	if first < 1 || first > MaxPageSize {
		return Page[Tenant]{}, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPageSize)
	}
	search = strings.ToLower(strings.TrimSpace(search))
	if ids.ValidFor(ids.Tenant, search) {
		t, err := s.store.Tenant(ctx, search)
		if apperr.Is(err, apperr.NotFound) || (err == nil && after != "") {
			return Page[Tenant]{}, nil
		}
		return Page[Tenant]{Items: []Tenant{t}}, err
	}
	var cur TenantCursor
	if after != "" {
		var ok bool
		if cur, ok = ParseTenantCursor(after); !ok || (cur.SearchName != "") != (search != "") {
			return Page[Tenant]{}, apperr.E(apperr.BadUserInput, "after is not a valid cursor")
		}
	}
	return s.store.Tenants(ctx, search, cur, first)
}

// Tenant returns a tenant. Returns NOT_FOUND.
func (s *Service) Tenant(ctx context.Context, id string) (Tenant, error) {
	return s.store.Tenant(ctx, id)
}

// TenantsOf returns the tenants a user belongs to, with the user's role in each.
func (s *Service) TenantsOf(ctx context.Context, userID string) ([]TenantRole, error) {
	return s.store.TenantsOf(ctx, userID)
}

// User returns a user. Returns NOT_FOUND.
func (s *Service) User(ctx context.Context, id string) (User, error) { return s.store.User(ctx, id) }

// Mode returns a mode. Returns NOT_FOUND.
func (s *Service) Mode(ctx context.Context, id string) (Mode, error) {
	if !validModeID(id) {
		return Mode{}, apperr.E(apperr.NotFound, "no such mode")
	}
	return s.store.Mode(ctx, id)
}

// Modes returns every mode.
func (s *Service) Modes(ctx context.Context) ([]Mode, error) { return s.store.Modes(ctx) }

// Membership returns a user's membership in a tenant. Returns NOT_FOUND.
func (s *Service) Membership(ctx context.Context, tenantID, userID string) (Membership, error) {
	return s.store.Membership(ctx, tenantID, userID)
}

// Members lists a tenant's memberships.
func (s *Service) Members(ctx context.Context, tenantID string) ([]Membership, error) {
	return s.store.Members(ctx, tenantID)
}

// RemoveMember removes userID from tenantID on behalf of a member holding actorRole.
// Returns NOT_FOUND (not a member), FORBIDDEN (a non-owner removing an owner), CONFLICT
// (the last owner).
func (s *Service) RemoveMember(ctx context.Context, actorRole Role, tenantID, userID string) error {
	if !ids.ValidFor(ids.User, userID) {
		return apperr.E(apperr.NotFound, "no such member")
	}
	err := s.store.DeleteMembership(ctx, tenantID, userID, func(m Membership, owners int) error {
		if m.Role != RoleOwner {
			return nil
		}
		if actorRole != RoleOwner {
			return apperr.E(apperr.Forbidden, "only an owner can remove an owner")
		}
		if owners <= 1 {
			return apperr.E(apperr.Conflict, "the last owner cannot be removed")
		}
		return nil
	}, s.event(ctx, tenantID, "member.remove", "user", userID))
	if err == nil {
		s.accessChanged(ctx, AccessMemberRemoved, tenantID, userID)
	}
	return err
}

// SetMemberRole gives userID role in tenantID on behalf of a member holding actorRole.
// expectedVersion, when given, must be the membership's version. Only an OWNER grants
// OWNER or changes an OWNER's role; the last OWNER keeps the role. The member's cached
// decisions drop and their websockets close on every replica. Returns BAD_USER_INPUT
// (unknown role), NOT_FOUND (not a member), FORBIDDEN, CONFLICT (stale version, the last
// owner).
func (s *Service) SetMemberRole(ctx context.Context, actorRole Role, tenantID, userID string, role Role, expectedVersion *int) (Membership, error) {
	if !role.Valid() {
		return Membership{}, apperr.E(apperr.BadUserInput, "unknown role")
	}
	if !ids.ValidFor(ids.User, userID) {
		return Membership{}, apperr.E(apperr.NotFound, "no such member")
	}
	m, err := s.store.UpdateMembership(ctx, tenantID, userID, func(m *Membership, owners int) error {
		if err := CheckVersion("the membership", expectedVersion, m.Version); err != nil {
			return err
		}
		if (role == RoleOwner || m.Role == RoleOwner) && actorRole != RoleOwner {
			return apperr.E(apperr.Forbidden, "only an owner can grant or change the owner role")
		}
		if m.Role == RoleOwner && role != RoleOwner && owners <= 1 {
			return apperr.E(apperr.Conflict, "the last owner keeps the owner role: make another member an owner first")
		}
		m.Role = role
		return nil
	}, s.event(ctx, tenantID, "member.setRole", "user", userID))
	if err != nil {
		return Membership{}, err
	}
	s.accessChanged(ctx, AccessMemberChanged, tenantID, userID)
	return m, nil
}

// LeaveTenant removes userID from tenantID at their own request. Returns NOT_FOUND (not
// a member), CONFLICT (the last owner).
func (s *Service) LeaveTenant(ctx context.Context, tenantID, userID string) error {
	err := s.store.DeleteMembership(ctx, tenantID, userID, func(m Membership, owners int) error {
		if m.Role == RoleOwner && owners <= 1 {
			return apperr.E(apperr.Conflict, "the last owner cannot leave: make another member an owner first")
		}
		return nil
	}, s.event(ctx, tenantID, "member.leave", "user", userID))
	if err == nil {
		s.accessChanged(ctx, AccessMemberRemoved, tenantID, userID)
	}
	return err
}

// CreateProject creates a project in tenantID. Returns BAD_USER_INPUT for a bad name.
func (s *Service) CreateProject(ctx context.Context, tenantID, name string) (Project, error) {
	name, err := CleanName("project name", name)
	if err != nil {
		return Project{}, err
	}
	p := Project{ID: ids.New(ids.Project), TenantID: tenantID, Name: name, Meta: s.meta()}
	if err := s.store.CreateProject(ctx, p, s.event(ctx, tenantID, "project.create", "project", p.ID)); err != nil {
		return Project{}, err
	}
	return p, nil
}

// Project returns a project of tenantID. Returns NOT_FOUND, also for a malformed id and
// for another tenant's project.
func (s *Service) Project(ctx context.Context, tenantID, id string) (Project, error) {
	if !ids.ValidFor(ids.Project, id) {
		return Project{}, apperr.E(apperr.NotFound, "no such project")
	}
	return s.store.Project(ctx, tenantID, id)
}

// MaxPageSize bounds every list argument named first.
const MaxPageSize = 100

// Projects pages a tenant's projects, oldest first. Returns BAD_USER_INPUT when first is
// outside 1..MaxPageSize or after is not a cursor this API issued.
func (s *Service) Projects(ctx context.Context, tenantID string, first int, after string, includeArchived bool) (Page[Project], error) {
	if first < 1 || first > MaxPageSize {
		return Page[Project]{}, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPageSize)
	}
	if after != "" && !ids.ValidFor(ids.Project, after) {
		return Page[Project]{}, apperr.E(apperr.BadUserInput, "after is not a valid cursor")
	}
	return s.store.Projects(ctx, tenantID, after, first, includeArchived)
}

// RenameProject renames a project. Returns BAD_USER_INPUT, NOT_FOUND, CONFLICT.
func (s *Service) RenameProject(ctx context.Context, tenantID, id, name string, expectedVersion int) (Project, error) {
	name, err := CleanName("project name", name)
	if err != nil {
		return Project{}, err
	}
	if !ids.ValidFor(ids.Project, id) {
		return Project{}, apperr.E(apperr.NotFound, "no such project")
	}
	now := s.now().UTC()
	return s.store.UpdateProject(ctx, tenantID, id, expectedVersion, func(p *Project) error {
		p.Name = name
		p.UpdatedAt = now
		return nil
	}, s.event(ctx, tenantID, "project.update", "project", id))
}

// ArchiveProject archives a project; archiving an archived project is CONFLICT.
// Returns NOT_FOUND, CONFLICT.
func (s *Service) ArchiveProject(ctx context.Context, tenantID, id string, expectedVersion int) (Project, error) {
	if !ids.ValidFor(ids.Project, id) {
		return Project{}, apperr.E(apperr.NotFound, "no such project")
	}
	now := s.now().UTC()
	return s.store.UpdateProject(ctx, tenantID, id, expectedVersion, func(p *Project) error {
		if p.Archived {
			return apperr.E(apperr.Conflict, "project is already archived")
		}
		p.Archived = true
		p.ArchivedAt = &now
		p.UpdatedAt = now
		return nil
	}, s.event(ctx, tenantID, "project.archive", "project", id))
}

// UnarchiveProject restores an archived project; restoring one that is not archived is
// CONFLICT. Returns NOT_FOUND, CONFLICT.
func (s *Service) UnarchiveProject(ctx context.Context, tenantID, id string, expectedVersion int) (Project, error) {
	if !ids.ValidFor(ids.Project, id) {
		return Project{}, apperr.E(apperr.NotFound, "no such project")
	}
	now := s.now().UTC()
	return s.store.UpdateProject(ctx, tenantID, id, expectedVersion, func(p *Project) error {
		if !p.Archived {
			return apperr.E(apperr.Conflict, "project is not archived")
		}
		p.Archived = false
		p.ArchivedAt = nil
		p.UpdatedAt = now
		return nil
	}, s.event(ctx, tenantID, "project.unarchive", "project", id))
}

// CreateSurface creates a surface in tenantID. Returns BAD_USER_INPUT for a bad name.
func (s *Service) CreateSurface(ctx context.Context, tenantID, name string) (Surface, error) {
	name, err := CleanName("surface name", name)
	if err != nil {
		return Surface{}, err
	}
	v := Surface{ID: ids.New(ids.Surface), TenantID: tenantID, Name: name, Meta: s.meta()}
	return v, s.store.CreateSurface(ctx, v, s.event(ctx, tenantID, "surface.create", "surface", v.ID))
}

// Surfaces lists tenantID's surfaces and the system-wide ones.
func (s *Service) Surfaces(ctx context.Context, tenantID string) ([]Surface, error) {
	return s.store.Surfaces(ctx, withSystem(tenantID)...)
}

// Surface returns tenantID's surface id, or the system-wide one. Returns NOT_FOUND, also
// for a malformed id and for another tenant's surface.
func (s *Service) Surface(ctx context.Context, tenantID, id string) (Surface, error) {
	if !ids.ValidFor(ids.Surface, id) {
		return Surface{}, apperr.E(apperr.NotFound, "no such surface")
	}
	return s.store.Surface(ctx, id, withSystem(tenantID)...)
}

// CreateApp creates an app in tenantID. Returns BAD_USER_INPUT for a bad name.
func (s *Service) CreateApp(ctx context.Context, tenantID, name string) (App, error) {
	name, err := CleanName("app name", name)
	if err != nil {
		return App{}, err
	}
	v := App{ID: ids.New(ids.App), TenantID: tenantID, Name: name, Meta: s.meta()}
	return v, s.store.CreateApp(ctx, v, s.event(ctx, tenantID, "app.create", "app", v.ID))
}

// Apps lists tenantID's apps and the system-wide ones.
func (s *Service) Apps(ctx context.Context, tenantID string) ([]App, error) {
	return s.store.Apps(ctx, withSystem(tenantID)...)
}

// App returns tenantID's app id, or the system-wide one. Returns NOT_FOUND, also for a
// malformed id and for another tenant's app.
func (s *Service) App(ctx context.Context, tenantID, id string) (App, error) {
	if !ids.ValidFor(ids.App, id) {
		return App{}, apperr.E(apperr.NotFound, "no such app")
	}
	return s.store.App(ctx, id, withSystem(tenantID)...)
}

func withSystem(tenantID string) []string {
	if tenantID == ids.System {
		return []string{ids.System}
	}
	return []string{tenantID, ids.System}
}

// NormalizeEmail trims and lower-cases an email and checks its form.
// Returns BAD_USER_INPUT.
func NormalizeEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e || len(e) > maxEmailLength || !strings.Contains(e, "@") {
		return "", apperr.E(apperr.BadUserInput, "email is not a valid address")
	}
	return e, nil
}

func checkPassword(p string) error {
	n := utf8.RuneCountInString(p)
	if n < MinPasswordLength || len(p) > MaxPasswordLength {
		return apperr.E(apperr.BadUserInput, "password must be %d to %d characters", MinPasswordLength, MaxPasswordLength)
	}
	return nil
}

// CleanName trims a display name and checks it: 1–MaxNameLength characters, valid UTF-8,
// no control characters. what names the field in the error. Returns BAD_USER_INPUT.
func CleanName(what, name string) (string, error) {
	n := strings.TrimSpace(name)
	if n == "" || utf8.RuneCountInString(n) > MaxNameLength || !utf8.ValidString(n) {
		return "", apperr.E(apperr.BadUserInput, "%s must be 1 to %d characters", what, MaxNameLength)
	}
	for _, r := range n {
		if unicode.IsControl(r) {
			return "", apperr.E(apperr.BadUserInput, "%s must not contain control characters", what)
		}
	}
	return n, nil
}

func validModeID(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

package routing

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/secrets"
	"github.com/northstar/northstar/internal/tenancy"
)

// Store keeps routes durably (internal/firestore implements it).
type Store interface {
	// GetRoute returns one route. Returns NOT_FOUND.
	GetRoute(ctx context.Context, k Key) (Route, error)
	// PutRoute creates r when expectedVersion is nil, or replaces it when the stored
	// version equals *expectedVersion. Returns CONFLICT (exists, or stale version) and
	// NOT_FOUND (replacing a route that does not exist).
	// ev, completed with the fields that changed, commits with the route.
	PutRoute(ctx context.Context, r Route, expectedVersion *int, ev audit.Event) (Route, error)
	// DeleteRoute removes a route, checking expectedVersion when set, and records ev with
	// it. Returns NOT_FOUND, CONFLICT.
	DeleteRoute(ctx context.Context, k Key, expectedVersion *int, ev audit.Event) error
}

// Projects looks up a tenant's projects (tenancy.Service).
type Projects interface {
	// Project returns a project of tenantID. Returns NOT_FOUND.
	Project(ctx context.Context, tenantID, id string) (tenancy.Project, error)
}

// SecretScope confines the secret references of a tenant's routes (secrets.Resolver).
type SecretScope interface {
	// CheckRef returns an error, naming ref, unless the routes of tenantID may use the
	// file reference ref (a file under the secrets directory's folder for tenantID).
	CheckRef(tenantID, ref string) error
}

// Service validates and writes routes.
type Service struct {
	store    Store
	projects Projects
	secrets  SecretScope
	now      func() time.Time
}

// ServiceConfig is what NewService builds a Service from.
type ServiceConfig struct {
	// Store holds the routes. Required.
	Store Store
	// Projects checks that a project-scoped route names a project of its tenant.
	// Required for Set.
	Projects Projects
	// Secrets confines each tenant's secret references. Required for Set.
	Secrets SecretScope
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// NewService returns a Service.
func NewService(c ServiceConfig) *Service {
	if c.Now == nil {
		c.Now = time.Now
	}
	return &Service{store: c.Store, projects: c.Projects, secrets: c.Secrets, now: c.Now}
}

// CheckSecretRefs checks r's secret references: their form and scheme (as Validate does)
// and that every file reference names one of r's tenant's secrets. Start-up uses it on
// stored routes. Returns a *FieldError (BAD_USER_INPUT) naming secretRefs.
func CheckSecretRefs(r Route, scope SecretScope) error {
	if err := checkSecretRefs(r); err != nil {
		return err
	}
	for _, s := range r.SecretRefs {
		name, ref, _ := strings.Cut(s, "=")
		if secrets.SchemeOf(ref) != secrets.SchemeFile {
			continue // not per tenant: checkSecretRefs allowed env:// for t_system in dev only
		}
		if err := scope.CheckRef(r.TenantID, ref); err != nil {
			return fieldErr("secretRefs", "%q: %v", name, err)
		}
	}
	return nil
}

// Set creates (expectedVersion nil) or replaces a route, on behalf of whoever acts in
// ctx (audit.OriginFrom), and records route.set in the route tenant's audit log.
// Returns BAD_USER_INPUT, CONFLICT, NOT_FOUND.
func (s *Service) Set(ctx context.Context, r Route, expectedVersion *int) (Route, error) {
	if err := s.check(ctx, &r); err != nil {
		return Route{}, err
	}
	now := s.now().UTC()
	r.CreatedAt, r.UpdatedAt, r.UpdatedBy = now, now, audit.OriginFrom(ctx).Actor.ID
	return s.store.PutRoute(ctx, r, expectedVersion, audit.New(ctx, now, r.TenantID, "route.set", "route", r.Key().ID()))
}

// Delete removes a route; k's env may be any alias of it. Returns BAD_USER_INPUT (a
// *FieldError naming the key field), NOT_FOUND, CONFLICT.
func (s *Service) Delete(ctx context.Context, k Key, expectedVersion *int) error {
	if err := k.Validate(); err != nil {
		return err
	}
	k.Env = normalEnv(k.Env)
	return s.store.DeleteRoute(ctx, k, expectedVersion, audit.New(ctx, s.now(), k.TenantID, "route.delete", "route", k.ID()))
}

func (s *Service) check(ctx context.Context, r *Route) error {
	if err := Validate(r); err != nil {
		return err
	}
	if err := CheckSecretRefs(*r, s.secrets); err != nil {
		return err
	}
	if r.ProjectID == "" {
		return nil
	}
	if r.TenantID == ids.System {
		return fieldErr("projectId", "t_system defaults are tenant-wide")
	}
	_, err := s.projects.Project(ctx, r.TenantID, r.ProjectID)
	if apperr.Is(err, apperr.NotFound) {
		return fieldErr("projectId", "not a project of tenant %s", r.TenantID)
	}
	return err
}

// Outcome is what Apply did (or would do) with one route.
type Outcome string

// Apply outcomes.
const (
	Created   Outcome = "created"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
)

// Change is one line of an Apply plan.
type Change struct {
	Key     Key
	Outcome Outcome
	// Fields are what changes in the route, with old and new values (audit.Diff: the
	// backend, config entries and secret references, never a secret's value).
	Fields []audit.Change
}

// Apply makes the store hold routes: it validates every route first (one bad route
// writes nothing; its error keeps the code, BAD_USER_INPUT for a route that would be
// refused), then creates the missing ones and replaces the differing ones. With dryRun
// it only reports what it would do.
func (s *Service) Apply(ctx context.Context, routes []Route, dryRun bool) ([]Change, error) {
	seen := map[Key]bool{}
	for i := range routes {
		if err := s.check(ctx, &routes[i]); err != nil {
			return nil, apperr.E(apperr.CodeOf(err), "route %d (%s): %s", i+1, routes[i].ResourceKind, apperr.MessageOf(err))
		}
		if k := routes[i].Key(); seen[k] {
			return nil, apperr.E(apperr.BadUserInput, "route %d: %s is listed twice", i+1, k)
		} else {
			seen[k] = true
		}
	}
	plan := make([]Change, 0, len(routes))
	for _, r := range routes {
		current, err := s.store.GetRoute(ctx, r.Key())
		var expected *int
		outcome, fields := Created, audit.Diff(nil, &r)
		switch {
		case apperr.Is(err, apperr.NotFound):
		case err != nil:
			return plan, err
		case current.SameTarget(r):
			outcome, fields = Unchanged, nil
		default:
			outcome, expected, fields = Updated, &current.Version, audit.Diff(&current, &r)
		}
		if outcome != Unchanged && !dryRun {
			if _, err := s.Set(ctx, r, expected); err != nil {
				return plan, fmt.Errorf("%s: %w", r.Key(), err)
			}
		}
		plan = append(plan, Change{Key: r.Key(), Outcome: outcome, Fields: fields})
	}
	return plan, nil
}

// Package routing is Northstar's routing registry: control-plane data that maps a
// resource kind (chat_bus, media, …) and a scope (tenant, env, optional project) to a
// durable backend. Lookups are served from an in-process snapshot kept current by a
// Firestore listener; writes go through Service, which validates them.
package routing

import (
	"fmt"
	"maps"
	"net"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/secrets"
)

// Scope is where a route applies: the same tenant, env and project as a request's scope
// (reqctx.Scope), with ProjectID empty for tenant-wide routes. Resolve takes a caller's
// scope as it is.
type Scope = reqctx.Scope

// Key identifies one route.
type Key struct {
	ResourceKind string
	Scope
}

// String renders the key for messages: "chat_bus for (t_system, staging)".
// ID names the route in one token, tenant:env:project:kind with "_" for no project: its
// document id, and its target id in the audit log.
func (k Key) ID() string {
	p := k.ProjectID
	if p == "" {
		p = "_"
	}
	return k.TenantID + ":" + k.Env + ":" + p + ":" + k.ResourceKind
}

func (k Key) String() string {
	if k.ProjectID == "" {
		return fmt.Sprintf("%s for (%s, %s)", k.ResourceKind, k.TenantID, k.Env)
	}
	return fmt.Sprintf("%s for (%s, %s, %s)", k.ResourceKind, k.TenantID, k.Env, k.ProjectID)
}

// Route maps a resource kind in a scope to a backend. It never holds secret values:
// SecretRefs name secrets for the secrets resolver.
type Route struct {
	ResourceKind string            `firestore:"resourceKind" yaml:"resourceKind"`
	TenantID     string            `firestore:"tenantId" yaml:"tenantId"`
	Env          string            `firestore:"env" yaml:"env"`
	ProjectID    string            `firestore:"projectId" yaml:"projectId"`
	BackendType  string            `firestore:"backendType" yaml:"backendType" audit:"backendType"`
	Config       map[string]string `firestore:"config" yaml:"config" audit:"config"`
	// SecretRefs are "name=reference" pairs, e.g. "password=file:///run/secrets/t_acme/redis":
	// a file under the secrets directory's folder for the route's tenant (SecretScope).
	SecretRefs []string  `firestore:"secretRefs" yaml:"secretRefs" audit:"secretRefs"`
	Version    int       `firestore:"version" yaml:"-"`
	CreatedAt  time.Time `firestore:"createdAt" yaml:"-"`
	UpdatedAt  time.Time `firestore:"updatedAt" yaml:"-"`
	UpdatedBy  string    `firestore:"updatedBy" yaml:"-"`
	// Deleted marks a route in a change notification for its deletion.
	Deleted bool `firestore:"-" yaml:"-"`
}

// Key returns the route's key.
func (r Route) Key() Key {
	return Key{ResourceKind: r.ResourceKind, Scope: Scope{TenantID: r.TenantID, Env: r.Env, ProjectID: r.ProjectID}}
}

// SameTarget reports whether two routes name the same backend the same way (what
// `routes apply` compares to decide whether anything changed).
func (r Route) SameTarget(o Route) bool {
	return r.BackendType == o.BackendType && maps.Equal(r.Config, o.Config) &&
		slices.Equal(r.SecretRefs, o.SecretRefs)
}

// Secret returns the reference of the named secret, or "".
func (r Route) Secret(name string) string {
	for _, s := range r.SecretRefs {
		if n, ref, ok := strings.Cut(s, "="); ok && n == name {
			return ref
		}
	}
	return ""
}

// Matched scopes of a resolution.
const (
	MatchProject = "project"
	MatchTenant  = "tenant"
	MatchSystem  = "system"
)

// Resolved is the effective route for a scope and which level of the cascade matched.
// Route points into the registry's snapshot: read it, never modify it.
type Resolved struct {
	Route   *Route
	Matched string
}

// RequiredKinds returns the kinds the serving process itself needs for (t_system, env)
// before it starts.
func RequiredKinds() []string { return []string{"chat_bus", "realtime_registry", "rate_limit"} }

// backend describes one allowed backend type: the config keys it needs and checks.
type backend struct {
	required []string
	// redis reads the config of a Redis backend (see RedisConfig); nil for the others.
	redis func(cfg map[string]string) (RedisConfig, error)
}

var backends = map[string]backend{
	"firestore":     {},
	"redis":         {required: []string{"address"}, redis: redisConfig},
	"redis-cluster": {required: []string{"addresses"}, redis: redisClusterConfig},
	"gcs":           {required: []string{"bucket"}},
	"s3":            {required: []string{"bucket", "region"}},
	"bigquery":      {required: []string{"project", "dataset"}},
	"pubsub":        {required: []string{"project", "topic"}},
}

// refused are backend types that are never durable: rejected with their own message.
var refused = map[string]bool{"memory": true, "inmemory": true, "in-memory": true, "noop": true, "local": true, "tmp": true, "temp": true, "localhost": true, "file": true}

// BackendTypes returns the allowed backend types, sorted.
func BackendTypes() []string { return slices.Sorted(maps.Keys(backends)) }

var (
	kindPattern      = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)
	configKeyPattern = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_.-]{0,62}$`)
	secretRefPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}=[a-z][a-z0-9+.-]*://\S+$`)
)

// secretLike are config keys that would hold secret values: those go in SecretRefs.
var secretLike = []string{"password", "passwd", "secret", "token", "apikey", "api_key", "credential", "privatekey", "private_key"}

// ValidKind reports whether kind is a well-formed resource kind (^[a-z][a-z0-9_]{0,62}$).
func ValidKind(kind string) bool { return kindPattern.MatchString(kind) }

// Limits on a route's size.
const (
	maxConfigEntries = 32
	maxConfigValue   = 1024
	maxSecretRefs    = 16
)

// Validate checks a key as clients give it: the resource kind, tenant, env (any alias
// NormalizeEnv knows) and optional project. The key rules live here alone, so deleting a
// route refuses exactly the keys writing one does. Returns a *FieldError (BAD_USER_INPUT)
// naming the first bad field.
func (k Key) Validate() error {
	if !kindPattern.MatchString(k.ResourceKind) {
		return fieldErr("resourceKind", "must match %s", kindPattern)
	}
	if !ids.ValidFor(ids.Tenant, k.TenantID) {
		return fieldErr("tenantId", "not a valid tenant id")
	}
	if env, err := reqctx.NormalizeEnv(k.Env); err != nil || env == "" {
		return fieldErr("env", "must be one of %s", reqctx.EnvList())
	}
	if k.ProjectID != "" && !ids.ValidFor(ids.Project, k.ProjectID) {
		return fieldErr("projectId", "not a valid project id")
	}
	return nil
}

// normalEnv maps an env that Key.Validate accepted to its canonical name, the one routes
// are stored under.
func normalEnv(env string) string {
	e, _ := reqctx.NormalizeEnv(env)
	return e
}

// Validate checks a route as written by a client and normalizes its env. It returns a
// *FieldError (BAD_USER_INPUT) naming the first bad field.
func Validate(r *Route) error {
	if err := r.Key().Validate(); err != nil {
		return err
	}
	r.Env = normalEnv(r.Env)
	if err := CheckBackend(r.BackendType, r.Config); err != nil {
		return err
	}
	return checkSecretRefs(*r)
}

// checkSecretRefs checks the form and scheme of r's secret references: name=reference
// with a scheme the secrets resolver reads (secrets.Readable), env:// only for t_system's
// dev routes. Returns a *FieldError (BAD_USER_INPUT).
func checkSecretRefs(r Route) error {
	bad := func(format string, args ...any) error {
		return fieldErr("secretRefs", format, args...)
	}
	if len(r.SecretRefs) > maxSecretRefs {
		return bad("at most %d", maxSecretRefs)
	}
	seen := map[string]bool{}
	for _, s := range r.SecretRefs {
		if !secretRefPattern.MatchString(s) {
			return bad("%q must be name=reference, e.g. password=file:///run/secrets/%s/redis", truncate(s), r.TenantID)
		}
		name, ref, _ := strings.Cut(s, "=")
		switch scheme := secrets.SchemeOf(ref); {
		case !secrets.Readable(scheme):
			return bad("%q: scheme %q has no resolver; use file:///run/secrets/%s/NAME", name, truncate(scheme), r.TenantID)
		case scheme == secrets.SchemeEnv && (r.TenantID != ids.System || r.Env != reqctx.EnvDev):
			// The server's own environment: only the system's dev routes may name it.
			return bad("%q: env:// references are only allowed in dev, and only for t_system routes", name)
		}
		if seen[name] {
			return bad("%q is named twice", name)
		}
		seen[name] = true
	}
	return nil
}

// CheckBackend checks a backend type and its config: refused and unknown types, required
// keys, per-backend rules, and secret-looking keys. Returns a *FieldError (BAD_USER_INPUT)
// naming backendType or the config key at fault.
func CheckBackend(backendType string, cfg map[string]string) error {
	if refused[strings.ToLower(backendType)] {
		return fieldErr("backendType", "%q is not a durable backend; use one of %s", backendType, strings.Join(BackendTypes(), ", "))
	}
	b, ok := backends[backendType]
	if !ok {
		return fieldErr("backendType", "unknown %q; use one of %s", truncate(backendType), strings.Join(BackendTypes(), ", "))
	}
	if len(cfg) > maxConfigEntries {
		return fieldErr("config", "at most %d entries", maxConfigEntries)
	}
	for k, v := range cfg {
		if !configKeyPattern.MatchString(k) {
			return fieldErr("config", "key %q is not valid", truncate(k))
		}
		if len(v) > maxConfigValue {
			return fieldErr("config."+k, "longer than %d bytes", maxConfigValue)
		}
		lk := strings.ToLower(k)
		for _, s := range secretLike {
			if strings.Contains(lk, s) {
				return fieldErr("config."+k, "secret values never go in config; name the secret in secretRefs")
			}
		}
	}
	for _, k := range b.required {
		if strings.TrimSpace(cfg[k]) == "" {
			return fieldErr("config."+k, "required for a %s backend", backendType)
		}
	}
	if b.redis != nil {
		_, err := b.redis(cfg)
		return err
	}
	return nil
}

func hostPort(field, v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil || host == "" || port == "" {
		return fieldErr(field, "%q must be host:port", truncate(v))
	}
	return nil
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

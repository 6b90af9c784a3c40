// Package reqctx defines the RequestContext every operation runs with, how it is read
// from HTTP headers or a websocket connection_init payload, and how it travels in a
// context.Context.
package reqctx

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// RequestContext is built once per request (or websocket connection) and is read-only
// afterwards.
type RequestContext struct {
	// RequestID is the caller's X-Request-Id, or a generated one; echoed in the response.
	RequestID string
	// UserID is the verified token's subject; empty for anonymous callers.
	UserID string
	// SessionID is the verified token's sign-in session (for a service account, its
	// secret version: what ends its tokens).
	SessionID string
	// ServiceAccountID is set instead of UserID for a service account's token, with the
	// account's own tenant and the scopes the token holds.
	ServiceAccountID string
	AccountTenantID  string
	Scopes           []string
	// ActorLabel is who the caller is to a reader (their token's label): a user's email,
	// a service account's name. The audit log records it.
	ActorLabel string
	// TokenExpiresAt is when the caller's token stops being accepted.
	TokenExpiresAt time.Time
	// TenantID, Env, ProjectID, SurfaceID and AppID are the normalized context fields;
	// empty when absent.
	TenantID, Env, ProjectID, SurfaceID, AppID string
	// Role is the caller's role in TenantID; empty when not a member (or no such tenant).
	Role tenancy.Role
	// Mode is TenantID's mode, set only for members and service accounts.
	Mode string
	// ClientAddress is the caller's IP address: the peer's, or the one a trusted proxy
	// forwarded (httpapi). The rate limits count against it.
	ClientAddress string
	// UserAgent is the client's User-Agent header (at most 256 bytes), which a new
	// session records.
	UserAgent string
}

// Scope is the tenant, env and project an operation acts in: one concept for a request
// (RequestContext.Scope), a chat thread's owner and a route (routing.Scope, where an empty
// ProjectID means tenant-wide). The type allows an empty project everywhere; operations
// that need one (chat's) are refused without it by the access layer (@requireProject).
type Scope struct {
	TenantID, Env, ProjectID string
}

// Actor is who makes the request: the user, or the service account.
func (rc *RequestContext) Actor() string {
	if rc.ServiceAccountID != "" {
		return rc.ServiceAccountID
	}
	return rc.UserID
}

// Scope returns the tenant, env and project rc acts in.
func (rc *RequestContext) Scope() Scope {
	return Scope{TenantID: rc.TenantID, Env: rc.Env, ProjectID: rc.ProjectID}
}

// Roles returns the caller's roles in the context tenant.
func (rc *RequestContext) Roles() []tenancy.Role {
	if rc.Role == "" {
		return []tenancy.Role{}
	}
	return []tenancy.Role{rc.Role}
}

type ctxKey struct{}

// With returns ctx carrying rc, and rc's caller as the author of the changes made in
// ctx (audit.OriginFrom).
func With(ctx context.Context, rc *RequestContext) context.Context {
	o := audit.Origin{RequestID: rc.RequestID}
	switch {
	case rc.ServiceAccountID != "":
		o.Actor = audit.Actor{Kind: audit.ServiceAccount, ID: rc.ServiceAccountID, Label: rc.ActorLabel}
	case rc.UserID != "":
		o.Actor = audit.Actor{Kind: audit.User, ID: rc.UserID, Label: rc.ActorLabel}
	}
	return context.WithValue(audit.WithOrigin(ctx, o), ctxKey{}, rc)
}

// From returns the RequestContext of ctx, or an empty anonymous one when there is none.
func From(ctx context.Context) *RequestContext {
	if rc, ok := ctx.Value(ctxKey{}).(*RequestContext); ok {
		return rc
	}
	return &RequestContext{}
}

// Raw holds the context fields as the caller sent them, before normalization.
type Raw struct {
	RequestID, Authorization, TenantID, Env, ProjectID, SurfaceID, AppID string
}

// The headers the context is read from.
const (
	HeaderRequestID = "X-Request-Id"
	HeaderTenantID  = "X-Tenant-Id"
	HeaderEnv       = "X-Env"
	HeaderProjectID = "X-Project-Id"
	HeaderSurfaceID = "X-Surface-Id"
	HeaderAppID     = "X-App-Id"
)

// FromHeaders reads the context fields from HTTP headers. A header sent several times
// with different values is CONTEXT_INVALID.
func FromHeaders(h http.Header) (Raw, error) {
	var r Raw
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{HeaderRequestID, &r.RequestID},
		{"Authorization", &r.Authorization},
		{HeaderTenantID, &r.TenantID},
		{HeaderEnv, &r.Env},
		{HeaderProjectID, &r.ProjectID},
		{HeaderSurfaceID, &r.SurfaceID},
		{HeaderAppID, &r.AppID},
	} {
		v, err := single(h, f.name)
		if err != nil {
			return Raw{}, err
		}
		*f.dst = v
	}
	return r, nil
}

func single(h http.Header, name string) (string, error) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return "", nil
	}
	for _, v := range vs[1:] {
		if strings.TrimSpace(v) != strings.TrimSpace(vs[0]) {
			return "", apperr.E(apperr.ContextInvalid, "conflicting %s headers", name)
		}
	}
	return vs[0], nil
}

// FromPayload reads the context fields from a websocket connection_init payload
// (keys authorization, tenantId, env, projectId, surfaceId, appId, requestId). A present
// field that is not a string is CONTEXT_INVALID.
func FromPayload(p map[string]any) (Raw, error) {
	var r Raw
	for _, f := range []struct {
		key string
		dst *string
	}{
		{"requestId", &r.RequestID},
		{"authorization", &r.Authorization},
		{"tenantId", &r.TenantID},
		{"env", &r.Env},
		{"projectId", &r.ProjectID},
		{"surfaceId", &r.SurfaceID},
		{"appId", &r.AppID},
	} {
		v, ok := p[f.key]
		if !ok || v == nil {
			continue
		}
		s, ok := v.(string)
		if !ok {
			return Raw{}, apperr.E(apperr.ContextInvalid, "%s must be a string", f.key)
		}
		*f.dst = s
	}
	return r, nil
}

// Normalize checks and normalizes everything but the token: env spelling, id forms and
// the request id. It returns CONTEXT_INVALID naming the offending field.
func (r Raw) Normalize() (RequestContext, error) {
	rc := RequestContext{RequestID: RequestID(r.RequestID)}
	env, err := NormalizeEnv(r.Env)
	if err != nil {
		return RequestContext{}, err
	}
	rc.Env = env
	for _, f := range []struct {
		header, prefix, raw string
		dst                 *string
	}{
		{HeaderTenantID, ids.Tenant, r.TenantID, &rc.TenantID},
		{HeaderProjectID, ids.Project, r.ProjectID, &rc.ProjectID},
		{HeaderSurfaceID, ids.Surface, r.SurfaceID, &rc.SurfaceID},
		{HeaderAppID, ids.App, r.AppID, &rc.AppID},
	} {
		v := strings.TrimSpace(f.raw)
		if v == "" {
			continue
		}
		if !ids.ValidFor(f.prefix, v) {
			return RequestContext{}, apperr.E(apperr.ContextInvalid, "%s is not a valid id", f.header)
		}
		*f.dst = v
	}
	return rc, nil
}

// BearerToken extracts the token of an "Authorization: Bearer <token>" value. Empty
// means anonymous; any other scheme is UNAUTHENTICATED.
func (r Raw) BearerToken() (string, error) {
	a := strings.TrimSpace(r.Authorization)
	if a == "" {
		return "", nil
	}
	scheme, token, ok := strings.Cut(a, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", apperr.E(apperr.Unauthenticated, "authorization must be a bearer token")
	}
	return token, nil
}

// The envs, as NormalizeEnv returns them: every stored env is one of these.
const (
	EnvDev     = "dev"
	EnvStaging = "staging"
	EnvProd    = "prod"
)

// envs lists the envs in their order: the one list every env rule derives from.
var envs = [...]string{EnvDev, EnvStaging, EnvProd}

// NumEnvs is how many envs there are: the size of tables indexed by EnvIndex.
const NumEnvs = len(envs)

// EnvIndex returns env's position in the envs' order (dev 0, staging 1, prod 2), or -1
// for anything but a normalized env, aliases included: only normalized envs are stored.
func EnvIndex(env string) int {
	for i, e := range envs {
		if e == env {
			return i
		}
	}
	return -1
}

// envAliases maps every accepted env spelling to its normalized name.
var envAliases = map[string]string{
	EnvDev: EnvDev, "development": EnvDev,
	EnvStaging: EnvStaging, "stage": EnvStaging,
	EnvProd: EnvProd, "production": EnvProd,
}

// NormalizeEnv trims and lower-cases an env and maps its aliases (development→dev,
// stage→staging, production→prod). Empty stays empty; anything else is CONTEXT_INVALID.
func NormalizeEnv(env string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(env))
	if e == "" {
		return "", nil
	}
	if n, ok := envAliases[e]; ok {
		return n, nil
	}
	return "", apperr.E(apperr.ContextInvalid, "env must be one of %s", EnvList())
}

// EnvList spells the envs for messages: "dev, staging, prod".
func EnvList() string { return strings.Join(envs[:], ", ") }

// validRequestID reports whether v matches ^[A-Za-z0-9._:-]{1,128}$.
func validRequestID(v string) bool {
	if len(v) == 0 || len(v) > 128 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-') {
			return false
		}
	}
	return true
}

// RequestID keeps a well-formed caller request id (1–128 of [A-Za-z0-9._:-]) and
// replaces anything else with a new random one.
func RequestID(v string) string {
	v = strings.TrimSpace(v)
	if validRequestID(v) {
		return v
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

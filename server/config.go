package main

import (
	"flag"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/httpapi"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ratelimit"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/secrets"
)

// Environment holds the bootstrap configuration taken from the environment. Nothing else in
// Northstar reads environment variables (a test enforces it).
type Environment struct {
	// ProjectID is GOOGLE_CLOUD_PROJECT: where the control-plane data lives.
	ProjectID string
	// EmulatorHost is FIRESTORE_EMULATOR_HOST: dev and tests only.
	EmulatorHost string
	// BootstrapKey is SYSTEM_BOOTSTRAP_KEY, the secret bootstrapSystem checks.
	BootstrapKey string
	// LookupEnv resolves env:// secret references in dev.
	LookupEnv func(string) (string, bool)
}

// readEnvironment is the one place that reads the environment.
func readEnvironment() Environment {
	return Environment{
		ProjectID:    os.Getenv("GOOGLE_CLOUD_PROJECT"),
		EmulatorHost: os.Getenv("FIRESTORE_EMULATOR_HOST"),
		BootstrapKey: os.Getenv("SYSTEM_BOOTSTRAP_KEY"),
		LookupEnv:    os.LookupEnv,
	}
}

// Config configures a server. Fields say when they are required.
type Config struct {
	// Env is the normalized environment served: dev, staging or prod. Required.
	Env string
	// Firestore location. ProjectID is required.
	ProjectID, EmulatorHost string
	// BootstrapKey is the system bootstrap secret; empty disables bootstrapSystem.
	BootstrapKey string
	// SigningKeyRef is a secret reference (file:///path under SecretsDir, or env://NAME in
	// dev) to the PEM Ed25519 key that signs access tokens. Required.
	SigningKeyRef string
	// SecretsDir is the secrets directory: every file:// secret reference must name a file
	// under it, and a tenant's routes only files under SecretsDir/<tenantId>/. Absolute;
	// secrets.DefaultDir (/run/secrets) when empty.
	SecretsDir string
	// LookupEnv backs env:// secret references in dev.
	LookupEnv func(string) (string, bool)
	// TokenTTL is how long an access token lives; 15 minutes when zero.
	TokenTTL time.Duration
	// TokenSkew is the clock difference tolerated when checking a token's times; 30
	// seconds when zero.
	TokenSkew time.Duration
	// Passwords are the argon2id parameters; identity.DefaultArgon2Params when zero.
	Passwords identity.Argon2Params
	// Limits bounds requests; httpapi.DefaultLimits when zero.
	Limits httpapi.Limits
	// Drain is how long Serve keeps serving after shutdown begins, with /readyz answering
	// 503 so a load balancer stops sending; 0 stops at once.
	Drain time.Duration
	// AllowedOrigins lists browser origins allowed to call the API; empty allows none
	// beyond same-origin requests.
	AllowedOrigins []string
	// TrustedProxies are the proxies whose X-Forwarded-For names the client (the rate
	// limits count per client address); empty trusts none.
	TrustedProxies []netip.Prefix
	// RateLimits are the login, creation and token limits; ratelimit.DefaultRates when
	// zero.
	RateLimits ratelimit.Rates
	// TrustedDocuments is httpapi.DocumentsAllowed (the default when empty) or
	// httpapi.DocumentsRequired: run only the documents Apps registered.
	TrustedDocuments string
}

// Token claims every Northstar token carries.
const (
	TokenIssuer   = "northstar"
	TokenAudience = "northstar-api"
)

// validate checks the configuration and fills in defaults. NewMain calls it, so every
// way of starting a server (serve, dev, tests) obeys the same rules; its errors say how
// to fix the setting.
func (c *Config) validate() error {
	env, err := reqctx.NormalizeEnv(c.Env)
	if err != nil || env == "" {
		return fmt.Errorf("--env %q: want dev, staging or prod", c.Env)
	}
	c.Env = env
	switch c.TrustedDocuments {
	case "":
		c.TrustedDocuments = httpapi.DocumentsAllowed
	case httpapi.DocumentsAllowed, httpapi.DocumentsRequired:
	default:
		return fmt.Errorf("--trusted-documents %q: want allowed or required", c.TrustedDocuments)
	}
	if c.Env == "prod" && c.EmulatorHost != "" {
		return fmt.Errorf("FIRESTORE_EMULATOR_HOST is set: prod never runs on the emulator; unset it")
	}
	if c.ProjectID == "" {
		return fmt.Errorf("no Firestore project: set GOOGLE_CLOUD_PROJECT")
	}
	if c.SigningKeyRef == "" {
		return fmt.Errorf("no token signing key: pass --signing-key file:///path/to/ed25519.pem")
	}
	if c.SecretsDir == "" {
		c.SecretsDir = secrets.DefaultDir
	}
	if !filepath.IsAbs(c.SecretsDir) {
		return fmt.Errorf("--secrets-dir %q: want an absolute path", c.SecretsDir)
	}
	c.SecretsDir = filepath.Clean(c.SecretsDir)
	if c.TokenTTL == 0 {
		c.TokenTTL = defaultTokenTTL
	}
	if c.Passwords == (identity.Argon2Params{}) {
		c.Passwords = identity.DefaultArgon2Params()
	}
	if c.RateLimits == (ratelimit.Rates{}) {
		c.RateLimits = ratelimit.DefaultRates()
	}
	if c.Limits == (httpapi.Limits{}) {
		c.Limits = httpapi.DefaultLimits()
	}
	return nil
}

// servingFlags are the settings serve and dev share: the origins whose pages may call
// the API, how long access tokens live, and the request limits.
// defaultTokenTTL is how long an access token lives unless --token-ttl says otherwise.
const defaultTokenTTL = 15 * time.Minute

type servingFlags struct {
	origins  *string
	tokenTTL *time.Duration
	limits   httpapi.Limits
}

func addServingFlags(fs *flag.FlagSet) *servingFlags {
	f := &servingFlags{limits: httpapi.DefaultLimits()}
	f.origins = fs.String("allowed-origins", "", "comma-separated browser origins whose pages may call the API (CORS and websockets), e.g. https://app.example.com; * for any. Pages the server serves itself (the console) need none")
	f.tokenTTL = fs.Duration("token-ttl", defaultTokenTTL, "how long an access token lives, 1m to 24h")
	fs.Func("limit", "change one request limit, name=value (repeatable), name one of "+strings.Join(httpapi.LimitNames, ", ")+"; e.g. --limit depth=16 --limit body=4MiB", f.limits.Set)
	return f
}

// apply checks the flags and sets them in cfg.
func (f *servingFlags) apply(cfg *Config) error {
	origins, err := httpapi.ParseOrigins(*f.origins)
	if err != nil {
		return fmt.Errorf("--allowed-origins: %w", err)
	}
	if *f.tokenTTL < time.Minute || *f.tokenTTL > 24*time.Hour {
		return fmt.Errorf("--token-ttl %s: want between 1m and 24h", *f.tokenTTL)
	}
	cfg.AllowedOrigins, cfg.TokenTTL, cfg.Limits = origins, *f.tokenTTL, f.limits
	return nil
}

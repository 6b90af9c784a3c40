package reqctx

import (
	"net/http"
	"strings"
	"testing"

	"github.com/northstar/northstar/internal/apperr"
)

func TestNormalizeEnv(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "  ": "", "dev": "dev", "DEV": "dev", " development ": "dev", "Development": "dev",
		"stage": "staging", "STAGING": "staging", "prod": "prod", "Production": "prod", "\tprod\n": "prod",
	} {
		got, err := NormalizeEnv(in)
		if err != nil || got != want {
			t.Errorf("NormalizeEnv(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"qa", "test", "prod2", "pro d", "développement", "dev\x00"} {
		if _, err := NormalizeEnv(in); apperr.CodeOf(err) != apperr.ContextInvalid {
			t.Errorf("NormalizeEnv(%q): err = %v, want CONTEXT_INVALID", in, err)
		}
	}
}

// TestEnvIndex checks that the envs NormalizeEnv returns are exactly the ones EnvIndex
// numbers, 0 to NumEnvs-1, and that aliases are not numbered.
func TestEnvIndex(t *testing.T) {
	seen := map[int]bool{}
	for alias := range envAliases {
		env, err := NormalizeEnv(alias)
		i := EnvIndex(env)
		if err != nil || i < 0 || i >= NumEnvs {
			t.Fatalf("EnvIndex(NormalizeEnv(%q)) = %d, %v; want 0..%d", alias, i, err, NumEnvs-1)
		}
		seen[i] = true
		if alias != env && EnvIndex(alias) != -1 {
			t.Errorf("EnvIndex(%q) = %d, want -1 for an alias", alias, EnvIndex(alias))
		}
	}
	if len(seen) != NumEnvs {
		t.Fatalf("NormalizeEnv yields %d envs, want NumEnvs = %d", len(seen), NumEnvs)
	}
	if got := EnvList(); got != "dev, staging, prod" {
		t.Fatalf("EnvList() = %q", got)
	}
}

func TestFromHeaders(t *testing.T) {
	t.Run("ConflictingDuplicates", func(t *testing.T) {
		h := http.Header{}
		h.Add(HeaderTenantID, "t_a")
		h.Add(HeaderTenantID, "t_b")
		if _, err := FromHeaders(h); apperr.CodeOf(err) != apperr.ContextInvalid {
			t.Fatalf("err = %v, want CONTEXT_INVALID", err)
		}
	})
	t.Run("IdenticalDuplicates", func(t *testing.T) {
		h := http.Header{}
		h.Add(HeaderTenantID, "t_a")
		h.Add(HeaderTenantID, " t_a")
		raw, err := FromHeaders(h)
		if err != nil || strings.TrimSpace(raw.TenantID) != "t_a" {
			t.Fatalf("raw = %+v, err = %v", raw, err)
		}
	})
}

func TestNormalize(t *testing.T) {
	rc, err := Raw{TenantID: " t_acme ", Env: "Production", ProjectID: "p_1", RequestID: "req-1"}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	if rc.TenantID != "t_acme" || rc.Env != "prod" || rc.ProjectID != "p_1" || rc.RequestID != "req-1" {
		t.Fatalf("rc = %+v", rc)
	}
	bad := []Raw{
		{TenantID: "acme"}, {TenantID: "p_1"}, {TenantID: "t_a/b"}, {TenantID: "t_.."},
		{TenantID: "t_*"}, {TenantID: "t_a\x01"}, {TenantID: "t_" + strings.Repeat("a", 10000)},
		{ProjectID: "t_1"}, {SurfaceID: "s_A"}, {AppID: "a_"},
	}
	for _, r := range bad {
		if _, err := r.Normalize(); apperr.CodeOf(err) != apperr.ContextInvalid {
			t.Errorf("Normalize(%+v): err = %v, want CONTEXT_INVALID", r, err)
		}
	}
}

func TestRequestID(t *testing.T) {
	if got := RequestID("abc-123"); got != "abc-123" {
		t.Fatalf("kept id = %q", got)
	}
	for _, in := range []string{"", "has space", strings.Repeat("x", 129), "new\nline"} {
		got := RequestID(in)
		if got == in || !validRequestID(got) {
			t.Errorf("RequestID(%q) = %q, want a fresh id", in, got)
		}
	}
	if a, b := RequestID(""), RequestID(""); a == b {
		t.Fatal("generated ids repeat")
	}
}

func TestBearerToken(t *testing.T) {
	for in, want := range map[string]string{"": "", "Bearer abc": "abc", "bearer  abc ": "abc"} {
		if got, err := (Raw{Authorization: in}).BearerToken(); err != nil || got != want {
			t.Errorf("BearerToken(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"Basic abc", "Bearer", "Bearer ", "abc"} {
		if _, err := (Raw{Authorization: in}).BearerToken(); apperr.CodeOf(err) != apperr.Unauthenticated {
			t.Errorf("BearerToken(%q): err = %v, want UNAUTHENTICATED", in, err)
		}
	}
}

func TestFromPayload(t *testing.T) {
	raw, err := FromPayload(map[string]any{"authorization": "Bearer x", "tenantId": "t_a", "env": "dev", "other": 1})
	if err != nil || raw.Authorization != "Bearer x" || raw.TenantID != "t_a" || raw.Env != "dev" {
		t.Fatalf("raw = %+v, err = %v", raw, err)
	}
	if _, err := FromPayload(map[string]any{"tenantId": 42}); apperr.CodeOf(err) != apperr.ContextInvalid {
		t.Fatalf("non-string tenantId: err = %v", err)
	}
}

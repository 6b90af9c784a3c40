package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

func TestBootstrap(t *testing.T) {
	ctx := context.Background()
	ts := newServer(t)
	store := ts.main.Store()
	const boot = `mutation($k: String!, $e: String, $p: String) { bootstrapSystem(key: $k, adminEmail: $e, adminPassword: $p) { id name mode { id } version } }`

	t.Run("WrongKeyWritesNothing", func(t *testing.T) {
		r := ts.gql(t, nil, boot, map[string]any{"k": "wrong", "e": "root@example.com", "p": "root-password"})
		expectError(t, r, "FORBIDDEN", 403)
		if ok, err := store.Probe(ctx); err != nil || ok {
			t.Fatalf("t_system exists after a refused bootstrap (exists=%v, err=%v)", ok, err)
		}
		if modes, err := store.Modes(ctx); err != nil || len(modes) != 0 {
			t.Fatalf("modes after a refused bootstrap: %v, %v", modes, err)
		}
		expectError(t, ts.gql(t, nil, `mutation { login(input: {email: "root@example.com", password: "root-password"}) { token } }`, nil), "UNAUTHENTICATED", 401)
	})

	t.Run("CreatesSystemModesAndAdmin", func(t *testing.T) {
		r := ts.gql(t, nil, boot, map[string]any{"k": testBootstrapKey, "e": "root@example.com", "p": "root-password"})
		var out struct {
			BootstrapSystem struct {
				ID, Name string
				Mode     struct{ ID string }
				Version  int
			}
		}
		r.decode(t, &out)
		if out.BootstrapSystem.ID != "t_system" || out.BootstrapSystem.Version != 1 {
			t.Fatalf("bootstrap returned %+v, want t_system at version 1", out.BootstrapSystem)
		}
		admin := ts.login(t, "root@example.com", "root-password")
		var mine struct{ Tenants []struct{ ID string } }
		ts.gql(t, bearer(admin.Token), `{ tenants { id } }`, nil).decode(t, &mine)
		if len(mine.Tenants) != 1 || mine.Tenants[0].ID != "t_system" {
			t.Fatalf("admin's tenants = %+v, want only t_system", mine.Tenants)
		}
		var modes struct{ Modes []struct{ ID string } }
		ts.gql(t, bearer(admin.Token), `{ modes { id } }`, nil).decode(t, &modes)
		var got []string
		for _, m := range modes.Modes {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, []string{"enterprise", "lab", "saas"}) {
			t.Fatalf("modes = %v, want enterprise, lab, saas", got)
		}
		var ctxInfo struct{ Context struct{ Roles []string } }
		ts.gql(t, bearer(admin.Token).with("X-Tenant-Id", "t_system"), `{ context { roles } }`, nil).decode(t, &ctxInfo)
		if !slices.Equal(ctxInfo.Context.Roles, []string{"OWNER"}) {
			t.Fatalf("admin's roles in t_system = %v, want OWNER", ctxInfo.Context.Roles)
		}
	})

	t.Run("IdempotentAndAdminOnlyOnce", func(t *testing.T) {
		r := ts.gql(t, nil, boot, map[string]any{"k": testBootstrapKey, "e": "second@example.com", "p": "second-password"})
		var out struct {
			BootstrapSystem struct {
				ID      string
				Version int
			}
		}
		r.decode(t, &out)
		if out.BootstrapSystem.ID != "t_system" || out.BootstrapSystem.Version != 1 {
			t.Fatalf("second bootstrap returned %+v, want unchanged t_system", out.BootstrapSystem)
		}
		expectError(t, ts.gql(t, nil, `mutation { login(input: {email: "second@example.com", password: "second-password"}) { token } }`, nil), "UNAUTHENTICATED", 401)
		if modes, err := store.Modes(ctx); err != nil || len(modes) != 3 {
			t.Fatalf("modes after a second bootstrap: %d, %v", len(modes), err)
		}
	})

	t.Run("NoOtherTenant", func(t *testing.T) {
		snaps, err := ts.main.client.Collection("tenants").Documents(ctx).GetAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 1 || snaps[0].Ref.ID != "t_system" {
			t.Fatalf("bootstrap created %d tenants, want only t_system", len(snaps))
		}
	})
}

func TestBootstrapAdminLater(t *testing.T) {
	ts := newServer(t)
	const boot = `mutation($e: String, $p: String) { bootstrapSystem(key: "` + testBootstrapKey + `", adminEmail: $e, adminPassword: $p) { id } }`
	var out struct{ BootstrapSystem struct{ ID string } }
	ts.gql(t, nil, boot, nil).decode(t, &out)
	// t_system has no owner yet, so a later bootstrap may still create the first admin.
	ts.gql(t, nil, boot, map[string]any{"e": "late@example.com", "p": "late-password"}).decode(t, &out)
	ts.login(t, "late@example.com", "late-password")
}

func TestBootstrapCommand(t *testing.T) {
	ts := newServer(t)
	env := Environment{ProjectID: ts.project, EmulatorHost: emulatorHost, BootstrapKey: testBootstrapKey}
	args := []string{"bootstrap", "--admin-email", "cli@example.com", "--admin-password", "cli-password"}

	t.Run("NoKey", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		noKey := env
		noKey.BootstrapKey = ""
		if code := run(context.Background(), args, noKey, &stdout, &stderr); code == 0 {
			t.Fatal("bootstrap without SYSTEM_BOOTSTRAP_KEY succeeded")
		}
		if !strings.Contains(stderr.String(), "SYSTEM_BOOTSTRAP_KEY") {
			t.Fatalf("stderr = %q, want it to name SYSTEM_BOOTSTRAP_KEY", stderr.String())
		}
	})
	t.Run("Twice", func(t *testing.T) {
		for i := 0; i < 2; i++ {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), args, env, &stdout, &stderr); code != 0 {
				t.Fatalf("run %d: exit %d: %s", i, code, stderr.String())
			}
			if !strings.Contains(stdout.String(), "bootstrapped t_system") {
				t.Fatalf("stdout = %q", stdout.String())
			}
		}
		ts.login(t, "cli@example.com", "cli-password")
	})
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/documents"
	"github.com/northstar/northstar/internal/ids"
)

// withTrustedDocuments sets serve --trusted-documents.
func withTrustedDocuments(mode string) serverOption {
	return func(c *Config) { c.TrustedDocuments = mode }
}

// applyDocuments runs `northstar documents apply` on ts's project and returns its exit
// code and output.
func applyDocuments(t *testing.T, ts *testServer, app string, docs map[string]string, extra ...string) (int, string) {
	t.Helper()
	data, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "manifest.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := append([]string{"documents", "apply", "-f", file, "--app", app}, extra...)
	code := run(context.Background(), args, Environment{ProjectID: ts.project, EmulatorHost: emulatorHost}, &stdout, &stderr)
	return code, stdout.String() + stderr.String()
}

// trusted builds a manifest of docs.
func trusted(docs ...string) map[string]string {
	m := map[string]string{}
	for _, d := range docs {
		m[documents.Hash(d)] = d
	}
	return m
}

// TestTrustedDocuments: an App's manifest, applied with the command, is trusted by every
// replica within moments; clients send its documents by hash (Apollo's persistedQuery
// extension or documentId); a server in required mode runs nothing else, one in allowed
// mode runs both; bad manifests write nothing.
func TestTrustedDocuments(t *testing.T) {
	a := newServer(t)
	b := newServer(t, replicaOf(a), withTrustedDocuments("required"))
	ann := a.signup(t, "ann")
	me := `query Me { me { id email } }`
	tenant := `query Tenant { tenant { id name } }`
	routes := `subscription Routes { routeChanged { resourceKind } }`
	const app = "a_console"
	if code, out := applyDocuments(t, a, app, trusted(me, tenant, routes)); code != 0 || !strings.Contains(out, "3 documents trusted") {
		t.Fatalf("documents apply: exit %d\n%s", code, out)
	}
	body := func(v map[string]any) []byte {
		data, _ := json.Marshal(v)
		return data
	}
	byHash := func(hash string) []byte {
		return body(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}})
	}
	waitFor(t, func() bool {
		return b.post(t, bearer(ann.Token), "application/json", byHash(documents.Hash(me))).code() == ""
	})

	var out struct{ Me struct{ ID, Email string } }
	for name, req := range map[string][]byte{
		"PersistedQuery":   byHash(documents.Hash(me)),
		"DocumentID":       body(map[string]any{"documentId": documents.Hash(me)}),
		"DocumentIDPrefix": body(map[string]any{"documentId": "sha256:" + documents.Hash(me)}),
		"TheSameText":      body(map[string]any{"query": me}),
		"TextAndHash":      body(map[string]any{"query": me, "extensions": map[string]any{"persistedQuery": map[string]any{"sha256Hash": documents.Hash(me)}}}),
	} {
		t.Run("Required/"+name, func(t *testing.T) {
			b.post(t, bearer(ann.Token), "application/json", req).decode(t, &out)
			if out.Me.ID != ann.UserID {
				t.Fatalf("me = %+v", out.Me)
			}
		})
	}
	t.Run("Required/Refused", func(t *testing.T) {
		expectError(t, b.gql(t, bearer(ann.Token), `{ me { id } }`, nil), "DOCUMENT_NOT_TRUSTED", 400)
		expectError(t, b.post(t, bearer(ann.Token), "application/json", byHash(documents.Hash("query { me { id } }"))), "DOCUMENT_NOT_TRUSTED", 400)
		expectError(t, b.post(t, bearer(ann.Token), "application/json",
			body(map[string]any{"query": `{ me { id } }`, "extensions": map[string]any{"persistedQuery": map[string]any{"sha256Hash": documents.Hash(me)}}})), "BAD_USER_INPUT", 400)
	})
	t.Run("Allowed", func(t *testing.T) {
		a.post(t, bearer(ann.Token), "application/json", byHash(documents.Hash(me))).decode(t, &out)
		a.gql(t, bearer(ann.Token), `{ me { id } }`, nil).decode(t, &out)
		if out.Me.ID != ann.UserID {
			t.Fatalf("me = %+v", out.Me)
		}
		expectError(t, a.post(t, bearer(ann.Token), "application/json", byHash(documents.Hash("query { me { id } }"))), "DOCUMENT_NOT_TRUSTED", 400)
	})
	t.Run("Context", func(t *testing.T) {
		var got struct{ Tenant struct{ ID string } }
		b.post(t, ann.headers(), "application/json", byHash(documents.Hash(tenant))).decode(t, &got)
		if got.Tenant.ID != ann.TenantID {
			t.Fatalf("tenant = %+v", got.Tenant)
		}
	})
	t.Run("Websocket", func(t *testing.T) {
		ws := dialProto(t, b, protoTransportWS)
		ws.initOK(initPayload(ann))
		ws.send(map[string]any{"id": "raw", "type": "subscribe", "payload": map[string]any{"query": `subscription { routeChanged { resourceKind } }`}})
		if m, err := ws.next(); err != nil || !strings.Contains(string(m.Payload), "DOCUMENT_NOT_TRUSTED") {
			t.Fatalf("an untrusted subscription answered %s %s, %v", m.Type, m.Payload, err)
		}
		before := b.main.registry.Subscribers()
		ws.send(map[string]any{"id": "hash", "type": "subscribe", "payload": map[string]any{
			"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": documents.Hash(routes)}}}})
		ws.send(map[string]any{"id": "documentId", "type": "subscribe", "payload": map[string]any{"documentId": "sha256:" + documents.Hash(routes)}})
		waitFor(t, func() bool { return b.main.registry.Subscribers() >= before+2 })
		a.gql(t, ann.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`, map[string]any{"i": map[string]any{
			"resourceKind": "media", "tenantId": ann.TenantID, "env": "dev", "backendType": "gcs", "config": []map[string]any{{"key": "bucket", "value": "b"}}}}).decode(t, &struct{}{})
		for got := map[string]bool{}; !got["hash"] || !got["documentId"]; {
			m, err := ws.next()
			if err != nil {
				t.Fatal(err)
			}
			if m.ID == "raw" { // the untrusted one's end
				continue
			}
			if m.Type != "next" {
				t.Fatalf("the trusted subscription %s answered %s %s", m.ID, m.Type, m.Payload)
			}
			got[m.ID] = got[m.ID] || strings.Contains(string(m.Payload), `"media"`)
		}
	})
	t.Run("LiveOnEveryReplica", func(t *testing.T) {
		later := `query Later { me { email } }`
		expectError(t, b.post(t, bearer(ann.Token), "application/json", byHash(documents.Hash(later))), "DOCUMENT_NOT_TRUSTED", 400)
		if code, out := applyDocuments(t, a, "a_mobile", trusted(later)); code != 0 {
			t.Fatalf("documents apply: exit %d\n%s", code, out)
		}
		waitFor(t, func() bool {
			return b.post(t, bearer(ann.Token), "application/json", byHash(documents.Hash(later))).code() == ""
		})
	})
	t.Run("BadManifestsWriteNothing", func(t *testing.T) {
		bad := trusted(me, `query { nope }`)
		if code, out := applyDocuments(t, a, app, bad); code == 0 || !strings.Contains(out, "1 of 2 documents refused") {
			t.Fatalf("an invalid document: exit %d\n%s", code, out)
		}
		forged := map[string]string{documents.Hash("x"): me}
		if code, out := applyDocuments(t, a, app, forged); code == 0 || !strings.Contains(out, "is not the sha256") {
			t.Fatalf("a wrong hash: exit %d\n%s", code, out)
		}
		if code, out := applyDocuments(t, a, "console", trusted(me)); code == 0 || !strings.Contains(out, "not an app id") {
			t.Fatalf("a bad app id: exit %d\n%s", code, out)
		}
		if code, out := applyDocuments(t, a, app, trusted(`query DryRun { me { id } }`), "--dry-run"); code != 0 || !strings.Contains(out, "dry run") {
			t.Fatalf("dry run: exit %d\n%s", code, out)
		}
		snaps, err := a.main.client.Collection("trustedDocuments").Documents(context.Background()).GetAll()
		if err != nil || len(snaps) != 4 {
			t.Fatalf("%d stored documents (%v), want the 4 applied", len(snaps), err)
		}
	})
	t.Run("Audited", func(t *testing.T) {
		evs, _, err := a.main.store.AuditEvents(context.Background(), ids.System, audit.Filter{Action: "documents.apply"}, audit.Cursor{}, 10)
		if err != nil || len(evs) != 2 || evs[0].TargetID != "a_mobile" || evs[1].TargetID != app || evs[0].Actor.ID != "cli" {
			t.Fatalf("documents.apply events: %+v, %v", evs, err)
		}
	})
}

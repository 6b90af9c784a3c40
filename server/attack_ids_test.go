package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// hostileIDs are malformed ids for prefix p: path separators, traversal, wildcards,
// control characters, case, non-ASCII and 10 KB.
func hostileIDs(p string) map[string]string {
	return map[string]string{
		"Slash":       p + "_a/b",
		"DotDot":      p + "_..",
		"Traversal":   p + "_../../t_system",
		"Leading":     "../" + p + "_a",
		"CollPath":    "tenants/" + p + "_a",
		"Star":        p + "_*",
		"NUL":         p + "_a\x00b",
		"Newline":     p + "_a\nb",
		"Space":       p + "_a b",
		"Upper":       p + "_ABC",
		"NonASCII":    p + "_é",
		"Reserved":    "__" + p + "_a__",
		"TenKB":       p + "_" + strings.Repeat("a", 10<<10),
		"PrefixOnly":  p + "_",
		"WrongPrefix": "x_abc",
	}
}

// TestAttackHostileIDArguments passes malformed ids as arguments (not headers) to every
// root field that takes an id, as a member of the tenant allowed to call it. Each call is
// refused with a 4xx code — NOT_FOUND where a record is looked up (a malformed id names no
// record), CONTEXT_MISMATCH where the argument must equal the context, BAD_USER_INPUT
// where the field validates its input first — never INTERNAL (a malformed id reaching a
// Firestore path or a Redis channel) and never a 5xx, never quoting a long id back; and
// afterwards nothing was written anywhere. Malformed resource kinds get the same
// treatment: BAD_USER_INPUT, not ROUTE_MISSING (503, which tells clients to retry).
func TestAttackHostileIDArguments(t *testing.T) {
	ts, admin := newChatServer(t, "")
	f := newChatFixture(t, ts)
	f.ts.postMessage(t, f.h, f.thread, "m1")
	sys := bearer(admin.Token).with("X-Tenant-Id", "t_system")
	in := func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return map[string]any{"i": m}
	}
	route := func(kv ...any) map[string]any {
		base := []any{"resourceKind", "media", "tenantId", f.owner.TenantID, "env", "prod", "backendType", "gcs",
			"config", []any{map[string]any{"key": "bucket", "value": "evil"}}}
		return in(append(base, kv...)...)
	}

	type call struct {
		h     headers
		query string
		vars  func(id string) map[string]any
		code  string // the refusal every hostile id gets
		// wrongKind, when set, is the refusal for "x_abc": well formed, but no id of this
		// kind, which a field that validates first may look up and not find.
		wrongKind string
	}
	fields := []struct {
		name, prefix string
		call
	}{
		{"Query.project", "p", call{f.owner.headers(), `query($id: ID!) { project(id: $id) { id } }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Query.thread", "h", call{f.h, `query($id: ID!) { thread(id: $id) { id } }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Query.messages", "h", call{f.h, `query($id: ID!) { messages(threadId: $id) { seq } }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Mutation.updateProject", "p", call{f.owner.headers(), `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }`,
			func(id string) map[string]any { return in("projectId", id, "name", "Pwned", "expectedVersion", 1) }, "NOT_FOUND", ""}},
		{"Mutation.archiveProject", "p", call{f.owner.headers(), `mutation($i: ArchiveProjectInput!) { archiveProject(input: $i) { id } }`,
			func(id string) map[string]any { return in("projectId", id, "expectedVersion", 1) }, "NOT_FOUND", ""}},
		{"Mutation.postMessage", "h", call{f.h, `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`,
			func(id string) map[string]any { return in("threadId", id, "text", "pwned") }, "NOT_FOUND", ""}},
		{"Mutation.createThread", "p", call{f.h, `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
			func(id string) map[string]any { return in("projectId", id, "title", "Pwned") }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.removeMember/userId", "u", call{f.owner.headers(), `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`,
			func(id string) map[string]any { return in("tenantId", f.owner.TenantID, "userId", id) }, "NOT_FOUND", ""}},
		{"Mutation.removeMember/tenantId", "t", call{f.owner.headers(), `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`,
			func(id string) map[string]any { return in("tenantId", id, "userId", f.owner.UserID) }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.inviteMember", "t", call{f.owner.headers(), `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }`,
			func(id string) map[string]any { return in("tenantId", id, "email", admin.Email, "role", "OWNER") }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.updateSurface", "s", call{f.owner.headers(), `mutation($i: UpdateSurfaceInput!) { updateSurface(input: $i) { id } }`,
			func(id string) map[string]any { return in("id", id, "name", "Pwned", "expectedVersion", 1) }, "NOT_FOUND", ""}},
		{"Mutation.deleteSurface", "s", call{f.owner.headers(), `mutation($id: ID!) { deleteSurface(id: $id) }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Mutation.updateApp", "a", call{f.owner.headers(), `mutation($i: UpdateAppInput!) { updateApp(input: $i) { id } }`,
			func(id string) map[string]any { return in("id", id, "name", "Pwned", "expectedVersion", 1) }, "NOT_FOUND", ""}},
		{"Mutation.deleteApp", "a", call{f.owner.headers(), `mutation($id: ID!) { deleteApp(id: $id) }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Query.canvas", "c", call{f.h, canvasQuery, func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Mutation.acceptInvitation", "iv", call{f.owner.headers(), `mutation($id: ID!) { acceptInvitation(id: $id) { role } }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Mutation.declineInvitation", "iv", call{f.owner.headers(), `mutation($id: ID!) { declineInvitation(id: $id) }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Mutation.revokeInvitation", "iv", call{f.owner.headers(), `mutation($id: ID!) { revokeInvitation(id: $id) }`,
			func(id string) map[string]any { return map[string]any{"id": id} }, "NOT_FOUND", ""}},
		{"Mutation.createProject", "t", call{f.owner.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			func(id string) map[string]any { return in("tenantId", id, "name", "Pwned") }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.createSurface", "t", call{f.owner.headers(), `mutation($i: CreateSurfaceInput!) { createSurface(input: $i) { id } }`,
			func(id string) map[string]any { return in("tenantId", id, "name", "Pwned") }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.createApp", "t", call{f.owner.headers(), `mutation($i: CreateAppInput!) { createApp(input: $i) { id } }`,
			func(id string) map[string]any { return in("tenantId", id, "name", "Pwned") }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.setTenantMode", "t", call{sys, `mutation($t: ID!) { setTenantMode(tenantId: $t, mode: "lab") { id } }`,
			func(id string) map[string]any { return map[string]any{"t": id} }, "BAD_USER_INPUT", "NOT_FOUND"}},
		{"Mutation.setRoute/tenantId", "t", call{f.owner.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`,
			func(id string) map[string]any { return route("tenantId", id) }, "CONTEXT_MISMATCH", ""}},
		{"Mutation.setRoute/projectId", "p", call{f.owner.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`,
			func(id string) map[string]any { return route("projectId", id) }, "BAD_USER_INPUT", ""}},
		{"Mutation.deleteRoute/projectId", "p", call{f.owner.headers(), `mutation($i: DeleteRouteInput!) { deleteRoute(input: $i) }`,
			func(id string) map[string]any {
				return in("resourceKind", "media", "tenantId", f.owner.TenantID, "env", "prod", "projectId", id)
			}, "BAD_USER_INPUT", ""}},
	}
	for _, fl := range fields {
		for name, id := range hostileIDs(fl.prefix) {
			t.Run(fl.name+"/"+name, func(t *testing.T) {
				r := ts.gql(t, fl.h, fl.query, fl.vars(id))
				want := fl.code
				if name == "WrongPrefix" && fl.wrongKind != "" {
					want = fl.wrongKind
				}
				expectRefusal(t, r, want, id)
			})
		}
	}

	kinds := map[string]string{
		"Slash": "media/../chat_bus", "DotDot": "..", "Star": "*", "NUL": "media\x00", "Upper": "MEDIA",
		"Space": "chat bus", "TenKB": strings.Repeat("k", 10<<10), "Empty": "",
	}
	for name, kind := range kinds {
		t.Run("Query.route/"+name, func(t *testing.T) {
			r := ts.gql(t, f.owner.headers().with("X-Env", "prod"), `query($k: String!) { route(resourceKind: $k) { matchedScope } }`, map[string]any{"k": kind})
			expectRefusal(t, r, "BAD_USER_INPUT", kind)
		})
		t.Run("Mutation.setRoute/resourceKind/"+name, func(t *testing.T) {
			r := ts.gql(t, f.owner.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`, route("resourceKind", kind))
			expectRefusal(t, r, "BAD_USER_INPUT", kind)
		})
	}

	// Subscriptions answer on the socket: the refusal is an error for the operation, and
	// the connection stays usable.
	ws := dialProto(t, ts, protoTransportWS)
	p := initPayload(f.owner)
	p["env"], p["projectId"] = "prod", f.project
	ws.initOK(p)
	for name, id := range hostileIDs("h") {
		t.Run("Subscription.messagePosted/"+name, func(t *testing.T) {
			opID := "s-" + name
			ws.send(map[string]any{"id": opID, "type": "subscribe", "payload": map[string]any{
				"query": `subscription($t: ID!) { messagePosted(threadId: $t, after: 0) { seq } }`, "variables": map[string]any{"t": id}}})
			m, err := ws.next()
			if err != nil {
				t.Fatal(err)
			}
			var errs []gqlError
			switch m.Type {
			case "next":
				var p struct{ Errors []gqlError }
				_ = json.Unmarshal(m.Payload, &p)
				errs = p.Errors
			case "error":
				_ = json.Unmarshal(m.Payload, &errs)
			}
			if m.ID != opID || len(errs) == 0 || errs[0].Extensions.Code != "NOT_FOUND" {
				t.Fatalf("answered %s %s for %q, want a NOT_FOUND error", m.Type, m.Payload, m.ID)
			}
			if len(id) > 64 && strings.Contains(string(m.Payload), id) {
				t.Fatal("the error quotes the id")
			}
			// The operation's end (complete) follows its error.
			if m.Type == "next" {
				if end, err := ws.next(); err != nil || end.Type != "complete" || end.ID != opID {
					t.Fatalf("after the error: %+v, %v", end, err)
				}
			}
		})
	}

	t.Run("NothingWritten", func(t *testing.T) {
		out := ts.tenantState(t, f.owner.headers())
		if out.Tenant.Mode.ID != "saas" || len(out.Members) != 1 || len(out.Projects.Edges) != 1 || len(out.Surfaces) != 0 || len(out.Apps) != 0 || len(out.Routes) != 0 {
			t.Fatalf("the tenant changed: %+v", out)
		}
		if p := out.Projects.Edges[0].Node; p.ID != f.project || p.Name != "Chat" || p.Version != 1 || p.Archived {
			t.Fatalf("the project changed: %+v", p)
		}
		var chat struct {
			Threads  []struct{ ID string }
			Messages []struct{ Text string }
		}
		ts.gql(t, f.h, `query($t: ID!) { threads { id } messages(threadId: $t) { text } }`, map[string]any{"t": f.thread}).decode(t, &chat)
		if len(chat.Threads) != 1 || len(chat.Messages) != 1 || chat.Messages[0].Text != "m1" {
			t.Fatalf("the chat changed: %+v", chat)
		}
		docs := map[string]int{}
		for _, coll := range []string{"tenants", "users", "memberships", "emails", "routes"} {
			n, err := ts.main.client.Collection(coll).Documents(t.Context()).GetAll()
			if err != nil {
				t.Fatal(err)
			}
			docs[coll] = len(n)
		}
		// t_system and the owner's tenant; the admin and the owner; the routes newChatServer wrote.
		want := map[string]int{"tenants": 2, "users": 2, "memberships": 2, "emails": 2, "routes": 2}
		if fmt.Sprint(docs) != fmt.Sprint(want) {
			t.Fatalf("documents %v, want %v", docs, want)
		}
	})
}

// expectRefusal asserts r is the refusal code with its status, no data, and a message
// that does not quote a long value back.
func expectRefusal(t *testing.T, r response, code, value string) {
	t.Helper()
	if r.code() == "INTERNAL" || r.Status >= 500 {
		t.Fatalf("HTTP %d %+v: a malformed value is the client's error (4xx, %s), not a server or backend failure", r.Status, r.Errors, code)
	}
	if r.code() != code {
		t.Fatalf("got HTTP %d %q %+v, want %s", r.Status, r.code(), r.Errors, code)
	}
	if r.Status != r.Errors[0].Extensions.Status || r.Status < 400 {
		t.Fatalf("HTTP %d with extensions.status %d", r.Status, r.Errors[0].Extensions.Status)
	}
	if s := strings.TrimSpace(string(r.Data)); s != "" && s != "null" {
		t.Fatalf("data = %s, want null", s)
	}
	if len(value) > 64 {
		for _, e := range r.Errors {
			if strings.Contains(e.Message, value) {
				t.Fatal("the error quotes the value")
			}
		}
	}
}

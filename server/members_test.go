package main

import (
	"net/http"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/wsgorilla"
)

const (
	setRoleMutation = `mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { userId role version } }`
	leaveMutation   = `mutation($t: ID!) { leaveTenant(tenantId: $t) }`
)

const (
	inviteMutation = `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id tenantId email role status expiresAt } }`
	acceptMutation = `mutation($id: ID!) { acceptInvitation(id: $id) { tenantId userId role } }`
)

// invite has inviter invite email to their tenant with role; it returns the invitation.
func (ts *testServer) invite(t *testing.T, inviter account, email, role string) string {
	t.Helper()
	var out struct{ InviteMember struct{ ID string } }
	ts.gql(t, inviter.headers(), inviteMutation,
		map[string]any{"i": map[string]any{"tenantId": inviter.TenantID, "email": email, "role": role}}).decode(t, &out)
	return out.InviteMember.ID
}

// addMemberAs has owner invite who to their tenant with role and who accept; it returns
// who in that tenant.
func (ts *testServer) addMemberAs(t *testing.T, owner, who account, role string) account {
	t.Helper()
	id := ts.invite(t, owner, who.Email, role)
	var out struct{ AcceptInvitation struct{ Role string } }
	ts.gql(t, bearer(who.Token), acceptMutation, map[string]any{"id": id}).decode(t, &out)
	if out.AcceptInvitation.Role != role {
		t.Fatalf("accepted as %q, want %s", out.AcceptInvitation.Role, role)
	}
	who.TenantID = owner.TenantID
	return who
}

func setRole(tenant, user, role string, version ...int) map[string]any {
	in := map[string]any{"tenantId": tenant, "userId": user, "role": role}
	if len(version) > 0 {
		in["expectedVersion"] = version[0]
	}
	return map[string]any{"i": in}
}

// TestMembers: roles change under the owner rules, with versions; the last owner keeps
// the role and cannot leave; members leave; ADMINs see members' emails.
func TestMembers(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	bob := ts.addMemberAs(t, ann, ts.signup(t, "bob"), "ADMIN")
	carol := ts.addMemberAs(t, ann, ts.signup(t, "carol"), "VIEWER")

	t.Run("AdminsSeeEmails", func(t *testing.T) {
		var out struct {
			Members []struct {
				UserID string
				User   *struct{ Email string }
			}
		}
		ts.gql(t, bob.headers(), `{ members { userId user { email } } }`, nil).decode(t, &out)
		if len(out.Members) != 3 {
			t.Fatalf("members = %+v", out.Members)
		}
		for _, m := range out.Members {
			if m.User == nil || m.User.Email == "" {
				t.Fatalf("an ADMIN does not see %s's email", m.UserID)
			}
		}
	})

	t.Run("Rules", func(t *testing.T) {
		var out struct {
			SetMemberRole struct {
				Role    string
				Version int
			}
		}
		ts.gql(t, bob.headers(), setRoleMutation, setRole(ann.TenantID, carol.UserID, "MEMBER")).decode(t, &out)
		if out.SetMemberRole.Role != "MEMBER" || out.SetMemberRole.Version != 2 {
			t.Fatalf("setMemberRole = %+v", out.SetMemberRole)
		}
		expectError(t, ts.gql(t, bob.headers(), setRoleMutation, setRole(ann.TenantID, carol.UserID, "OWNER")), "FORBIDDEN", http.StatusForbidden)
		expectError(t, ts.gql(t, bob.headers(), setRoleMutation, setRole(ann.TenantID, ann.UserID, "VIEWER")), "FORBIDDEN", http.StatusForbidden)
		expectError(t, ts.gql(t, carol.headers(), setRoleMutation, setRole(ann.TenantID, carol.UserID, "ADMIN")), "FORBIDDEN", http.StatusForbidden)
		expectError(t, ts.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, ann.UserID, "ADMIN")), "CONFLICT", http.StatusConflict)
		expectError(t, ts.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, carol.UserID, "VIEWER", 1)), "CONFLICT", http.StatusConflict)
		expectError(t, ts.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, "u_nobody", "VIEWER")), "NOT_FOUND", http.StatusNotFound)
		expectError(t, ts.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, carol.UserID, "KING")), "BAD_USER_INPUT", http.StatusBadRequest)

		ts.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, bob.UserID, "OWNER")).decode(t, &out)
		ts.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, ann.UserID, "ADMIN")).decode(t, &out) // bob owns it now
		expectError(t, ts.gql(t, bob.headers(), leaveMutation, map[string]any{"t": ann.TenantID}), "CONFLICT", http.StatusConflict)
	})

	t.Run("Leave", func(t *testing.T) {
		var out struct{ LeaveTenant bool }
		ts.gql(t, carol.headers(), leaveMutation, map[string]any{"t": carol.TenantID}).decode(t, &out)
		expectError(t, ts.gql(t, carol.headers(), `{ tenant { id } }`, nil), "FORBIDDEN", http.StatusForbidden)
		expectError(t, ts.gql(t, carol.headers(), leaveMutation, map[string]any{"t": carol.TenantID}), "FORBIDDEN", http.StatusForbidden)
		expectError(t, ts.gql(t, ann.headers(), leaveMutation, map[string]any{"t": bob.TenantID + "x"}), "CONTEXT_MISMATCH", http.StatusBadRequest)
	})
}

// TestRoleLoweredEverywhere: lowering a member's role on one replica closes their
// websockets on the other (4403, to reconnect with the new role) and the other refuses
// the old role's fields within 5 s.
func TestRoleLoweredEverywhere(t *testing.T) {
	a := newServer(t)
	b := newServer(t, replicaOf(a))
	ann := a.signup(t, "ann")
	bob := a.addMemberAs(t, ann, a.signup(t, "bob"), "ADMIN")
	if r := b.gql(t, bob.headers(), `{ members { userId } }`, nil); len(r.Errors) > 0 { // cached as ADMIN on b
		t.Fatalf("bob as ADMIN on b: %+v", r.Errors)
	}
	ws := dialProto(t, b, protoTransportWS)
	ws.initOK(initPayload(bob))
	ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `subscription { routeChanged { resourceKind } }`}})
	waitFor(t, func() bool { return b.main.conns.Count() == 1 })

	var out struct{ SetMemberRole struct{ Role string } }
	start := time.Now()
	a.gql(t, ann.headers(), setRoleMutation, setRole(ann.TenantID, bob.UserID, "VIEWER")).decode(t, &out)
	if code, reason := ws.expectClose(); code != wsgorilla.CloseForbidden {
		t.Fatalf("bob's websocket on b closed with %d %q, want 4403", code, reason)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("closed after %s", d)
	}
	waitForWithin(t, 5*time.Second, func() bool {
		return b.gql(t, bob.headers(), `{ members { userId } }`, nil).code() == "FORBIDDEN"
	}, func() string { return "b still serves bob as ADMIN" })
	if r := b.gql(t, bob.headers(), `{ tenant { id } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("bob as VIEWER on b: %+v", r.Errors)
	}
}

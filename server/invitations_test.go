package main

import (
	"context"
	"net/http"
	"testing"
	"time"

	"cloud.google.com/go/firestore"
)

// invitation is an Invitation as the tests read it.
type invitation struct {
	ID, TenantID, TenantName, Email, Role, Status string
	ExpiresAt                                     time.Time
}

// invitationsOf lists the invitations a query field (invitations, myInvitations) shows h.
func (ts *testServer) invitationsOf(t *testing.T, h headers, field string) []invitation {
	t.Helper()
	var out map[string][]invitation
	ts.gql(t, h, `{ `+field+` { id tenantId tenantName email role status expiresAt } }`, nil).decode(t, &out)
	return out[field]
}

// statusOf is the status invitation id shows in its tenant's list.
func statusOf(list []invitation, id string) string {
	for _, inv := range list {
		if inv.ID == id {
			return inv.Status
		}
	}
	return "absent"
}

// TestInvitations: inviting answers alike for known and unknown emails; only the invitee
// sees and answers an invitation; accepting makes a member on every replica; declined,
// revoked and expired invitations cannot be accepted; each step is in the audit log.
func TestInvitations(t *testing.T) {
	a := newServer(t)
	b := newServer(t, replicaOf(a))
	ann := a.signup(t, "ann")
	bob := a.signup(t, "bob")
	carol := a.signup(t, "carol")
	const decline = `mutation($id: ID!) { declineInvitation(id: $id) }`
	const revoke = `mutation($id: ID!) { revokeInvitation(id: $id) }`

	t.Run("SameAnswerForUnknownEmails", func(t *testing.T) {
		var known, unknown struct{ InviteMember invitation }
		a.gql(t, ann.headers(), inviteMutation, map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "email": bob.Email, "role": "ADMIN"}}).decode(t, &known)
		a.gql(t, ann.headers(), inviteMutation, map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "email": "Erin@Example.com", "role": "MEMBER"}}).decode(t, &unknown)
		for _, inv := range []invitation{known.InviteMember, unknown.InviteMember} {
			if inv.ID == "" || inv.TenantID != ann.TenantID || inv.Status != "PENDING" {
				t.Fatalf("invitation = %+v", inv)
			}
			if left := time.Until(inv.ExpiresAt); left < 7*24*time.Hour-time.Minute || left > 7*24*time.Hour {
				t.Errorf("expires in %s, want 7 days", left)
			}
		}
		if unknown.InviteMember.Email != "erin@example.com" {
			t.Errorf("email stored as %q, want it normalized", unknown.InviteMember.Email)
		}
	})
	invs := a.invitationsOf(t, ann.headers(), "invitations")
	if len(invs) != 2 {
		t.Fatalf("ann's invitations: %+v", invs)
	}
	bobs, erins := invs[1].ID, invs[0].ID // newest first

	t.Run("OnlyTheInviteeSeesIt", func(t *testing.T) {
		var tenant struct{ Tenant struct{ Name string } }
		a.gql(t, ann.headers(), `{ tenant { name } }`, nil).decode(t, &tenant)
		if got := a.invitationsOf(t, bearer(bob.Token), "myInvitations"); len(got) != 1 || got[0].ID != bobs || got[0].Role != "ADMIN" ||
			got[0].TenantName != tenant.Tenant.Name || got[0].TenantName == "" {
			t.Fatalf("bob's invitations: %+v, want ann's to %q", got, tenant.Tenant.Name)
		}
		if got := a.invitationsOf(t, bearer(carol.Token), "myInvitations"); len(got) != 0 {
			t.Fatalf("carol sees %+v", got)
		}
		expectError(t, a.gql(t, bearer(carol.Token), acceptMutation, map[string]any{"id": bobs}), "NOT_FOUND", http.StatusNotFound)
		expectError(t, a.gql(t, bearer(carol.Token), decline, map[string]any{"id": bobs}), "NOT_FOUND", http.StatusNotFound)
	})
	t.Run("AcceptOnEveryReplica", func(t *testing.T) {
		bobIn := bob
		bobIn.TenantID = ann.TenantID
		expectError(t, b.gql(t, bobIn.headers(), `{ tenant { id } }`, nil), "FORBIDDEN", http.StatusForbidden) // cached on b
		var out struct {
			AcceptInvitation struct{ TenantID, UserID, Role string }
		}
		a.gql(t, bearer(bob.Token), acceptMutation, map[string]any{"id": bobs}).decode(t, &out)
		if out.AcceptInvitation.TenantID != ann.TenantID || out.AcceptInvitation.UserID != bob.UserID || out.AcceptInvitation.Role != "ADMIN" {
			t.Fatalf("accepted: %+v", out.AcceptInvitation)
		}
		waitFor(t, func() bool { return b.gql(t, bobIn.headers(), `{ tenant { id } }`, nil).code() == "" })
		expectError(t, a.gql(t, bearer(bob.Token), acceptMutation, map[string]any{"id": bobs}), "CONFLICT", http.StatusConflict)
		if got := a.invitationsOf(t, bearer(bob.Token), "myInvitations"); len(got) != 0 {
			t.Errorf("bob still sees %+v", got)
		}
	})
	t.Run("SignUpThenAccept", func(t *testing.T) {
		erin := a.signupWith(t, "erin@example.com", "erin")
		if got := a.invitationsOf(t, bearer(erin.Token), "myInvitations"); len(got) != 1 || got[0].ID != erins {
			t.Fatalf("erin's invitations: %+v", got)
		}
		a.gql(t, bearer(erin.Token), decline, map[string]any{"id": erins}).decode(t, &struct{}{})
		expectError(t, a.gql(t, bearer(erin.Token), acceptMutation, map[string]any{"id": erins}), "CONFLICT", http.StatusConflict)
		if s := statusOf(a.invitationsOf(t, ann.headers(), "invitations"), erins); s != "DECLINED" {
			t.Errorf("erin's invitation is %s, want DECLINED", s)
		}
	})
	t.Run("Revoked", func(t *testing.T) {
		id := a.invite(t, ann, carol.Email, "VIEWER")
		a.gql(t, ann.headers(), revoke, map[string]any{"id": id}).decode(t, &struct{}{})
		expectError(t, a.gql(t, ann.headers(), revoke, map[string]any{"id": id}), "CONFLICT", http.StatusConflict)
		expectError(t, a.gql(t, bearer(carol.Token), acceptMutation, map[string]any{"id": id}), "CONFLICT", http.StatusConflict)
		if s := statusOf(a.invitationsOf(t, ann.headers(), "invitations"), id); s != "REVOKED" {
			t.Errorf("revoked invitation is %s", s)
		}
	})
	t.Run("Expired", func(t *testing.T) {
		id := a.invite(t, ann, carol.Email, "MEMBER")
		past := time.Now().Add(-time.Minute)
		if _, err := a.main.client.Collection("invitations").Doc(id).Update(context.Background(), []firestore.Update{{Path: "expiresAt", Value: past}}); err != nil {
			t.Fatal(err)
		}
		if s := statusOf(a.invitationsOf(t, ann.headers(), "invitations"), id); s != "EXPIRED" {
			t.Errorf("invitation past its expiry is %s", s)
		}
		if got := a.invitationsOf(t, bearer(carol.Token), "myInvitations"); len(got) != 0 {
			t.Errorf("carol sees expired invitations: %+v", got)
		}
		expectError(t, a.gql(t, bearer(carol.Token), acceptMutation, map[string]any{"id": id}), "CONFLICT", http.StatusConflict)
		a.invite(t, ann, carol.Email, "MEMBER") // an expired invitation does not block a new one
	})
	t.Run("Audited", func(t *testing.T) {
		evs, _ := a.auditLog(t, ann.headers(), map[string]any{"target": bobs})
		if len(evs) != 2 || evs[0].Action != "invitation.accept" || evs[1].Action != "member.invite" {
			t.Fatalf("bob's invitation's events: %+v", evs)
		}
		if evs[0].Actor.ID != bob.UserID || evs[0].Actor.Label != bob.Email || evs[1].Actor.ID != ann.UserID {
			t.Errorf("actors: accept by %+v, invite by %+v", evs[0].Actor, evs[1].Actor)
		}
		if from, to, ok := evs[0].change("status"); !ok || from != "PENDING" || to != "ACCEPTED" {
			t.Errorf("accept status change %q -> %q (%v)", from, to, ok)
		}
		if _, to, ok := evs[0].change("role"); !ok || to != "ADMIN" {
			t.Errorf("accept role change to %q (%v)", to, ok)
		}
	})
}

// TestAttackEscalation: an ADMIN cannot make anyone an OWNER — not themselves through
// setMemberRole, not a second account through an invitation — and a VIEWER cannot read
// the audit log; an invitation is accepted only by its own email.
func TestAttackEscalation(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	bob := ts.addMemberAs(t, ann, ts.signup(t, "bob"), "ADMIN")
	vera := ts.addMemberAs(t, ann, ts.signup(t, "vera"), "VIEWER")
	bobsOther := ts.signup(t, "bob-other")

	expectError(t, ts.gql(t, bob.headers(), setRoleMutation, setRole(ann.TenantID, bob.UserID, "OWNER")), "FORBIDDEN", http.StatusForbidden)
	expectError(t, ts.gql(t, bob.headers(), inviteMutation,
		map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "email": bobsOther.Email, "role": "OWNER"}}), "FORBIDDEN", http.StatusForbidden)
	expectError(t, ts.gql(t, vera.headers(), inviteMutation,
		map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "email": bobsOther.Email, "role": "VIEWER"}}), "FORBIDDEN", http.StatusForbidden)
	expectError(t, ts.gql(t, vera.headers(), auditQuery, nil), "FORBIDDEN", http.StatusForbidden)
	expectError(t, ts.gql(t, vera.headers(), `{ invitations { id } }`, nil), "FORBIDDEN", http.StatusForbidden)

	// An invitation to ann's co-founder cannot be taken by bob's other account.
	id := ts.invite(t, ann, "cofounder@example.com", "OWNER")
	expectError(t, ts.gql(t, bearer(bobsOther.Token), acceptMutation, map[string]any{"id": id}), "NOT_FOUND", http.StatusNotFound)

	var out struct {
		Members []struct{ UserID, Role string }
	}
	ts.gql(t, ann.headers(), `{ members { userId role } }`, nil).decode(t, &out)
	owners := 0
	for _, m := range out.Members {
		if m.Role == "OWNER" {
			owners++
		}
		if m.UserID == bobsOther.UserID {
			t.Errorf("bob's other account became a member: %+v", m)
		}
	}
	if owners != 1 || len(out.Members) != 3 {
		t.Errorf("members after the attempts: %+v", out.Members)
	}
}

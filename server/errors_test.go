package main

import (
	"net/http"
	"strings"
	"testing"
)

// TestErrorTable drives every row of the SPEC error table through the real handler and
// checks extensions.code, extensions.status and the HTTP status together.
func TestErrorTable(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	bob := ts.signup(t, "bob")
	annProject := ts.createProject(t, ann, "Apollo")
	bobProject := ts.createProject(t, bob, "Borealis")
	annInvitation := ts.invite(t, ann, "nobody@example.com", "MEMBER")
	revokedInvitation := ts.invite(t, ann, "gone@example.com", "MEMBER")
	ts.gql(t, ann.headers(), `mutation($id: ID!) { revokeInvitation(id: $id) }`, map[string]any{"id": revokedInvitation}).decode(t, &struct{}{})

	cases := []struct {
		name   string
		h      headers
		query  string
		vars   map[string]any
		code   string
		status int
	}{
		{"Unauthenticated/NoToken", headers{"X-Tenant-Id": ann.TenantID}, `{ tenant { id } }`, nil, "UNAUTHENTICATED", 401},
		{"Unauthenticated/BadToken", bearer("not-a-token"), `{ modes { id } }`, nil, "UNAUTHENTICATED", 401},
		{"Unauthenticated/WrongScheme", headers{"Authorization": "Basic " + ann.Token}, `{ me { id } }`, nil, "UNAUTHENTICATED", 401},
		{"Unauthenticated/WrongPassword", nil, `mutation { login(input: {email: "` + ann.Email + `", password: "wrong-password"}) { token } }`, nil, "UNAUTHENTICATED", 401},
		{"Forbidden/NotMember", bearer(ann.Token).with("X-Tenant-Id", bob.TenantID), `{ tenant { id } }`, nil, "FORBIDDEN", 403},
		{"Forbidden/NoSuchTenant", bearer(ann.Token).with("X-Tenant-Id", "t_doesnotexist"), `{ tenant { id } }`, nil, "FORBIDDEN", 403},
		{"Forbidden/NotSystemAdmin", ann.headers(), `mutation { setTenantMode(tenantId: "` + ann.TenantID + `", mode: "lab") { id } }`, nil, "FORBIDDEN", 403},
		{"Forbidden/WrongBootstrapKey", nil, `mutation { bootstrapSystem(key: "wrong") { id } }`, nil, "FORBIDDEN", 403},
		{"ContextMissing/Tenant", bearer(ann.Token), `{ tenant { id } }`, nil, "CONTEXT_MISSING", 400},
		{"ContextMissing/Project", ann.headers(), `{ contextProject { id } }`, nil, "CONTEXT_MISSING", 400},
		{"ContextInvalid/Env", ann.headers().with("X-Env", "qa"), `{ me { id } }`, nil, "CONTEXT_INVALID", 400},
		{"ContextInvalid/TenantID", bearer(ann.Token).with("X-Tenant-Id", "t_../x"), `{ me { id } }`, nil, "CONTEXT_INVALID", 400},
		{"ContextInvalid/ProjectOfOtherTenant", ann.headers().with("X-Project-Id", bobProject), `{ contextProject { id } }`, nil, "CONTEXT_INVALID", 400},
		{"ContextMismatch/Tenant", ann.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": bob.TenantID, "name": "Trojan"}}, "CONTEXT_MISMATCH", 400},
		{"BadUserInput/Validation", ann.headers(), `{ tenant { nope } }`, nil, "BAD_USER_INPUT", 400},
		{"BadUserInput/Name", ann.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "   "}}, "BAD_USER_INPUT", 400},
		{"BadUserInput/PageSize", ann.headers(), `{ projects(first: 101) { edges { cursor } } }`, nil, "BAD_USER_INPUT", 400},
		{"NotFound/OtherTenantsProject", ann.headers(), `query($id: ID!) { project(id: $id) { id } }`, map[string]any{"id": bobProject}, "NOT_FOUND", 404},
		{"NotFound/UnknownMember", ann.headers(), `mutation($i: RemoveMemberInput!) { removeMember(input: $i) }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "userId": "u_nobody"}}, "NOT_FOUND", 404},
		{"NotFound/OtherEmailsInvitation", bearer(bob.Token), `mutation($id: ID!) { acceptInvitation(id: $id) { role } }`,
			map[string]any{"id": annInvitation}, "NOT_FOUND", 404},
		{"Conflict/PendingInvitation", ann.headers(), inviteMutation,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "email": "nobody@example.com", "role": "MEMBER"}}, "CONFLICT", 409},
		{"Conflict/ModeInUse", bearer(admin.Token).with("X-Tenant-Id", "t_system"), `mutation { deleteMode(id: "saas") }`, nil, "CONFLICT", 409},
		{"Conflict/RevokedInvitation", ann.headers(), `mutation($id: ID!) { revokeInvitation(id: $id) }`,
			map[string]any{"id": revokedInvitation}, "CONFLICT", 409},
		{"Conflict/StaleVersion", ann.headers(), `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"projectId": annProject, "name": "Apollo 2", "expectedVersion": 7}}, "CONFLICT", 409},
		{"Conflict/DuplicateEmail", nil, `mutation($i: SignupInput!) { signup(input: $i) { token } }`,
			map[string]any{"i": map[string]any{"email": ann.Email, "password": "another-password", "tenantName": "Again"}}, "CONFLICT", 409},
		{"Conflict/LastOwnerDemoted", ann.headers(), `mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { role } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "userId": ann.UserID, "role": "ADMIN"}}, "CONFLICT", 409},
		{"Conflict/LastOwnerLeaves", ann.headers(), `mutation($t: ID!) { leaveTenant(tenantId: $t) }`, map[string]any{"t": ann.TenantID}, "CONFLICT", 409},
		{"Conflict/NotArchived", ann.headers(), `mutation($i: ArchiveProjectInput!) { unarchiveProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"projectId": annProject, "expectedVersion": 1}}, "CONFLICT", 409},
		{"Conflict/StaleTenantVersion", ann.headers(), `mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": ann.TenantID, "name": "Ann 2", "expectedVersion": 9}}, "CONFLICT", 409},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectError(t, ts.gql(t, c.h, c.query, c.vars), c.code, c.status)
		})
	}

	t.Run("DocumentNotTrusted/UnknownHash", func(t *testing.T) {
		body := []byte(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + strings.Repeat("0", 64) + `"}}}`)
		expectError(t, ts.post(t, ann.headers(), "application/json", body), "DOCUMENT_NOT_TRUSTED", 400)
	})
	t.Run("Internal", func(t *testing.T) {
		broken := newServer(t)
		acct := broken.signup(t, "carol")
		broken.main.Close() // the Firestore client is gone: every store call fails
		r := broken.gql(t, acct.headers(), `{ me { id } }`, nil)
		expectError(t, r, "INTERNAL", http.StatusInternalServerError)
		if r.Errors[0].Message != "internal error" {
			t.Fatalf("internal error message = %q, want the fixed text", r.Errors[0].Message)
		}
	})
}

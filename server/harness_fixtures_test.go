package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

// account is a signed-up user and the tenant signup created.
type account struct {
	Token, UserID, TenantID, Email string
}

// headers returns the user's bearer token and tenant.
func (a account) headers() headers {
	return bearer(a.Token).with("X-Tenant-Id", a.TenantID)
}

// uniqueEmail is an address no other test uses, starting with name.
func uniqueEmail(name string) string { return name + "-" + randomHex(4) + "@example.com" }

// signup creates a user and a tenant.
func (ts *testServer) signup(t *testing.T, name string) account {
	t.Helper()
	return ts.signupWith(t, uniqueEmail(name), name)
}

// signupWith creates a user with email, password "password-"+name, and a tenant.
func (ts *testServer) signupWith(t *testing.T, email, name string) account {
	t.Helper()
	r := ts.gql(t, nil, `mutation($i: SignupInput!) { signup(input: $i) { token user { id } tenant { id } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": "password-" + name, "tenantName": name + " Inc"}})
	var out struct {
		Signup struct {
			Token  string
			User   struct{ ID string }
			Tenant struct{ ID string }
		}
	}
	r.decode(t, &out)
	return account{Token: out.Signup.Token, UserID: out.Signup.User.ID, TenantID: out.Signup.Tenant.ID, Email: email}
}

// bootstrap bootstraps the server's project with a system admin and returns the admin.
func (ts *testServer) bootstrap(t *testing.T) account {
	t.Helper()
	email := uniqueEmail("admin")
	r := ts.gql(t, nil, `mutation($k: String!, $e: String, $p: String) { bootstrapSystem(key: $k, adminEmail: $e, adminPassword: $p) { id } }`,
		map[string]any{"k": testBootstrapKey, "e": email, "p": "admin-password"})
	var out struct{ BootstrapSystem struct{ ID string } }
	r.decode(t, &out)
	return ts.login(t, email, "admin-password")
}

// login signs in.
func (ts *testServer) login(t *testing.T, email, password string) account {
	t.Helper()
	r := ts.gql(t, nil, `mutation($i: LoginInput!) { login(input: $i) { token user { id } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": password}})
	var out struct {
		Login struct {
			Token string
			User  struct{ ID string }
		}
	}
	r.decode(t, &out)
	return account{Token: out.Login.Token, UserID: out.Login.User.ID, Email: email}
}

// createProject creates a project in a's tenant and returns its id.
func (ts *testServer) createProject(t *testing.T, a account, name string) string {
	t.Helper()
	r := ts.gql(t, a.headers(), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"tenantId": a.TenantID, "name": name}})
	var out struct{ CreateProject struct{ ID string } }
	r.decode(t, &out)
	return out.CreateProject.ID
}

// signupMutation signs up with the variables signupVars makes.
const signupMutation = `mutation($i: SignupInput!) { signup(input: $i) { token user { id } tenant { id } } }`

// signupVars are signupMutation's variables.
func signupVars(email, password string) map[string]any {
	return map[string]any{"i": map[string]any{"email": email, "password": password, "tenantName": "Outage Inc"}}
}

// inlineSignup is a signup for email with all its arguments inline.
func inlineSignup(email string) string {
	return fmt.Sprintf(`mutation { signup(input: {email: %q, password: "password-transport", tenantName: "Transport"}) { token } }`, email)
}

// signupBody is a JSON request body that runs inlineSignup(email).
func signupBody(email string) []byte {
	b, _ := json.Marshal(map[string]any{"query": inlineSignup(email)})
	return b
}

// expectNoUser fails if a user with email exists: signing up with it must succeed.
func expectNoUser(t *testing.T, ts *testServer, email string) {
	t.Helper()
	r := ts.gql(t, nil, `mutation($i: SignupInput!) { signup(input: $i) { user { email } } }`,
		map[string]any{"i": map[string]any{"email": email, "password": "password-later", "tenantName": "Later"}})
	if r.code() == "CONFLICT" {
		t.Fatalf("a refused request created user %s", email)
	}
	var out struct {
		Signup struct{ User struct{ Email string } }
	}
	r.decode(t, &out)
}

// intp points at v, for optional Int arguments.
func intp(v int) *int { return &v }

// setRoute writes a route, with the variables routeInput makes.
const setRoute = `mutation($i: SetRouteInput!) { setRoute(input: $i) { resourceKind tenantId env projectId backendType config { key value } secretRefs version updatedBy } }`

// routeInput is setRoute's variables; extra holds more input fields as name, value pairs.
func routeInput(kind, tenant, env, backend string, config map[string]string, extra ...any) map[string]any {
	var entries []any
	for k, v := range config {
		entries = append(entries, map[string]any{"key": k, "value": v})
	}
	in := map[string]any{"resourceKind": kind, "tenantId": tenant, "env": env, "backendType": backend, "config": entries}
	for i := 0; i+1 < len(extra); i += 2 {
		in[extra[i].(string)] = extra[i+1]
	}
	return map[string]any{"i": in}
}

// tenantState is what a tenant's member reads about it, for "nothing changed" checks.
type tenantState struct {
	Tenant   struct{ Mode struct{ ID string } }
	Members  []struct{ UserID string }
	Projects struct {
		Edges []struct {
			Node struct {
				ID, Name string
				Version  int
				Archived bool
			}
		}
	}
	Surfaces []struct{ ID string }
	Apps     []struct{ ID string }
	Routes   []struct{ ResourceKind string }
}

// tenantState reads the tenant of h.
func (ts *testServer) tenantState(t *testing.T, h headers) tenantState {
	t.Helper()
	var out tenantState
	ts.gql(t, h, `{ tenant { mode { id } } members { userId } projects(includeArchived: true) { edges { node { id name version archived } } } surfaces { id } apps { id } routes { resourceKind } }`, nil).decode(t, &out)
	return out
}

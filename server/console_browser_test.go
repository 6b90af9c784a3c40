package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// consoleHas waits until the text of the element sel selects contains want.
func consoleHas(ctx context.Context, t *testing.T, sel, want string) {
	t.Helper()
	expr := fmt.Sprintf(`(document.querySelector(%q)?.textContent ?? "").includes(%q)`, sel, want)
	if err := browserPoll(ctx, expr); err != nil {
		t.Fatalf("%s never showed %q: %v", sel, want, err)
	}
}

// TestConsoleBrowser uses the admin console in a real headless Chromium that can reach
// nothing but the server, on a server that runs trusted documents only (the console's own
// documents are trusted everywhere): a tenant admin signs up, sees a route set elsewhere
// appear live (graphql-ws, by hash), invites a teammate and sees
// the invitation in the audit log; the teammate signs in, accepts it and finds the
// tenant; a reload resumes the session; a wrong password shows its code and request id;
// signing out returns to the sign-in form; a VIEWER sees no write controls, and the API
// refuses them anyway.
func TestConsoleBrowser(t *testing.T) {
	chromium := chromiumPath(t)
	setup := newServer(t) // the harness sends its own documents
	bob := setup.signup(t, "bob")
	ts := newServer(t, replicaOf(setup), withTrustedDocuments("required"))
	ctx, page := newBrowser(t, chromium, ts.URL)
	email := uniqueEmail("erin")

	browserDo(ctx, t, "the sign-in form renders", chromedp.Navigate(ts.URL+"/console/"), chromedp.WaitVisible(chromedp.CSS("#email")))
	browserDo(ctx, t, "sign up", chromedp.SendKeys(chromedp.CSS("#email"), email), chromedp.SendKeys(chromedp.CSS("#password"), "password-erin"),
		chromedp.SendKeys(chromedp.CSS("#tenant-name"), "Erin Labs"), chromedp.Click(chromedp.CSS("#sign-up")))
	consoleHas(ctx, t, "#tenants", "Erin Labs (")
	consoleHas(ctx, t, "#who", email)

	browserDo(ctx, t, "open the tenant", chromedp.Click(chromedp.CSS("#tenants button")))
	consoleHas(ctx, t, "#role", "OWNER")
	browserDo(ctx, t, "create a project", chromedp.SendKeys(chromedp.CSS("#project-name"), "Apollo"), chromedp.Click(chromedp.CSS("#create-project button")))
	consoleHas(ctx, t, "#projects", "Apollo (version 1)")
	// Routes follow routeChanged over graphql-ws: a change made elsewhere shows at once.
	before := ts.main.registry.Subscribers() // the chat bus follows its route too
	browserDo(ctx, t, "open the routes", chromedp.Click(chromedp.CSS("#tab-routes")), chromedp.WaitVisible(chromedp.CSS("#routes-live")))
	waitFor(t, func() bool { return ts.main.registry.Subscribers() > before })
	erin := setup.login(t, email, "password-erin")
	var erinTenants struct{ Tenants []struct{ ID string } }
	setup.gql(t, bearer(erin.Token), `{ tenants { id } }`, nil).decode(t, &erinTenants)
	erin.TenantID = erinTenants.Tenants[0].ID
	setup.gql(t, erin.headers(), `mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`,
		routeInput("media", erin.TenantID, "dev", "gcs", map[string]string{"bucket": "erin"})).decode(t, &struct{}{})
	consoleHas(ctx, t, "#routes-live", "media (dev) is at version 1")
	consoleHas(ctx, t, "#routes", "bucket=erin")
	browserDo(ctx, t, "open the members", chromedp.Click(chromedp.CSS("#tab-members")))
	consoleHas(ctx, t, "#members", email)
	browserDo(ctx, t, "invite bob as a VIEWER", chromedp.SendKeys(chromedp.CSS("#invite-email"), bob.Email),
		chromedp.SetValue(chromedp.CSS("#invite-role"), "VIEWER"), chromedp.Click(chromedp.CSS("#invite button[type=submit]")))
	consoleHas(ctx, t, "#invitations", bob.Email)
	consoleHas(ctx, t, "#invitations .status", "PENDING")
	browserDo(ctx, t, "open the audit log", chromedp.Click(chromedp.CSS("#tab-audit")))
	consoleHas(ctx, t, "#audit", "member.invite")
	consoleHas(ctx, t, "#audit", "email: ∅ → "+bob.Email)

	browserDo(ctx, t, "reload", chromedp.Navigate(ts.URL+"/console/"))
	consoleHas(ctx, t, "#tenants", "Erin Labs (")
	browserDo(ctx, t, "sign out", chromedp.Click(chromedp.CSS("#sign-out")), chromedp.WaitVisible(chromedp.CSS("#email")))

	browserDo(ctx, t, "a wrong password", chromedp.SendKeys(chromedp.CSS("#email"), bob.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), "not-the-password"), chromedp.Click(chromedp.CSS("#sign-in button[type=submit]")))
	consoleHas(ctx, t, "#sign-in [role=alert]", "UNAUTHENTICATED: wrong email or password (request ")
	browserDo(ctx, t, "bob signs in", chromedp.SetValue(chromedp.CSS("#password"), "password-bob"), chromedp.Click(chromedp.CSS("#sign-in button[type=submit]")))
	consoleHas(ctx, t, "#my-invitations", "VIEWER in ")
	browserDo(ctx, t, "bob accepts", chromedp.Click(chromedp.CSS("#my-invitations button")))
	consoleHas(ctx, t, "#tenants", "Erin Labs (")

	// A VIEWER sees the projects and no write control; the API refuses writes anyway.
	var tenants struct{ Tenants []struct{ ID, Name string } }
	setup.gql(t, bearer(bob.Token), `{ tenants { id name } }`, nil).decode(t, &tenants)
	erinLabs := ""
	for _, tn := range tenants.Tenants {
		if tn.Name == "Erin Labs" {
			erinLabs = tn.ID
		}
	}
	browserDo(ctx, t, "bob opens Erin Labs", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#tenants button[data-tenant=%q]`, erinLabs))))
	consoleHas(ctx, t, "#role", "VIEWER")
	consoleHas(ctx, t, "#projects", "Apollo")
	if err := browserPoll(ctx, `!document.querySelector("#create-project, #tab-members, #tab-audit, #invite")`); err != nil {
		t.Fatalf("a VIEWER sees write controls: %v", err)
	}
	expectError(t, setup.gql(t, bearer(bob.Token).with("X-Tenant-Id", erinLabs), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"tenantId": erinLabs, "name": "Nope"}}), "FORBIDDEN", 403)

	page.mu.Lock()
	defer page.mu.Unlock()
	if len(page.offsite) > 0 {
		t.Errorf("the console asked for other origins: %v", page.offsite)
	}
	for _, e := range page.errors {
		if strings.Contains(e, "status of 401") { // the wrong password, on purpose
			continue
		}
		t.Errorf("browser error: %s", e)
	}
}

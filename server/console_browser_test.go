package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// consoleTab is one browser tab of the console under test. Each step fails the test with
// what the page said; after each step and each awaited text it keeps a screenshot of the
// page, and a failing test leaves them all among its artifacts (keepArtifact), numbered
// in order, with one of the page as it was at the end.
type consoleTab struct {
	t     *testing.T
	name  string
	ctx   context.Context
	log   *pageLog
	shots []consoleShot
}

type consoleShot struct {
	step string
	png  []byte
}

// openConsoleTab names the first tab of browser (startBrowser) and logs what it asks for
// and says.
func openConsoleTab(t *testing.T, browser context.Context, origin, name string) *consoleTab {
	t.Helper()
	ctx := browser
	c := &consoleTab{t: t, name: name, ctx: ctx, log: &pageLog{}}
	if err := chromedp.Listen(ctx, c.log.record(origin)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		t.Logf("tab %s:", name)
		c.log.show(t)
		for i, s := range c.shots {
			keepArtifact(t, fmt.Sprintf("%s-%02d-%s.png", name, i+1, slug(s.step)), s.png)
		}
		saveScreenshotAs(c.ctx, t, name+"-last.png")
	})
	return c
}

// slug makes a step's description a file name.
func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '-'
	}, s)
}

// do runs steps with a deadline, then keeps a screenshot of the page they led to.
func (c *consoleTab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, browserWait)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		c.t.Fatalf("%s: %s: %v (deadline %s)", c.name, what, err, browserWait)
	}
	c.snap(what)
}

// snap keeps a screenshot of the page as it is after step.
func (c *consoleTab) snap(step string) {
	ctx, cancel := context.WithTimeout(c.ctx, browserWait)
	defer cancel()
	if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		c.shots = append(c.shots, consoleShot{step, png})
	}
}

// has waits until the text of the element sel selects contains want.
func (c *consoleTab) has(sel, want string) {
	c.t.Helper()
	if err := c.poll(hasText(sel, want)); err != nil {
		c.t.Fatalf("%s: %s never showed %q: %v", c.name, sel, want, err)
	}
	c.snap(sel + " shows " + want)
}

// poll waits until the JavaScript expression is true in the tab.
func (c *consoleTab) poll(expr string) error {
	return browserPoll(c.ctx, expr)
}

// hasText is the JavaScript test that the element sel selects contains want.
func hasText(sel, want string) string {
	return fmt.Sprintf(`(document.querySelector(%q)?.textContent ?? "").includes(%q)`, sel, want)
}

// check fails the test on anything the tab asked of another origin and on errors in it
// other than those allowed (substrings of expected ones).
func (c *consoleTab) check(allowed ...string) {
	c.t.Helper()
	c.log.mu.Lock()
	defer c.log.mu.Unlock()
	if len(c.log.offsite) > 0 {
		c.t.Errorf("%s asked for other origins: %v", c.name, c.log.offsite)
	}
next:
	for _, e := range c.log.errors {
		for _, a := range allowed {
			if strings.Contains(e, a) {
				continue next
			}
		}
		c.t.Errorf("%s: browser error: %s", c.name, e)
	}
}

// signIn signs email in on the console's sign-in page with the keyboard only: the
// fields, then Enter.
func (c *consoleTab) signIn(url, email, password string) {
	c.t.Helper()
	c.do("the sign-in form renders", chromedp.Navigate(url+"/console/"), chromedp.WaitVisible(chromedp.CSS("#email")))
	c.do("sign in "+email, chromedp.Focus(chromedp.CSS("#email")), chromedp.KeyEvent(email+"\t"+password+"\r"))
	c.has("#who", email)
}

// TestConsoleBrowser uses the admin console in two real headless Chromiums that can reach
// nothing but the server, on a server that runs trusted documents only (the console's own
// documents are trusted everywhere), the way a tenant admin and a system admin do:
//   - a tenant admin signs up, creates a project (the context bar lists it at once) and a
//     surface, renames the surface, reads the tenant's details and mode;
//   - sets a route in one browser and a second browser's routes view shows it at once
//     (graphql-ws);
//     both edit it, the second save is a CONFLICT shown with the current version, and
//     saving again replaces it; the effective route names its matched scope; a pasted
//     routes file is previewed without a write; a deletes the route b edits, and b's form
//     says so;
//   - creates a service account whose secret shows once;
//   - opens a chat thread in the project and env chosen in the context bar: a message
//     posted by another client shows within a second, and one posted in the console
//     reaches the API;
//   - invites a teammate and sees the invitation in the audit log, filtered; cannot
//     demote herself, the last owner (the refusal shows, and her role again); renames the
//     tenant, and the heading and the tenant switcher follow;
//   - a reload resumes the session and comes back to the page, tab and env it showed; a
//     wrong password shows its code and request id;
//   - the teammate accepts with the keyboard and, a VIEWER, sees no write controls, while
//     the API refuses them anyway;
//   - a system admin searches all tenants, moves one to another mode, sees an empty
//     search say so, and creates a mode;
//   - on a narrow screen no page scrolls sideways.
func TestConsoleBrowser(t *testing.T) {
	chromium := chromiumPath(t)
	setup, admin := newChatServer(t, "") // the harness sends its own documents
	bob := setup.signup(t, "bob")
	ts := newServer(t, replicaOf(setup), withTrustedDocuments("required"))
	waitChatRoute(t, ts)
	env := ts.main.cfg.Env
	browser := startBrowser(t, chromium)
	a := openConsoleTab(t, browser, ts.URL, "a")
	email := uniqueEmail("erin")

	a.do("the sign-in form renders", chromedp.Navigate(ts.URL+"/console/"), chromedp.WaitVisible(chromedp.CSS("#email")))
	a.do("sign up", chromedp.SendKeys(chromedp.CSS("#email"), email), chromedp.SendKeys(chromedp.CSS("#password"), "password-erin"),
		chromedp.SendKeys(chromedp.CSS("#tenant-name"), "Erin Labs"), chromedp.Click(chromedp.CSS("#sign-up")))
	a.has("#tenants", "Erin Labs (")
	a.has("#who", email)
	erin := setup.login(t, email, "password-erin")
	var erinTenants struct {
		Tenants []struct {
			ID   string
			Mode struct{ ID string }
		}
	}
	setup.gql(t, bearer(erin.Token), `{ tenants { id mode { id } } }`, nil).decode(t, &erinTenants)
	erin.TenantID = erinTenants.Tenants[0].ID

	a.do("open the tenant", chromedp.Click(chromedp.CSS("#tenants button")))
	a.has("#role", "OWNER")
	a.do("create a project", chromedp.SendKeys(chromedp.CSS("#create-project-name"), "Apollo"), chromedp.Click(chromedp.CSS("#create-project button")))
	a.has("#projects", "Apollo")
	a.has("#context-project", "Apollo") // the context bar follows at once
	a.do("create a surface", chromedp.SendKeys(chromedp.CSS("#create-surface-name"), "Web"), chromedp.Click(chromedp.CSS("#create-surface button")))
	a.has("#surfaces", "Web")
	a.do("rename the surface", chromedp.WaitVisible(chromedp.CSS("#rename-surface-name")), chromedp.SendKeys(chromedp.CSS("#rename-surface-name"), "Website"),
		chromedp.Click(chromedp.CSS("#rename-surface button")))
	a.has("#surfaces", "Website")
	a.do("open the overview", chromedp.Click(chromedp.CSS("#tab-overview")))
	a.has("#tenant", erin.TenantID)
	a.has("#tenant-mode", "("+erinTenants.Tenants[0].Mode.ID+")")

	// Routes: set in browser a, followed live in a second browser, b.
	b := openConsoleTab(t, startBrowser(t, chromium), ts.URL, "b")
	b.signIn(ts.URL, email, "password-erin")
	b.do("b opens the tenant", chromedp.Click(chromedp.CSS("#tenants button")))
	before := ts.main.registry.Subscribers()
	b.do("b opens the routes", chromedp.Click(chromedp.CSS("#tab-routes")), chromedp.WaitVisible(chromedp.CSS("#routes-live")))
	waitFor(t, func() bool { return ts.main.registry.Subscribers() > before })
	a.do("a opens the routes", chromedp.Click(chromedp.CSS("#tab-routes")), chromedp.WaitVisible(chromedp.CSS("#set-route")))
	a.do("a sets a route", chromedp.SendKeys(chromedp.CSS("#route-kind"), "media"), chromedp.SetValue(chromedp.CSS("#route-env"), "dev"),
		chromedp.SendKeys(chromedp.CSS("#route-backend"), "gcs"), chromedp.SendKeys(chromedp.CSS("#route-config"), "bucket=erin"),
		chromedp.Click(chromedp.CSS("#set-route button[type=submit]")))
	a.has("#route-status", "Saved media at version 1")
	b.has("#routes-live", "media (dev) is at version 1")
	b.has("#routes", "bucket=erin")

	// Both edit version 1; the second save is a conflict, shown, then resolved.
	b.do("b edits the route", chromedp.Click(chromedp.CSS(`#routes button[aria-label="Edit media (dev)"]`)))
	b.has("#route-editing", "at version 1")
	a.do("a edits and saves", chromedp.Click(chromedp.CSS(`#routes button[aria-label="Edit media (dev)"]`)),
		chromedp.SetValue(chromedp.CSS("#route-config"), "bucket=erin-a"), chromedp.Click(chromedp.CSS("#set-route button[type=submit]")))
	a.has("#route-status", "Saved media at version 2")
	b.do("b saves its stale edit", chromedp.SetValue(chromedp.CSS("#route-config"), "bucket=erin-b"), chromedp.Click(chromedp.CSS("#set-route button[type=submit]")))
	b.has("#route-status", "CONFLICT: ")
	b.has("#route-status", "(request ")
	b.has("#route-status .resolution", "now at version 2")
	b.do("b saves again", chromedp.Click(chromedp.CSS("#set-route button[type=submit]")))
	b.has("#route-status", "Saved media at version 3")
	a.has("#routes", "bucket=erin-b")
	a.has("#routes", email) // By names the writer by email to an admin

	b.do("b resolves the effective route", chromedp.SetValue(chromedp.CSS("#context-env"), "dev"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#context-env").dispatchEvent(new Event("change"))`),
		chromedp.WaitVisible(chromedp.CSS("#resolve-kind")), chromedp.SendKeys(chromedp.CSS("#resolve-kind"), "media"),
		chromedp.Click(chromedp.CSS("#resolve-route button")))
	b.has("#resolved", "matched at the tenant scope")
	file := fmt.Sprintf("routes:\n  - {resourceKind: media, tenantId: %[1]s, env: dev, backendType: gcs, config: {bucket: erin-c}}\n  - {resourceKind: seo, tenantId: %[1]s, env: dev, backendType: firestore}\n", erin.TenantID)
	b.do("b previews a routes file", chromedp.SetValue(chromedp.CSS("#routes-file"), file), chromedp.Click(chromedp.CSS("#plan-routes button")))
	b.has("#routes-plan", "Nothing was written: 1 create, 1 update, 0 unchanged.")
	b.has("#routes-plan", "config: bucket=erin-b → bucket=erin-c")
	var stored struct {
		Routes []struct{ ResourceKind string }
	}
	setup.gql(t, erin.headers(), `{ routes { resourceKind } }`, nil).decode(t, &stored)
	if len(stored.Routes) != 1 {
		t.Errorf("routes after the preview: %+v, want only media", stored.Routes)
	}
	// a deletes the route b's form edits: b's form says so, and saving would create it.
	b.do("b edits the route again", chromedp.Click(chromedp.CSS(`#routes button[aria-label="Edit media (dev)"]`)))
	b.has("#route-editing", "at version 3")
	// Delete asks first, and a double-click (a click, then one with detail 2) only asks.
	deleteMedia := `#routes button[aria-label$="delete media (dev)" i]` // "Delete …", then "Confirm delete …"
	a.do("a double-clicks Delete", chromedp.Click(chromedp.CSS(deleteMedia)), chromedp.DoubleClick(chromedp.CSS(deleteMedia)))
	armed := time.Now()
	if err := a.poll(`document.querySelector('#routes button[aria-label="Confirm delete media (dev)"]')?.textContent === "Confirm delete"`); err != nil {
		t.Fatalf("Delete does not ask to confirm: %v", err)
	}
	setup.gql(t, erin.headers(), `{ routes { resourceKind } }`, nil).decode(t, &stored)
	if len(stored.Routes) != 1 {
		t.Fatalf("routes after a double-click on Delete: %+v, want media still there", stored.Routes)
	}
	time.Sleep(time.Until(armed.Add(600 * time.Millisecond))) // a press within half a second of asking is ignored
	a.do("a confirms the delete", chromedp.Click(chromedp.CSS(`#routes button[aria-label="Confirm delete media (dev)"]`)))
	b.has("#route-editing", "media (dev) was deleted")
	if err := b.poll(`document.querySelector("#route-version").value === ""`); err != nil {
		t.Fatalf("b's form still names a version of the deleted route: %v", err)
	}
	a.has("#routes tfoot", "None.")

	// A service account's secret shows once.
	a.do("a opens the service accounts", chromedp.Click(chromedp.CSS("#tab-accounts")), chromedp.WaitVisible(chromedp.CSS("#create-account")))
	a.do("a creates a service account", chromedp.SendKeys(chromedp.CSS("#account-name"), "ci-bot"),
		chromedp.Click(chromedp.CSS("#scope-routes-read")), chromedp.Click(chromedp.CSS("#create-account button[type=submit]")))
	a.has("#account-secret", "shown this once")
	a.has("#accounts", "ci-bot")
	if err := a.poll(`/^\S{20,}$/.test(document.querySelector("#client-secret")?.textContent ?? "")`); err != nil {
		t.Fatalf("no client secret shown: %v", err)
	}
	a.do("a reopens the service accounts", chromedp.Click(chromedp.CSS("#tab-overview")), chromedp.Click(chromedp.CSS("#tab-accounts")), chromedp.WaitVisible(chromedp.CSS("#accounts")))
	if err := a.poll(`!document.querySelector("#account-secret") && document.querySelector("#accounts").textContent.includes("ci-bot")`); err != nil {
		t.Fatalf("the secret shows again: %v", err)
	}

	// Chat in the project and env chosen in the context bar.
	project := setup.createProject(t, erin, "Chat room")
	a.do("a reopens the tenant", chromedp.Click(chromedp.CSS("#home")), chromedp.Click(chromedp.CSS("#tenants button")), chromedp.WaitVisible(chromedp.CSS("#context-project")))
	a.do("a chooses the env and the project", chromedp.SetValue(chromedp.CSS("#context-env"), env),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#context-env").dispatchEvent(new Event("change"))`),
		chromedp.SetValue(chromedp.CSS("#context-project"), project),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#context-project").dispatchEvent(new Event("change"))`),
		chromedp.Click(chromedp.CSS("#tab-chat")), chromedp.WaitVisible(chromedp.CSS("#new-thread-title")))
	a.do("a starts a thread", chromedp.SendKeys(chromedp.CSS("#new-thread-title"), "Launch"), chromedp.Click(chromedp.CSS("#create-thread button")))
	a.has("#chat-live", "Following.")
	chat := chatHeaders(erin, env, project)
	var threads struct{ Threads []struct{ ID, Title string } }
	setup.gql(t, chat, `{ threads { id title } }`, nil).decode(t, &threads)
	if len(threads.Threads) != 1 || threads.Threads[0].Title != "Launch" {
		t.Fatalf("threads: %+v", threads.Threads)
	}
	thread := threads.Threads[0].ID
	posted := time.Now()
	setup.postMessage(t, chat, thread, "hello from another client")
	ctx, cancel := context.WithTimeout(a.ctx, time.Second)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](hasText("#messages", "hello from another client")))
	cancel()
	if err != nil {
		a.has("#messages", "hello from another client") // what shows late, if at all
		t.Fatalf("a message posted by another client took more than a second to show (%v)", err)
	}
	t.Logf("a message posted by another client showed %v after the post began", time.Since(posted).Round(time.Millisecond))
	a.do("a posts", chromedp.SendKeys(chromedp.CSS("#message-text"), "hello from the console\r"))
	a.has("#messages li:last-child", "hello from the console")
	var msgs struct{ Messages []struct{ Text string } }
	setup.gql(t, chat, `query($t: ID!) { messages(threadId: $t) { text } }`, map[string]any{"t": thread}).decode(t, &msgs)
	if len(msgs.Messages) != 2 || msgs.Messages[1].Text != "hello from the console" {
		t.Errorf("messages: %+v", msgs.Messages)
	}

	// An invitation, and its event in the audit log.
	a.do("a opens the members", chromedp.Click(chromedp.CSS("#tab-members")))
	a.has("#members", email)
	a.do("invite bob as a VIEWER", chromedp.SendKeys(chromedp.CSS("#invite-email"), bob.Email),
		chromedp.SetValue(chromedp.CSS("#invite-role"), "VIEWER"), chromedp.Click(chromedp.CSS("#invite button[type=submit]")))
	a.has("#invitations", bob.Email)
	a.has("#invitations .status", "PENDING")
	a.do("open the audit log", chromedp.Click(chromedp.CSS("#tab-audit")))
	a.has("#audit", "member.invite")
	a.has("#audit", "email: ∅ → "+bob.Email)
	a.has("#audit", "route.set")
	a.do("filter the audit log", chromedp.SendKeys(chromedp.CSS("#audit-action"), "member.invite"), chromedp.Click(chromedp.CSS("#audit-filters button")))
	if err := a.poll(`[...document.querySelectorAll("#audit tbody tr")].every((r) => r.textContent.includes("member.invite"))` +
		` && document.querySelectorAll("#audit tbody tr").length === 1`); err != nil {
		t.Fatalf("the filtered audit log shows other events: %v", err)
	}

	// The last owner cannot demote herself: the refusal shows, and so does her role again.
	a.do("a opens the members again", chromedp.Click(chromedp.CSS("#tab-members")), chromedp.WaitVisible(chromedp.CSS("#members select")))
	a.do("a demotes herself", chromedp.SetValue(chromedp.CSS("#members select"), "VIEWER"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#members select").dispatchEvent(new Event("change"))`))
	a.has("#members-status", "CONFLICT: the last owner")
	if err := a.poll(`document.querySelector("#members select").value === "OWNER"`); err != nil {
		t.Fatalf("after the refusal the role shown is not OWNER: %v", err)
	}
	// A rename shows in the heading and the tenant switcher at once.
	a.do("a renames the tenant", chromedp.Click(chromedp.CSS("#tab-overview")), chromedp.WaitVisible(chromedp.CSS("#tenant-rename")),
		chromedp.SetValue(chromedp.CSS("#tenant-rename"), "Erin Labs Two"), chromedp.Click(chromedp.CSS("#rename-tenant button")))
	a.has("#tenant-name", "Erin Labs Two")
	a.has("#context-tenant", "Erin Labs Two")

	// A reload comes back to the same page: the address keeps the tenant, tab and env.
	a.do("reload in place", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#tenant-rename")))
	a.has("#tenant-name", "Erin Labs Two")
	if err := a.poll(`document.querySelector("#tab-overview")?.getAttribute("aria-current") === "page" && document.querySelector("#context-env").value === ` +
		fmt.Sprintf("%q && document.querySelector(\"#context-project\").value === %q", env, project)); err != nil {
		t.Fatalf("a reload did not come back to the overview in env %s and project %s: %v", env, project, err)
	}

	a.do("reload", chromedp.Navigate(ts.URL+"/console/"))
	a.has("#tenants", "Erin Labs Two (")
	a.do("sign out", chromedp.Click(chromedp.CSS("#sign-out")), chromedp.WaitVisible(chromedp.CSS("#email")))
	a.do("a wrong password", chromedp.SendKeys(chromedp.CSS("#email"), bob.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), "not-the-password"), chromedp.Click(chromedp.CSS("#sign-in button[type=submit]")))
	a.has("#sign-in [role=alert]", "UNAUTHENTICATED: wrong email or password (request ")

	// Bob accepts and, a VIEWER, sees the projects and no write control; the API refuses
	// writes anyway.
	a.signIn(ts.URL, bob.Email, "password-bob")
	a.has("#my-invitations", "VIEWER in Erin Labs Two (")
	a.do("bob accepts", chromedp.Focus(chromedp.CSS("#my-invitations button")), chromedp.KeyEvent("\r"))
	a.has("#tenants", "Erin Labs Two (")
	a.do("bob opens Erin Labs", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#tenants button[data-tenant=%q]`, erin.TenantID))))
	a.has("#role", "VIEWER")
	a.has("#projects", "Apollo")
	if err := a.poll(`!document.querySelector("#create-project, #tab-members, #tab-audit, #tab-routes, #tab-accounts, #invite, #projects button")`); err != nil {
		t.Fatalf("a VIEWER sees write controls: %v", err)
	}
	expectError(t, setup.gql(t, bearer(bob.Token).with("X-Tenant-Id", erin.TenantID), `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"tenantId": erin.TenantID, "name": "Nope"}}), "FORBIDDEN", 403)

	// A system admin: every tenant, searched, and the modes.
	b.do("b signs out", chromedp.Click(chromedp.CSS("#sign-out")), chromedp.WaitVisible(chromedp.CSS("#email")))
	b.signIn(ts.URL, admin.Email, "admin-password")
	b.do("the system page", chromedp.Click(chromedp.CSS("#system")), chromedp.WaitVisible(chromedp.CSS("#tenant-search")))
	b.do("search the tenants", chromedp.SendKeys(chromedp.CSS("#tenant-search"), "Erin Labs"), chromedp.Click(chromedp.CSS("#search-tenants button")))
	b.has("#all-tenants", erin.TenantID)
	if err := b.poll(`document.querySelectorAll("#all-tenants tbody tr").length === 1`); err != nil {
		t.Fatalf("the search found other tenants: %v", err)
	}
	b.do("move the tenant to another mode", chromedp.SetValue(chromedp.CSS("#all-tenants select"), "enterprise"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#all-tenants select").dispatchEvent(new Event("change"))`))
	waitFor(t, func() bool {
		var got struct {
			Tenant struct{ Mode struct{ ID string } }
		}
		setup.gql(t, erin.headers(), `{ tenant { mode { id } } }`, nil).decode(t, &got)
		return got.Tenant.Mode.ID == "enterprise"
	})
	b.do("search for nothing", chromedp.SetValue(chromedp.CSS("#tenant-search"), "no such tenant"), chromedp.Click(chromedp.CSS("#search-tenants button")))
	if err := b.poll(`(document.querySelector("#all-tenants tfoot")?.textContent ?? "").includes("None.") && !document.querySelector("#all-tenants tbody tr")`); err != nil {
		t.Fatalf("an empty search says nothing: %v", err)
	}
	b.do("create a mode", chromedp.SendKeys(chromedp.CSS("#mode-id"), "gold"), chromedp.SendKeys(chromedp.CSS("#mode-name"), "Gold"),
		chromedp.Click(chromedp.CSS("#create-mode button")))
	b.has("#modes", "gold")

	// A narrow screen: nothing scrolls sideways but wide tables inside their own box.
	for _, c := range []*consoleTab{a, b} {
		c.do("a narrow screen", chromedp.EmulateViewport(360, 740))
		if err := c.poll(`document.documentElement.scrollWidth <= window.innerWidth`); err != nil {
			t.Errorf("%s: the page scrolls sideways at 360 px: %v", c.name, err)
		}
	}

	a.check("status of 401", "status of 409") // the wrong password and the last owner's demotion, on purpose
	b.check("status of 409")                  // the conflict, on purpose
}

// TestConsoleRenewsExpiredToken: when the access token has expired, the console's next
// request is refused, renewed once with the refresh token and sent again, so the user
// goes on without signing in.
func TestConsoleRenewsExpiredToken(t *testing.T) {
	chromium := chromiumPath(t)
	const ttl = 2 * time.Second
	ts := newServer(t, func(c *Config) { c.TokenTTL, c.TokenSkew = ttl, time.Millisecond })
	ann := ts.signup(t, "ann")
	a := openConsoleTab(t, startBrowser(t, chromium), ts.URL, "a")
	a.signIn(ts.URL, ann.Email, "password-ann")
	a.do("open the tenant", chromedp.Click(chromedp.CSS("#tenants button")))
	a.has("#role", "OWNER")
	time.Sleep(ttl + time.Second) // Let the access token expire: the point of the test.
	a.do("open the overview", chromedp.Click(chromedp.CSS("#tab-overview")))
	a.has("#tenant", ann.TenantID)
	if err := a.poll(`!document.querySelector("[role=alert]")`); err != nil {
		t.Fatalf("the console shows an error: %v", err)
	}
	a.log.mu.Lock()
	refused := strings.Contains(strings.Join(a.log.console, "\n"), "status of 401")
	a.log.mu.Unlock()
	if !refused {
		t.Error("no request was refused: the token never expired, and nothing was renewed")
	}
	a.check("status of 401") // the expired token's refusal, before the renewal
}

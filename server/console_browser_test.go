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

// TestConsoleBrowser signs in to the admin console in a real headless Chromium that can
// reach nothing but the server, on a server that runs trusted documents only (the
// console's own documents are trusted everywhere): the tenants appear, a tenant's audit
// log shows its events, a reload resumes the session with its refresh token, and signing
// out returns to the sign-in form. A wrong password shows its code and request id.
func TestConsoleBrowser(t *testing.T) {
	chromium := chromiumPath(t)
	setup := newServer(t) // the harness sends its own documents
	ann := setup.signup(t, "ann")
	setup.createProject(t, ann, "Apollo")
	ts := newServer(t, replicaOf(setup), withTrustedDocuments("required"))
	ctx, page := newBrowser(t, chromium, ts.URL)

	browserDo(ctx, t, "the sign-in form renders", chromedp.Navigate(ts.URL+"/console/"), chromedp.WaitVisible(chromedp.CSS("#email")))
	browserDo(ctx, t, "a wrong password", chromedp.SendKeys(chromedp.CSS("#email"), ann.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), "not-the-password"), chromedp.Click(chromedp.CSS("#sign-in button")))
	consoleHas(ctx, t, "#sign-in [role=alert]", "UNAUTHENTICATED: wrong email or password (request ")

	browserDo(ctx, t, "sign in", chromedp.SetValue(chromedp.CSS("#password"), "password-ann"), chromedp.Click(chromedp.CSS("#sign-in button")))
	consoleHas(ctx, t, "#tenants", "ann Inc (")
	consoleHas(ctx, t, "#who", ann.Email)

	browserDo(ctx, t, "open the tenant's audit log", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#tenants button[data-tenant=%q]`, ann.TenantID))))
	consoleHas(ctx, t, "#audit", "project.create")
	consoleHas(ctx, t, "#audit", "tenant.create")

	browserDo(ctx, t, "reload", chromedp.Navigate(ts.URL+"/console/"))
	consoleHas(ctx, t, "#tenants", "ann Inc (")

	browserDo(ctx, t, "sign out", chromedp.Click(chromedp.CSS("#sign-out")), chromedp.WaitVisible(chromedp.CSS("#email")))

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

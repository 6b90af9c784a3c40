package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// headersEditor selects the headers editor, the one shown of the two editor tools
// (GraphiQL keeps the variables editor hidden beside it).
const headersEditor = ".graphiql-editor-tool .graphiql-editor:not(.hidden)"

// browserWait bounds each step of a browser test: the IDE's 1 MB of script parses in
// well under a second, but -race and two shared cores slow everything down.
const browserWait = 30 * time.Second

// TestGraphiQLBrowser opens the dev GraphQL IDE in a real headless Chromium that can
// reach no host but the test server, and uses it the way a person does: the editor
// renders, a query with the headers editor's token and tenant answers, and a
// subscription streams over the websocket.
func TestGraphiQLBrowser(t *testing.T) {
	chromium := chromiumPath(t)
	ts := newServer(t, withEnv("dev"))
	ann := ts.signup(t, "ann")
	ctx, page := newBrowser(t, chromium, ts.URL)

	browserDo(ctx, t, "the IDE renders its editors", chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-container .graphiql-query-editor .CodeMirror")),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-container "+headersEditor+" .CodeMirror")))

	headers, err := json.Marshal(map[string]string{"Authorization": "Bearer " + ann.Token, "X-Tenant-Id": ann.TenantID})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Query", func(t *testing.T) {
		setEditor(ctx, t, headersEditor, string(headers))
		setQuery(ctx, t, `{ me { id } }`)
		browserDo(ctx, t, "run the query", chromedp.Click(chromedp.CSS(".graphiql-execute-button")))
		waitResult(ctx, t, fmt.Sprintf(`"id": %q`, ann.UserID))
	})
	t.Run("Subscription", func(t *testing.T) {
		setQuery(ctx, t, `subscription { routeChanged { resourceKind tenantId } }`)
		before := ts.main.registry.Subscribers() // the chat bus follows its route too
		browserDo(ctx, t, "start the subscription", chromedp.Click(chromedp.CSS(".graphiql-execute-button")))
		waitFor(t, func() bool { return ts.main.registry.Subscribers() > before })
		var out struct{ SetRoute struct{ Version int } }
		ts.gql(t, ann.headers(), setRoute, routeInput("media", ann.TenantID, "prod", "gcs", map[string]string{"bucket": "ide"})).decode(t, &out)
		waitResult(ctx, t, `"resourceKind": "media"`)
	})

	page.mu.Lock()
	defer page.mu.Unlock()
	if len(page.offsite) > 0 {
		t.Errorf("the page asked for other origins: %v", page.offsite)
	}
	for _, e := range page.errors {
		t.Errorf("browser error: %s", e)
	}
}

// pageLog is what a tab did that a test checks, or shows when it fails.
type pageLog struct {
	mu      sync.Mutex
	offsite []string // requested URLs of another origin than the server's
	errors  []string // exceptions, console errors, CSP violations
	console []string // every console message and log entry
}

// chromiumPath finds Debian's chromium (or another Chrome build) on PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	names := []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatalf("no Chromium on PATH (looked for %s): the browser tests need it; install it with `apt-get install -y chromium` (.ci/run does)", strings.Join(names, ", "))
	return ""
}

// newBrowser starts Chromium (startBrowser) and returns the context of a tab whose
// requests and errors are logged. A failing test logs what the page said and leaves a
// screenshot.
func newBrowser(t *testing.T, chromium, origin string) (context.Context, *pageLog) {
	t.Helper()
	ctx := startBrowser(t, chromium)
	page := &pageLog{}
	if err := chromedp.Listen(ctx, page.record(origin)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			page.show(t)
			saveScreenshotAs(ctx, t, "last.png")
		}
	})
	return ctx, page
}

// startBrowser starts Chromium with every host but 127.0.0.1 unresolvable and returns the
// context of its first tab; chromedp.NewContext on it opens more tabs.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", "new"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser with no deadline: the first Run binds its life to its context.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	return ctx
}

// record returns the tab's event listener. It runs in the tab's loop: it only appends.
func (l *pageLog) record(origin string) func(ev any) {
	u, _ := url.Parse(origin)
	sameOrigin := func(raw string) bool {
		r, err := url.Parse(raw)
		return err == nil && (r.Scheme == "data" || r.Host == u.Host)
	}
	return func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if !sameOrigin(ev.Request.URL) {
				l.offsite = append(l.offsite, ev.Request.URL)
			}
		case *network.EventWebSocketCreated:
			if !sameOrigin(ev.URL) {
				l.offsite = append(l.offsite, ev.URL)
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			l.errors = append(l.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *runtime.EventConsoleAPICalled:
			var args []string
			for _, a := range ev.Args {
				if a.Description != "" {
					args = append(args, a.Description)
				} else {
					args = append(args, string(a.Value))
				}
			}
			line := fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
			l.console = append(l.console, line)
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				l.errors = append(l.errors, line)
			}
		case *cdplog.EventEntryAdded:
			e := ev.Entry
			line := fmt.Sprintf("log %s %s: %s (%s)", e.Source, e.Level, e.Text, e.URL)
			l.console = append(l.console, line)
			if e.Source == cdplog.EntrySourceSecurity || e.Source == cdplog.EntrySourceViolation {
				l.errors = append(l.errors, line)
			}
		}
	}
}

// show logs what the page said and asked for.
func (l *pageLog) show(t *testing.T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range l.console {
		t.Log(line)
	}
	for _, u := range l.offsite {
		t.Logf("asked for another origin: %s", u)
	}
}

// saveScreenshotAs saves the tab as a PNG named name among the test's artifacts.
func saveScreenshotAs(ctx context.Context, t *testing.T, name string) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG, not JPEG
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	keepArtifact(t, name, png)
}

// artifactsDirs holds the artifact directories emptied in this run, by test name.
var artifactsDirs sync.Map

// keepArtifact writes data as name among the artifacts of t — what shows why it failed,
// such as screenshots — in bin/test-artifacts/TEST under the repository, emptied when the
// test first writes to it (not t.TempDir, which goes with the test), and logs the path.
func keepArtifact(t *testing.T, name string, data []byte) {
	dir := filepath.Join("..", "bin", "test-artifacts", strings.ReplaceAll(t.Name(), "/", "_"))
	if _, seen := artifactsDirs.LoadOrStore(t.Name(), dir); !seen {
		_ = os.RemoveAll(dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Logf("artifact %s not kept: %v", name, err)
		return
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Logf("artifact %s not kept: %v", name, err)
		return
	}
	abs, _ := filepath.Abs(path)
	t.Logf("artifact: %s", abs)
}

// browserDo runs steps in the tab with a deadline.
func browserDo(ctx context.Context, t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browserWait)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v (deadline %s)", what, err, browserWait)
	}
}

// browserPoll waits until the JavaScript expression is true in the tab.
func browserPoll(ctx context.Context, expr string) error {
	ctx, cancel := context.WithTimeout(ctx, browserWait)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(browserWait)))
	return err
}

// setEditor replaces the text of the CodeMirror editor inside the element sel selects.
func setEditor(ctx context.Context, t *testing.T, sel, text string) {
	t.Helper()
	js, err := json.Marshal(text)
	if err != nil {
		t.Fatal(err)
	}
	expr := fmt.Sprintf(`document.querySelector(%q + " .CodeMirror").CodeMirror.setValue(%s)`, sel, js)
	browserDo(ctx, t, "set "+sel, chromedp.Evaluate[chromedp.Void](expr))
}

// setQuery replaces the query editor's text and waits until GraphiQL has parsed it:
// GraphiQL reads the operation's kind (subscription or not) from a parse that it
// debounces, and a run before it would send the previous operation's kind.
func setQuery(ctx context.Context, t *testing.T, query string) {
	t.Helper()
	setEditor(ctx, t, ".graphiql-query-editor", query)
	const parsed = `(() => { const cm = document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror;
		return cm.documentAST?.loc?.source?.body === cm.getValue(); })()`
	if err := browserPoll(ctx, parsed); err != nil {
		t.Fatalf("GraphiQL never parsed %s: %v", query, err)
	}
}

// waitResult waits until the result pane shows want.
func waitResult(ctx context.Context, t *testing.T, want string) {
	t.Helper()
	js, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	const result = `(document.querySelector(".result-window .CodeMirror")?.CodeMirror.getValue() ?? "")`
	if err := browserPoll(ctx, result+".includes("+string(js)+")"); err != nil {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		shown, _ := chromedp.Run(ctx, chromedp.Evaluate[string](result))
		t.Fatalf("the result pane never showed %s: %v; it shows:\n%s", want, err, shown)
	}
}

//go:build bench

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/routing"
)

// BenchmarkLoadAuditedWrites measures what an audited control-plane write costs against
// the cheapest write Firestore has: createProject and setRoute through the real handler
// (token check, @member, validation, the write with its audit event in the same commit)
// against a plain single-document create on the same emulator, from the same process
// (the target's baseline); createProject against its halves: the service alone
// (createProject-service), the handler alone (createProject-refused, refused before
// any store access) and both back to back (service-then-refused); and setRoute against
// its own store write without handler or event (route-write-bare: what the event and
// the handler add), itself against the same write in a collection without listeners
// (what the emulator charges for them).
// The writes take turns for -bench.rounds rounds of -bench.round each, one request at a
// time (latency, not throughput), after -bench.warmup each.
func BenchmarkLoadAuditedWrites(b *testing.B) {
	ctx := context.Background()
	ts := startBenchServer(b)
	acct := benchAccount(b, ts)
	// The requests go out as part a's do (loadgen's exchange on one keep-alive
	// connection): net/http's client would add its own goroutines' hand-offs to every
	// latency, which are the client's cost, not the handler's.
	addr := strings.TrimPrefix(ts.URL, "http://")
	client := loadgen.NewClient(addr)
	b.Cleanup(func() { client.Close() })
	header := http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer " + acct.Token}, "X-Tenant-Id": {acct.TenantID}}
	post := func(query string, vars map[string]any) error {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		status, got, err := client.Do(ctx, loadgen.BuildRequest(http.MethodPost, addr, "/query", header, body))
		if err != nil {
			return err
		}
		if status != http.StatusOK || bytes.Contains(got, []byte(`"errors"`)) {
			return fmt.Errorf("HTTP %d %s", status, got)
		}
		return nil
	}
	routeVersion := 0
	setRoute := func() error {
		// A kind nothing in the server follows (a chat_bus route would move the bus).
		in := map[string]any{"resourceKind": "media", "tenantId": acct.TenantID, "env": "staging", "backendType": "gcs",
			"config": []map[string]any{{"key": "bucket", "value": fmt.Sprintf("media-%d", routeVersion)}}}
		if routeVersion > 0 {
			in["expectedVersion"] = routeVersion
		}
		if err := post(`mutation($i: SetRouteInput!) { setRoute(input: $i) { version } }`, map[string]any{"i": in}); err != nil {
			return err
		}
		routeVersion++
		return nil
	}
	createProject := func() error {
		return post(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"tenantId": acct.TenantID, "name": "Bench project"}})
	}
	// The same mutation with an empty name: the service refuses it (BAD_USER_INPUT)
	// before any store access, so it times the handler's own path for a mutation.
	refusedBody, _ := json.Marshal(map[string]any{"query": `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
		"variables": map[string]any{"i": map[string]any{"tenantId": acct.TenantID, "name": ""}}})
	createProjectRefused := func() error {
		status, got, err := client.Do(ctx, loadgen.BuildRequest(http.MethodPost, addr, "/query", header, refusedBody))
		if err != nil {
			return err
		}
		if status != http.StatusBadRequest || !bytes.Contains(got, []byte(`"BAD_USER_INPUT"`)) {
			return fmt.Errorf("HTTP %d %s, want 400 BAD_USER_INPUT", status, got)
		}
		return nil
	}
	createProjectService := func() error {
		_, err := ts.main.Tenancy().CreateProject(ctx, acct.TenantID, "Bench project")
		return err
	}
	plain := ts.main.client.Collection("benchPlainCreates")
	plainCreate := func() error {
		_, err := plain.Doc(ids.New(ids.Project)).Create(ctx, map[string]any{"tenantId": acct.TenantID, "name": "Bench project", "version": 1, "createdAt": time.Now()})
		return err
	}
	// What setRoute's store write is without the handler and without its event: the
	// conditional update of a route document, in the collection the routing registry
	// listens to (route-write-bare), and the same update in a collection nobody listens
	// to (route-write-unlistened): the emulator makes every write to a listened
	// collection pay for its listeners. setRoute starts from the registry's copy of the
	// route, so it needs no read either: each update is conditional on the update time
	// of the one before.
	bareRouteWrite := conditionalUpdates(b, ts.main.client.Collection("routes"), acct.TenantID)
	unlistenedRouteWrite := conditionalUpdates(b, ts.main.client.Collection("benchUnlistenedRoutes"), acct.TenantID)

	ops := []*writeOp{{name: "createProject", do: createProject}, {name: "setRoute", do: setRoute},
		{name: "firestore-create", do: plainCreate}, {name: "route-write-bare", do: bareRouteWrite},
		{name: "route-write-unlistened", do: unlistenedRouteWrite},
		// createProject without the handler: the service, its store write and its event.
		{name: "createProject-service", do: createProjectService},
		// createProject's two halves apart: the handler without a write, and the service
		// then the handler without a write, back to back as createProject does them.
		{name: "createProject-refused", do: createProjectRefused},
		{name: "service-then-refused", do: func() error {
			if err := createProjectService(); err != nil {
				return err
			}
			return createProjectRefused()
		}}}
	for _, op := range ops {
		op.latency = loadgen.NewHistogram()
		op.run(b, *benchWarmup, nil)
	}
	for r := range *benchRounds {
		for i := range ops {
			op := ops[(i+r)%len(ops)]
			op.run(b, *benchRound, op.latency)
		}
	}
	for _, op := range ops {
		h := op.latency
		emitBench("audited", "op", op.name, "rounds", *benchRounds, "round_s", benchRound.Seconds(),
			"requests", h.Count(), "p50_us", h.Quantile(0.5), "p90_us", h.Quantile(0.9), "p99_us", h.Quantile(0.99), "max_us", h.Max(), "errors", op.errors)
	}
	// Every measured write left its event: the log holds one per createProject and setRoute.
	evs, _, err := ts.main.store.AuditEvents(ctx, acct.TenantID, audit.Filter{Action: "route.set"}, audit.Cursor{}, 1)
	if err != nil || len(evs) != 1 || !strings.HasPrefix(evs[0].TargetID, acct.TenantID) {
		b.Errorf("the newest route.set event: %+v, %v", evs, err)
	}
}

// conditionalUpdates creates a route document in coll and returns a write that updates
// its config and version, conditional on the update time of the write before, as a
// versioned write that knows the document's current state does.
func conditionalUpdates(b *testing.B, coll *firestore.CollectionRef, tenantID string) func() error {
	ctx := b.Context()
	r := routing.Route{ResourceKind: "storage", TenantID: tenantID, Env: "staging", BackendType: "gcs", Config: map[string]string{"bucket": "b"}, Version: 1}
	ref := coll.Doc(r.Key().ID())
	last, err := ref.Create(ctx, r)
	if err != nil {
		b.Fatal(err)
	}
	return func() error {
		w, err := ref.Update(ctx, []firestore.Update{{Path: "config", Value: map[string]string{"bucket": ids.New("b")}}, {Path: "version", Value: r.Version + 1}},
			firestore.LastUpdateTime(last.UpdateTime))
		if err == nil {
			last, r.Version = w, r.Version+1
		}
		return err
	}
}

// writeOp is one kind of write BenchmarkLoadAuditedWrites times.
type writeOp struct {
	name    string
	do      func() error
	latency *loadgen.Histogram
	errors  int
}

// run does op one at a time for d, recording each latency into h (nil: a warm-up, where
// any error fails the benchmark).
func (op *writeOp) run(b *testing.B, d time.Duration, h *loadgen.Histogram) {
	for end := time.Now().Add(d); time.Now().Before(end); {
		start := time.Now()
		err := op.do()
		took := time.Since(start)
		switch {
		case err != nil && h == nil:
			b.Fatalf("%s: %v", op.name, err)
		case err != nil:
			op.errors++
			b.Errorf("%s: %v", op.name, err)
		case h != nil:
			h.Record(took)
		}
	}
}

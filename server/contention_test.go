package main

import (
	"fmt"
	"testing"
	"time"
)

// The contention tests send twenty updates of one record at once, five rounds each. With
// read-write transactions the emulator's pessimistic locks stalled such rounds for
// seconds, and now and then for the whole 30 s request deadline, ending in INTERNAL.
const (
	contentionWriters = 20
	contentionRounds  = 5
	// contentionAnswer bounds each call of a round: well under the 30 s request deadline
	// and the emulator's lock timeout, so a lock wait fails the test instead of passing
	// slowly.
	contentionAnswer = 5 * time.Second
)

// contend sends contentionWriters calls at once and fails the test if any took longer
// than contentionAnswer; it returns the responses in call order.
func contend(t *testing.T, ts *testServer, call func(i int) (headers, string, map[string]any)) []response {
	t.Helper()
	took := make([]time.Duration, contentionWriters)
	rs := race(contentionWriters, func(i int) response {
		h, query, vars := call(i)
		r, d := ts.timedGQL(t, h, query, vars)
		took[i] = d
		return r
	})
	slowest := 0
	for i, d := range took {
		if d > contentionAnswer {
			t.Fatalf("writer %d answered after %s (HTTP %d %q)", i, d, rs[i].Status, rs[i].code())
		}
		if d > took[slowest] {
			slowest = i
		}
	}
	t.Logf("slowest of %d writers: %s", contentionWriters, took[slowest].Round(time.Millisecond))
	return rs
}

// TestContentionUpdateProject: twenty renames naming the same version. What the users
// see: exactly one succeeds and nineteen get CONFLICT (409), each within seconds; the
// stored project is the winner's, one version up.
func TestContentionUpdateProject(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	project := ts.createProject(t, ann, "Contended")
	const rename = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { name version } }`

	for round := range contentionRounds {
		version := round + 1
		rs := contend(t, ts, func(i int) (headers, string, map[string]any) {
			return ann.headers(), rename, map[string]any{"i": map[string]any{
				"projectId": project, "name": fmt.Sprintf("round %d writer %d", round, i), "expectedVersion": version}}
		})
		winner := oneWinner(t, rs)

		var out struct {
			Project struct {
				Name    string
				Version int
			}
		}
		ts.gql(t, ann.headers(), `query($id: ID!) { project(id: $id) { name version } }`, map[string]any{"id": project}).decode(t, &out)
		if want := fmt.Sprintf("round %d writer %d", round, winner); out.Project.Name != want || out.Project.Version != version+1 {
			t.Fatalf("round %d: stored %+v, want %q at version %d", round, out.Project, want, version+1)
		}
	}
}

// TestContentionSetRoute: twenty replacements of one tenant route naming the same
// version. What the admins see: one succeeds, nineteen get CONFLICT (409), each within
// seconds; the stored route is exactly the winner's, one version up.
func TestContentionSetRoute(t *testing.T) {
	ts := newServer(t)
	ann := ts.signup(t, "ann")
	input := func(bucket string, extra ...any) map[string]any {
		return routeInput("media", ann.TenantID, "prod", "gcs", map[string]string{"bucket": bucket}, extra...)
	}
	var created struct{ SetRoute struct{ Version int } }
	ts.gql(t, ann.headers(), setRoute, input("initial")).decode(t, &created)

	for round := range contentionRounds {
		version := created.SetRoute.Version + round
		rs := contend(t, ts, func(i int) (headers, string, map[string]any) {
			return ann.headers(), setRoute, input(fmt.Sprintf("round-%d-writer-%d", round, i), "expectedVersion", version)
		})
		winner := oneWinner(t, rs)

		var out struct {
			Routes []struct {
				Version int
				Config  []struct{ Key, Value string }
			}
		}
		ts.gql(t, ann.headers(), `{ routes { version config { key value } } }`, nil).decode(t, &out)
		want := fmt.Sprintf("round-%d-writer-%d", round, winner)
		if len(out.Routes) != 1 || out.Routes[0].Version != version+1 || len(out.Routes[0].Config) != 1 || out.Routes[0].Config[0].Value != want {
			t.Fatalf("round %d: stored %+v, want one route at version %d with bucket %s", round, out.Routes, version+1, want)
		}
	}
}

// TestContentionSetTenantMode: twenty mode changes of one tenant at once, first naming
// the same version (one succeeds, nineteen get CONFLICT), then naming none. What the
// system admins see for those: every change succeeds within seconds and none is lost, the
// version rises by twenty.
func TestContentionSetTenantMode(t *testing.T) {
	ts := newServer(t)
	admin := ts.bootstrap(t)
	ann := ts.signup(t, "ann")
	sys := bearer(admin.Token).with("X-Tenant-Id", "t_system")
	const set = `mutation($t: ID!, $m: String!, $v: Int) { setTenantMode(tenantId: $t, mode: $m, expectedVersion: $v) { version } }`
	modes := []string{"lab", "enterprise", "saas"}
	version := func(t *testing.T) int {
		t.Helper()
		var out struct{ Tenant struct{ Version int } }
		ts.gql(t, ann.headers(), `{ tenant { version } }`, nil).decode(t, &out)
		return out.Tenant.Version
	}

	t.Run("Conditional", func(t *testing.T) {
		for round := range contentionRounds {
			v := version(t)
			oneWinner(t, contend(t, ts, func(i int) (headers, string, map[string]any) {
				return sys, set, map[string]any{"t": ann.TenantID, "m": modes[i%len(modes)], "v": v}
			}))
			if got := version(t); got != v+1 {
				t.Fatalf("round %d: version %d after one winner, want %d", round, got, v+1)
			}
		}
	})
	t.Run("Unconditional", func(t *testing.T) {
		for round := range contentionRounds {
			v := version(t)
			rs := contend(t, ts, func(i int) (headers, string, map[string]any) {
				return sys, set, map[string]any{"t": ann.TenantID, "m": modes[i%len(modes)]}
			})
			for i, r := range rs {
				if len(r.Errors) > 0 {
					t.Fatalf("round %d writer %d: HTTP %d %+v", round, i, r.Status, r.Errors)
				}
			}
			if got := version(t); got != v+contentionWriters {
				t.Fatalf("round %d: version %d after %d unconditional writers, want %d", round, got, contentionWriters, v+contentionWriters)
			}
		}
	})
}

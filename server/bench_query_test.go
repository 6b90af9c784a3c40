//go:build bench

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/bench/loadgen"
	"github.com/northstar/northstar/internal/documents"
	"github.com/northstar/northstar/internal/tenancy"
)

// runInterleaved warms each server up for -bench.warmup (failing on any error), then
// runs -bench.rounds rounds of -bench.round in which the servers take turns, the order
// rotating, so that bursts of other load on a shared machine hit all of them alike; each
// server accumulates its figures. It returns the CPU reading taken before the rounds.
func runInterleaved(ctx context.Context, b *testing.B, servers []*queryServer, conns int) cpuSample {
	run := func(s *queryServer, d time.Duration) loadgen.Result { return s.run(ctx, b, conns, d) }
	for _, s := range servers {
		if s.latency == nil {
			s.latency = loadgen.NewHistogram()
		}
		if res := run(s, *benchWarmup); res.Errors > 0 {
			b.Fatalf("%s: %d errors during warm-up; first: %s", s.name, res.Errors, res.FirstError)
		}
	}
	cpu := readCPU(b)
	for r := range *benchRounds {
		for i := range servers {
			s := servers[(i+r)%len(servers)]
			res := run(s, *benchRound)
			s.requests += res.Requests
			s.errors += res.Errors
			s.elapsed += res.Elapsed
			s.latency.Merge(res.Latency)
			s.rounds = append(s.rounds, res.RPS())
			if s.firstError == "" {
				s.firstError = res.FirstError
			}
		}
	}
	return cpu
}

// run loads s over conns connections for d.
func (s *queryServer) run(ctx context.Context, b *testing.B, conns int, d time.Duration) loadgen.Result {
	res, err := loadgen.Run(ctx, s.target, loadgen.Options{Connections: conns, Duration: d})
	if err != nil {
		b.Fatalf("%s: %v", s.name, err)
	}
	return res
}

// queryServer is one server of BenchmarkLoadQuery (or BenchmarkLoadLogin) and what it
// measured.
type queryServer struct {
	name    string
	target  loadgen.Target
	profile bool // profiled after the rounds (with -bench.out)

	requests, errors uint64
	elapsed          time.Duration
	latency          *loadgen.Histogram
	rounds           []float64 // requests/s of each round
	firstError       string
}

// BenchmarkLoadQuery measures an authenticated, tenant-scoped query against Northstar's
// real handler (env staging) and, with the same load generator, connections and request
// headers: a bare gqlgen server built from the same generated schema answering
// { __typename } (the baseline of issue 5's targets), the same with gqlgen's LRU query
// cache (as Northstar has), that cached server answering Northstar's own query from stub
// resolvers (what gqlgen itself spends executing it), and a plain net/http JSON handler. Every server listens on
// loopback TCP in this process. After a warm-up of each, the servers take turns for
// -bench.rounds short rounds of -bench.round each (the order rotates), so that bursts of
// other load on a shared machine hit all of them alike; the figures are over all rounds.
// With -bench.out, each gqlgen server is then profiled alone for 5 s more.
func BenchmarkLoadQuery(b *testing.B) {
	ctx := context.Background()
	ns := startBenchServer(b)
	acct := benchAccount(b, ns)
	bare := httptest.NewServer(bareGqlgenHandler(false))
	b.Cleanup(bare.Close)
	cached := httptest.NewServer(bareGqlgenHandler(true))
	b.Cleanup(cached.Close)
	sameQuery := httptest.NewServer(bareTenantHandler(acct.TenantID))
	b.Cleanup(sameQuery.Close)
	plain := httptest.NewServer(plainJSONHandler())
	b.Cleanup(plain.Close)

	// Every server gets the same headers; only Northstar reads them.
	header := http.Header{
		"Content-Type":  {"application/json"},
		"Authorization": {"Bearer " + acct.Token},
		"X-Tenant-Id":   {acct.TenantID},
	}
	query := func(url, q, expect string) loadgen.Target {
		addr := strings.TrimPrefix(url, "http://")
		body, _ := json.Marshal(map[string]string{"query": q})
		return loadgen.Target{Addr: addr, Request: loadgen.BuildRequest(http.MethodPost, addr, "/query", header, body), Expect: []byte(expect)}
	}
	// The same query as a trusted document, sent by its hash (Apollo's persisted query).
	const tenantQuery = `{ tenant { id name mode { id } } }`
	if _, err := documents.Apply(ctx, ns.main.store, "a_bench", map[string]string{documents.Hash(tenantQuery): tenantQuery}, false, time.Now()); err != nil {
		b.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		if _, ok := ns.main.documents.Lookup(documents.Hash(tenantQuery)); ok {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("the trusted document did not reach the registry")
		}
		time.Sleep(10 * time.Millisecond)
	}
	byHash := func(url, hash, expect string) loadgen.Target {
		addr := strings.TrimPrefix(url, "http://")
		body, _ := json.Marshal(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}})
		return loadgen.Target{Addr: addr, Request: loadgen.BuildRequest(http.MethodPost, addr, "/query", header, body), Expect: []byte(expect)}
	}
	tenantAnswer := fmt.Sprintf(`{"data":{"tenant":{"id":%q,"name":"Bench Inc","mode":{"id":"saas"}}}}`, acct.TenantID)
	servers := []*queryServer{
		{name: "northstar", target: query(ns.URL, tenantQuery, tenantAnswer), profile: true},
		{name: "northstar-trusted", target: byHash(ns.URL, documents.Hash(tenantQuery), tenantAnswer), profile: true},
		{name: "bare-gqlgen", target: query(bare.URL, `{ __typename }`, `{"data":{"__typename":"Query"}}`), profile: true},
		{name: "bare-gqlgen-cached", target: query(cached.URL, `{ __typename }`, `{"data":{"__typename":"Query"}}`), profile: true},
		{name: "bare-gqlgen-cached-tenant", target: query(sameQuery.URL, tenantQuery, tenantAnswer), profile: true},
		{name: "nethttp-json", target: query(plain.URL, `{ __typename }`, `{"data":{"__typename":"Query"}}`)},
	}
	for _, s := range servers {
		status, body, err := loadgen.Probe(ctx, s.target)
		if err != nil || status != http.StatusOK || !strings.Contains(string(body), string(s.target.Expect)) {
			b.Fatalf("%s answers HTTP %d %s (%v), want 200 with %s", s.name, status, body, err, s.target.Expect)
		}
		s.latency = loadgen.NewHistogram()
	}

	conns := *benchConns
	cpu := runInterleaved(ctx, b, servers, conns)
	emitBench("machine", "bench", "query", "other_cpu_cores", cpu.othersSince(b))
	for _, s := range servers {
		rps := float64(s.requests) / s.elapsed.Seconds()
		h := s.latency
		emitBench("query", "server", s.name, "conns", conns, "warmup_s", benchWarmup.Seconds(), "rounds", *benchRounds, "round_s", benchRound.Seconds(),
			"rps", rps, "rps_min", minOf(s.rounds), "rps_max", maxOf(s.rounds), "rps_rounds", s.rounds,
			"p50_us", h.Quantile(0.5), "p90_us", h.Quantile(0.9), "p99_us", h.Quantile(0.99), "p999_us", h.Quantile(0.999),
			"max_us", h.Max(), "mean_us", h.Mean(), "requests", s.requests, "errors", s.errors)
		if s.errors > 0 {
			b.Errorf("%s: %d errors; first: %s", s.name, s.errors, s.firstError)
		}
		b.ReportMetric(rps, s.name+"-req/s")
	}
	b.ReportMetric(0, "ns/op")

	for _, s := range servers {
		path := profilePath(b, "query-"+s.name+".cpu.pprof")
		if path == "" || !s.profile {
			continue
		}
		res := profile(b, path, func() loadgen.Result { return s.run(ctx, b, conns, max(*benchRound, 5*time.Second)) })
		emitBench("profile", "bench", "query", "server", s.name, "kind", "cpu", "file", path, "requests", res.Requests, "rps", res.RPS())
	}
}

// profile runs f under the CPU profiler, writing the profile to path.
func profile(b *testing.B, path string, f func() loadgen.Result) loadgen.Result {
	b.Helper()
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		b.Fatalf("profiling (is -cpuprofile set too?): %v", err)
	}
	defer pprof.StopCPUProfile()
	return f()
}

// bareGqlgenHandler is gqlgen with nothing added: the generated schema, the POST
// transport, no directives, no middleware. Without a query cache (gqlgen's default)
// every request parses and validates its query; withCache adds the LRU cache Northstar
// and gqlgen's NewDefaultServer use.
func bareGqlgenHandler(withCache bool) http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{}))
	srv.AddTransport(transport.POST{})
	if withCache {
		srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	}
	return srv
}

// bareTenantHandler is bareGqlgenHandler(true) answering Northstar's own query,
// { tenant { id name mode { id } } }: stub resolvers return a fixed tenant and mode and
// @member passes through, so it executes the same fields as Northstar with none of
// Northstar's layers (token, membership, tenant lookups, limits, logs, metrics).
func bareTenantHandler(tenantID string) http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{
		Resolvers: bareTenantResolvers{tenant: &tenancy.Tenant{ID: tenantID, Name: "Bench Inc", ModeID: "saas"}, mode: &tenancy.Mode{ID: "saas", Name: "SaaS"}},
		Directives: graph.DirectiveRoot{Member: func(ctx context.Context, _ any, next graphql.Resolver, _ tenancy.Role, _ []string) (any, error) {
			return next(ctx)
		}},
	}))
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	return srv
}

// bareTenantResolvers answer Query.tenant and Tenant.mode; nothing else is served.
type bareTenantResolvers struct {
	graph.ResolverRoot
	tenant *tenancy.Tenant
	mode   *tenancy.Mode
}

func (r bareTenantResolvers) Query() graph.QueryResolver   { return bareTenantQuery{r: r} }
func (r bareTenantResolvers) Tenant() graph.TenantResolver { return r }
func (r bareTenantResolvers) Mode(context.Context, *tenancy.Tenant) (*tenancy.Mode, error) {
	return r.mode, nil
}

type bareTenantQuery struct {
	graph.QueryResolver
	r bareTenantResolvers
}

func (q bareTenantQuery) Tenant(context.Context) (*tenancy.Tenant, error) { return q.r.tenant, nil }

// plainJSONHandler decodes a JSON request and encodes a JSON answer with net/http and
// encoding/json alone: the floor under any JSON API.
func plainJSONHandler() http.Handler {
	type request struct {
		Query string `json:"query"`
	}
	type answer struct {
		Data map[string]string `json:"data"`
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req request
		if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(answer{Data: map[string]string{"__typename": "Query"}})
	})
}

func minOf(v []float64) float64 {
	m := v[0]
	for _, x := range v[1:] {
		m = min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v[1:] {
		m = max(m, x)
	}
	return m
}

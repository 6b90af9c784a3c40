package main

import (
	"fmt"
	"path/filepath"
	"sort"
)

// Part e's targets: posting to one busy thread against plain Firestore creates measured
// in the same run.
const (
	postRatio = 0.5   // posts/s to one thread ≥ 0.5× the creates/s ceiling
	postP99MS = 250.0 // postMessage p99
)

// postingLayers are the parts of a post whose CPU the profile table shows (the profile
// is of the benchmark process: both replicas, the writers and the subscriber).
var postingLayers = []layer{
	{"whole process (both replicas, writers, subscriber, runtime)", ""},
	{"HTTP connection goroutines: all server work below", `^net/http\.\(\*conn\)\.serve$`},
	{"· RequestContext (`access.Builder.Build`: token, membership, tenant)", `^github\.com/northstar/northstar/internal/access\.\(\*Builder\)\.Build$`},
	{"· gqlgen server: parse, validate, execute, encode", `^github\.com/99designs/gqlgen/graphql/handler\.\(\*Server\)\.ServeHTTP$`},
	{"· · project check (`access.Guard.contextChecks`)", `^github\.com/northstar/northstar/internal/access\.\(\*Guard\)\.contextChecks$`},
	{"· · · read the project from Firestore (`firestore.Store.Project`)", `^github\.com/northstar/northstar/internal/firestore\.\(\*Store\)\.Project$`},
	{"· · `chat.Service.Post`", `^github\.com/northstar/northstar/internal/chat\.\(\*Service\)\.Post$`},
	{"· · · seq from Redis (`chatbus.Bus.Next`)", `^github\.com/northstar/northstar/internal/chatbus\.\(\*Bus\)\.Next$`},
	{"· · · create the message (`firestore.Store.CreateMessage`)", `^github\.com/northstar/northstar/internal/firestore\.\(\*Store\)\.CreateMessage$`},
	{"· · · publish it (`chat.Service.publish`)", `^github\.com/northstar/northstar/internal/chat\.\(\*Service\)\.publish$`},
	{"gRPC transport to the emulator (both replicas' clients)", `^google\.golang\.org/grpc/internal/transport\.\(\*(http2Client|loopyWriter)\)\.\w+$`},
	{"bus and subscription (`chatbus.(*link).receive`, `chat.(*stream).run`)", `^github\.com/northstar/northstar/internal/(chatbus\.\(\*link\)\.receive|chat\.\(\*stream\)\.run)$`},
	{"garbage collector background workers", `^runtime\.gcBgMarkWorker$`},
	{"allocation (`mallocgc`, in all of the above)", `^runtime\.mallocgc$`},
	{"benchmark writers (HTTP client, not server work)", `^github\.com/northstar/northstar/server\.runWriters\.func\d+$`},
}

func (r *report) partE() *section {
	s := &section{}
	s.printf("## e. Posting to a busy thread\n\n")
	ceil, okC := r.res.latest("posting", "run", "ceiling")
	busy, okB := r.res.latest("posting", "run", "busy")
	spread, okS := r.res.latest("posting", "run", "spread")
	del, okD := r.res.latest("delivery", "bench", "posting")
	threads, writers, servers := "256", "64", "2"
	if okS {
		threads = spread.str("threads")
	}
	if okB {
		writers, servers = busy.str("writers"), busy.str("servers")
	}
	names := []string{
		fmt.Sprintf("posts/s to ONE thread, %s writers over %s replicas", writers, servers), "postMessage p99, one thread", "errors, one thread",
		"delivery to a subscriber of that thread: lost / duplicated / disordered",
		"posts/s spread over " + threads + " threads", "postMessage p99, " + threads + " threads", "errors, " + threads + " threads",
	}
	targets := []string{fmt.Sprintf("≥ %.2f× ceiling", postRatio), fmt.Sprintf("≤ %s ms", plain(postP99MS)), "0", "0 / 0 / 0", "", fmt.Sprintf("≤ %s ms", plain(postP99MS)), "0"}
	if !okC || !okB {
		for i := range names {
			res := pending
			if targets[i] == "" {
				res = info
			}
			s.add(figure{part: "e", name: names[i], target: targets[i], result: res})
		}
		s.printf("_Pending: this run printed no `BENCH posting` lines for the ceiling and the busy thread (`BenchmarkLoadPosting`, `server/bench_posting_test.go`)._\n\n")
		s.printf("This section is made from lines such as\n\n```\nBENCH posting run=ceiling writers=64 writes_per_s=… p99_ms=… errors=…\nBENCH posting run=busy writers=64 servers=2 threads=1 writes_per_s=… p50_ms=… p99_ms=… errors=…\nBENCH posting run=spread writers=64 servers=2 threads=256 writes_per_s=… p99_ms=… errors=…\nBENCH delivery bench=posting answered=… lost=… duplicated=… disordered=…\n```\n")
		return s
	}
	cRate := num(ceil, "writes_per_s")
	ceiling := "plain Firestore creates: " + rate(cRate)
	ms := func(v float64) string { return micros(v * 1000) }
	errs := func(l line) string {
		return fmt.Sprintf("%s (%s in the measured windows)", orDash(l.str("errors")), orDash(l.str("window_errors")))
	}
	runFigures := func(l line, first int, rateTarget bool) {
		pr := num(l, "writes_per_s") / cRate
		res := info
		if rateTarget {
			res = check(pr >= postRatio)
		}
		s.add(figure{"e", names[first], rate(num(l, "writes_per_s")), targets[first], ceiling, ratio(pr), res})
		s.add(figure{"e", names[first+1], ms(num(l, "p99_ms")), targets[first+1], "plain create p99: " + ms(num(ceil, "p99_ms")), ratio(num(l, "p99_ms") / num(ceil, "p99_ms")), check(num(l, "p99_ms") <= postP99MS)})
		s.add(figure{"e", names[first+2], errs(l), targets[first+2], "plain creates: " + errs(ceil), "", check(num(l, "errors") == 0)})
	}
	runFigures(busy, 0, true)
	if okD {
		bad := num(del, "lost") + num(del, "duplicated") + num(del, "disordered")
		s.add(figure{"e", names[3], fmt.Sprintf("%s / %s / %s of %s seqs answered", del.str("lost"), del.str("duplicated"), del.str("disordered"), thousands(num(del, "answered"))), targets[3], "", "", check(bad == 0 && num(del, "answered") > 0)})
	} else {
		s.add(figure{part: "e", name: names[3], target: targets[3], result: pending})
	}
	if okS {
		runFigures(spread, 4, false)
	} else {
		s.add(figure{part: "e", name: names[4], result: info})
		s.add(figure{part: "e", name: names[5], target: targets[5], result: pending})
		s.add(figure{part: "e", name: names[6], target: targets[6], result: pending})
	}

	s.printf("`BenchmarkLoadPosting` (`server/bench_posting_test.go`) measures the chat write path against the Firestore emulator the package's tests share, with %s concurrent writers, each sending its next write as soon as the previous one is answered:\n\n", busy.str("writers"))
	s.printf("- **ceiling**, the baseline of the targets: plain document creates through the Go Firestore client (`firestore.Connect`, as Northstar connects): a `chat.Message` document with a random id (`NewDoc().Create`) in one collection of a fresh project. This is what the emulator sustains on this machine, measured in the same run;\n")
	s.printf("- **busy**: `postMessage(input: {threadId, text}) { seq }` through the real HTTP handler of two Northstar replicas (in this process, each behind its own loopback listener; same Firestore project, same Redis, same signing key; logging like `northstar serve`, JSON at level info, to /dev/null), every post to ONE thread. Writer i uses its own keep-alive connection to replica i mod 2, with a member's bearer token, tenant, env and project headers. Each post takes its seq from the Redis counter, creates `messages/{seq}` if absent and publishes the message on the bus; a replica sends the creates of concurrent posts in shared BatchWrite requests (each write with its own status) and their Redis commands in shared pipelines, so the ceiling's one create per request is not what a post pays;\n")
	s.printf("- **spread**: the same writers over %s threads, writer i's n-th post going to thread (i + n) mod %s.\n\n", threads, threads)
	s.printf("The emulator's JVM keeps speeding up for tens of seconds under load, so each kind of write first runs unmeasured (%s s in all); then %s rounds run the three in rotating order, each once the machine is quiet again, so that drift and bursts of other load hit them alike. In each round a run writes for %s s before a measured window; writes/s and latency (request written → answer read) count the writes answered in the windows, %s s in all per run. **Errors** are every non-200 answer, answer with GraphQL errors and transport error, warm-ups included. ",
		orDash(busy.str("prewarm_s")), orDash(busy.str("rounds")), busy.str("warmup_s"), plain(num(busy, "window_s")))
	s.printf("A websocket subscriber of the busy thread (`messagePosted(threadId, after: 0) { seq }`, on the second replica, so half of the posts reach it through Redis from the other one; when the server completes the subscription it subscribes again with `after` = the last seq it received, as the chat contract asks of clients) checks delivery: after the run it must have received every seq a writer was answered with (**lost**: answered, never received), none twice (**duplicated**), in strictly increasing order (**disordered**: received after a higher seq). Seqs of failed posts are legitimately absent (skipped); the check compares against the seqs answered, pre-warm included.\n\n")

	s.printf("| run | writes/s (rounds min–max) | vs ceiling | p50 | p90 | p99 | p99.9 | max | errors (in the windows) | this process's cores | emulator + Redis cores | other processes' cores |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	label := map[string]string{"ceiling": "ceiling: plain creates", "busy": "busy: 1 thread, 2 replicas", "spread": "spread: " + threads + " threads, 2 replicas"}
	for _, l := range []line{ceil, busy, spread} {
		if l.Name == "" {
			continue
		}
		rounds := ""
		if rs := nums(l, "writes_per_s_rounds"); len(rs) > 1 {
			sort.Float64s(rs)
			rounds = fmt.Sprintf(" (%s–%s)", thousands(rs[0]), thousands(rs[len(rs)-1]))
		}
		s.printf("| %s | %s%s | %s | %s | %s | %s | %s | %s | %s (%s) | %.2f | %.2f | %.2f |\n", label[l.str("run")], rate(num(l, "writes_per_s")), rounds, ratio(num(l, "writes_per_s")/cRate),
			ms(num(l, "p50_ms")), ms(num(l, "p90_ms")), ms(num(l, "p99_ms")), ms(num(l, "p999_ms")), ms(num(l, "max_ms")), l.str("errors"), l.str("window_errors"),
			num(l, "process_cpu_cores"), num(l, "helper_cpu_cores"), num(l, "other_cpu_cores"))
		if other := num(l, "other_cpu_cores"); other > 0.2 {
			r.warn("part e: other processes kept %.2f cores busy during the %s window; rerun on an idle machine", other, l.str("run"))
		}
		if first := l.str("first_error"); first != "" {
			r.warn("part e, %s: first error: %s", l.str("run"), first)
		}
	}
	s.printf("\n")
	r.postingCPU(s, ceil, busy, spread)
	if okD {
		s.printf("Delivery to the busy thread's subscriber: %s seqs answered to writers, %s messages received; %s lost, %s duplicated, %s out of order; %s received that no writer was answered with (a post whose answer was an error although its message was stored). ",
			thousands(num(del, "answered")), thousands(num(del, "received")), del.str("lost"), del.str("duplicated"), del.str("disordered"), del.str("extra"))
		s.printf("From a post's answer to its arrival at the subscriber: p50 %s, p99 %s, max %s. ", ms(num(del, "lag_p50_ms")), ms(num(del, "lag_p99_ms")), ms(num(del, "lag_max_ms")))
		if c, n := num(del, "resumes"), num(del, "reconnects"); c+n > 0 {
			s.printf("The server completed the subscription %s times and closed its connection %s times (close codes %s; the replicas' buses dropped %s subscribers for falling behind meanwhile); each time the subscriber resumed with `after`, as the chat contract asks of clients, and the check spans the resumptions. ",
				plain(c), plain(n), orDash(del.str("close_codes")), orDash(del.str("server_dropped")))
			r.warn("part e: the busy thread's subscriber had to resume %s times (%s completions, %s closed connections)", plain(c+n), plain(c), plain(n))
		}
		if num(del, "lost") == 0 {
			s.printf("The last answered seq arrived %.1f s after the run ended.\n\n", num(del, "wait_s"))
		} else {
			s.printf("The check gave up waiting for the missing seqs %.1f s after the run ended (the gap timeout plus 10 s).\n\n", num(del, "wait_s"))
		}
		if n := num(del, "duplicate_answers"); n > 0 {
			r.warn("part e: %s seqs were answered to two posts", plain(n))
		}
		if n := num(del, "problems"); n > 0 {
			r.warn("part e: the busy thread's subscriber got %s errors; first: %s", plain(n), del.str("first_problem"))
		}
	}
	r.postingProfile(s, s.missedAny())
	return s
}

// postingCPU explains the throughput from where the machine's CPU went per write.
func (r *report) postingCPU(s *section, runs ...line) {
	s.printf("CPU per write, from the cores each side kept busy in the window (this process: for the ceiling the Firestore client, for the posting runs both replicas, the writers and the subscriber; the emulator's JVM and Redis are its children):\n\n")
	s.printf("| run | this process µs / write | emulator + Redis µs / write | total µs / write | writes/s all cores would allow at that cost |\n|---|---|---|---|---|\n")
	for _, l := range runs {
		if l.Name == "" || num(l, "writes_per_s") == 0 {
			continue
		}
		per := func(k string) float64 { return num(l, k) / num(l, "writes_per_s") * 1e6 }
		total := per("process_cpu_cores") + per("helper_cpu_cores")
		cores := num(l, "cores")
		if cores == 0 {
			cores = 2
		}
		s.printf("| %s | %s | %s | %s | %s |\n", l.str("run"), thousands(per("process_cpu_cores")), thousands(per("helper_cpu_cores")), thousands(total), rate(cores*1e6/total))
	}
	s.printf("\nWhen the cores are saturated the rate follows the CPU a write costs on both sides, the emulator's included; the last column is that bound (the machine's cores ÷ CPU per write), ignoring other processes.")
	if len(runs) > 1 && runs[0].Name != "" && runs[1].Name != "" && num(runs[0], "writes_per_s") > 0 && num(runs[1], "writes_per_s") > 0 {
		per := func(l line, k string) float64 { return num(l, k) / num(l, "writes_per_s") }
		c, p := runs[0], runs[1]
		s.printf(" A post to the busy thread cost the emulator and Redis %s the CPU of a plain create, and this process %s.",
			ratio(per(p, "helper_cpu_cores")/per(c, "helper_cpu_cores")), ratio(per(p, "process_cpu_cores")/per(c, "process_cpu_cores")))
	}
	s.printf("\n\n")
}

// postingProfile explains part e's figures from the CPU profiles of the posting runs;
// top lists only when a target was missed.
func (r *report) postingProfile(s *section, missed bool) {
	s.printf("### Where the time goes\n\n")
	var seconds []float64
	ps := r.cpuProfiles("posting", "run", []string{"busy", "spread"}, func(l line) (float64, float64) {
		seconds = append(seconds, num(l, "seconds"))
		return num(l, "writes"), num(l, "writes") / num(l, "seconds")
	})
	if len(ps) == 0 || ps[0].server != "busy" {
		s.printf("_No CPU profile of the busy run in this run (`make bench` passes `-bench.out`)._\n")
		return
	}
	s.printf("After its last window each posting run went on for %s s under the CPU profiler (%s). The profile is of this process only — both replicas, the writers and the subscriber; the emulator's CPU is in the table above. CPU time per post, from the cumulative time of each layer (a layer includes the ones indented below it):\n\n", plain(seconds[0]), rates(ps, " at "))
	s.layerTable(ps, postingLayers, "post")
	s.printf("\n")
	if !missed {
		s.printf("The profiles are in %s; `go tool pprof -top` lists follow here when a target is missed.\n", filepath.Dir(ps[0].file))
		return
	}
	for _, p := range ps {
		s.printf("**%s run**: top functions by own CPU time, the benchmark's writers and subscriber excluded:\n\n%s\n", p.server, r.pprofSection(p.file, 40, "-nodecount=30", `-ignore=server\.runWriters|net/http\.\(\*persistConn\)|server\.\(\*resumingSubscriber\)`))
	}
	s.printf("The Northstar handler in the busy run by cumulative time:\n\n%s\n", r.pprofSection(ps[0].file, 55, "-cum", "-nodecount=45", `-focus=net/http\.serverHandler\.ServeHTTP`))
}

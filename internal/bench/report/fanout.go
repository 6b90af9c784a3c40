package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// fanoutLayers are the parts of a delivery whose CPU the profile table shows, as regular
// expressions on pprof function names; a row that does not apply to a server shows 0.
var fanoutLayers = []layer{
	{"whole process (server, runtime)", ""},
	{"go-redis pub/sub reader (Northstar)", `^github\.com/redis/go-redis/v9\.\(\*channel\)\.init\w*Chan\.func\d+$`},
	{"bus fan-out to the subscribers' queues (`chatbus.(*link).receive`)", `^github\.com/northstar/northstar/internal/chatbus\.\(\*link\)\.receive$`},
	{"stub fan-out to the subscribers' channels (bare gqlgen)", `^github\.com/northstar/northstar/server\.\(\*bareFanout\)\.deliver$`},
	{"the floor's fan-out: one frame and one `write` per subscriber (`floorFanout.deliver`)", `^github\.com/northstar/northstar/server\.\(\*floorFanout\)\.deliver$`},
	{"chat stream goroutines: order and gap checks (`chat.(*stream).run`)", `^github\.com/northstar/northstar/internal/chat\.\(\*stream\)\.run$`},
	{"shared executions: the selection set run and encoded once per message for a group (`multiplex.(*group).run`)", `^github\.com/northstar/northstar/internal/multiplex\.\(\*group\)\.run$`},
	{"Northstar's group announcers: all per-subscriber work below (`multiplex.(*group).announce`)", `^github\.com/northstar/northstar/internal/multiplex\.\(\*group\)\.announce$`},
	{"· notify a member's connection: queue, frames, write (`wsgorilla.(*operation).Notify`)", `^github\.com/northstar/northstar/internal/wsgorilla\.\(\*operation\)\.Notify$`},
	{"· · take the group's encoded responses (`multiplex.(*Member).Next`)", `^github\.com/northstar/northstar/internal/multiplex\.\(\*Member\)\.Next$`},
	{"· · wrap each in its envelope and frame (`wsgorilla.(*frameWriter).text`)", `^github\.com/northstar/northstar/internal/wsgorilla\.\(\*frameWriter\)\.text$`},
	{"· · write without waiting (`wsgorilla.(*frameWriter).tryFlush`: one non-blocking `write`)", `^github\.com/northstar/northstar/internal/wsgorilla\.\(\*frameWriter\)\.tryFlush$`},
	{"Northstar's connection goroutines: writes that had to wait for the socket (`wsgorilla.(*session).flush`)", `^github\.com/northstar/northstar/internal/wsgorilla\.\(\*session\)\.flush$`},
	{"goroutine exits (bare gqlgen: none per message; Northstar: a connection goroutine's end)", `^runtime\.goexit0$`},
	{"gqlgen subscription goroutines (bare gqlgen): all per-subscriber work below", `^github\.com/99designs/gqlgen/graphql/handler/transport\.\(\*wsConnection\)\.subscribe\.func1$`},
	{"· execute the selection set (`_Message`: field contexts, resolvers, marshalling)", `^github\.com/northstar/northstar/graph\.\(\*executionContext\)\._Message$`},
	{"· send the response (`sendResponse`: encode it, write the frame)", `^github\.com/99designs/gqlgen/graphql/handler/transport\.\(\*wsConnection\)\.sendResponse$`},
	{"· · `json.Marshal` (of the `graphql.Response`; coder/websocket marshals its envelope with it too)", `^encoding/json\.Marshal$`},
	{"· · write the frame (`wsConnection.write`: message envelope, websocket frame, syscall)", `^github\.com/99designs/gqlgen/graphql/handler/transport\.\(\*wsConnection\)\.write$`},
	{"`write` syscall (both servers, in the layers above)", `^syscall\.write$`},
	{"context lookups (`context.(*valueCtx).Value`, in all of the above)", `^context\.\(\*valueCtx\)\.Value$`},
	{"garbage collector background workers", `^runtime\.gcBgMarkWorker$`},
	{"allocation (`mallocgc`, in all of the above)", `^runtime\.mallocgc$`},
	{"· GC assists charged to allocation", `^runtime\.gcAssistAlloc$`},
}

func (r *report) partB() *section {
	s := &section{}
	s.printf("## b. Subscription fan-out over websockets\n\n")
	names := []string{"deliveries/s at 1,000 subscribers of one thread", "publish→receive p99 at 1,000 subscribers", "drops at 1,000 subscribers", "server CPU per delivery at 1,000 subscribers"}
	targets := []string{fmt.Sprintf("≥ %s/s (within 1%% for the window's edges)", thousands(fanoutRate)), fmt.Sprintf("≤ %s ms", plain(fanoutP99MS)), "0", fmt.Sprintf("≤ %s µs and ≤ %s× bare gqlgen", plain(fanoutCPUMicros), plain(fanoutCPURatio))}
	ns, ok := r.res.latest("fanout", "server", "northstar", "subscribers", fanoutSubs)
	if !ok {
		for i := range names {
			s.add(figure{part: "b", name: names[i], target: targets[i], result: pending})
		}
		s.printf("_Pending: this run printed no `BENCH fanout` lines (`BenchmarkLoadFanout`, `server/bench_fanout_test.go`)._\n\n")
		s.printf("This section is made from lines such as\n\n```\nBENCH fanout server=northstar subscribers=1000 deliveries_per_s=… p50_ms=… p99_ms=… drops=… cpu_us_per_delivery=…\nBENCH fanout server=bare-gqlgen subscribers=1000 deliveries_per_s=… p50_ms=… p99_ms=… drops=… cpu_us_per_delivery=…\n```\n\n")
		s.printf("for each server and subscriber count; the `bare-gqlgen` lines are the same-run baseline, and a CPU profile named by `BENCH profile bench=fanout server=… kind=cpu file=… deliveries=…` explains the figures.\n")
		return s
	}
	bare, okB := r.res.latest("fanout", "server", "bare-gqlgen", "subscribers", fanoutSubs)
	base := func(k string, f func(float64) string) (string, string) {
		if !okB {
			return "", ""
		}
		return "bare gqlgen: " + f(num(bare, k)), ratio(num(ns, k) / num(bare, k))
	}
	ms := func(v float64) string { return micros(v * 1000) }
	us := func(v float64) string { return plain(v) + " µs" }
	// lat formats latency k of l: none when no message of the window arrived.
	lat := func(l line, k string) string {
		if n, ok := l.num("latencies"); ok && n == 0 {
			return "none arrived"
		}
		return ms(num(l, k))
	}
	b0, r0 := base("deliveries_per_s", rate)
	b1, r1 := base("p99_ms", ms)
	if okB {
		b1 = "bare gqlgen: " + lat(bare, "p99_ms")
	}
	arrived := func(l line) bool { n, ok := l.num("latencies"); return !ok || n > 0 }
	b2, _ := base("drops", plain)
	b3, r3 := base("cpu_us_per_delivery", us)
	s.add(figure{"b", names[0], rate(num(ns, "deliveries_per_s")), targets[0], b0, r0, check(num(ns, "deliveries_per_s") >= fanoutEdges*fanoutRate)})
	if !arrived(ns) || (okB && !arrived(bare)) {
		r1 = ""
	}
	s.add(figure{"b", names[1], lat(ns, "p99_ms"), targets[1], b1, r1, check(arrived(ns) && num(ns, "p99_ms") <= fanoutP99MS)})
	s.add(figure{"b", names[2], ns.str("drops"), targets[2], b2, "", check(num(ns, "drops") == 0)})
	cpuMet := num(ns, "cpu_us_per_delivery") <= fanoutCPUMicros && okB && num(ns, "cpu_us_per_delivery") <= fanoutCPURatio*num(bare, "cpu_us_per_delivery")
	s.add(figure{"b", names[3], us(num(ns, "cpu_us_per_delivery")), targets[3], b3, r3, check(cpuMet)})
	floor, okF := r.res.latest("fanout", "server", "floor", "subscribers", fanoutSubs)
	if okF {
		own, least := num(ns, "cpu_us_per_delivery"), num(floor, "cpu_us_per_delivery")
		above := us(own - least)
		if own <= least {
			above = "none: " + us(least-own) + " below it (the noise between two windows)"
		}
		s.add(figure{"b", "server CPU per delivery at 1,000 subscribers above the floor (one write system call per delivery, no GraphQL; same run)",
			above, "— (context: the floor is what no server avoids)", "floor: " + us(least), ratio(own / least), info})
	}
	r.clusterFigures(s, ns, lat, arrived)
	r.scaleFigures(s, lat, arrived)

	overRate, _ := strconv.ParseFloat(fanoutOverRate, 64)
	s.printf("`BenchmarkLoadFanout` (`server/bench_fanout_test.go`) runs each server in a child process (the test binary re-run as `TestBenchChildServer`, as in part c) and its subscribers in the benchmark process: for each count, that many websockets (graphql-transport-ws, one connection and one `messagePosted(threadId, after: 0) { seq text threadId authorId }` subscription each, all on ONE thread) receive messages published at a fixed rate of %s per second unless the table says otherwise, so the expected deliveries/s is the rate times the subscribers. The overload target's load is 2,000 subscribers at %s per second (%s deliveries/s offered): at 50 per second (the issue's example) Northstar delivers all that is offered, which caps its ratio to bare gqlgen at the offered rate over bare gqlgen's, so the load offers twice that; 10,000 subscribers are measured at 5 per second.\n\n", ns.str("rate"), fanoutOverRate, thousands(2000*overRate))
	s.printf("- **northstar**: `newChatServer` (env staging, Redis chat bus, authenticated `connection_init`). The benchmark publishes each message **directly to Redis** with go-redis — `PUBLISH` to the thread's bus channel `chatbus.Channel(chatbus.DefaultPrefix, chat.Topic(thread))` (`ns:{G}chat:<thread>`, G the topic's channel group) with the JSON of a `chat.Message` whose seq follows the thread's stored last seq — exactly what `chat.Service.Post` publishes after storing a message. What is measured is the fan-out path, Redis → bus → chat stream (order and gap checks) → gqlgen → websocket; part e measures the write path.\n")
	if _, ok := r.res.latest("fanout", "server", "northstar-cluster"); ok {
		s.printf("- **northstar-cluster**: the same server process with its `chat_bus` route of backend `redis-cluster` on a local 3-master Redis Cluster the benchmark starts (`devinfra.StartRedisCluster`: three `redis-server` masters, no replicas). The bus holds one sharded subscription (`SSUBSCRIBE`) per channel group, on the master owning the group's slot; the benchmark publishes the same messages with `SPUBLISH` through a go-redis `ClusterClient`, which sends each to that master, as `chat.Service.Post` does on a cluster.\n")
	}
	s.printf("- **bare-gqlgen**, the baseline: the generated schema on gqlgen's default websocket transport (coder/websocket) with the same keepalive, and a stub `messagePosted` whose process publishes at the same rate into one Go channel that a goroutine fans out to every subscriber's channel (as deep as the bus's queues; a full one is dropped, as the bus does): gqlgen's own per-subscriber execution and encoding.\n\n")
	if okF {
		s.printf("- **floor**, measured at %s subscribers only: a test server that speaks just enough graphql-transport-ws for these clients and runs neither GraphQL nor a bus (`floorFanout`, `server/bench_fanout_floor_test.go`): its publisher encodes each message once and writes it to every subscriber in turn, one text frame with one `write` system call on the socket's descriptor each (no `net.Conn` locks, deadlines or buffered writer). Its CPU per delivery is the least any server spends on this machine: the `write` system call, which on loopback also hands the segment to the client's socket and wakes its reader, and a loop. Northstar's CPU per delivery less the floor's is what its own layers cost.\n\n", thousands(num(floor, "subscribers")))
	}
	s.printf("All servers are paced by the same code and read by the same clients (`loadgen.DialSubscribers`). Each message's text is its publish time in unix ns, so publish→receive latency is measured across the two processes; every subscriber must receive every seq exactly once and in order. After %s s of warm-up a window of %s s is measured, the servers alternating per count: deliveries/s is what all subscribers received in the window (every message reaches them in a burst, so where the window's edges fall moves this by up to about 1%%: the target counts as met within 1%%); latency covers the messages published in it; **drops** = seqs missing at any subscriber (after waiting for the last one) + seqs received twice or out of order + subscribers the server dropped for falling behind (Northstar's `northstar_chatbus_dropped_subscribers_total` from `/metrics`, the stub's own count); **server CPU per delivery** = the server process's CPU time in the window (`getrusage`, user + system) ÷ deliveries. The clients share the machine's 2 cores with the server.\n\n", ns.str("warmup_s"), plain(num(ns, "window_s")))

	all := r.res.find("fanout")
	sort.SliceStable(all, func(i, j int) bool {
		ni, nj := num(all[i], "subscribers"), num(all[j], "subscribers")
		if ni != nj {
			return ni < nj
		}
		return fanoutRank(all[i].str("server")) < fanoutRank(all[j].str("server"))
	})
	s.printf("| server | subscribers | messages/s | deliveries/s (expected) | p50 | p90 | p99 | max | drops (missing, disordered, dropped by server) | server CPU / delivery | server cores (idle) | clients' cores | deliveries/s vs bare | p99 vs bare | CPU / delivery vs bare |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, l := range all {
		vsBare := func(k string) string {
			b, ok := r.res.latest("fanout", "server", "bare-gqlgen", "subscribers", l.str("subscribers"))
			if !ok {
				return "—"
			}
			return ratio(num(l, k) / num(b, k))
		}
		s.printf("| %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s (%s, %s, %s) | %s | %.2f (%.2f) | %.2f | %s | %s | %s |\n",
			l.str("server"), thousands(num(l, "subscribers")), l.str("rate"), rate(num(l, "deliveries_per_s")), thousands(num(l, "expected_per_s")),
			lat(l, "p50_ms"), lat(l, "p90_ms"), lat(l, "p99_ms"), lat(l, "max_ms"),
			orDash(l.str("drops")), orDash(l.str("missing")), orDash(l.str("disordered")), orDash(l.str("server_dropped")),
			us(num(l, "cpu_us_per_delivery")), num(l, "server_cpu_cores"), num(l, "server_idle_cpu_cores"), num(l, "client_cpu_cores"),
			vsBare("deliveries_per_s"), vsBare("p99_ms"), vsBare("cpu_us_per_delivery"))
	}
	if one, ok := r.res.latest("fanout", "server", "northstar", "subscribers", "1"); ok {
		s.printf("\nWith one subscriber the server sits idle between messages (the idle column is its CPU with no connections), and its CPU per delivery, %s for Northstar, is mostly what each message costs independently of the number of subscribers (waking the process's threads, the hand-offs, timers; at this rate a profile has too few samples to split it). Spread over more subscribers it falls to %s at %s.",
			us(num(one, "cpu_us_per_delivery")), us(num(ns, "cpu_us_per_delivery")), thousands(num(ns, "subscribers")))
	}
	busy := num(ns, "server_cpu_cores") + num(ns, "client_cpu_cores") + num(ns, "helper_cpu_cores") + num(ns, "other_cpu_cores")
	s.printf(" At %s subscribers Northstar's server and the clients kept %.2f of the 2 cores busy (server %.2f, clients %.2f, emulators and Redis %.2f, other processes %.2f)", thousands(num(ns, "subscribers")), busy,
		num(ns, "server_cpu_cores"), num(ns, "client_cpu_cores"), num(ns, "helper_cpu_cores"), num(ns, "other_cpu_cores"))
	if busy >= 1.7 {
		s.printf(": the machine is close to saturated, so latency there is mostly waiting for a core and moves a lot with small differences in CPU")
	}
	s.printf(".")
	if okB && arrived(ns) && arrived(bare) {
		p50, cpu := num(ns, "p50_ms")/num(bare, "p50_ms"), num(ns, "cpu_us_per_delivery")/num(bare, "cpu_us_per_delivery")
		s.printf(" There Northstar's median latency is %s bare gqlgen's while its CPU per delivery is %s: the CPU profiles below do not account for the latency gap.", ratio(p50), ratio(cpu))
		if p50 > 1.5 && cpu < 1.25 {
			s.printf(" A likely cause, not verified here (a `runtime/trace` of the window would show it): a message reaches Northstar's subscribers through the netpoller and two more goroutines (go-redis's reader, the bus's receive loop), each waiting behind the previous message's per-subscriber work when the cores are saturated, while the stub's publisher is a timer in the server process.")
		}
	}
	s.printf("\n")
	r.clusterComparison(s, lat)
	for _, l := range all {
		if other := num(l, "other_cpu_cores"); other > 0.2 {
			r.warn("part b: other processes kept %.2f cores busy during the %s window at %s subscribers; rerun on an idle machine", other, l.str("server"), l.str("subscribers"))
		}
	}
	s.printf("\n")
	r.fanoutProfile(s, s.missedAny())
	return s
}

// fanoutProfile explains part b's figures from the CPU profiles taken under load at the
// largest count; top lists only when a target was missed.
func (r *report) fanoutProfile(s *section, missed bool) {
	s.printf("### Where the time goes\n\n")
	ps := r.cpuProfiles("fanout", "server", []string{"northstar", "northstar-cluster", "bare-gqlgen", "floor"},
		func(l line) (float64, float64) { return num(l, "deliveries"), num(l, "deliveries") / num(l, "seconds") })
	if len(ps) == 0 || ps[0].server != "northstar" {
		s.printf("_No Northstar CPU profile in this run (`make bench` passes `-bench.out`)._\n")
		return
	}
	subs, _ := r.res.latest("profile", "bench", "fanout", "server", "northstar", "kind", "cpu")
	s.printf("After the measured window at %s subscribers each server was profiled for %s s more under the same load (%s deliveries). ", thousands(num(subs, "subscribers")), plain(num(subs, "seconds")), rates(ps, " "))
	s.printf("CPU time per delivery, from the cumulative time of each layer (a layer includes the ones indented below it; allocation, GC and context lookups are spread over all of them):\n\n")
	s.layerTable(ps, fanoutLayers, "delivery")
	n := ps[0]
	whole := n.perOp("")
	layer := func(label string) float64 { return n.perOp(fanoutLayer(label)) }
	announce, notify, take, frame, write, syscall := layer("group announcers"), layer("member's connection"), layer("encoded responses"), layer("envelope and frame"), layer("without waiting"), layer("`write` syscall")
	shared, waited := layer("shared executions"), layer("had to wait")
	s.printf("\nIn Northstar's profile %s µs of the %s µs per delivery (%s) is the group announcers' work for each subscriber: notifying its connection (%s µs), which takes the group's encoded responses (%s µs), wraps each in its envelope and frame (%s µs) and writes them without waiting (%s µs); the `write` syscall is %s µs. Connections whose socket did not take a write at once cost %s µs more on goroutines of their own. The selection set runs and is encoded once per message for all the subscribers of a group (`internal/multiplex`): %s µs per delivery. Northstar's own layers, the Redis reader, the bus and the chat stream, cost %s µs together (a layer under 10 ms of the profile shows 0).",
		plain(announce), plain(whole), pct(announce, whole), plain(notify), plain(take), plain(frame), plain(write), plain(syscall), plain(waited), plain(shared),
		plain(layer("go-redis")+layer("bus fan-out")+layer("chat stream")))
	for _, p := range ps[1:] {
		switch p.server {
		case "bare-gqlgen":
			s.printf(" Bare gqlgen spends %s µs per delivery (Northstar: %s that): executing the selection set for each subscriber (%s µs), `json.Marshal` (%s µs) and coder/websocket writing the frame (%s µs, of which the `write` syscall %s µs).", plain(p.perOp("")), ratio(whole/p.perOp("")),
				plain(p.perOp(fanoutLayer("execute the selection set"))), plain(p.perOp(fanoutLayer("`json.Marshal`"))), plain(p.perOp(fanoutLayer("`wsConnection.write`"))), plain(p.perOp(fanoutLayer("`write` syscall"))))
		case "floor":
			// The system call's cost moves between two windows by as much as the code
			// around it costs: compare what each server spends outside it.
			least, leastCall := p.perOp(""), p.perOp(fanoutLayer("`write` syscall"))
			own, floorOwn := whole-syscall, least-leastCall
			s.printf(" The floor spends %s µs per delivery, of which the `write` syscall %s µs (Northstar's: %s µs). Outside that system call Northstar spends %s µs per delivery and the floor %s µs: ", plain(least), plain(leastCall), plain(syscall), plain(own), plain(floorOwn))
			if own > floorOwn {
				s.printf("Northstar's own code costs %s µs more per delivery than the floor's loop (%s of Northstar's CPU per delivery).", plain(own-floorOwn), pct(own-floorOwn, whole))
			} else {
				s.printf("no more than the floor's loop.")
			}
		case "northstar-cluster":
			s.printf(" With its bus on the Redis Cluster Northstar spends %s µs per delivery (%s one Redis), of which its own layers %s µs.", plain(p.perOp("")), ratio(p.perOp("")/whole),
				plain(p.perOp(fanoutLayer("go-redis"))+p.perOp(fanoutLayer("bus fan-out"))+p.perOp(fanoutLayer("chat stream"))))
		}
	}
	s.printf(" What is left per subscriber is mostly the `write` syscall, %s of Northstar's CPU per delivery: one per connection and message while the connection keeps up (one for several messages when it is behind, which is why the overload costs less per delivery). On loopback that syscall also hands the segment to the client's socket and wakes its reader, so it costs about as much whatever the transport: on this machine it alone is %s µs of the %s µs target.\n\n", pct(syscall, whole), plain(syscall), plain(fanoutCPUMicros))
	if !missed {
		s.printf("The profiles are in %s; `go tool pprof -top` lists follow here when a target is missed.\n", filepath.Dir(n.file))
		return
	}
	s.printf("Top functions of the Northstar profile by own CPU time:\n\n%s\n", r.pprofSection(n.file, 40, "-nodecount=30"))
	s.printf("Its group announcers by cumulative time:\n\n%s\n", r.pprofSection(n.file, 50, "-cum", "-nodecount=40", `-focus=multiplex\.\(\*group\)\.announce`))
}

// fanoutLayer returns the regular expression of the layer whose label contains label.
func fanoutLayer(label string) string {
	for _, l := range fanoutLayers {
		if strings.Contains(l.label, label) {
			return l.re
		}
	}
	panic("report: no fan-out layer " + label)
}

// pct returns part/whole as a percentage.
func pct(part, whole float64) string {
	if whole <= 0 {
		return "—"
	}
	return strconv.FormatFloat(100*part/whole, 'f', 0, 64) + "%"
}

// scaleFigures adds part b's rows for the loads beside the 1,000-subscriber one: 10,000
// subscribers at 5 messages/s, and an overload of 2,000 subscribers at fanoutOverRate
// messages/s, each against bare gqlgen under the same load.
func (r *report) scaleFigures(s *section, lat func(line, string) string, arrived func(line) bool) {
	vs := func(match ...string) (line, line, bool, bool) {
		ns, ok := r.res.latest("fanout", append([]string{"server", "northstar"}, match...)...)
		bare, okB := r.res.latest("fanout", append([]string{"server", "bare-gqlgen"}, match...)...)
		return ns, bare, ok, okB
	}
	names := []string{"drops at 10,000 subscribers of one thread, 5 messages/s", "publish→receive p99 at 10,000 subscribers, 5 messages/s"}
	targets := []string{"0: all delivered", fmt.Sprintf("≤ %s ms", plain(fanoutBigP99MS))}
	if big, bare, ok, okB := vs("subscribers", fanoutBigSubs); !ok {
		for i := range names {
			s.add(figure{part: "b", name: names[i], target: targets[i], result: pending})
		}
	} else {
		b0, b1, r1 := "", "", ""
		if okB {
			b0, b1 = "bare gqlgen: "+bare.str("drops"), "bare gqlgen: "+lat(bare, "p99_ms")
			if arrived(big) && arrived(bare) {
				r1 = ratio(num(big, "p99_ms") / num(bare, "p99_ms"))
			}
		}
		s.add(figure{"b", names[0], big.str("drops"), targets[0], b0, "", check(num(big, "drops") == 0)})
		s.add(figure{"b", names[1], lat(big, "p99_ms"), targets[1], b1, r1, check(arrived(big) && num(big, "p99_ms") <= fanoutBigP99MS)})
	}
	names = []string{fmt.Sprintf("overload, 2,000 subscribers at %s messages/s: deliveries/s", fanoutOverRate), "overload: subscribers the server disconnected"}
	targets = []string{fmt.Sprintf("≥ %s× bare gqlgen", plain(fanoutOverRatio)), "fewer than bare gqlgen (or none)"}
	over, bare, ok, okB := vs("subscribers", fanoutOverSubs, "rate", fanoutOverRate)
	if !ok || !okB {
		for i := range names {
			s.add(figure{part: "b", name: names[i], target: targets[i], result: pending})
		}
		return
	}
	rr := num(over, "deliveries_per_s") / num(bare, "deliveries_per_s")
	s.add(figure{"b", names[0], rate(num(over, "deliveries_per_s")), targets[0], "bare gqlgen: " + rate(num(bare, "deliveries_per_s")), ratio(rr), check(rr >= fanoutOverRatio)})
	nd, bd := num(over, "server_dropped"), num(bare, "server_dropped")
	s.add(figure{"b", names[1], over.str("server_dropped"), targets[1], "bare gqlgen: " + bare.str("server_dropped"), "", check(nd < bd || nd == 0)})
}

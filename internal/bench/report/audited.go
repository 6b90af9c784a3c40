package main

import "fmt"

// Part f's target (the members, invitations and audit log issue): an audited write
// costs at most this much more than a plain single-document Firestore create.
const auditedRatio = 1.5

func (r *report) partF() *section {
	s := &section{}
	s.printf("## f. Audited control-plane writes\n\n")
	base, okB := r.res.latest("audited", "op", "firestore-create")
	bare, okR := r.res.latest("audited", "op", "route-write-bare")
	for _, op := range []string{"createProject", "setRoute"} {
		l, ok := r.res.latest("audited", "op", op)
		for _, q := range []string{"p50", "p99"} {
			name := fmt.Sprintf("%s %s through the handler, audited", op, q)
			target := fmt.Sprintf("≤ %s× baseline", plain(auditedRatio))
			if !ok || !okB {
				s.add(figure{part: "f", name: name, target: target, result: pending})
				continue
			}
			v, b := num(l, q+"_us"), num(base, q+"_us")
			s.add(figure{"f", name, micros(v), target, "plain single-document create: " + micros(b), ratio(v / b), check(v/b <= auditedRatio)})
		}
	}
	cp, okP := r.res.latest("audited", "op", "createProject")
	svc, okV := r.res.latest("audited", "op", "createProject-service")
	if okP && okV && okB {
		s.add(figure{"f", "createProject p50 without the handler (the service: write and event in one commit)", micros(num(svc, "p50_us")), "", "plain single-document create: " + micros(num(base, "p50_us")), ratio(num(svc, "p50_us") / num(base, "p50_us")), info})
		s.add(figure{"f", "createProject p50, handler included, against the service alone", micros(num(cp, "p50_us")), "", "the service: " + micros(num(svc, "p50_us")), ratio(num(cp, "p50_us") / num(svc, "p50_us")), info})
		ref, okF := r.res.latest("audited", "op", "createProject-refused")
		both, okT := r.res.latest("audited", "op", "service-then-refused")
		if okF && okT {
			halves := num(svc, "p50_us") + num(ref, "p50_us")
			s.add(figure{"f", "createProject p50 against its halves timed apart (the service, plus the handler refusing the mutation before any store access)", micros(num(cp, "p50_us")), "",
				fmt.Sprintf("%s + %s = %s", micros(num(svc, "p50_us")), micros(num(ref, "p50_us")), micros(halves)), ratio(num(cp, "p50_us") / halves), info})
			s.add(figure{"f", "createProject p50 against its halves back to back (the service, then the refused mutation)", micros(num(cp, "p50_us")), "",
				"service then refused: " + micros(num(both, "p50_us")), ratio(num(cp, "p50_us") / num(both, "p50_us")), info})
		}
	}
	set, okS := r.res.latest("audited", "op", "setRoute")
	if okS && okR {
		for _, q := range []string{"p50", "p99"} {
			v, b := num(set, q+"_us"), num(bare, q+"_us")
			s.add(figure{"f", "setRoute " + q + " against its own store write without handler or event", micros(v), "", "the conditional update of a route document: " + micros(b), ratio(v / b), info})
		}
	}
	if unl, ok := r.res.latest("audited", "op", "route-write-unlistened"); ok && okR {
		v, b := num(bare, "p50_us"), num(unl, "p50_us")
		s.add(figure{"f", "a route document's conditional update p50 in the collection the registry listens to, against the same update in a collection without listeners", micros(v), "", "without listeners: " + micros(b), ratio(v / b), info})
	}
	if !okB {
		s.printf("_Not measured in this run: `BenchmarkLoadAuditedWrites` printed no `BENCH audited` lines._\n\n")
		return s
	}
	s.printf("`BenchmarkLoadAuditedWrites` (`server/bench_audit_test.go`) times, one request at a time, `createProject` and `setRoute` through the real handler (token, `@member`, validation, the write and its audit event in one commit) against a plain single-document `Create` on the same emulator from the same process, taking turns for %s rounds of %s s. The requests go out on one keep-alive connection with the load generator's exchange (`loadgen.Client`, as part a's), whose round trip adds no goroutine hand-offs of its own to the handler's latency. ", base.str("rounds"), base.str("round_s"))
	s.printf("`createProject` is one commit (the project and its event); `setRoute` is one commit too (the conditional update and its event): it starts from the routing registry's copy of the route instead of reading it, and reads it only when the copy turns out stale (`internal/firestore/followed.go`). ")
	s.printf("The `createProject-service` row calls the tenancy service directly (its write and audit event in one commit, no HTTP, GraphQL or access checks): against the plain create it is what the event adds to the commit, and `createProject` against it is what the handler adds. ")
	s.printf("The `createProject-refused` row sends the same mutation with an empty name, which the service refuses (`BAD_USER_INPUT`) before any store access: the handler's own path for a mutation (HTTP, token, `@member`, GraphQL, the error answer). `service-then-refused` does the service's write and then that refused mutation, back to back as `createProject` does its two halves. `createProject` costs what the two cost back to back, which is more than their sum timed apart: the emulator shares the 2 cores, and its own work after a commit competes with the handler's. ")
	s.printf("The `route-write-bare` row is that same conditional update of a route document without the handler and without an event: `setRoute` against it is what the handler and the event add. ")
	s.printf("Route documents live in the collection every replica's routing registry listens to, and the emulator makes each write to a collection with an active listener wait for it: the `route-write-unlistened` row is the same update in a collection nobody listens to, and the gap between the two is the emulator's charge, which `setRoute` pays and the plain create does not. The charge grows with the whole database, not only the listened collection (measured on its own, one listener on a one-document collection: a write to it took 2.3 ms p50 against 1.2 ms for a write elsewhere in an empty database, and 5.7 ms against 0.9 ms once 10,000 documents sat in another tenant's subcollection; the form of the listened query made no difference), and this benchmark's own creates grow the database as it runs. Production Firestore delivers listener updates asynchronously.\n\n")
	s.printf("| op | requests | p50 | p90 | p99 | max | errors |\n|---|---|---|---|---|---|---|\n")
	for _, op := range []string{"createProject", "createProject-service", "createProject-refused", "service-then-refused", "setRoute", "firestore-create", "route-write-bare", "route-write-unlistened"} {
		if l, ok := r.res.latest("audited", "op", op); ok {
			s.printf("| %s | %s | %s | %s | %s | %s | %s |\n", op, l.str("requests"), micros(num(l, "p50_us")), micros(num(l, "p90_us")), micros(num(l, "p99_us")), micros(num(l, "max_us")), l.str("errors"))
		}
	}
	s.printf("\n")
	return s
}

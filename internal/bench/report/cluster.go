package main

import "fmt"

// Part b's Redis Cluster targets: Northstar with its chat bus on a 3-master cluster
// against the same server on one Redis, at 1,000 subscribers.
const (
	clusterRateRatio = 0.9 // deliveries/s ≥ 0.9× one Redis
	clusterP99Ratio  = 1.2 // p99 ≤ 1.2× one Redis
)

// fanoutRank orders part b's rows of one subscriber count.
func fanoutRank(server string) int {
	switch server {
	case "northstar":
		return 0
	case "northstar-cluster":
		return 1
	case "bare-gqlgen":
		return 2
	case "floor":
		return 3
	}
	return 4
}

// clusterFigures adds part b's summary rows for the Redis Cluster: deliveries/s and p99
// as ratios to single, Northstar on one Redis, and drops. lat formats a latency, arrived
// reports whether any message of a window arrived.
func (r *report) clusterFigures(s *section, single line, lat func(line, string) string, arrived func(line) bool) {
	names := []string{"deliveries/s at 1,000 subscribers, chat bus on a 3-master Redis Cluster", "publish→receive p99 at 1,000 subscribers, Redis Cluster", "drops at 1,000 subscribers, Redis Cluster"}
	targets := []string{fmt.Sprintf("≥ %.2f× one Redis", clusterRateRatio), fmt.Sprintf("≤ %.2f× one Redis", clusterP99Ratio), "0"}
	c, ok := r.res.latest("fanout", "server", "northstar-cluster", "subscribers", fanoutSubs)
	if !ok {
		for i := range names {
			s.add(figure{part: "b", name: names[i], target: targets[i], result: pending})
		}
		return
	}
	base := "Northstar on one Redis: "
	rr := num(c, "deliveries_per_s") / num(single, "deliveries_per_s")
	s.add(figure{"b", names[0], rate(num(c, "deliveries_per_s")), targets[0], base + rate(num(single, "deliveries_per_s")), ratio(rr), check(rr >= clusterRateRatio)})
	both := arrived(c) && arrived(single)
	pr, prStr := num(c, "p99_ms")/num(single, "p99_ms"), ""
	if both {
		prStr = ratio(pr)
	}
	s.add(figure{"b", names[1], lat(c, "p99_ms"), targets[1], base + lat(single, "p99_ms"), prStr, check(both && pr <= clusterP99Ratio)})
	s.add(figure{"b", names[2], c.str("drops"), targets[2], base + single.str("drops"), "", check(num(c, "drops") == 0)})
}

// clusterComparison prints, count by count, Northstar on the Redis Cluster against
// Northstar on one Redis.
func (r *report) clusterComparison(s *section, lat func(line, string) string) {
	rows := r.res.find("fanout", "server", "northstar-cluster")
	if len(rows) == 0 {
		return
	}
	s.printf("\n**On a 3-master Redis Cluster.** Northstar with its chat bus on the cluster (sharded pub/sub) against the same server on one Redis, count by count; the targets compare them at 1,000 subscribers:\n\n")
	s.printf("| subscribers | deliveries/s, one Redis → cluster | ratio | p50, one Redis → cluster | p99, one Redis → cluster | ratio | server CPU / delivery, one Redis → cluster | ratio | drops on the cluster |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range rows {
		one, ok := r.res.latest("fanout", "server", "northstar", "subscribers", c.str("subscribers"))
		if !ok {
			continue
		}
		vs := func(k string) string { return ratio(num(c, k) / num(one, k)) }
		s.printf("| %s | %s → %s | %s | %s → %s | %s → %s | %s | %s → %s | %s | %s |\n", thousands(num(c, "subscribers")),
			rate(num(one, "deliveries_per_s")), rate(num(c, "deliveries_per_s")), vs("deliveries_per_s"),
			lat(one, "p50_ms"), lat(c, "p50_ms"), lat(one, "p99_ms"), lat(c, "p99_ms"), vs("p99_ms"),
			plain(num(one, "cpu_us_per_delivery"))+" µs", plain(num(c, "cpu_us_per_delivery"))+" µs", vs("cpu_us_per_delivery"), orDash(c.str("drops")))
	}
}

// Package metrics holds Northstar's Prometheus series, on a registry of its own: GraphQL
// HTTP requests by operation, code and status with their latency; chat bus deliveries and
// dropped subscribers (chatbus.Counters); chat publishes and sequencer fallbacks
// (chat.Counters); rate-limit decisions made locally while Redis was down; restarts of
// quiet Firestore listeners (internal/follow); and gauges
// read at scrape time. The server serves them on /metrics.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the server's Prometheus series, on a registry of its own.
type Metrics struct {
	registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	latency       *prometheus.HistogramVec
	deliveries    prometheus.Counter
	drops         prometheus.Counter
	publishFailed prometheus.Counter
	seqFallback   prometheus.Counter
	rateLocal     prometheus.Counter
	restarts      *prometheus.CounterVec
}

// New returns the series, registered.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "northstar_graphql_requests_total",
			Help: "GraphQL HTTP requests by operation, error code and HTTP status.",
		}, []string{"operation", "code", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "northstar_graphql_request_duration_seconds",
			Help:    "GraphQL HTTP request latency by operation.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"operation"}),
	}
	m.deliveries = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "northstar_chatbus_deliveries_total",
		Help: "Bus messages handed to local subscribers.",
	})
	m.drops = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "northstar_chatbus_dropped_subscribers_total",
		Help: "Subscribers disconnected for falling behind.",
	})
	m.publishFailed = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "northstar_chat_publish_failures_total",
		Help: "Messages stored but not published (subscribers recover them from the store).",
	})
	m.seqFallback = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "northstar_chat_sequencer_failures_total",
		Help: "Posts that allocated their seq from the store because the sequencer (Redis) failed.",
	})
	m.rateLocal = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "northstar_rate_limit_local_decisions_total",
		Help: "Rate-limit decisions counted in this process because the rate-limit Redis did not answer.",
	})
	m.restarts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "northstar_follow_restarts_total",
		Help: "Firestore listeners restarted because they delivered nothing while their collection moved on (internal/follow), by stream.",
	}, []string{"stream"})
	m.registry.MustRegister(m.requests, m.latency, m.deliveries, m.drops, m.publishFailed, m.seqFallback, m.rateLocal, m.restarts,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Delivered implements chatbus.Counters.
func (m *Metrics) Delivered(n int) { m.deliveries.Add(float64(n)) }

// Dropped implements chatbus.Counters.
func (m *Metrics) Dropped() { m.drops.Inc() }

// PublishFailed implements chat.Counters.
func (m *Metrics) PublishFailed() { m.publishFailed.Inc() }

// SequencerFailed implements chat.Counters.
func (m *Metrics) SequencerFailed() { m.seqFallback.Inc() }

// RateLimitLocal counts one rate-limit decision made without Redis (ratelimit.Options).
func (m *Metrics) RateLimitLocal() { m.rateLocal.Inc() }

// FollowRestarted counts one restart of stream's quiet listener (follow.Options.OnStale).
func (m *Metrics) FollowRestarted(stream string) { m.restarts.WithLabelValues(stream).Inc() }

// Gauges registers live values read at scrape time: websocket connections and bus topics.
func (m *Metrics) Gauges(connections, topics func() float64) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "northstar_websocket_connections", Help: "Live websocket connections."}, connections),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "northstar_chatbus_topics", Help: "Topics with local subscribers (one Redis channel each)."}, topics),
	)
}

// SubscriptionGroups registers the shared subscription executions (multiplex groups) and
// the subscribers they serve, read at scrape time from groups.
func (m *Metrics) SubscriptionGroups(groups func() (groups, members int)) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "northstar_subscription_groups", Help: "Subscriptions executed once per event for all their subscribers (same stream, document and variables)."},
			func() float64 { g, _ := groups(); return float64(g) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "northstar_subscription_group_members", Help: "Subscribers served by a shared subscription execution."},
			func() float64 { _, n := groups(); return float64(n) }),
	)
}

// Observe counts one HTTP request and its latency.
func (m *Metrics) Observe(operation, code, status string, d time.Duration) {
	m.requests.WithLabelValues(operation, code, status).Inc()
	m.latency.WithLabelValues(operation).Observe(d.Seconds())
}

// Handler serves the series in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

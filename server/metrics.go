package main

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus series, on a registry of its own.
type metrics struct {
	registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	latency       *prometheus.HistogramVec
	deliveries    prometheus.Counter
	drops         prometheus.Counter
	publishFailed prometheus.Counter
	seqFallback   prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
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
	m.registry.MustRegister(m.requests, m.latency, m.deliveries, m.drops, m.publishFailed, m.seqFallback,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Delivered implements chatbus.Counters.
func (m *metrics) Delivered(n int) { m.deliveries.Add(float64(n)) }

// Dropped implements chatbus.Counters.
func (m *metrics) Dropped() { m.drops.Inc() }

// PublishFailed implements chat.Counters.
func (m *metrics) PublishFailed() { m.publishFailed.Inc() }

// SequencerFailed implements chat.Counters.
func (m *metrics) SequencerFailed() { m.seqFallback.Inc() }

// gauges registers live values read at scrape time.
func (m *metrics) gauges(connections, topics func() float64) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "northstar_websocket_connections", Help: "Live websocket connections."}, connections),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "northstar_chatbus_topics", Help: "Topics with local subscribers (one Redis channel each)."}, topics),
	)
}

func (m *metrics) observe(operation, code, status string, d time.Duration) {
	m.requests.WithLabelValues(operation, code, status).Inc()
	m.latency.WithLabelValues(operation).Observe(d.Seconds())
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

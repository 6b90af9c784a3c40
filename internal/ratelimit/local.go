package ratelimit

import (
	"sync"
	"time"
)

// localLog is the in-process fallback: the same sliding logs as the script, per key, in
// this process only. Keys whose newest event left its window are swept as the map grows.
type localLog struct {
	now func() time.Time

	mu        sync.Mutex
	logs      map[string]*events
	lastSweep time.Time
}

type events struct {
	times  []time.Time // oldest first, at most the rate's limit
	window time.Duration
}

// sweepAbove is the number of keys above which expired ones are swept (at most once a
// second).
const sweepAbove = 10000

func newLocalLog(now func() time.Time) *localLog {
	return &localLog{now: now, logs: map[string]*events{}}
}

// run does what the script does, locally: it reports whether the call is allowed and,
// when not, how long until a slot frees, and the events the key holds.
func (l *localLog) run(m mode, key string, rate Rate) (bool, time.Duration, int) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	e := l.logs[key]
	if e == nil {
		e = &events{}
		l.logs[key] = e
	}
	e.window = rate.Window
	keep := e.times[:0]
	for _, t := range e.times {
		if now.Sub(t) < rate.Window {
			keep = append(keep, t)
		}
	}
	e.times = keep
	if m == add || (m == take && len(e.times) < rate.Limit) {
		e.times = append(e.times, now)
		if n := len(e.times); n > rate.Limit {
			e.times = append(e.times[:0], e.times[n-rate.Limit:]...)
		}
		if m == take {
			return true, 0, len(e.times)
		}
	}
	n := len(e.times)
	if n < rate.Limit {
		return true, 0, n
	}
	return false, max(time.Millisecond, e.times[n-rate.Limit].Add(rate.Window).Sub(now)), n
}

func (l *localLog) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.logs, key)
}

// sweep drops keys whose every event left the window. Callers hold mu.
func (l *localLog) sweep(now time.Time) {
	if len(l.logs) < sweepAbove || now.Sub(l.lastSweep) < time.Second {
		return
	}
	l.lastSweep = now
	for k, e := range l.logs {
		if len(e.times) == 0 || now.Sub(e.times[len(e.times)-1]) >= e.window {
			delete(l.logs, k)
		}
	}
}

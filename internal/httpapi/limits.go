package httpapi

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Limits bounds what one request may ask for. Every field has a default (DefaultLimits).
type Limits struct {
	BodyBytes    int64 // request body; 413 above
	ParserTokens int   // GraphQL lexer tokens
	Depth        int   // selection nesting
	Aliases      int   // aliased fields
	RootFields   int   // fields at the top of an operation
	Complexity   int   // gqlgen complexity (list fields count first × children)
	// FieldsPerSet bounds the fields one selection set merges (fragments included) and
	// Expanded the fields of an operation with every fragment expanded: both checked,
	// linearly, before validation (see shapeLimits).
	FieldsPerSet int
	Expanded     int
	ReadHeader   time.Duration
	// BodyRead bounds the time to read a request body, so a client sending it slowly
	// cannot hold a connection and its goroutine.
	BodyRead time.Duration
	Idle     time.Duration
	Request  time.Duration // handler deadline for one HTTP request
	// TenantSubscriptions caps one tenant's live subscriptions across every replica.
	TenantSubscriptions int
	// ConnectionSubscriptions caps the live subscriptions of one websocket.
	ConnectionSubscriptions int
	// WebsocketInit is how long a websocket may wait before connection_init.
	WebsocketInit time.Duration
}

// DefaultLimits returns the SPEC's defaults.
func DefaultLimits() Limits {
	return Limits{
		BodyBytes:    2 << 20,
		ParserTokens: 15000,
		Depth:        12,
		Aliases:      30,
		RootFields:   20,
		Complexity:   5000,
		FieldsPerSet: 200,
		Expanded:     10000,
		ReadHeader:   10 * time.Second,
		BodyRead:     10 * time.Second,
		Idle:         120 * time.Second,
		Request:      30 * time.Second,

		TenantSubscriptions:     10000,
		ConnectionSubscriptions: 100,
		WebsocketInit:           10 * time.Second,
	}
}

// limitFields names each limit for Set, in the order Limits lists them; the field is an
// *int64 (bytes), an *int or a *time.Duration.
var limitFields = []struct {
	name  string
	field func(*Limits) any
}{
	{"body", func(l *Limits) any { return &l.BodyBytes }},
	{"parser-tokens", func(l *Limits) any { return &l.ParserTokens }},
	{"depth", func(l *Limits) any { return &l.Depth }},
	{"aliases", func(l *Limits) any { return &l.Aliases }},
	{"root-fields", func(l *Limits) any { return &l.RootFields }},
	{"complexity", func(l *Limits) any { return &l.Complexity }},
	{"fields-per-set", func(l *Limits) any { return &l.FieldsPerSet }},
	{"expanded", func(l *Limits) any { return &l.Expanded }},
	{"read-header", func(l *Limits) any { return &l.ReadHeader }},
	{"body-read", func(l *Limits) any { return &l.BodyRead }},
	{"idle", func(l *Limits) any { return &l.Idle }},
	{"request", func(l *Limits) any { return &l.Request }},
	{"tenant-subscriptions", func(l *Limits) any { return &l.TenantSubscriptions }},
	{"connection-subscriptions", func(l *Limits) any { return &l.ConnectionSubscriptions }},
	{"websocket-init", func(l *Limits) any { return &l.WebsocketInit }},
}

// LimitNames are the names Set takes, in the order Limits lists them.
var LimitNames = func() []string {
	names := make([]string, len(limitFields))
	for i, f := range limitFields {
		names[i] = f.name
	}
	return names
}()

// field returns the limit called name, nil for no such limit.
func (l *Limits) field(name string) any {
	for _, f := range limitFields {
		if f.name == name {
			return f.field(l)
		}
	}
	return nil
}

// Set changes one limit from "name=value" (a name of LimitNames): a count, a size in
// bytes (with an optional KiB or MiB suffix) for body, a duration ("30s") for the
// timeouts. Every value must be positive.
func (l *Limits) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("%q: want name=value, name one of %s", s, strings.Join(LimitNames, ", "))
	}
	switch p := l.field(strings.TrimSpace(name)).(type) {
	case *int64:
		n, err := parseSize(strings.TrimSpace(value))
		if err != nil || n <= 0 {
			return fmt.Errorf("%s=%s: want a positive size in bytes, e.g. 4194304 or 4MiB", name, value)
		}
		*p = n
	case *int:
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || n <= 0 {
			return fmt.Errorf("%s=%s: want a positive whole number", name, value)
		}
		*p = n
	case *time.Duration:
		d, err := time.ParseDuration(strings.TrimSpace(value))
		if err != nil || d <= 0 {
			return fmt.Errorf("%s=%s: want a positive duration, e.g. 30s", name, value)
		}
		*p = d
	default:
		return fmt.Errorf("no limit %q: want one of %s", name, strings.Join(LimitNames, ", "))
	}
	return nil
}

// parseSize reads a byte count with an optional KiB or MiB suffix.
func parseSize(s string) (int64, error) {
	unit := int64(1)
	if n, ok := strings.CutSuffix(s, "KiB"); ok {
		s, unit = strings.TrimSpace(n), 1<<10
	} else if n, ok := strings.CutSuffix(s, "MiB"); ok {
		s, unit = strings.TrimSpace(n), 1<<20
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * unit, nil
}

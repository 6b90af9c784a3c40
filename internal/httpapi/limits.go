package httpapi

import "time"

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

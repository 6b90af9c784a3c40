package audit

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
)

// Filter narrows a log to one action, one target, or both; empty fields match all.
type Filter struct {
	Action, TargetID string
}

// Store reads audit logs. Events are written by the store methods of the changes they
// record, never through this interface.
type Store interface {
	// AuditEvents returns up to limit of tenantID's events matching f, newest first,
	// starting after the event id after, and whether more follow.
	AuditEvents(ctx context.Context, tenantID string, f Filter, after Cursor, limit int) ([]Event, bool, error)
}

// Log reads tenants' audit logs. Who may read which tenant's is the access directives'
// call (a tenant's ADMINs; t_system's for system admins).
type Log struct{ store Store }

// NewLog returns a Log over store.
func NewLog(store Store) *Log { return &Log{store: store} }

// MaxPage is the most events one page holds.
const MaxPage = 100

// Filter bounds: actions are short dotted names; targets are record ids or route keys.
const (
	maxActionLength = 64
	maxTargetLength = 256
)

// Events pages tenantID's events newest first, after the cursor after (Cursor.String;
// empty for the first page). Returns BAD_USER_INPUT for first outside 1..MaxPage, a
// cursor this API did not issue, or a malformed filter.
func (l *Log) Events(ctx context.Context, tenantID string, first int, after string, f Filter) ([]Event, bool, error) {
	var cur Cursor
	if after != "" {
		var ok bool
		if cur, ok = ParseCursor(after); !ok {
			return nil, false, apperr.E(apperr.BadUserInput, "after is not a valid cursor")
		}
	}
	switch {
	case first < 1 || first > MaxPage:
		return nil, false, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPage)
	case len(f.Action) > maxActionLength:
		return nil, false, apperr.E(apperr.BadUserInput, "action is too long")
	case len(f.TargetID) > maxTargetLength:
		return nil, false, apperr.E(apperr.BadUserInput, "targetId is too long")
	}
	return l.store.AuditEvents(ctx, tenantID, f, cur, first)
}

// Cursor is a place in a log: the event at At with id ID (events are ordered by time,
// then id). The zero Cursor is the start.
type Cursor struct {
	At time.Time
	ID string
}

// CursorOf is the cursor just past ev.
func CursorOf(ev Event) Cursor { return Cursor{At: ev.At, ID: ev.ID} }

// String encodes c opaquely.
func (c Cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(c.At.UnixNano(), 10) + ":" + c.ID))
}

// ParseCursor decodes a Cursor.String.
func ParseCursor(s string) (Cursor, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, false
	}
	nanos, id, ok := strings.Cut(string(b), ":")
	n, err := strconv.ParseInt(nanos, 10, 64)
	if !ok || err != nil || !ids.ValidFor(ids.AuditEvent, id) {
		return Cursor{}, false
	}
	return Cursor{At: time.Unix(0, n).UTC(), ID: id}, true
}

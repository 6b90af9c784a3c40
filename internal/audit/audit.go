// Package audit defines the audit log's events: who changed what in the control plane,
// when, and which fields moved from what to what.
//
// An event is never written on its own. Every control-plane write hands its event to
// the store method that makes the change, and the store stages the event in the same
// commit (internal/firestore): the change and its event land together or not at all.
// So there is no second round trip, no event for a write that failed, and no write
// without its event. internal/firestore's TestAuditCommitsWithTheChange fails a commit
// after the event is staged and finds neither.
//
// What an event says about values comes from Diff, which reads only the struct fields
// tagged `audit:"name"`: a field is audited by opting in, so a secret (a password or
// client-secret hash) can never reach the log by being added to a record.
//
// Who acted travels in the context: reqctx.With puts the request's actor and request id
// there (WithOrigin) for every request; commands name themselves (routes apply: the
// operator, or "cli"; bootstrap: "bootstrap").
package audit

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/ids"
)

// Actor kinds.
const (
	User           = "USER"
	ServiceAccount = "SERVICE_ACCOUNT"
	System         = "SYSTEM"
)

// Actor is who made a change: a user (with their email at that time), a service account
// (with its name) or the system itself (bootstrap, a command line tool).
type Actor struct {
	Kind  string `firestore:"kind"`
	ID    string `firestore:"id"`
	Label string `firestore:"label"`
}

// Change is one field's move. From is nil for a field that did not exist (a creation),
// To for one that no longer does (a deletion).
type Change struct {
	Field string  `firestore:"field"`
	From  *string `firestore:"from"`
	To    *string `firestore:"to"`
}

// Event is one entry of a tenant's audit log. Events are immutable.
type Event struct {
	ID         string    `firestore:"-"`
	At         time.Time `firestore:"at"`
	TenantID   string    `firestore:"tenantId"`
	Actor      Actor     `firestore:"actor"`
	Action     string    `firestore:"action"`
	TargetType string    `firestore:"targetType"`
	TargetID   string    `firestore:"targetId"`
	RequestID  string    `firestore:"requestId"`
	Changes    []Change  `firestore:"changes"`
}

// Origin is who acts in a context, and the request they act in.
type Origin struct {
	Actor     Actor
	RequestID string
}

type originKey struct{}

// WithOrigin returns ctx whose changes are made by o.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// ActingAs returns ctx in which a makes the changes, within ctx's request: the system
// itself (bootstrap, a command), or a user who has just signed up.
func ActingAs(ctx context.Context, a Actor) context.Context {
	return WithOrigin(ctx, Origin{Actor: a, RequestID: OriginFrom(ctx).RequestID})
}

// OriginFrom returns who acts in ctx: the system when nobody was named (an anonymous
// request keeps its request id).
func OriginFrom(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	if o.Actor.ID == "" {
		o.Actor = Actor{Kind: System, ID: "system"}
	}
	return o
}

// New returns the event of action (such as "route.set") on a target of tenantID, made at
// at by whoever acts in ctx. The store completes it: its id and, through Diff, the
// changes of the record it writes.
func New(ctx context.Context, at time.Time, tenantID, action, targetType, targetID string) Event {
	o := OriginFrom(ctx)
	return Event{
		ID: ids.New(ids.AuditEvent), At: at.UTC(), TenantID: tenantID, Actor: o.Actor,
		Action: action, TargetType: targetType, TargetID: targetID, RequestID: o.RequestID,
	}
}

// Diff returns the audited fields (tagged `audit:"name"`) that differ between two
// records of one struct type: from nil for a creation, to nil for a deletion, both nil
// for nothing. Values are written as text: slices joined with ", ", maps as sorted
// "key=value" pairs, times in RFC 3339. Untagged fields never appear.
func Diff[T any](from, to *T) []Change {
	var out []Change
	t := reflect.TypeFor[T]()
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("audit")
		if name == "" || name == "-" {
			continue
		}
		var a, b *string
		if from != nil {
			a = text(reflect.ValueOf(from).Elem().Field(i))
		}
		if to != nil {
			b = text(reflect.ValueOf(to).Elem().Field(i))
		}
		if !sameText(a, b) {
			out = append(out, Change{Field: name, From: a, To: b})
		}
	}
	return out
}

// text writes an audited value; nil for an empty pointer, slice or map.
func text(v reflect.Value) *string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return text(v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = fmt.Sprint(v.Index(i).Interface())
		}
		return ptr(strings.Join(parts, ", "))
	case reflect.Map:
		if v.Len() == 0 {
			return nil
		}
		m := mapOf(v)
		parts := make([]string, 0, len(m))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			parts = append(parts, k+"="+m[k])
		}
		return ptr(strings.Join(parts, ", "))
	}
	if t, ok := v.Interface().(time.Time); ok {
		if t.IsZero() {
			return nil
		}
		return ptr(t.UTC().Format(time.RFC3339Nano))
	}
	return ptr(fmt.Sprint(v.Interface()))
}

// mapOf reads a map with string keys as map[string]string.
func mapOf(v reflect.Value) map[string]string {
	m := make(map[string]string, v.Len())
	for it := v.MapRange(); it.Next(); {
		m[fmt.Sprint(it.Key().Interface())] = fmt.Sprint(it.Value().Interface())
	}
	return m
}

func ptr(s string) *string { return &s }

func sameText(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// Note returns a change that is not a record's field, such as the email an invitation
// was accepted for.
func Note(field string, from, to string) Change {
	c := Change{Field: field}
	if from != "" {
		c.From = &from
	}
	if to != "" {
		c.To = &to
	}
	return c
}

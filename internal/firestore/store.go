// Package firestore implements Northstar's durable store on Cloud Firestore.
//
// Layout: tenants/{t} with subcollections projects, surfaces and apps; users/{u};
// emails/{sha256(email)} reserving each email for one user; memberships/{t}:{u}; modes/{m}.
// Every transaction body only reads and writes through its transaction, so Firestore may
// retry it safely.
//
// Versioned updates of one document (projects, tenants, routes) take no transaction
// locks. Read-write transactions from server libraries lock what they read, in production
// as on the emulator, and one document sustains only about one write per second: twenty
// requests updating one document queued on its lock (the emulator managed 4.5 commits/s
// with 16 writers) and failed with "Transaction lock timeout" after 20-30 s, as INTERNAL.
// So these updates read outside any transaction, check the version, and write under a
// precondition on the update time they read (see versioned): the first writer wins, the
// others fail the precondition at once, read again and find a newer version: CONFLICT.
// The conditional write, its audit event and its access event go in one atomic commit
// (see audit.go), so even these lock-free updates never land without their events.
// Route writes skip the read while the routing registry's listener runs: they start
// from its copy of the route, under the same precondition, and read only when the copy
// was stale (see followed), so a setRoute is one round trip, as a create is.
// Unconditional updates read again and retry, at most maxWriteAttempts times with
// jittered backoff, then answer UNAVAILABLE, as does a store that does not answer before
// the request's deadline. Multi-document writes stay transactions; their contention, once
// the client's retries are spent, is UNAVAILABLE too (see wrap). One ambiguity remains:
// when the client library resends a commit whose first try landed (a dropped connection),
// the resend fails its precondition and the caller sees CONFLICT for its own write.
// server/contention_test.go races twenty writers per round through the API for each kind
// of versioned update.
//
// Indexes: production reads firestore.indexes.json (the emulator ignores it). Besides
// the composite indexes of the audit log's filters, it exempts from Firestore's
// automatic single-field indexes the fields no query reads and whose index entries
// would only cost every write: an audit event's changes, actor and request id, a
// message's text, a route's config and secret references, a session's refresh hashes
// and user agent, a trusted document's text. A query on an exempt field fails in
// production only, so TestIndexConfig fails when a query of this package filters or
// orders on one, or when the file names a field its collection's record does not store.
package firestore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Store implements tenancy.Store.
type Store struct {
	client   *firestore.Client
	messages *batcher // message creates, in BatchWrite requests
	log      *slog.Logger
	down     atomic.Bool   // the guard found Firestore not answering
	kick     chan struct{} // wakes the guard
	// routesSeen is what Watch last delivered: route writes start from it (see followed).
	routesSeen followed
	// failStaged, set only by tests, fails a write after its audit event is staged.
	failStaged func(audit.Event) error
}

var _ tenancy.Store = (*Store)(nil)

// New returns a Store over client, logging what it cannot report to callers to log (nil
// discards it). It makes no RPC; call Probe to check the connection.
func New(client *Client, log *slog.Logger) *Store {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Store{client: client.Client, log: log, kick: make(chan struct{}, 1)}
	s.messages = &batcher{write: client.batchWrite, bound: s.bound}
	return s
}

// Probe reads one document to prove Firestore answers (ending a "down" verdict of the
// guard when it does). It reports whether t_system exists.
func (s *Store) Probe(ctx context.Context) (systemExists bool, err error) {
	_, err = s.tenants().Doc(ids.System).Get(ctx)
	switch status.Code(err) {
	case codes.OK, codes.NotFound:
		// Firestore answers: whoever probed (the guard, /readyz), operations stop failing
		// fast at once, so readiness and the guard never disagree.
		s.down.Store(false)
		return status.Code(err) == codes.OK, nil
	}
	return false, fmt.Errorf("firestore: probe: %w", err)
}

func (s *Store) tenants() *firestore.CollectionRef     { return s.client.Collection("tenants") }
func (s *Store) users() *firestore.CollectionRef       { return s.client.Collection("users") }
func (s *Store) emails() *firestore.CollectionRef      { return s.client.Collection("emails") }
func (s *Store) memberships() *firestore.CollectionRef { return s.client.Collection("memberships") }
func (s *Store) modes() *firestore.CollectionRef       { return s.client.Collection("modes") }

func (s *Store) emailDoc(email string) *firestore.DocumentRef {
	sum := sha256.Sum256([]byte(email))
	return s.emails().Doc(hex.EncodeToString(sum[:]))
}

func (s *Store) membershipDoc(tenantID, userID string) *firestore.DocumentRef {
	return s.memberships().Doc(tenantID + ":" + userID)
}

func (s *Store) sub(tenantID, name string) *firestore.CollectionRef {
	return s.tenants().Doc(tenantID).Collection(name)
}

// emailRecord reserves an email for one user.
type emailRecord struct {
	UserID string `firestore:"userId"`
}

// wrap turns a Firestore error into an apperr code where the condition is one clients
// may see, and into a wrapped internal error otherwise. Contention that outlived the
// retries (Aborted) and a store that did not answer in time are UNAVAILABLE, never
// INTERNAL: the client can do nothing about either but try again later.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	switch code := status.Code(err); {
	case code == codes.NotFound:
		return apperr.E(apperr.NotFound, "not found")
	case code == codes.AlreadyExists:
		return apperr.E(apperr.Conflict, "already exists")
	case code == codes.DeadlineExceeded, code == codes.Unavailable, code == codes.Aborted,
		errors.Is(err, context.DeadlineExceeded):
		return unavailable(op, "the data store did not answer in time; retry later", err)
	}
	return fmt.Errorf("firestore: %s: %w", op, err)
}

// unavailable returns UNAVAILABLE with a client-safe message, keeping cause in the chain
// for logs.
func unavailable(op, message string, cause error) error {
	return fmt.Errorf("firestore: %s: %w: %w", op, apperr.E(apperr.Unavailable, "%s", message), cause)
}

func notFound(what string) error { return apperr.E(apperr.NotFound, "no such %s", what) }

func isNotFound(err error) bool { return status.Code(err) == codes.NotFound }

// get reads one document into a T, or returns NOT_FOUND naming what.
func get[T any](ctx context.Context, ref *firestore.DocumentRef, what string) (T, error) {
	var v T
	snap, err := ref.Get(ctx)
	if isNotFound(err) {
		return v, notFound(what)
	}
	if err != nil {
		return v, wrap("get "+what, err)
	}
	if err := snap.DataTo(&v); err != nil {
		return v, wrap("decode "+what, err)
	}
	return v, nil
}

// txGet reads one document inside a transaction.
func txGet[T any](tx *firestore.Transaction, ref *firestore.DocumentRef, what string) (T, bool, error) {
	var v T
	snap, err := tx.Get(ref)
	if isNotFound(err) {
		return v, false, nil
	}
	if err != nil {
		return v, false, err
	}
	if err := snap.DataTo(&v); err != nil {
		return v, false, fmt.Errorf("decode %s: %w", what, err)
	}
	return v, true, nil
}

// maxWriteAttempts bounds how often a versioned write reads again after another writer
// changed the document between its read and its write.
const maxWriteAttempts = 10

// versioned reads ref and writes what decide makes of it, without locks: decide gets the
// stored value (nil when there is none) and returns the next one (nil deletes the
// document) or an error that ends the call (an *apperr.Error passes unchanged). The
// write is conditional on the snapshot decide saw (its update time, or for a create that
// the document still does not exist), and commits atomically with what w adds: the audit
// event, completed with the fields decide changed, and an access event. When another
// writer got there first, versioned reads again and asks decide again, so decide must be
// free of side effects and is where a stale version becomes CONFLICT. When seen (which
// may be nil) has a listener's copy of the document, the first attempt starts from it
// instead of a read; see followed for why a stale copy is harmless. Returns the value
// written, decide's error, or UNAVAILABLE when every attempt lost a race or the store did
// not answer in time.
func versioned[T any](ctx context.Context, s *Store, ref *firestore.DocumentRef, seen *followed, op string, w with, decide func(current *T) (*T, error)) (T, error) {
	var zero T
	snap, haveCopy := seen.lookup(ref.ID)
	for attempt := 1; ; {
		// fromCopy: this attempt decides on the listener's copy, which may be stale. It
		// is not counted among the attempts and waits for nothing: it is a read saved, not
		// a race lost. Any attempt after it reads.
		fromCopy := haveCopy
		haveCopy = false
		if !fromCopy {
			var err error
			if snap, err = ref.Get(ctx); err != nil && !isNotFound(err) {
				return zero, wrap(op, err)
			}
		}
		var current, before *T
		if snap != nil && snap.Exists() {
			current = new(T)
			if err := snap.DataTo(current); err != nil {
				if fromCopy {
					continue
				}
				return zero, wrap(op, fmt.Errorf("decode %s: %w", ref.Path, err))
			}
			copied := *current // decide may change current in place
			before = &copied
		}
		next, err := decide(current)
		switch {
		case err != nil && fromCopy:
			continue // perhaps only the copy is stale: read the document before answering
		case err != nil:
			return zero, wrap(op, err)
		}
		err = writeOver(ctx, s, ref, snap, before != nil, next, w, audit.Diff(before, next))
		switch {
		case err == nil && next == nil:
			return zero, nil
		case err == nil:
			return *next, nil
		case !lostRace(err):
			return zero, wrap(op, err)
		case fromCopy:
			continue // the copy was stale: read the document, at once
		case attempt == maxWriteAttempts:
			return zero, unavailable(op, "too many concurrent writes to this record; retry later", err)
		}
		if err := backoff(ctx, attempt); err != nil {
			return zero, wrap(op, err)
		}
		attempt++
	}
}

// with is what a versioned write commits together with its record.
type with struct {
	// audit is the write's event, without the record's changes; nil for a write that is
	// not the control plane's (a session's refresh token).
	audit *audit.Event
	// access, when not nil, is recorded in the access log.
	access *tenancy.AccessEvent
}

// writeOver writes next over the document snap read: a create where there was none, an
// update of every field or a delete (next nil) conditional on snap's update time; with
// w's events, and changes in the audit event, in the same commit.
func writeOver[T any](ctx context.Context, s *Store, ref *firestore.DocumentRef, snap *firestore.DocumentSnapshot, found bool, next *T, w with, changes []audit.Change) error {
	var fields []firestore.Update
	if next != nil && found {
		var err error
		if fields, err = fieldUpdates(next); err != nil {
			return err
		}
	}
	stage := func(b *firestore.WriteBatch) {
		switch {
		case next != nil && !found:
			b.Create(ref, next)
		case next != nil:
			b.Update(ref, fields, firestore.LastUpdateTime(snap.UpdateTime))
		case found:
			b.Delete(ref, firestore.LastUpdateTime(snap.UpdateTime))
		}
	}
	if w.audit != nil {
		return s.commit(ctx, *w.audit, changes, w.access, stage)
	}
	var err error
	switch {
	case next != nil && !found:
		_, err = ref.Create(ctx, next)
	case next != nil:
		_, err = ref.Update(ctx, fields, firestore.LastUpdateTime(snap.UpdateTime))
	case found:
		_, err = ref.Delete(ctx, firestore.LastUpdateTime(snap.UpdateTime))
	}
	return err
}

// lostRace reports whether a conditional write failed because the document changed
// after it was read: a failed precondition, a create of a document that appeared, an
// update of one that vanished, or a commit aborted by contention.
func lostRace(err error) bool {
	switch status.Code(err) {
	case codes.FailedPrecondition, codes.AlreadyExists, codes.NotFound, codes.Aborted:
		return true
	}
	return false
}

// backoff waits before another attempt: a random time up to 20 ms doubled per attempt
// made, at most 1 s, so the losers of one race spread out instead of colliding again
// (measured on the emulator: twenty unconditional writers of one document all land
// within six attempts).
func backoff(ctx context.Context, attempt int) error {
	limit := min(20*time.Millisecond<<attempt, time.Second)
	t := time.NewTimer(rand.N(limit))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// fieldUpdates lists the top-level fields of *v as Firestore encodes them, each replaced
// whole: Update with every field is a Set that accepts a precondition (Set takes none).
// Untagged embedded structs are flattened and fields tagged "-" skipped, as the client
// library does; tag options (omitempty, serverTimestamp) are refused rather than
// half-honoured.
func fieldUpdates(v any) ([]firestore.Update, error) {
	var out []firestore.Update
	var walk func(rv reflect.Value) error
	walk = func(rv reflect.Value) error {
		for i := range rv.NumField() {
			f := rv.Type().Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("firestore"), ",")
			switch {
			case !f.IsExported() || name == "-":
				// not stored
			case opts != "":
				return fmt.Errorf("firestore: field %s: tag options are not supported in versioned writes", f.Name)
			case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
				if err := walk(rv.Field(i)); err != nil {
					return err
				}
			default:
				if name == "" {
					name = f.Name
				}
				out = append(out, firestore.Update{FieldPath: firestore.FieldPath{name}, Value: rv.Field(i).Interface()})
			}
		}
		return nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("firestore: versioned writes need a pointer to a struct, not %T", v)
	}
	return out, walk(rv.Elem())
}

// all decodes every document of an iterator, setting ids with setID.
func all[T any](it *firestore.DocumentIterator, setID func(*T, string)) ([]T, error) {
	snaps, err := it.GetAll()
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(snaps))
	for _, snap := range snaps {
		var v T
		if err := snap.DataTo(&v); err != nil {
			return nil, fmt.Errorf("decode %s: %w", snap.Ref.Path, err)
		}
		if setID != nil {
			setID(&v, snap.Ref.ID)
		}
		out = append(out, v)
	}
	return out, nil
}

package firestore

import (
	"context"
	"slices"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// The audit log: tenants/{t}/audit/{id} holds one audit.Event per control-plane write,
// staged in the write's own commit, so the change and its event land together or not at
// all and the event costs no round trip of its own:
//   - a write that is a transaction (memberships, service accounts, signup) creates the
//     event in the transaction (txAudit);
//   - a versioned write, which takes no locks (see versioned), and a plain create send
//     the record and the event in one atomic Commit (commit). That is a WriteBatch: the
//     client library marks it deprecated in favour of transactions, but a transaction
//     would add a BeginTransaction round trip and take locks, which is what versioned
//     writes avoid; the Commit RPC itself is the same atomic one a transaction ends with.
//
// A tenant's log pages newest first by (at, id) descending; the filters by action or
// target, with that order, need composite indexes in production (audit: action ==, at
// desc, __name__ desc; the same for targetId), listed in firestore.indexes.json. Each
// tenant's log is its own collection, so the write-rate limit of time-ordered index
// values (about 500/s per collection) applies per tenant. The same file exempts what no
// query reads (changes, actor, requestId) from single-field indexing, so an event's
// commit writes no index entries for them (see the package doc).
//
// No method of the Store updates or deletes an event.

// auditDoc is where ev is kept.
func (s *Store) auditDoc(ev audit.Event) *firestore.DocumentRef {
	return s.sub(ev.TenantID, "audit").Doc(ev.ID)
}

// checkEvent refuses an event the caller did not build with audit.New: without its
// tenant and id it has no place in any log.
func checkEvent(ev audit.Event) error {
	if !ids.ValidFor(ids.Tenant, ev.TenantID) || !ids.ValidFor(ids.AuditEvent, ev.ID) || ev.Action == "" {
		return apperr.E(apperr.Internal, "audit event without tenant, id or action")
	}
	return nil
}

// txAudit stages ev, with changes added to its own, in tx: the change it records commits
// with it or not at all. ev is a copy, so a transaction that runs again stages it afresh.
func (s *Store) txAudit(tx *firestore.Transaction, ev audit.Event, changes ...audit.Change) error {
	ev.Changes = append(slices.Clip(ev.Changes), changes...)
	if err := checkEvent(ev); err != nil {
		return err
	}
	if err := tx.Create(s.auditDoc(ev), ev); err != nil {
		return err
	}
	return s.staged(ev)
}

// commit sends what stage writes into a batch, ev with changes added to its own, and
// (when not nil) an access event in one atomic commit.
func (s *Store) commit(ctx context.Context, ev audit.Event, changes []audit.Change, access *tenancy.AccessEvent, stage func(*firestore.WriteBatch)) error {
	ev.Changes = append(slices.Clip(ev.Changes), changes...)
	if err := checkEvent(ev); err != nil {
		return err
	}
	//lint:ignore SA1019 an atomic Commit without BeginTransaction: see the audit log's comment.
	b := s.client.Batch()
	stage(b)
	b.Create(s.auditDoc(ev), ev)
	if access != nil {
		b.Create(s.accessEvents().Doc(ids.New(ids.AccessEvent)), newAccessDoc(*access))
	}
	if err := s.staged(ev); err != nil {
		return err
	}
	_, err := b.Commit(ctx)
	return err
}

// staged runs the test hook that fails a write after its event is staged.
func (s *Store) staged(ev audit.Event) error {
	if s.failStaged != nil {
		return s.failStaged(ev)
	}
	return nil
}

// AuditEvents implements audit.Store: newest first, after the cursor after.
func (s *Store) AuditEvents(ctx context.Context, tenantID string, f audit.Filter, after audit.Cursor, limit int) ([]audit.Event, bool, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Tenant, tenantID) {
		return nil, false, nil
	}
	q := s.sub(tenantID, "audit").Query
	if f.Action != "" {
		q = q.Where("action", "==", f.Action)
	}
	if f.TargetID != "" {
		q = q.Where("targetId", "==", f.TargetID)
	}
	q = q.OrderBy("at", firestore.Desc).OrderBy(firestore.DocumentID, firestore.Desc)
	if after.ID != "" {
		q = q.StartAfter(after.At, after.ID)
	}
	evs, err := all(q.Limit(limit+1).Documents(ctx), func(ev *audit.Event, id string) { ev.ID = id })
	if err != nil {
		return nil, false, wrap("list audit events", err)
	}
	p := pageOf(evs, limit)
	return p.Items, p.HasNext, nil
}

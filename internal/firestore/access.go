package firestore

import (
	"context"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// The access log: accessEvents/{id} holds one tenancy.AccessEvent per change to who may
// access a tenant, written with the change. Replicas follow it with a snapshot listener
// (WatchAccess), so a revocation reaches every replica even when Redis is down — Firestore
// is needed for the revocation itself anyway. Events older than accessRetention carry an
// expireAt in the past: production deletes them with a Firestore TTL policy on that field.
func (s *Store) accessEvents() *firestore.CollectionRef { return s.client.Collection("accessEvents") }

// accessRetention is how long access events are kept: far longer than any replica's
// listener needs to replay after an outage.
const accessRetention = 7 * 24 * time.Hour

// accessDoc is an access event as stored: the commit time comes from the server's clock.
type accessDoc struct {
	Kind     string    `firestore:"kind"`
	TenantID string    `firestore:"tenantId"`
	UserID   string    `firestore:"userId"`
	Session  string    `firestore:"sessionId,omitempty"`
	Project  string    `firestore:"projectId,omitempty"`
	At       time.Time `firestore:"at,serverTimestamp"`
	ExpireAt time.Time `firestore:"expireAt"`
}

func newAccessDoc(e tenancy.AccessEvent) accessDoc {
	return accessDoc{Kind: e.Kind, TenantID: e.TenantID, UserID: e.UserID, Session: e.SessionID, Project: e.ProjectID, ExpireAt: time.Now().Add(accessRetention)}
}

// txAccess records e in tx, so it commits with the change it describes or not at all.
func (s *Store) txAccess(tx *firestore.Transaction, e tenancy.AccessEvent) error {
	return tx.Create(s.accessEvents().Doc(ids.New(ids.AccessEvent)), newAccessDoc(e))
}

// WatchAccess calls apply with every access event committed at or after since, in commit
// order, then with each new one as it commits, until ctx ends or the listener fails;
// synced, when not nil, is called after each batch (first after the events that were
// already committed). The first batch may repeat events a previous watch delivered:
// callers deduplicate by ID.
func (s *Store) WatchAccess(ctx context.Context, since time.Time, apply func(tenancy.AccessEvent), synced func()) error {
	it := s.accessEvents().Where("at", ">=", since).OrderBy("at", firestore.Asc).Snapshots(ctx)
	defer it.Stop()
	for {
		snap, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return wrap("watch access events", err)
		}
		for _, ch := range snap.Changes {
			if ch.Kind != firestore.DocumentAdded {
				continue
			}
			var d accessDoc
			if err := ch.Doc.DataTo(&d); err != nil {
				// Not an event anyone can apply. It still counts as delivered (no kind:
				// the relay applies nothing), so the relay's newest event keeps up with
				// the log's.
				s.log.Error("access log: an event cannot be read; skipped", "id", ch.Doc.Ref.ID, "err", err)
				apply(tenancy.AccessEvent{ID: ch.Doc.Ref.ID, At: ch.Doc.CreateTime})
				continue
			}
			apply(tenancy.AccessEvent{ID: ch.Doc.Ref.ID, Kind: d.Kind, TenantID: d.TenantID, UserID: d.UserID, SessionID: d.Session, ProjectID: d.Project, At: d.At})
		}
		if synced != nil {
			synced()
		}
	}
}

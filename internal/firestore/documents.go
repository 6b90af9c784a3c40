package firestore

import (
	"context"
	"fmt"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/documents"
)

// Trusted documents live at trustedDocuments/{app}:{hash}; every replica's
// documents.Registry follows the collection (WatchDocuments).
func (s *Store) trustedDocuments() *firestore.CollectionRef {
	return s.client.Collection("trustedDocuments")
}

var _ documents.Store = (*Store)(nil)

// maxWritesPerCommit stays under Firestore's 500 writes per commit, with room for the
// audit event.
const maxWritesPerCommit = 400

// PutDocuments implements documents.Store: Set, so applying a manifest again changes
// nothing; the audit event goes with the first commit.
func (s *Store) PutDocuments(ctx context.Context, docs []documents.Document, ev audit.Event) error {
	for start := 0; start < len(docs); start += maxWritesPerCommit {
		part := docs[start:min(start+maxWritesPerCommit, len(docs))]
		stage := func(b *firestore.WriteBatch) {
			for _, d := range part {
				b.Set(s.trustedDocuments().Doc(d.AppID+":"+d.Hash), d)
			}
		}
		ctx, done := s.boundTx(ctx)
		var err error
		if start == 0 {
			err = s.commit(ctx, ev, nil, nil, stage)
		} else {
			//lint:ignore SA1019 an atomic Commit without BeginTransaction: see audit.go.
			b := s.client.Batch()
			stage(b)
			_, err = b.Commit(ctx)
		}
		done()
		if err != nil {
			return wrap(fmt.Sprintf("store documents %d-%d", start+1, start+len(part)), err)
		}
	}
	return nil
}

// WatchDocuments implements documents.Store with a snapshot listener.
func (s *Store) WatchDocuments(ctx context.Context, apply func(all []documents.Document)) error {
	it := s.trustedDocuments().Snapshots(ctx)
	defer it.Stop()
	for {
		snap, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("firestore: watching trusted documents: %w", err)
		}
		docs, err := all[documents.Document](snap.Documents, nil)
		if err != nil {
			return fmt.Errorf("firestore: reading trusted documents: %w", err)
		}
		apply(docs)
	}
}

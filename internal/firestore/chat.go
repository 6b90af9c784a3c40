package firestore

import (
	"context"
	"fmt"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/ids"
)

var _ chat.Store = (*Store)(nil)

// The realtime registry: realtime/{id} records the owner scope of each thread and canvas.
func (s *Store) realtime() *firestore.CollectionRef { return s.client.Collection("realtime") }
func (s *Store) threads() *firestore.CollectionRef  { return s.client.Collection("threads") }

// messageDoc names a message by its zero-padded seq, so document order is seq order.
func (s *Store) messageDoc(threadID string, seq int) *firestore.DocumentRef {
	return s.threads().Doc(threadID).Collection("messages").Doc(fmt.Sprintf("%012d", seq))
}

// CreateThread implements chat.Store.
func (s *Store) CreateThread(ctx context.Context, t chat.Thread) error {
	owner := chat.Owner{Kind: chat.KindThread, TenantID: t.TenantID, Env: t.Env, ProjectID: t.ProjectID, CreatedBy: t.CreatedBy, CreatedAt: t.CreatedAt}
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if err := tx.Create(s.realtime().Doc(t.ID), owner); err != nil {
			return err
		}
		return tx.Create(s.threads().Doc(t.ID), t)
	})
	return wrap("create thread", err)
}

// Owner implements chat.Store.
func (s *Store) Owner(ctx context.Context, id string) (chat.Owner, error) {
	if !ids.Valid(id) {
		return chat.Owner{}, notFound("realtime resource")
	}
	return get[chat.Owner](ctx, s.realtime().Doc(id), "realtime resource")
}

// Thread implements chat.Store.
func (s *Store) Thread(ctx context.Context, id string) (chat.Thread, error) {
	if !ids.ValidFor(ids.Thread, id) {
		return chat.Thread{}, notFound("thread")
	}
	t, err := get[chat.Thread](ctx, s.threads().Doc(id), "thread")
	t.ID = id
	return t, err
}

// Threads implements chat.Store.
func (s *Store) Threads(ctx context.Context, sc chat.Scope, limit int) ([]chat.Thread, error) {
	q := s.threads().Where("tenantId", "==", sc.TenantID).Where("env", "==", sc.Env).
		Where("projectId", "==", sc.ProjectID).OrderBy(firestore.DocumentID, firestore.Desc).Limit(limit)
	ts, err := all(q.Documents(ctx), func(t *chat.Thread, id string) { t.ID = id })
	return ts, wrap("list threads", err)
}

// AppendMessage implements chat.Store.
func (s *Store) AppendMessage(ctx context.Context, sc chat.Scope, m chat.Message) (chat.Message, error) {
	ref := s.threads().Doc(m.ThreadID)
	var out chat.Message
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		t, found, err := txGet[chat.Thread](tx, ref, "thread")
		if err != nil {
			return err
		}
		if !found || t.TenantID != sc.TenantID || t.Env != sc.Env || t.ProjectID != sc.ProjectID {
			return apperr.E(apperr.NotFound, "no such thread")
		}
		out = m
		out.Seq = t.LastSeq + 1
		if err := tx.Create(s.messageDoc(m.ThreadID, out.Seq), out); err != nil {
			return err
		}
		return tx.Update(ref, []firestore.Update{{Path: "lastSeq", Value: out.Seq}})
	})
	return out, wrap("append message", err)
}

// Messages implements chat.Store.
func (s *Store) Messages(ctx context.Context, threadID string, after, limit int) ([]chat.Message, error) {
	if !ids.ValidFor(ids.Thread, threadID) {
		return nil, notFound("thread")
	}
	q := s.threads().Doc(threadID).Collection("messages").
		OrderBy(firestore.DocumentID, firestore.Asc).
		StartAfter(fmt.Sprintf("%012d", after)).Limit(limit)
	ms, err := all[chat.Message](q.Documents(ctx), nil)
	return ms, wrap("list messages", err)
}

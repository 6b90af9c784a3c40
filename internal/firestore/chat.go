package firestore

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/ids"
)

var (
	_ chat.Store       = (*Store)(nil)
	_ chat.CanvasStore = (*Store)(nil)
)

// The realtime registry: realtime/{id} records the owner scope of each thread and canvas.
func (s *Store) realtime() *firestore.CollectionRef { return s.client.Collection("realtime") }
func (s *Store) threads() *firestore.CollectionRef  { return s.client.Collection("threads") }
func (s *Store) canvases() *firestore.CollectionRef { return s.client.Collection("canvases") }

// messageDoc names a message (or a skip marker) by its zero-padded seq, so document order
// is seq order and each seq can be occupied once.
func (s *Store) messageDoc(threadID string, seq int) *firestore.DocumentRef {
	return s.threads().Doc(threadID).Collection("messages").Doc(fmt.Sprintf("%012d", seq))
}

// CreateThread implements chat.Store.
func (s *Store) CreateThread(ctx context.Context, t chat.Thread) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	owner := chat.Owner{Kind: chat.KindThread, TenantID: t.TenantID, Env: t.Env, ProjectID: t.ProjectID, CreatedBy: t.CreatedBy, CreatedAt: t.CreatedAt}
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		if err := tx.Create(s.realtime().Doc(t.ID), owner); err != nil {
			return err
		}
		return tx.Create(s.threads().Doc(t.ID), t)
	})
	return wrap("create thread", err)
}

// CreateCanvas implements chat.CanvasStore.
func (s *Store) CreateCanvas(ctx context.Context, c chat.Canvas, ev audit.Event) error {
	ctx, done := s.boundTx(ctx)
	defer done()
	owner := chat.Owner{Kind: chat.KindCanvas, TenantID: c.TenantID, Env: c.Env, ProjectID: c.ProjectID, CreatedBy: c.CreatedBy, CreatedAt: c.CreatedAt}
	err := s.commit(ctx, ev, audit.Diff(nil, &c), nil, func(b *firestore.WriteBatch) {
		b.Create(s.realtime().Doc(c.ID), owner)
		b.Create(s.canvases().Doc(c.ID), c)
	})
	return wrap("create canvas", err)
}

// Canvas implements chat.CanvasStore.
func (s *Store) Canvas(ctx context.Context, id string) (chat.Canvas, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Canvas, id) {
		return chat.Canvas{}, notFound("canvas")
	}
	c, err := get[chat.Canvas](ctx, s.canvases().Doc(id), "canvas")
	c.ID = id
	return c, err
}

// Canvases implements chat.CanvasStore.
func (s *Store) Canvases(ctx context.Context, sc chat.Scope, limit int) ([]chat.Canvas, error) {
	ctx, done := s.bound(ctx)
	defer done()
	q := s.canvases().Where("tenantId", "==", sc.TenantID).Where("env", "==", sc.Env).
		Where("projectId", "==", sc.ProjectID).OrderBy(firestore.DocumentID, firestore.Desc).Limit(limit)
	cs, err := all(q.Documents(ctx), func(c *chat.Canvas, id string) { c.ID = id })
	return cs, wrap("list canvases", err)
}

// Owner implements chat.Store.
func (s *Store) Owner(ctx context.Context, id string) (chat.Owner, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.Valid(id) {
		return chat.Owner{}, notFound("realtime resource")
	}
	return get[chat.Owner](ctx, s.realtime().Doc(id), "realtime resource")
}

// Thread implements chat.Store.
func (s *Store) Thread(ctx context.Context, id string) (chat.Thread, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Thread, id) {
		return chat.Thread{}, notFound("thread")
	}
	t, err := get[chat.Thread](ctx, s.threads().Doc(id), "thread")
	t.ID = id
	return t, err
}

// Threads implements chat.Store.
func (s *Store) Threads(ctx context.Context, sc chat.Scope, limit int) ([]chat.Thread, error) {
	ctx, done := s.bound(ctx)
	defer done()
	q := s.threads().Where("tenantId", "==", sc.TenantID).Where("env", "==", sc.Env).
		Where("projectId", "==", sc.ProjectID).OrderBy(firestore.DocumentID, firestore.Desc).Limit(limit)
	ts, err := all(q.Documents(ctx), func(t *chat.Thread, id string) { t.ID = id })
	return ts, wrap("list threads", err)
}

// CreateMessage implements chat.Store: one create-if-absent write, no transaction, so
// concurrent posts to a thread never contend; concurrent creates share BatchWrite
// requests (batch.go).
func (s *Store) CreateMessage(ctx context.Context, m chat.Message) error {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Thread, m.ThreadID) || m.Seq < 1 {
		return notFound("thread")
	}
	err := s.messages.do(ctx, createWrite(s.messageDoc(m.ThreadID, m.Seq).Path, messageFields(m)))
	if status.Code(err) == codes.AlreadyExists {
		return apperr.E(apperr.Conflict, "seq %d is taken", m.Seq)
	}
	return wrap("create message", err)
}

// Skip implements chat.Store.
func (s *Store) Skip(ctx context.Context, threadID string, seq int, at time.Time) (chat.Message, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Thread, threadID) || seq < 1 {
		return chat.Message{}, notFound("thread")
	}
	marker := chat.Message{ThreadID: threadID, Seq: seq, CreatedAt: at, Skipped: true}
	ref := s.messageDoc(threadID, seq)
	_, err := ref.Create(ctx, marker)
	switch {
	case err == nil:
		return marker, nil
	case status.Code(err) != codes.AlreadyExists:
		return chat.Message{}, wrap("skip seq", err)
	}
	return get[chat.Message](ctx, ref, "message")
}

// LastSeq implements chat.Store.
func (s *Store) LastSeq(ctx context.Context, threadID string) (int, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Thread, threadID) {
		return 0, notFound("thread")
	}
	q := s.threads().Doc(threadID).Collection("messages").OrderBy("seq", firestore.Desc).Limit(1)
	ms, err := all[chat.Message](q.Documents(ctx), nil)
	if err != nil || len(ms) == 0 {
		return 0, wrap("last seq", err)
	}
	return ms[0].Seq, nil
}

// Messages implements chat.Store.
func (s *Store) Messages(ctx context.Context, threadID string, after, limit int) ([]chat.Message, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Thread, threadID) {
		return nil, notFound("thread")
	}
	q := s.threads().Doc(threadID).Collection("messages").
		OrderBy(firestore.DocumentID, firestore.Asc).
		StartAfter(fmt.Sprintf("%012d", after)).Limit(limit)
	ms, err := all[chat.Message](q.Documents(ctx), nil)
	return ms, wrap("list messages", err)
}

// MessagesAt implements chat.Store with one batched point read.
func (s *Store) MessagesAt(ctx context.Context, threadID string, seqs []int) ([]chat.Message, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Thread, threadID) {
		return nil, notFound("thread")
	}
	refs := make([]*firestore.DocumentRef, 0, len(seqs))
	for _, seq := range seqs {
		if seq >= 1 {
			refs = append(refs, s.messageDoc(threadID, seq))
		}
	}
	snaps, err := s.client.GetAll(ctx, refs)
	if err != nil {
		return nil, wrap("read messages", err)
	}
	ms := make([]chat.Message, 0, len(snaps))
	for _, snap := range snaps {
		if !snap.Exists() {
			continue
		}
		var m chat.Message
		if err := snap.DataTo(&m); err != nil {
			return nil, wrap("decode message", err)
		}
		ms = append(ms, m)
	}
	return ms, nil
}

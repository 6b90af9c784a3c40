package firestore

import (
	"context"
	"slices"
	"time"

	"cloud.google.com/go/firestore"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/session"
	"github.com/northstar/northstar/internal/tenancy"
)

// Sessions live at sessions/{ss_…}. A rotation is a conditional write on the document's
// update time (versioned): two refreshes with the same token cannot both win. Ending
// sessions is one transaction that also writes their session-ended access events. A
// user's sessions are found by two equality filters (userId, ended), which single-field
// indexes serve: no composite index is needed; ordering is done here.

func (s *Store) sessions() *firestore.CollectionRef { return s.client.Collection("sessions") }

// sessionDoc is a session as stored.
type sessionDoc struct {
	UserID      string    `firestore:"userId"`
	RefreshHash string    `firestore:"refreshHash"`
	Used        []string  `firestore:"used"`
	CreatedAt   time.Time `firestore:"createdAt"`
	LastUsedAt  time.Time `firestore:"lastUsedAt"`
	ExpiresAt   time.Time `firestore:"expiresAt"`
	UserAgent   string    `firestore:"userAgent"`
	Address     string    `firestore:"address"`
	Ended       bool      `firestore:"ended"`
	EndedAt     time.Time `firestore:"endedAt"`
	EndReason   string    `firestore:"endReason"`
}

func toSessionDoc(x session.Session) sessionDoc {
	return sessionDoc{UserID: x.UserID, RefreshHash: x.RefreshHash, Used: x.Used, CreatedAt: x.CreatedAt, LastUsedAt: x.LastUsedAt,
		ExpiresAt: x.ExpiresAt, UserAgent: x.UserAgent, Address: x.Address, Ended: !x.EndedAt.IsZero(), EndedAt: x.EndedAt, EndReason: x.EndReason}
}

func (d sessionDoc) session(id string) session.Session {
	return session.Session{ID: id, UserID: d.UserID, RefreshHash: d.RefreshHash, Used: d.Used, CreatedAt: d.CreatedAt,
		LastUsedAt: d.LastUsedAt, ExpiresAt: d.ExpiresAt, UserAgent: d.UserAgent, Address: d.Address, EndedAt: d.EndedAt, EndReason: d.EndReason}
}

var _ session.Store = (*Store)(nil)

// CreateSession implements session.Store.
func (s *Store) CreateSession(ctx context.Context, x session.Session) error {
	ctx, done := s.bound(ctx)
	defer done()
	_, err := s.sessions().Doc(x.ID).Create(ctx, toSessionDoc(x))
	return wrap("create session", err)
}

// Session implements session.Store.
func (s *Store) Session(ctx context.Context, id string) (session.Session, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.Session, id) {
		return session.Session{}, notFound("session")
	}
	d, err := get[sessionDoc](ctx, s.sessions().Doc(id), "session")
	return d.session(id), err
}

// maxUsedHashes is how many earlier refresh hashes a session keeps (session's maxUsed).
const maxUsedHashes = 20

// RotateRefresh implements session.Store, without locks (see versioned).
func (s *Store) RotateRefresh(ctx context.Context, id, from, to string, usedAt, expiresAt time.Time) (session.Session, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.Session, id) {
		return session.Session{}, notFound("session")
	}
	d, err := versioned(ctx, s.sessions().Doc(id), "rotate refresh token", func(d *sessionDoc) (*sessionDoc, error) {
		switch {
		case d == nil:
			return nil, notFound("session")
		case d.Ended || d.RefreshHash != from:
			return nil, apperr.E(apperr.Conflict, "the refresh token changed or the session ended")
		}
		d.Used = append(d.Used, from)
		if n := len(d.Used); n > maxUsedHashes {
			d.Used = d.Used[n-maxUsedHashes:]
		}
		d.RefreshHash, d.LastUsedAt, d.ExpiresAt = to, usedAt, expiresAt
		return d, nil
	})
	return d.session(id), err
}

// EndSessions implements session.Store: the sessions and their access events commit
// together.
func (s *Store) EndSessions(ctx context.Context, userID string, match func(session.Session) bool, reason string) ([]string, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.User, userID) {
		return nil, nil
	}
	var ended []string
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		ended = ended[:0]
		snaps, err := tx.Documents(s.liveSessions(userID)).GetAll()
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		for _, snap := range snaps {
			var d sessionDoc
			if err := snap.DataTo(&d); err != nil {
				return err
			}
			if !match(d.session(snap.Ref.ID)) {
				continue
			}
			err := tx.Update(snap.Ref, []firestore.Update{
				{Path: "ended", Value: true}, {Path: "endedAt", Value: now}, {Path: "endReason", Value: reason},
			})
			if err != nil {
				return err
			}
			if err := s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: userID, SessionID: snap.Ref.ID}); err != nil {
				return err
			}
			ended = append(ended, snap.Ref.ID)
		}
		return nil
	})
	if err != nil {
		return nil, wrap("end sessions", err)
	}
	return ended, nil
}

// maxUserSessions bounds the sessions of one user read at once.
const maxUserSessions = 500

// liveSessions selects userID's sessions that have not ended.
func (s *Store) liveSessions(userID string) firestore.Query {
	return s.sessions().Where("userId", "==", userID).Where("ended", "==", false).Limit(maxUserSessions)
}

// UserSessions implements session.Store.
func (s *Store) UserSessions(ctx context.Context, userID string, limit int) ([]session.Session, error) {
	ctx, done := s.bound(ctx)
	defer done()
	if !ids.ValidFor(ids.User, userID) {
		return nil, nil
	}
	snaps, err := s.liveSessions(userID).Documents(ctx).GetAll()
	if err != nil {
		return nil, wrap("list sessions", err)
	}
	out := make([]session.Session, 0, len(snaps))
	for _, snap := range snaps {
		var d sessionDoc
		if err := snap.DataTo(&d); err != nil {
			return nil, wrap("decode session", err)
		}
		out = append(out, d.session(snap.Ref.ID))
	}
	slices.SortFunc(out, func(a, b session.Session) int { return b.CreatedAt.Compare(a.CreatedAt) })
	return out[:min(len(out), limit)], nil
}

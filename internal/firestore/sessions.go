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
// update time (versioned): two refreshes with the same token cannot both win. Ending a
// session is one transaction that also writes its session-ended access event; ending all
// of a user's others (a password change) reads them in that transaction. A
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
	d, err := versioned(ctx, s, s.sessions().Doc(id), nil, "rotate refresh token", with{}, func(d *sessionDoc) (*sessionDoc, error) {
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

// EndSession implements session.Store: one document read, its end and its access event
// commit together.
func (s *Store) EndSession(ctx context.Context, userID, id, reason string) (bool, error) {
	ctx, done := s.boundTx(ctx)
	defer done()
	if !ids.ValidFor(ids.User, userID) || !ids.ValidFor(ids.Session, id) {
		return false, nil
	}
	ref := s.sessions().Doc(id)
	var ended bool
	err := s.client.RunTransaction(ctx, func(ctx context.Context, tx *firestore.Transaction) error {
		d, found, err := txGet[sessionDoc](tx, ref, "session")
		if err != nil {
			return err
		}
		ended = found && d.UserID == userID && !d.Ended
		if !ended {
			return nil
		}
		return s.txEndSession(tx, ref, userID, reason)
	})
	if err != nil {
		return false, wrap("end session", err)
	}
	return ended, nil
}

// EndOtherSessions implements session.Store: the sessions and their access events commit
// together.
func (s *Store) EndOtherSessions(ctx context.Context, userID, keep, reason string) ([]string, error) {
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
		for _, snap := range snaps {
			if snap.Ref.ID == keep {
				continue
			}
			if err := s.txEndSession(tx, snap.Ref, userID, reason); err != nil {
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

// txEndSession marks the session at ref ended and records its session-ended event, in tx.
func (s *Store) txEndSession(tx *firestore.Transaction, ref *firestore.DocumentRef, userID, reason string) error {
	err := tx.Update(ref, []firestore.Update{
		{Path: "ended", Value: true}, {Path: "endedAt", Value: time.Now().UTC()}, {Path: "endReason", Value: reason},
	})
	if err != nil {
		return err
	}
	return s.txAccess(tx, tenancy.AccessEvent{Kind: tenancy.AccessSessionEnded, UserID: userID, SessionID: ref.ID})
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

package session

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/tenancy"
)

// memStore is a fake Store with the real one's rules (the Firestore store is tested
// against the emulator in internal/firestore).
type memStore struct {
	mu       sync.Mutex
	sessions map[string]Session
	// beforeRotate, when set, runs inside RotateRefresh before the check: a concurrent
	// refresh.
	beforeRotate func()
}

func (m *memStore) CreateSession(_ context.Context, s Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[s.ID] = s
	return nil
}

func (m *memStore) Session(_ context.Context, id string) (Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	if !ok {
		return Session{}, apperr.E(apperr.NotFound, "no such session")
	}
	return s, nil
}

func (m *memStore) RotateRefresh(_ context.Context, id, from, to string, usedAt, expiresAt time.Time) (Session, error) {
	if m.beforeRotate != nil {
		m.beforeRotate()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	switch {
	case !ok:
		return Session{}, apperr.E(apperr.NotFound, "no such session")
	case !s.EndedAt.IsZero() || s.RefreshHash != from:
		return Session{}, apperr.E(apperr.Conflict, "changed")
	}
	s.Used = append(s.Used, from)
	s.RefreshHash, s.LastUsedAt, s.ExpiresAt = to, usedAt, expiresAt
	m.sessions[id] = s
	return s, nil
}

func (m *memStore) EndSession(_ context.Context, userID, id, reason string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	if !ok || s.UserID != userID || !s.EndedAt.IsZero() {
		return false, nil
	}
	s.EndedAt, s.EndReason = time.Now(), reason
	m.sessions[id] = s
	return true, nil
}

func (m *memStore) EndOtherSessions(_ context.Context, userID, keep, reason string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ended []string
	for id, s := range m.sessions {
		if s.UserID == userID && s.EndedAt.IsZero() && id != keep {
			s.EndedAt, s.EndReason = time.Now(), reason
			m.sessions[id] = s
			ended = append(ended, id)
		}
	}
	return ended, nil
}

func (m *memStore) UserSessions(_ context.Context, userID string, limit int) ([]Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Session
	for _, s := range m.sessions {
		if s.UserID == userID && s.EndedAt.IsZero() {
			out = append(out, s)
		}
	}
	return out[:min(len(out), limit)], nil
}

// accounts is a fake Accounts with one user.
type accounts struct{ changed int }

var ann = tenancy.User{ID: "u_ann", Email: "ann@example.com"}

func (accounts) Signup(context.Context, tenancy.SignupInput) (tenancy.User, tenancy.Tenant, error) {
	return ann, tenancy.Tenant{ID: "t_ann"}, nil
}

func (accounts) Login(_ context.Context, email, password, _ string) (tenancy.User, error) {
	if email != ann.Email || password != "right" {
		return tenancy.User{}, apperr.E(apperr.Unauthenticated, "wrong email or password")
	}
	return ann, nil
}

func (accounts) User(context.Context, string) (tenancy.User, error) { return ann, nil }

func (a *accounts) ChangePassword(_ context.Context, _, current, _, _ string) error {
	if current != "right" {
		return apperr.E(apperr.Unauthenticated, "the current password is wrong")
	}
	a.changed++
	return nil
}

// issuer is a fake Issuer: the token names the user and the session.
type issuer struct{}

func (issuer) Issue(userID, sessionID, email string) (string, identity.Claims, error) {
	return userID + "/" + sessionID, identity.Claims{UserID: userID, SessionID: sessionID, ExpiresAt: time.Now().Add(15 * time.Minute)}, nil
}

// events records what the service told.
type events struct {
	mu    sync.Mutex
	ended []string
}

func (e *events) AccessChanged(_ context.Context, ev tenancy.AccessEvent) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if ev.Kind == tenancy.AccessSessionEnded && ev.UserID == ann.ID {
		e.ended = append(e.ended, ev.SessionID)
	}
}

type fixture struct {
	*Service
	store  *memStore
	events *events
	now    time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{store: &memStore{sessions: map[string]Session{}}, events: &events{}, now: time.Now()}
	f.Service = NewService(Config{Store: f.store, Accounts: &accounts{}, Tokens: issuer{}, Events: f.events,
		RefreshTTL: time.Hour, Now: func() time.Time { return f.now }})
	return f
}

func (f *fixture) login(t *testing.T) Grant {
	t.Helper()
	g, err := f.Login(t.Context(), ann.Email, "right", Client{Address: "198.51.100.1", UserAgent: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func expectCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Fatalf("err = %v, want %s", err, code)
	}
}

// TestLoginOpensASession: the access token names the session, the refresh token is
// "<session>.<43 chars>", and the store holds only its hash.
func TestLoginOpensASession(t *testing.T) {
	f := newFixture(t)
	g := f.login(t)
	if g.Claims.SessionID != g.Session.ID || !strings.HasPrefix(g.RefreshToken, g.Session.ID+".") {
		t.Fatalf("grant %+v does not tie the tokens to its session", g)
	}
	stored, _ := f.store.Session(t.Context(), g.Session.ID)
	if stored.RefreshHash == "" || strings.Contains(stored.RefreshHash, strings.TrimPrefix(g.RefreshToken, g.Session.ID+".")) {
		t.Fatalf("stored hash %q (the secret must not be stored)", stored.RefreshHash)
	}
	if stored.UserAgent != "test" || stored.Address != "198.51.100.1" {
		t.Fatalf("stored client %q %q", stored.UserAgent, stored.Address)
	}
	if _, err := f.Login(t.Context(), ann.Email, "wrong", Client{}); apperr.CodeOf(err) != apperr.Unauthenticated {
		t.Fatalf("a wrong password: %v", err)
	}
}

// TestRefreshRotates: a refresh gives a new access token and refresh token; the new one
// refreshes again; the old one, presented again, ends the session (reuse), after which
// even the newest refresh token is refused.
func TestRefreshRotates(t *testing.T) {
	f := newFixture(t)
	first := f.login(t)
	second, err := f.Refresh(t.Context(), first.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if second.RefreshToken == first.RefreshToken || second.Session.ID != first.Session.ID || second.User.ID != ann.ID {
		t.Fatalf("refresh gave %+v", second)
	}
	third, err := f.Refresh(t.Context(), second.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Refresh(t.Context(), first.RefreshToken)
	expectCode(t, err, apperr.Unauthenticated)
	if !strings.Contains(apperr.MessageOf(err), "reused") {
		t.Fatalf("message %q does not say the token was reused", apperr.MessageOf(err))
	}
	if len(f.events.ended) != 1 || f.events.ended[0] != first.Session.ID {
		t.Fatalf("ended %v, want the session", f.events.ended)
	}
	_, err = f.Refresh(t.Context(), third.RefreshToken)
	expectCode(t, err, apperr.Unauthenticated)
}

// TestConcurrentRefreshIsAReuse: of two refreshes with one token, the one that loses the
// rotation ends the session.
func TestConcurrentRefreshIsAReuse(t *testing.T) {
	f := newFixture(t)
	g := f.login(t)
	var won Grant
	f.store.beforeRotate = func() {
		f.store.beforeRotate = nil
		var err error
		if won, err = f.Refresh(t.Context(), g.RefreshToken); err != nil {
			t.Errorf("the first refresh: %v", err)
		}
	}
	_, err := f.Refresh(t.Context(), g.RefreshToken)
	expectCode(t, err, apperr.Unauthenticated)
	if _, err := f.Refresh(t.Context(), won.RefreshToken); apperr.CodeOf(err) != apperr.Unauthenticated {
		t.Fatalf("the winner's token after the reuse: %v, want the session ended", err)
	}
}

// TestRefreshRefusals: malformed, unknown, guessed and expired refresh tokens are
// UNAUTHENTICATED and end nothing; none is echoed.
func TestRefreshRefusals(t *testing.T) {
	f := newFixture(t)
	g := f.login(t)
	guess := g.Session.ID + "." + strings.Repeat("A", identity.SecretLength)
	for name, token := range map[string]string{
		"Empty": "", "NoDot": g.Session.ID, "AccessToken": g.AccessToken, "ShortSecret": g.Session.ID + ".abc",
		"BadChars": g.Session.ID + "." + strings.Repeat("*", identity.SecretLength), "UnknownSession": "ss_nobody." + strings.Repeat("A", identity.SecretLength),
		"GuessedSecret": guess,
	} {
		_, err := f.Refresh(t.Context(), token)
		expectCode(t, err, apperr.Unauthenticated)
		if token != "" && strings.Contains(err.Error(), token) {
			t.Fatalf("%s: the error echoes the token", name)
		}
	}
	if len(f.events.ended) != 0 {
		t.Fatalf("refusals ended sessions: %v", f.events.ended)
	}
	f.now = f.now.Add(2 * time.Hour) // past RefreshTTL
	_, err := f.Refresh(t.Context(), g.RefreshToken)
	expectCode(t, err, apperr.Unauthenticated)
	if !strings.Contains(apperr.MessageOf(err), "expired") {
		t.Fatalf("message %q does not say expired", apperr.MessageOf(err))
	}
}

// TestEndAndList: End ends one of the user's live sessions and says so to Events;
// another's or an ended one is NOT_FOUND; List shows live sessions only.
func TestEndAndList(t *testing.T) {
	f := newFixture(t)
	a, b := f.login(t), f.login(t)
	if list, _ := f.List(t.Context(), ann.ID); len(list) != 2 {
		t.Fatalf("List = %d sessions, want 2", len(list))
	}
	if err := f.End(t.Context(), ann.ID, a.Session.ID, "logout"); err != nil {
		t.Fatal(err)
	}
	expectCode(t, f.End(t.Context(), ann.ID, a.Session.ID, "logout"), apperr.NotFound)
	expectCode(t, f.End(t.Context(), "u_bob", b.Session.ID, "revoked"), apperr.NotFound)
	list, _ := f.List(t.Context(), ann.ID)
	if len(list) != 1 || list[0].ID != b.Session.ID {
		t.Fatalf("List = %+v, want only the second session", list)
	}
	if len(f.events.ended) != 1 || f.events.ended[0] != a.Session.ID {
		t.Fatalf("ended %v", f.events.ended)
	}
	_, err := f.Refresh(t.Context(), a.RefreshToken)
	expectCode(t, err, apperr.Unauthenticated)
}

// TestChangePasswordEndsOthers: a password change ends every other session and keeps the
// caller's; a wrong current password changes and ends nothing.
func TestChangePasswordEndsOthers(t *testing.T) {
	f := newFixture(t)
	keep, other1, other2 := f.login(t), f.login(t), f.login(t)
	expectCode(t, f.ChangePassword(t.Context(), ann.ID, keep.Session.ID, "wrong", "new-password", Client{}), apperr.Unauthenticated)
	if len(f.events.ended) != 0 {
		t.Fatalf("a refused change ended %v", f.events.ended)
	}
	if err := f.ChangePassword(t.Context(), ann.ID, keep.Session.ID, "right", "new-password", Client{}); err != nil {
		t.Fatal(err)
	}
	if len(f.events.ended) != 2 || strings.Contains(strings.Join(f.events.ended, ","), keep.Session.ID) {
		t.Fatalf("ended %v, want %s and %s", f.events.ended, other1.Session.ID, other2.Session.ID)
	}
	if _, err := f.Refresh(t.Context(), keep.RefreshToken); err != nil {
		t.Fatalf("the caller's session after the change: %v", err)
	}
}

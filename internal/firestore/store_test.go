package firestore

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// emulatorHost is the package's Firestore emulator, started by TestMain.
var emulatorHost string

func TestMain(m *testing.M) {
	os.Exit(devinfra.WithFirestore(func(host string) int { emulatorHost = host; return m.Run() }))
}

// newStore returns a client and a Store on a fresh project of the package's emulator.
func newStore(t *testing.T) (*Client, *Store) {
	t.Helper()
	id := ids.New(ids.Tenant)
	// The id's tail is random; its head is the time.
	client, err := Connect(t.Context(), Options{ProjectID: "store-" + id[len(id)-12:], EmulatorHost: emulatorHost})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client, New(client, nil)
}

// tenantWithOwner creates a tenant owned by a new user and returns their ids.
func tenantWithOwner(t *testing.T, s *Store) (tenantID, ownerID string) {
	t.Helper()
	now := time.Now().UTC()
	tenantID, ownerID = ids.New(ids.Tenant), ids.New(ids.User)
	err := s.CreateTenant(t.Context(), tenancy.Tenant{ID: tenantID, Name: "T", ModeID: "m_standard", Meta: tenancy.Meta{CreatedAt: now, UpdatedAt: now, Version: 1}},
		tenancy.Membership{TenantID: tenantID, UserID: ownerID, Role: tenancy.RoleOwner}, testEvent(tenantID))
	if err != nil {
		t.Fatal(err)
	}
	return tenantID, ownerID
}

// TestVersionedUpdateRace: twenty concurrent updates that read version 1 — exactly one
// wins, every other one is CONFLICT (never INTERNAL or UNAVAILABLE), and a stale or
// absent record answers as such.
func TestVersionedUpdateRace(t *testing.T) {
	_, s := newStore(t)
	tenantID, _ := tenantWithOwner(t, s)
	p := tenancy.Project{ID: ids.New(ids.Project), TenantID: tenantID, Name: "P", Meta: tenancy.Meta{Version: 1}}
	if err := s.CreateProject(t.Context(), p, testEvent(tenantID)); err != nil {
		t.Fatal(err)
	}
	const writers = 20
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.UpdateProject(t.Context(), tenantID, p.ID, 1, func(p *tenancy.Project) error {
				p.Name = fmt.Sprint("writer ", i)
				return nil
			}, testEvent(tenantID))
		}()
	}
	wg.Wait()
	won := 0
	for i, err := range errs {
		switch {
		case err == nil:
			won++
		case !apperr.Is(err, apperr.Conflict):
			t.Errorf("writer %d: %v, want CONFLICT", i, err)
		}
	}
	if won != 1 {
		t.Fatalf("%d writers won, want exactly 1", won)
	}
	got, err := s.Project(t.Context(), tenantID, p.ID)
	if err != nil || got.Version != 2 {
		t.Fatalf("project after the race: %+v, %v; want version 2", got, err)
	}
	if _, err := s.UpdateProject(t.Context(), tenantID, p.ID, 1, func(*tenancy.Project) error { return nil }, testEvent(tenantID)); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("stale version: %v, want CONFLICT", err)
	}
	if _, err := s.UpdateProject(t.Context(), tenantID, ids.New(ids.Project), 1, func(*tenancy.Project) error { return nil }, testEvent(tenantID)); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("absent project: %v, want NOT_FOUND", err)
	}
}

// TestAccessLogRecordsMembershipChanges: adding and removing a member each commit an
// access event with the change, which WatchAccess replays to a listener started after
// them (from an earlier time), in order.
func TestAccessLogRecordsMembershipChanges(t *testing.T) {
	_, s := newStore(t)
	since := time.Now().Add(-time.Minute)
	tenantID, _ := tenantWithOwner(t, s)
	member := ids.New(ids.User)
	addMember(t, s, tenantID, member, tenancy.RoleMember)
	if err := s.DeleteMembership(t.Context(), tenantID, member, func(tenancy.Membership, int) error { return nil }, testEvent(tenantID)); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	var kinds []string
	err := s.WatchAccess(ctx, since, func(e tenancy.AccessEvent) {
		if e.TenantID == tenantID && e.UserID == member {
			kinds = append(kinds, e.Kind)
		}
		if len(kinds) == 2 {
			cancel()
		}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{tenancy.AccessMemberAdded, tenancy.AccessMemberRemoved}; fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Fatalf("access events for the member: %v, want %v", kinds, want)
	}
}

// TestLastOwnerUnderRace: two owners demoting each other at once — the transactions read
// the owner count, so one demotion wins and the other sees the last owner (CONFLICT):
// the tenant never ends without an owner. Each change writes its access event.
func TestLastOwnerUnderRace(t *testing.T) {
	_, s := newStore(t)
	tenantID, first := tenantWithOwner(t, s)
	second := ids.New(ids.User)
	addMember(t, s, tenantID, second, tenancy.RoleOwner)
	demote := func(m *tenancy.Membership, owners int) error {
		if owners <= 1 {
			return apperr.E(apperr.Conflict, "the last owner")
		}
		m.Role = tenancy.RoleAdmin
		return nil
	}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, u := range []string{first, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.UpdateMembership(t.Context(), tenantID, u, demote, testEvent(tenantID))
		}()
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) || !(apperr.Is(errs[0], apperr.Conflict) || apperr.Is(errs[1], apperr.Conflict)) {
		t.Fatalf("demotions: %v and %v, want one success and one CONFLICT", errs[0], errs[1])
	}
	owners := 0
	for _, u := range []string{first, second} {
		m, err := s.Membership(t.Context(), tenantID, u)
		if err != nil {
			t.Fatal(err)
		}
		if m.Role == tenancy.RoleOwner {
			owners++
		}
	}
	if owners != 1 {
		t.Fatalf("%d owners after the race, want 1", owners)
	}
}

// addMember makes userID a member of tenantID with role, the one way there is: an
// invitation, accepted.
func addMember(t *testing.T, s *Store, tenantID, userID string, role tenancy.Role) {
	t.Helper()
	now := time.Now().UTC()
	inv := tenancy.Invitation{ID: ids.New(ids.Invitation), TenantID: tenantID, Email: userID + "@example.com", Role: role,
		Status: tenancy.InvitationPending, ExpiresAt: now.Add(time.Hour), Meta: tenancy.Meta{CreatedAt: now, UpdatedAt: now, Version: 1}}
	if err := s.CreateInvitation(t.Context(), inv, testEvent(tenantID)); err != nil {
		t.Fatal(err)
	}
	_, err := s.AcceptInvitation(t.Context(), inv.ID, func(inv *tenancy.Invitation) (tenancy.Membership, error) {
		inv.Status = tenancy.InvitationAccepted
		return tenancy.Membership{TenantID: tenantID, UserID: userID, Role: role, Meta: inv.Meta}, nil
	}, testEvent(""))
	if err != nil {
		t.Fatal(err)
	}
}

// testEvent is an audit event in tenantID's log, for the writes these tests make.
func testEvent(tenantID string) audit.Event {
	return audit.New(context.Background(), time.Now(), tenantID, "test.write", "test", "x_1")
}

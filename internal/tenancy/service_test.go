package tenancy

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
)

// eventStore is a Store for the access-changing operations: every write succeeds unless
// fail is set.
type eventStore struct {
	Store
	fail error
}

func (s *eventStore) User(_ context.Context, id string) (User, error) {
	return User{ID: id, Email: "a@example.com"}, nil
}
func (s *eventStore) AcceptInvitation(_ context.Context, id string, accept func(*Invitation) (Membership, error), _ audit.Event) (Membership, error) {
	if s.fail != nil {
		return Membership{}, s.fail
	}
	return accept(&Invitation{ID: id, TenantID: "t_invited", Email: "a@example.com", Role: RoleMember, Status: InvitationPending, ExpiresAt: time.Now().Add(time.Hour)})
}
func (s *eventStore) Mode(_ context.Context, id string) (Mode, error) { return Mode{ID: id}, nil }
func (s *eventStore) UpdateTenant(_ context.Context, id string, _ *int, change func(*Tenant) error, _ audit.Event) (Tenant, error) {
	if s.fail != nil {
		return Tenant{}, s.fail
	}
	t := Tenant{ID: id}
	return t, change(&t)
}
func (s *eventStore) UpdateMembership(_ context.Context, tenantID, userID string, change func(*Membership, int) error, _ audit.Event) (Membership, error) {
	if s.fail != nil {
		return Membership{}, s.fail
	}
	m := Membership{TenantID: tenantID, UserID: userID, Role: RoleMember, Meta: Meta{Version: 1}}
	return m, change(&m, 1)
}
func (s *eventStore) DeleteMembership(_ context.Context, _, _ string, check func(Membership, int) error, _ audit.Event) error {
	if s.fail != nil {
		return s.fail
	}
	return check(Membership{Role: RoleMember}, 1)
}

type recordedEvents []AccessEvent

func (r *recordedEvents) AccessChanged(_ context.Context, e AccessEvent) { *r = append(*r, e) }

// TestServiceTellsEvents: every operation that changes who may access a tenant tells
// Events once it committed, and only then; the resolvers have no part in it.
func TestServiceTellsEvents(t *testing.T) {
	at := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	tenant, user := ids.New(ids.Tenant), ids.New(ids.User)
	ops := []struct {
		name string
		do   func(*Service) error
		want AccessEvent
	}{
		{"AcceptInvitation", func(s *Service) error {
			_, err := s.AcceptInvitation(context.Background(), "u_invitee", "iv_x")
			return err
		}, AccessEvent{Kind: AccessMemberAdded, TenantID: "t_invited", UserID: "u_invitee", At: at}},
		{"RemoveMember", func(s *Service) error {
			return s.RemoveMember(context.Background(), RoleAdmin, tenant, user)
		}, AccessEvent{Kind: AccessMemberRemoved, TenantID: tenant, UserID: user, At: at}},
		{"SetMemberRole", func(s *Service) error {
			_, err := s.SetMemberRole(context.Background(), RoleAdmin, tenant, user, RoleViewer, nil)
			return err
		}, AccessEvent{Kind: AccessMemberChanged, TenantID: tenant, UserID: user, At: at}},
		{"LeaveTenant", func(s *Service) error {
			return s.LeaveTenant(context.Background(), tenant, user)
		}, AccessEvent{Kind: AccessMemberRemoved, TenantID: tenant, UserID: user, At: at}},
		{"SetTenantMode", func(s *Service) error {
			_, err := s.SetTenantMode(context.Background(), tenant, "m_standard", nil)
			return err
		}, AccessEvent{Kind: AccessTenantChanged, TenantID: tenant, At: at}},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			var got recordedEvents
			store := &eventStore{}
			svc := NewService(Config{Store: store, Events: &got, Now: func() time.Time { return at }})
			if err := op.do(svc); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual([]AccessEvent(got), []AccessEvent{op.want}) {
				t.Fatalf("events = %+v, want %+v", got, op.want)
			}
			got = nil
			store.fail = apperr.E(apperr.Conflict, "lost a race")
			if err := op.do(svc); !apperr.Is(err, apperr.Conflict) {
				t.Fatalf("with the store failing: %v", err)
			}
			if len(got) != 0 {
				t.Fatalf("events after a failed write: %+v", got)
			}
		})
	}
}

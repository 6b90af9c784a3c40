package firestore

import (
	"errors"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/tenancy"
)

// TestAuditCommitsWithTheChange fails each kind of write after its audit event is
// staged — a versioned update, a plain create, a transaction — and finds neither the
// change nor the event; then lets each through and finds both, with the fields that
// changed.
func TestAuditCommitsWithTheChange(t *testing.T) {
	_, s := newStore(t)
	ctx := t.Context()
	tenantID, _ := tenantWithOwner(t, s)
	memberID := ids.New(ids.User)
	addMember(t, s, tenantID, memberID, tenancy.RoleMember)
	p := tenancy.Project{ID: ids.New(ids.Project), TenantID: tenantID, Name: "Before", Meta: tenancy.Meta{Version: 1}}
	if err := s.CreateProject(ctx, p, testEvent(tenantID)); err != nil {
		t.Fatal(err)
	}
	route := routing.Route{ResourceKind: "chat_bus", TenantID: tenantID, Env: "dev", BackendType: "redis", Config: map[string]string{"addr": "127.0.0.1:1"}}

	writes := []struct {
		name   string
		action string
		write  func(ev audit.Event) error
		landed func() bool
	}{
		{"versioned update", "project.update", func(ev audit.Event) error {
			_, err := s.UpdateProject(ctx, tenantID, p.ID, 1, func(p *tenancy.Project) error { p.Name = "After"; return nil }, ev)
			return err
		}, func() bool {
			got, err := s.Project(ctx, tenantID, p.ID)
			return err == nil && got.Name == "After"
		}},
		{"versioned create", "route.set", func(ev audit.Event) error {
			_, err := s.PutRoute(ctx, route, nil, ev)
			return err
		}, func() bool {
			_, err := s.GetRoute(ctx, route.Key())
			return err == nil
		}},
		{"plain create", "surface.create", func(ev audit.Event) error {
			return s.CreateSurface(ctx, tenancy.Surface{ID: "s_audited", TenantID: tenantID, Name: "Site"}, ev)
		}, func() bool {
			got, err := s.Surfaces(ctx, tenantID)
			return err == nil && len(got) == 1
		}},
		{"transaction", "member.setRole", func(ev audit.Event) error {
			_, err := s.UpdateMembership(ctx, tenantID, memberID, func(m *tenancy.Membership, _ int) error { m.Role = tenancy.RoleAdmin; return nil }, ev)
			return err
		}, func() bool {
			m, err := s.Membership(ctx, tenantID, memberID)
			return err == nil && m.Role == tenancy.RoleAdmin
		}},
	}
	failure := errors.New("injected failure after staging")
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			ev := audit.New(ctx, time.Now(), tenantID, w.action, "test", "x_1")
			staged := 0
			s.failStaged = func(got audit.Event) error {
				staged++
				if got.ID != ev.ID {
					t.Errorf("staged event %s, want %s", got.ID, ev.ID)
				}
				return failure
			}
			if err := w.write(ev); err == nil {
				t.Fatal("the write succeeded although its commit failed")
			}
			s.failStaged = nil
			if staged == 0 {
				t.Fatal("the write never staged its event")
			}
			if w.landed() {
				t.Error("the change landed without its event")
			}
			if evs, _, err := s.AuditEvents(ctx, tenantID, audit.Filter{Action: w.action}, audit.Cursor{}, 10); err != nil || len(evs) != 0 {
				t.Errorf("events after the failed write: %+v, %v", evs, err)
			}

			ev = audit.New(ctx, time.Now(), tenantID, w.action, "test", "x_1")
			if err := w.write(ev); err != nil {
				t.Fatal(err)
			}
			if !w.landed() {
				t.Error("the change did not land")
			}
			evs, _, err := s.AuditEvents(ctx, tenantID, audit.Filter{Action: w.action}, audit.Cursor{}, 10)
			if err != nil || len(evs) != 1 || evs[0].ID != ev.ID || len(evs[0].Changes) == 0 {
				t.Fatalf("events after the write: %+v, %v", evs, err)
			}
		})
	}

	// The versioned update recorded the one field it changed, old and new.
	evs, _, err := s.AuditEvents(ctx, tenantID, audit.Filter{Action: "project.update"}, audit.Cursor{}, 10)
	if err != nil || len(evs) != 1 {
		t.Fatalf("project.update events: %+v, %v", evs, err)
	}
	if c := evs[0].Changes; len(c) != 1 || c[0].Field != "name" || *c[0].From != "Before" || *c[0].To != "After" {
		t.Errorf("project.update changes = %+v, want name Before -> After", c)
	}
	// A write without a well-formed event writes nothing.
	if err := s.CreateSurface(ctx, tenancy.Surface{ID: "s_unaudited", TenantID: tenantID, Name: "X"}, audit.Event{}); !apperr.Is(err, apperr.Internal) {
		t.Errorf("create without an event: %v, want INTERNAL", err)
	}
}

// TestAuditEventsPage: newest first, filtered by action and target, paged by cursor.
func TestAuditEventsPage(t *testing.T) {
	_, s := newStore(t)
	ctx := t.Context()
	tenantID, _ := tenantWithOwner(t, s)
	var projects []string
	for i := range 5 {
		p := tenancy.Project{ID: ids.New(ids.Project), TenantID: tenantID, Name: "P", Meta: tenancy.Meta{Version: 1}}
		if err := s.CreateProject(ctx, p, audit.New(ctx, time.Now(), tenantID, "project.create", "project", p.ID)); err != nil {
			t.Fatal(i, err)
		}
		projects = append(projects, p.ID)
	}
	var seen []string
	var after audit.Cursor
	for {
		evs, more, err := s.AuditEvents(ctx, tenantID, audit.Filter{Action: "project.create"}, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			seen = append(seen, ev.TargetID)
		}
		if !more {
			break
		}
		after = audit.CursorOf(evs[len(evs)-1])
	}
	want := []string{projects[4], projects[3], projects[2], projects[1], projects[0]}
	if len(seen) != len(want) {
		t.Fatalf("paged %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("paged %v, want newest first %v", seen, want)
		}
	}
	evs, _, err := s.AuditEvents(ctx, tenantID, audit.Filter{TargetID: projects[2]}, audit.Cursor{}, 10)
	if err != nil || len(evs) != 1 || evs[0].TargetID != projects[2] {
		t.Errorf("by target: %+v, %v", evs, err)
	}
	if evs, _, err := s.AuditEvents(ctx, ids.New(ids.Tenant), audit.Filter{}, audit.Cursor{}, 10); err != nil || len(evs) != 0 {
		t.Errorf("another tenant's log: %+v, %v", evs, err)
	}
}

package firestore

import (
	"context"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/serviceaccount"
	"github.com/northstar/northstar/internal/tenancy"
)

// TestServiceAccountLifecycle: rotation bumps the version and ends the old one in the
// access log; deletion ends the current one; another tenant's account is NOT_FOUND to
// both and stays as it was.
func TestServiceAccountLifecycle(t *testing.T) {
	_, s := newStore(t)
	since := time.Now().Add(-time.Minute)
	tenant := ids.New(ids.Tenant)
	a := serviceaccount.Account{ID: ids.New(ids.ServiceAccount), TenantID: tenant, Name: "bot", Scopes: []string{"routes:read"},
		SecretHash: "h1", SecretVersion: 1, CreatedAt: time.Now().UTC(), CreatedBy: "u_x"}
	if err := s.CreateServiceAccount(t.Context(), a, testEvent(tenant)); err != nil {
		t.Fatal(err)
	}
	other := ids.New(ids.Tenant)
	if _, err := s.RotateServiceAccount(t.Context(), other, a.ID, "evil", testEvent(other)); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("rotating from another tenant: %v, want NOT_FOUND", err)
	}
	if _, err := s.DeleteServiceAccount(t.Context(), other, a.ID, testEvent(other)); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("deleting from another tenant: %v, want NOT_FOUND", err)
	}
	rotated, err := s.RotateServiceAccount(t.Context(), tenant, a.ID, "h2", testEvent(tenant))
	if err != nil || rotated.SecretVersion != 2 || rotated.SecretHash != "h2" {
		t.Fatalf("rotate = %+v, %v", rotated, err)
	}
	if list, err := s.ServiceAccounts(t.Context(), tenant); err != nil || len(list) != 1 || list[0].SecretVersion != 2 {
		t.Fatalf("ServiceAccounts = %+v, %v", list, err)
	}
	if _, err := s.DeleteServiceAccount(t.Context(), tenant, a.ID, testEvent(tenant)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ServiceAccount(t.Context(), a.ID); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("after the deletion: %v, want NOT_FOUND", err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	var ended []string
	err = s.WatchAccess(ctx, since, func(e tenancy.AccessEvent) {
		if e.Kind == tenancy.AccessSessionEnded && e.UserID == a.ID {
			ended = append(ended, e.SessionID)
		}
		if len(ended) == 2 {
			cancel()
		}
	}, nil)
	if err != nil || len(ended) != 2 || ended[0] != identity.ServiceSession(a.ID, 1) || ended[1] != identity.ServiceSession(a.ID, 2) {
		t.Fatalf("ended versions %v, %v; want 1 then 2", ended, err)
	}
}

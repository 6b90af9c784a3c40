package routing

import (
	"context"
	"errors"
	"testing"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
)

// deleteRecorder is a Store that records the keys it is asked to delete.
type deleteRecorder struct {
	Store
	deleted []Key
}

func (s *deleteRecorder) DeleteRoute(_ context.Context, k Key, _ *int, _ audit.Event) error {
	s.deleted = append(s.deleted, k)
	return nil
}

func TestServiceDelete(t *testing.T) {
	ctx := context.Background()
	t.Run("NormalizesEnv", func(t *testing.T) {
		store := &deleteRecorder{}
		k := Key{ResourceKind: "media", Scope: Scope{TenantID: "t_acme", Env: "Production"}}
		if err := NewService(ServiceConfig{Store: store}).Delete(ctx, k, nil); err != nil {
			t.Fatal(err)
		}
		want := Key{ResourceKind: "media", Scope: Scope{TenantID: "t_acme", Env: "prod"}}
		if len(store.deleted) != 1 || store.deleted[0] != want {
			t.Fatalf("deleted %v, want [%v]", store.deleted, want)
		}
	})
	refused := map[string]Key{
		"resourceKind": {ResourceKind: "Media", Scope: Scope{TenantID: "t_acme", Env: "prod"}},
		"tenantId":     {ResourceKind: "media", Scope: Scope{TenantID: "acme", Env: "prod"}},
		"env":          {ResourceKind: "media", Scope: Scope{TenantID: "t_acme", Env: ""}},
		"projectId":    {ResourceKind: "media", Scope: Scope{TenantID: "t_acme", Env: "prod", ProjectID: "../p"}},
	}
	for field, k := range refused {
		t.Run("Refuses/"+field, func(t *testing.T) {
			store := &deleteRecorder{}
			err := NewService(ServiceConfig{Store: store}).Delete(ctx, k, nil)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != field || !apperr.Is(err, apperr.BadUserInput) {
				t.Fatalf("Delete(%v) = %v, want BAD_USER_INPUT for %s", k, err, field)
			}
			if len(store.deleted) != 0 {
				t.Fatalf("Delete(%v) reached the store", k)
			}
			if kerr := k.Validate(); kerr == nil || kerr.Error() != err.Error() {
				t.Fatalf("Key.Validate = %v, want what Delete refuses with (%v)", kerr, err)
			}
		})
	}
}

package routing

import (
	"errors"
	"strings"
	"testing"

	"github.com/northstar/northstar/internal/apperr"
)

func TestKeyValidate(t *testing.T) {
	good := Key{ResourceKind: "chat_bus", Scope: Scope{TenantID: "t_acme", Env: "Production", ProjectID: "p_site"}}
	if err := good.Validate(); err != nil {
		t.Fatalf("Validate(%+v) = %v", good, err)
	}
	cases := []struct {
		name  string
		edit  func(*Key)
		field string
	}{
		{"KindEmpty", func(k *Key) { k.ResourceKind = "" }, "resourceKind"},
		{"KindUpperCase", func(k *Key) { k.ResourceKind = "Chat" }, "resourceKind"},
		{"TenantPath", func(k *Key) { k.TenantID = "../etc" }, "tenantId"},
		{"TenantWrongPrefix", func(k *Key) { k.TenantID = "p_site" }, "tenantId"},
		{"EnvEmpty", func(k *Key) { k.Env = "" }, "env"},
		{"EnvUnknown", func(k *Key) { k.Env = "qa" }, "env"},
		{"ProjectWrongPrefix", func(k *Key) { k.ProjectID = "t_acme" }, "projectId"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := good
			c.edit(&k)
			err := k.Validate()
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Fatalf("Validate(%+v) = %v, want a *FieldError for %s", k, err, c.field)
			}
			if apperr.CodeOf(err) != apperr.BadUserInput || apperr.MessageOf(err) != c.field+": "+fe.Message {
				t.Fatalf("client sees %s %q, want BAD_USER_INPUT %q", apperr.CodeOf(err), apperr.MessageOf(err), c.field+": "+fe.Message)
			}
			// Validate(route) applies the same key rules.
			r := Route{ResourceKind: k.ResourceKind, TenantID: k.TenantID, Env: k.Env, ProjectID: k.ProjectID, BackendType: "firestore"}
			if rerr := Validate(&r); rerr == nil || rerr.Error() != err.Error() {
				t.Fatalf("Validate(route) = %v, want %v", rerr, err)
			}
		})
	}
}

// TestValidateFieldError checks that the field at fault is data on the error while
// clients keep seeing the one BAD_USER_INPUT message "field: message".
func TestValidateFieldError(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*Route)
		field  string
		client string
	}{
		{"Memory", func(r *Route) { r.BackendType = "memory" }, "backendType", `backendType: "memory" is not a durable backend`},
		{"RedisAddress", func(r *Route) { r.Config["address"] = "nowhere" }, "config.address", `config.address: "nowhere" must be host:port`},
		{"RedisDB", func(r *Route) { r.Config["db"] = "x" }, "config.db", "config.db: must be a database number"},
		{"SecretInConfig", func(r *Route) { r.Config["apiKey"] = "k" }, "config.apiKey", "config.apiKey: secret values never go in config"},
		{"BadConfigKey", func(r *Route) { r.Config["1x"] = "v" }, "config", `config: key "1x" is not valid`},
		{"SecretRef", func(r *Route) { r.SecretRefs = []string{"hunter2"} }, "secretRefs", `secretRefs: "hunter2" must be name=reference`},
		{"Env", func(r *Route) { r.Env = "qa" }, "env", "env: must be one of dev, staging, prod"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := route("chat_bus", "t_acme", "prod", "", "redis")
			c.edit(&r)
			err := Validate(&r)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != c.field || strings.HasPrefix(fe.Message, c.field) {
				t.Fatalf("Validate = %#v, want a *FieldError for %s whose message does not repeat it", err, c.field)
			}
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != apperr.BadUserInput || !strings.HasPrefix(ae.Message, c.client) {
				t.Fatalf("client error = %v, want BAD_USER_INPUT starting %q", ae, c.client)
			}
			if err.Error() != ae.Error() {
				t.Fatalf("Error() = %q, want it to read as the client error %q", err.Error(), ae.Error())
			}
		})
	}
}

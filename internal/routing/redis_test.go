package routing

import (
	"errors"
	"slices"
	"testing"
)

func TestRouteRedis(t *testing.T) {
	t.Run("Redis", func(t *testing.T) {
		r := route("chat_bus", "t_system", "prod", "", "redis")
		r.Config = map[string]string{"address": "redis.internal:6379", "db": "3", "username": "bus"}
		r.SecretRefs = []string{"password=file:///run/secrets/t_system/redis"}
		c, err := r.Redis()
		want := RedisConfig{Addrs: []string{"redis.internal:6379"}, DB: 3, Username: "bus", PasswordRef: "file:///run/secrets/t_system/redis"}
		if err != nil || !slices.Equal(c.Addrs, want.Addrs) || c.Cluster || c.DB != want.DB || c.Username != want.Username || c.PasswordRef != want.PasswordRef {
			t.Fatalf("Redis() = %+v, %v; want %+v", c, err, want)
		}
	})
	t.Run("Cluster", func(t *testing.T) {
		r := route("chat_bus", "t_system", "prod", "", "redis-cluster")
		r.Config = map[string]string{"addresses": "a:1, b:2,c:3"}
		c, err := r.Redis()
		if err != nil || !c.Cluster || !slices.Equal(c.Addrs, []string{"a:1", "b:2", "c:3"}) || c.PasswordRef != "" {
			t.Fatalf("Redis() = %+v, %v", c, err)
		}
	})
	// Redis refuses exactly what CheckBackend refuses, with the same error.
	refused := map[string]func(*Route){
		"Address":        func(r *Route) { r.Config["address"] = "nowhere" },
		"DB":             func(r *Route) { r.Config["db"] = "x" },
		"SecretInConfig": func(r *Route) { r.Config["password"] = "hunter2" },
		"ClusterAddress": func(r *Route) { r.BackendType, r.Config = "redis-cluster", map[string]string{"addresses": "a:1,b"} },
		"Refused":        func(r *Route) { r.BackendType = "memory" },
	}
	for name, edit := range refused {
		t.Run("Refuses/"+name, func(t *testing.T) {
			r := route("chat_bus", "t_system", "prod", "", "redis")
			edit(&r)
			_, err := r.Redis()
			cerr := CheckBackend(r.BackendType, r.Config)
			if err == nil || cerr == nil || err.Error() != cerr.Error() {
				t.Fatalf("Redis() = %v, want CheckBackend's %v", err, cerr)
			}
		})
	}
	t.Run("Refuses/NotRedis", func(t *testing.T) {
		r := route("chat_bus", "t_system", "prod", "", "firestore")
		var fe *FieldError
		if _, err := r.Redis(); !errors.As(err, &fe) || fe.Field != "backendType" {
			t.Fatalf("Redis() of a firestore route = %v, want a *FieldError for backendType", err)
		}
	})
}

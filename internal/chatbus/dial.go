package chatbus

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/routing"
)

// Secrets resolves secret references (secrets.Resolver).
type Secrets interface {
	Resolve(ctx context.Context, ref string) ([]byte, error)
}

// pingTimeout bounds the start-up ping: go-redis connects lazily.
const pingTimeout = 3 * time.Second

// Dial builds a Redis client from a redis or redis-cluster route, resolving its password
// secret, and pings it. The error names the route and what failed, never a secret value.
func Dial(ctx context.Context, rt *routing.Route, secrets Secrets) (redis.UniversalClient, error) {
	// Fail fast while Redis is down (posts fall back to the store, publishes are
	// recovered by subscribers) and reconnect as soon as it is back: one dial attempt per
	// try instead of go-redis's five with backoff.
	opts := &redis.UniversalOptions{
		Username:     rt.Config["username"],
		DialTimeout:  2 * time.Second,
		ReadTimeout:  2 * time.Second,
		WriteTimeout: 2 * time.Second,
		MaxRetries:   1,
	}
	switch rt.BackendType {
	case "redis":
		opts.Addrs = []string{rt.Config["address"]}
		if db := rt.Config["db"]; db != "" {
			n, err := strconv.Atoi(db)
			if err != nil {
				return nil, fmt.Errorf("route %s: config.db %q is not a number", rt.Key(), db)
			}
			opts.DB = n
		}
	case "redis-cluster":
		for _, a := range strings.Split(rt.Config["addresses"], ",") {
			opts.Addrs = append(opts.Addrs, strings.TrimSpace(a))
		}
		opts.IsClusterMode = true
	default:
		return nil, fmt.Errorf("route %s: backend %q cannot carry the chat bus: use redis or redis-cluster", rt.Key(), rt.BackendType)
	}
	if ref := rt.Secret("password"); ref != "" {
		pw, err := secrets.Resolve(ctx, ref)
		if err != nil {
			return nil, fmt.Errorf("route %s: %w", rt.Key(), err)
		}
		opts.Password = string(pw)
	}
	client := redis.NewUniversalClient(opts)
	pctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	if err := client.Ping(pctx).Err(); err != nil {
		_ = client.Close()
		return nil, fmt.Errorf("cannot reach Redis at %s (route %s): %v", strings.Join(opts.Addrs, ","), rt.Key(), err)
	}
	return client, nil
}

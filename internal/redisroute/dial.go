// Package redisroute connects to the Redis a route names (a redis or a redis-cluster
// backend, read by routing.Route.Redis, the same rules route writes are checked by). The
// chat bus and the rate limiter each dial their own route through it. Clients fail fast
// while Redis is down (one dial attempt, 2 s timeouts) so callers can fall back at once.
package redisroute

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/apperr"
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
	cfg, err := rt.Redis()
	if err != nil {
		return nil, fmt.Errorf("route %s does not name a Redis: %s", rt.Key(), apperr.MessageOf(err))
	}
	// Fail fast while Redis is down (chat posts fall back to the store, the rate limiter
	// to its local count) and reconnect as soon as it is back: one dial attempt per try
	// instead of go-redis's five with backoff.
	opts := &redis.UniversalOptions{
		Addrs:         cfg.Addrs,
		IsClusterMode: cfg.Cluster,
		DB:            cfg.DB,
		Username:      cfg.Username,
		DialTimeout:   2 * time.Second,
		ReadTimeout:   2 * time.Second,
		WriteTimeout:  2 * time.Second,
		MaxRetries:    1,
	}
	if cfg.PasswordRef != "" {
		pw, err := secrets.Resolve(ctx, cfg.PasswordRef)
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

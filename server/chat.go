package main

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/chatbus"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/redisroute"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/resolvers"
)

// systemRoute is the key of the route of kind this server uses: (t_system, env).
func (m *Main) systemRoute(kind string) routing.Key {
	return routing.Key{ResourceKind: kind, Scope: routing.Scope{TenantID: ids.System, Env: m.cfg.Env}}
}

// chatBusKey is the route the bus runs on.
func (m *Main) chatBusKey() routing.Key { return m.systemRoute("chat_bus") }

// newChat builds the chat bus, following the chat_bus route, and the chat service on it.
// Nothing connects yet: the bus connects on start-up checks, on first use or when the
// route appears.
func (m *Main) newChat() {
	key := m.chatBusKey()
	m.bus = chatbus.NewBus(chatbus.Options{
		Route: func() (routing.Route, bool) { return m.registry.Get(key) },
		Dial: func(ctx context.Context, rt routing.Route) (redis.UniversalClient, error) {
			return redisroute.Dial(ctx, &rt, m.secrets)
		},
		Log: m.log, Counters: m.metrics,
	})
	m.chat = chat.NewService(chat.Config{Store: m.store, Bus: m.bus, Sequencer: m.bus, Log: m.log, Counters: m.metrics})
}

// followChatBus moves the bus whenever the chat_bus route changes, until ctx ends.
func (m *Main) followChatBus(ctx context.Context) {
	changed := make(chan struct{}, 1)
	go func() {
		key := m.chatBusKey()
		filter := routing.Filter{TenantID: key.TenantID, Env: key.Env, ResourceKind: key.ResourceKind}
		for ctx.Err() == nil {
			for range m.registry.Subscribe(ctx, filter) { // closes when it falls behind: subscribe again
				select {
				case changed <- struct{}{}:
				default:
				}
			}
		}
	}()
	m.bus.Follow(ctx, changed, busRetry)
}

// busRetry is how often a bus that could not move to its route tries again.
const busRetry = 5 * time.Second

// chatService returns the chat service once the bus is connected. Returns ROUTE_MISSING
// while there is no chat_bus route.
func (m *Main) chatService(ctx context.Context) (resolvers.Chat, error) {
	if err := m.bus.Ensure(ctx); err != nil {
		return nil, err
	}
	return m.chat, nil
}

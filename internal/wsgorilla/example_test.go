package wsgorilla_test

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// Serving subscriptions over gorilla/websocket: browsers only from the console's origin,
// and a bad token refused with 4401 and a reason instead of gqlgen's default 1000, which
// graphql-ws clients answer by reconnecting at once.
func ExampleNew() {
	var schema graphql.ExecutableSchema // graph.NewExecutableSchema(graph.Config{…})
	srv := handler.New(schema)
	srv.AddTransport(transport.Websocket{
		Implementation: wsgorilla.New(wsgorilla.Options{
			AllowedOrigins: []string{"https://console.example.com"},
		}),
		InitTimeout:           10 * time.Second,
		KeepAlivePingInterval: 15 * time.Second,
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			if p.Authorization() == "" {
				ctx = transport.WithWebsocketCloseCode(ctx, 4401)
				return transport.AppendCloseReason(ctx, "unauthorized"), nil, errors.New("unauthorized")
			}
			return ctx, nil, nil
		},
	})
	srv.AddTransport(transport.POST{})

	mux := http.NewServeMux()
	mux.Handle("/graphql", srv)
}

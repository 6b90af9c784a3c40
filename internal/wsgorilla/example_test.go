package wsgorilla_test

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/northstar/northstar/internal/wsgorilla"
)

// Serving GraphQL over websockets: browsers only from the console's origin, 10 s to send
// connection_init, a ping every 15 s, and a connection without a token refused with 4401
// and a reason (graphql-ws clients do not retry 4401; they would retry a normal close at
// once).
func ExampleTransport() {
	var schema graphql.ExecutableSchema // graph.NewExecutableSchema(graph.Config{…})
	srv := handler.New(schema)
	srv.AddTransport(wsgorilla.Transport{
		Implementation: wsgorilla.New(wsgorilla.Options{
			AllowedOrigins: []string{"https://console.example.com"},
			InitTimeout:    10 * time.Second,
			KeepAlive:      15 * time.Second,
		}),
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, error) {
			if p.Authorization() == "" {
				return ctx, &wsgorilla.InitError{Code: wsgorilla.CloseUnauthorized, Reason: "unauthorized"}
			}
			return ctx, nil
		},
	})
	srv.AddTransport(transport.POST{})

	mux := http.NewServeMux()
	mux.Handle("/graphql", srv)
}

package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/live"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// WebsocketKeepAlive is how often an idle websocket is pinged. It must stay under 30 s:
// legacy graphql-ws clients give up after 30 s of silence.
const WebsocketKeepAlive = 15 * time.Second

// newWebsocketAdapter returns the gorilla websocket layer under wsgorilla.Transport, which
// upgrades only what the API's origin rule (o) allows. It
// runs the init timeout and the keepalive on timers: an idle connection costs one
// goroutine, its reader. Its read buffer is 1 KiB of its own and it holds no write
// buffer (wsgorilla frames every message as it writes it): net/http's 4 KiB buffers for
// the upgrade request are let go with the request's goroutine.
func newWebsocketAdapter(o origins, limits Limits) *wsgorilla.Implementation {
	check := func(r *http.Request) bool { ok, _ := o.allowed(r); return ok }
	return wsgorilla.New(wsgorilla.Options{CheckOrigin: check, MaxSubscriptions: limits.ConnectionSubscriptions,
		InitTimeout: limits.WebsocketInit, KeepAlive: WebsocketKeepAlive, StartPayload: documentIDPayload,
		ReadBufferSize: 1 << 10})
}

// documentIDPayload reads a top-level documentId in a websocket operation's payload,
// which gqlgen's transport drops, as the persistedQuery extension trustedDocs reads (the
// documentId winning, as over HTTP): a document goes by hash over a websocket the same
// two ways as over HTTP. Any other payload is left as it came.
func documentIDPayload(payload json.RawMessage) json.RawMessage {
	if !bytes.Contains(payload, []byte(`"documentId"`)) {
		return payload
	}
	var p map[string]json.RawMessage
	var id string
	if json.Unmarshal(payload, &p) != nil || json.Unmarshal(p["documentId"], &id) != nil || id == "" {
		return payload
	}
	ext := map[string]json.RawMessage{}
	if raw := p["extensions"]; raw != nil && json.Unmarshal(raw, &ext) != nil {
		return payload
	}
	ext["persistedQuery"], _ = json.Marshal(map[string]any{"version": 1, "sha256Hash": id})
	p["extensions"], _ = json.Marshal(ext)
	delete(p, "documentId")
	out, err := json.Marshal(p)
	if err != nil {
		return payload
	}
	return out
}

// websocketTransport serves GraphQL over a.ws, with the RequestContext built from the
// connection_init payload.
func (a *API) websocketTransport() wsgorilla.Transport {
	return wsgorilla.Transport{Implementation: a.ws, InitFunc: a.wsInit, Log: a.log}
}

// wsInit builds the connection's RequestContext from connection_init. A connection needs
// a valid token; a named tenant must be one the caller may act in (access.MayConnect).
// Refusals close the socket with 4401 (token), 4403 (tenant) or 4400 (malformed context)
// and say why, and send no ack. The connection closes when its token expires.
func (a *API) wsInit(ctx context.Context, payload transport.InitPayload) (context.Context, error) {
	raw, err := reqctx.FromPayload(payload)
	if err == nil {
		req, _ := ctx.Value(wsRequestKey{}).(wsRequest)
		if raw.RequestID == "" {
			raw.RequestID = req.requestID
		}
		var rc *reqctx.RequestContext
		rc, err = a.builder.Build(ctx, raw)
		if err == nil {
			err = access.MayConnect(rc)
		}
		if err == nil {
			rc.ClientAddress = req.address
			ctx = reqctx.With(ctx, rc)
			ctx = a.conns.Add(ctx, live.Owner{TenantID: rc.TenantID, UserID: rc.Actor(), SessionID: rc.SessionID})
			return expireAt(ctx, rc.TokenExpiresAt), nil
		}
	}
	code := wsgorilla.CloseBadRequest
	switch apperr.CodeOf(err) {
	case apperr.Unauthenticated:
		code = wsgorilla.CloseUnauthorized
	case apperr.Forbidden:
		code = wsgorilla.CloseForbidden
	case apperr.Unavailable, apperr.RouteMissing:
		code = wsgorilla.CloseTryAgain
		a.log.WarnContext(ctx, "websocket init: a store did not answer", "err", err)
	case apperr.Internal:
		code = wsgorilla.CloseInternal
		a.log.ErrorContext(ctx, "websocket init", "err", err)
	}
	return ctx, &wsgorilla.InitError{Code: code, Reason: apperr.MessageOf(err)}
}

// expireAt returns ctx ending at t, when the connection closes with 4401 "token
// expired". The timer is released when the connection ends first, without a goroutine
// waiting for either.
func expireAt(ctx context.Context, t time.Time) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	ending := wsgorilla.EndingFrom(ctx)
	timer := time.AfterFunc(time.Until(t), func() {
		ending.Set(wsgorilla.CloseUnauthorized, "token expired: get a new token and reconnect")
		cancel()
	})
	context.AfterFunc(ctx, func() { timer.Stop() })
	return ctx
}

// wsRequest is what a websocket's upgrade request tells its connection_init: the
// request id the transport generated and the client's address.
type wsRequest struct{ requestID, address string }

type wsRequestKey struct{}

// isWebsocket reports whether r asks for a websocket upgrade.
func isWebsocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

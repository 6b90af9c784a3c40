// Package httpapi serves Northstar's GraphQL API over HTTP and websockets: the transport
// rules of POST /query (one JSON operation, a body limit read within a deadline), the
// RequestContext built from headers or connection_init, gqlgen with its limits, one error
// presenter and one recover function, the websocket subprotocols with their close codes,
// and the per-tenant subscription cap. Every answer that leaves without data carries the
// status of its first error (apperr's one table), and every request is logged and counted
// once, by Observe.
//
// Costly documents are refused before validation by linear, memoized shape checks
// (shape.go): gqlparser's overlap rule is quadratic in the fields one selection set merges
// and complexity walks re-expand fragments, so without them one document could cost
// seconds of CPU. The subscription cap counts across replicas on the chat_bus Redis; when
// that Redis does not answer, the replica's own count applies rather than refusing every
// subscription.
//
// Tests: server's transport, attack, websocket, shape and chat-limit suites drive this
// package through the real server on the emulator and Redis; httpapi_test.go covers the
// body checks, the presenter and the cap's release with fakes.
package httpapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/live"
	"github.com/northstar/northstar/internal/multiplex"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// Config is what New builds the API from. Every field is required unless it says
// otherwise.
type Config struct {
	// Schema holds the resolvers and directives (resolvers.New); New refuses a schema
	// that is not deny by default.
	Schema graph.Config
	// Builder makes a request's RequestContext from its headers or connection_init.
	Builder *access.Builder
	// Env is the environment served: dev turns on introspection and "did you mean"
	// suggestions.
	Env string
	// Limits bounds requests; DefaultLimits when zero.
	Limits Limits
	// AllowedOrigins lists the browser origins (ParseOrigins) allowed to call /query and
	// open websockets on it; empty allows none beyond same-origin requests (see cors.go).
	AllowedOrigins []string
	// TrustedProxies are the networks of proxies whose X-Forwarded-For is believed (see
	// clientAddress); empty trusts none.
	TrustedProxies []netip.Prefix
	// Connections registers every websocket, so an access change, the end of its
	// session or shutdown can end it.
	Connections Connections
	// Quota counts each tenant's live subscriptions across replicas (chatbus.Quota).
	Quota SubscriptionQuota
	// Metrics counts /query requests.
	Metrics Metrics
	// Tokens grants client-credentials tokens on /oauth/token.
	Tokens TokenGranter
	// Documents are the trusted documents clients may send by hash. Required.
	Documents TrustedDocuments
	// TrustedDocuments is DocumentsAllowed (the default when empty) or
	// DocumentsRequired: run trusted documents only.
	TrustedDocuments string
	Log              *slog.Logger
}

// Connections registers live websockets (live.Connections).
type Connections interface {
	// Add registers a connection of its owner and returns its context, which ends
	// (with a close code) when the connection must close.
	Add(ctx context.Context, o live.Owner) context.Context
	// TooSlow ends the connection ctx belongs to with 1013 (reconnect and resume).
	TooSlow(ctx context.Context)
}

// Metrics counts requests (metrics.Metrics).
type Metrics interface {
	// Observe counts one /query request by its root field, code and HTTP status.
	Observe(operation, code, status string, d time.Duration)
}

// API serves /query and /oauth/token, and Observe wraps every route of the server.
type API struct {
	graphql *handler.Server
	ws      *wsgorilla.Implementation
	builder *access.Builder
	limits  Limits
	log     *slog.Logger
	metrics Metrics
	conns   Connections
	groups  *multiplex.Multiplexer
	tokens  TokenGranter
	trusted []netip.Prefix
	origins origins
}

// New builds the API. It refuses a schema that is not deny by default.
func New(c Config) (*API, error) {
	if c.Documents == nil {
		return nil, errors.New("httpapi: Config.Documents is required")
	}
	if c.Limits == (Limits{}) {
		c.Limits = DefaultLimits()
	}
	a := &API{builder: c.Builder, limits: c.Limits, log: c.Log, metrics: c.Metrics, conns: c.Connections, tokens: c.Tokens, trusted: c.TrustedProxies}
	a.origins = newOrigins(c.AllowedOrigins, c.Env == "dev", c.TrustedProxies)
	a.ws = newWebsocketAdapter(a.origins, c.Limits)
	subs := &tenantSubscriptions{limit: c.Limits.TenantSubscriptions, quota: c.Quota, log: c.Log}
	var err error
	a.graphql, a.groups, err = newGraphQL(graphqlConfig{
		Schema: c.Schema, Env: c.Env, Limits: c.Limits, Websocket: a.websocketTransport(), Subs: subs, TooSlow: a.conns.TooSlow, Log: c.Log,
		Documents: c.Documents, Required: c.TrustedDocuments == DocumentsRequired,
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// SubscriptionGroups reports the shared subscription executions running and the
// subscribers they serve (multiplex).
func (a *API) SubscriptionGroups() (groups, members int) { return a.groups.Groups() }

// requestInfo collects what the layers learn about one request, for its status and log.
type requestInfo struct {
	// status and code are set once per request, from the error that left it without data:
	// by the GraphQL layer from the response's first error (AroundResponses), or by
	// api.fail for a request refused before it reached GraphQL.
	status int
	code   string
	// retryAfter is the first error's extensions.retryAfter (seconds), sent as the
	// Retry-After header.
	retryAfter int
	operation  string // the client's operation name
	documentID string // the body's top-level documentId: a trusted document's hash
	root       string // kind and first root field, e.g. "query:tenant"
	tenant     string
	user       string
	// params is the body as checkBody decoded it, which postTransport runs.
	params *graphql.RawParams
	// websocket marks a connection: its many operations share this requestInfo, so the
	// operation layers leave it alone (it is then read-only and race-free).
	websocket bool
}

// failed records the error that left a request without data, for its status and log.
func (ri *requestInfo) failed(e *gqlerror.Error) {
	ri.status, ri.code = statusOf(e), codeOf(e)
	ri.retryAfter, _ = e.Extensions["retryAfter"].(int)
}

// header sets the response headers the recorded error asks for.
func (ri *requestInfo) header(h http.Header) {
	if ri.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(ri.retryAfter))
	}
}

// operationFailed is failed for the GraphQL layer: a websocket's operations share one
// requestInfo and leave it alone.
func operationFailed(ctx context.Context, e *gqlerror.Error) {
	if ri := info(ctx); !ri.websocket {
		ri.failed(e)
	}
}

type infoKey struct{}

// info returns the request's requestInfo; a throwaway one outside a request.
func info(ctx context.Context) *requestInfo {
	if i, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return i
	}
	return &requestInfo{}
}

// ServeHTTP serves /query: it enforces the transport rules (POST, application/json, one
// operation, body limit), builds the RequestContext, and runs the operation. Its answer's
// HTTP status is the status of the error that left it without data.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ri := info(r.Context())
	raw, herr := reqctx.FromHeaders(r.Header)
	requestID := reqctx.RequestID(raw.RequestID)
	raw.RequestID = requestID
	w.Header().Set(reqctx.HeaderRequestID, requestID)
	if isWebsocket(r) {
		// The context comes from connection_init (browsers cannot set headers).
		ri.root, ri.websocket = "websocket", true
		if !a.ws.OriginAllowed(r) {
			a.fail(w, ri, apperr.E(apperr.Forbidden, "websocket origin not allowed"))
			return
		}
		ctx, _ := wsgorilla.WithEnding(context.WithValue(r.Context(), wsRequestKey{}, wsRequest{
			requestID: requestID, address: clientAddress(r, a.trusted),
		}))
		a.graphql.ServeHTTP(w, r.WithContext(ctx))
		return
	}
	if a.cors(w, r, ri) {
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		a.fail(w, ri, apperr.E(apperr.MethodNotAllowed, "only POST is served on /query"))
		return
	}
	if !isJSON(r.Header.Get("Content-Type")) {
		a.fail(w, ri, apperr.E(apperr.UnsupportedMediaType, "Content-Type must be application/json"))
		return
	}
	ctl := http.NewResponseController(w)
	start := time.Now()
	_ = ctl.SetReadDeadline(start.Add(a.limits.BodyRead))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.limits.BodyBytes))
	_ = ctl.SetReadDeadline(time.Time{})
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.fail(w, ri, apperr.E(apperr.RequestTooLarge, "request body is larger than %d bytes", a.limits.BodyBytes))
			return
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			w.Header().Set("Connection", "close")
			a.fail(w, ri, apperr.E(apperr.BadUserInput, "the request body did not arrive within %s", a.limits.BodyRead))
			return
		}
		a.fail(w, ri, apperr.E(apperr.BadUserInput, "could not read the request body"))
		return
	}
	params, documentID, err := checkBody(body)
	if err != nil {
		a.fail(w, ri, err)
		return
	}
	params.ReadTime = graphql.TraceTiming{Start: start, End: time.Now()}
	ri.params, ri.documentID = params, documentID
	if herr != nil {
		a.fail(w, ri, herr)
		return
	}
	rc, err := a.builder.Build(r.Context(), raw)
	if err != nil {
		if apperr.CodeOf(err) == apperr.Internal {
			a.log.ErrorContext(r.Context(), "building the request context", "request_id", requestID, "err", err)
		}
		a.fail(w, ri, err)
		return
	}
	rc.ClientAddress, rc.UserAgent = clientAddress(r, a.trusted), userAgent(r)
	ri.tenant, ri.user = rc.TenantID, rc.UserID
	ctx := reqctx.With(r.Context(), rc)
	r = r.WithContext(ctx)
	r.Header.Del("Upgrade") // gqlgen picks its websocket transport for any Upgrade header
	a.graphql.ServeHTTP(&statusWriter{ResponseWriter: w, info: ri}, r)
}

// isJSON reports whether contentType is application/json, parameters allowed; the
// usual bare value is taken without a parse (which allocates its parameters).
func isJSON(contentType string) bool {
	if contentType == "application/json" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/json"
}

// checkBody decodes one JSON object as gqlgen's request parameters, refusing batches,
// malformed JSON and wrongly typed members with a message that never quotes the body
// (gqlgen's own decode error would). The parameters it returns are what gqlgen runs
// (postTransport), so the body is decoded once.
func checkBody(body []byte) (params *graphql.RawParams, documentID string, err error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return nil, "", apperr.E(apperr.BadUserInput, "batched requests are not supported: send one operation per request")
	}
	params, documentID, ok := decodeSimple(trimmed)
	if !ok {
		params, documentID, ok = decodeJSON(trimmed)
	}
	if !ok {
		return nil, "", apperr.E(apperr.BadUserInput, "request body must be a JSON object with a string query and object variables")
	}
	return params, documentID, nil
}

// decodeJSON decodes body as gqlgen's POST transport does (encoding/json with UseNumber),
// with the top-level documentId beside; ok is false unless body is one JSON object of
// that shape and nothing after it.
func decodeJSON(body []byte) (params *graphql.RawParams, documentID string, ok bool) {
	var decoded struct {
		graphql.RawParams
		// DocumentID names a trusted document by its hash (graphql-codegen's persisted
		// documents); gqlgen does not read it.
		DocumentID string `json:"documentId"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if len(body) == 0 || body[0] != '{' || dec.Decode(&decoded) != nil ||
		len(bytes.TrimSpace(body[dec.InputOffset():])) != 0 { // one value, nothing after it
		return nil, "", false
	}
	return &decoded.RawParams, decoded.DocumentID, true
}

// errorBody is the GraphQL-shaped answer to a request refused before it ran.
type errorBody struct {
	Errors gqlerror.List `json:"errors"`
	Data   any           `json:"data"`
}

// fail writes err as a GraphQL error response with its status.
func (a *API) fail(w http.ResponseWriter, ri *requestInfo, err error) {
	e := apperr.Present(err)
	ri.failed(e)
	ri.header(w.Header())
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(ri.status)
	_ = json.NewEncoder(w).Encode(errorBody{Errors: gqlerror.List{e}})
}

// statusWriter holds back the status line until the body starts, so the status the
// GraphQL layer decided (requestInfo.status) replaces gqlgen's.
type statusWriter struct {
	http.ResponseWriter
	info        *requestInfo
	code        int
	wroteHeader bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wroteHeader && s.code == 0 {
		s.code = code
	}
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if !s.wroteHeader {
		s.wroteHeader = true
		code := s.code
		if code == 0 {
			code = http.StatusOK
		}
		if s.info.status != 0 {
			code = s.info.status
			s.info.header(s.Header())
		}
		s.ResponseWriter.WriteHeader(code)
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// recordingWriter remembers the status for the access log.
type recordingWriter struct {
	http.ResponseWriter
	status int
}

func (r *recordingWriter) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recordingWriter) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recordingWriter) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Hijack hands the connection to a websocket upgrade (gorilla asserts http.Hijacker).
func (r *recordingWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(r.ResponseWriter).Hijack()
	if err == nil && r.status == 0 {
		r.status = http.StatusSwitchingProtocols
	}
	return conn, rw, err
}

// slowRequest is the latency above which a successful request is logged at info level.
const slowRequest = time.Second

// Observe wraps every request: a deadline, the request info, the access log and metrics.
func (a *API) Observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := &requestInfo{}
		ctx := context.WithValue(r.Context(), infoKey{}, ri)
		var cancel context.CancelFunc
		if isWebsocket(r) { // a websocket lives as long as its token; requests get a deadline
			ctx, cancel = context.WithCancel(ctx)
		} else {
			ctx, cancel = context.WithTimeout(ctx, a.limits.Request)
		}
		defer cancel()
		rw := &recordingWriter{ResponseWriter: w}
		next.ServeHTTP(rw, r.WithContext(ctx))
		elapsed := time.Since(start)
		// Every failed or slow request is logged; successful ones only at debug level:
		// per-request volume and latency are in the metrics.
		level := slog.LevelDebug
		if rw.status >= 400 || ri.code != "" || elapsed > slowRequest {
			level = slog.LevelInfo
		}
		if a.log.Enabled(ctx, level) {
			a.log.LogAttrs(ctx, level, "request",
				slog.String("request_id", w.Header().Get(reqctx.HeaderRequestID)),
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", rw.status),
				slog.String("code", ri.code),
				slog.String("operation", ri.operation),
				slog.String("tenant", ri.tenant),
				slog.String("user", ri.user),
				slog.Duration("duration", elapsed),
			)
		}
		if r.URL.Path == "/query" {
			a.metrics.Observe(ri.root, ri.code, strconv.Itoa(rw.status), elapsed)
		}
	})
}

// userAgent is r's User-Agent, cut to 256 bytes at a rune boundary.
func userAgent(r *http.Request) string {
	ua := r.UserAgent()
	if len(ua) <= 256 {
		return ua
	}
	ua = ua[:256]
	for len(ua) > 0 && !utf8.ValidString(ua) {
		ua = ua[:len(ua)-1]
	}
	return ua
}

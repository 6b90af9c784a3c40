package main

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
	"os"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/northstar/northstar/internal/access"
	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/graphiql"
	"github.com/northstar/northstar/internal/live"
	"github.com/northstar/northstar/internal/metrics"
	"github.com/northstar/northstar/internal/reqctx"
	"github.com/northstar/northstar/internal/wsgorilla"
)

// requestInfo collects what the layers learn about one request, for its status and log.
type requestInfo struct {
	// status and code are set once per request, from the error that left it without data:
	// by the GraphQL layer from the response's first error (AroundResponses), or by
	// api.fail for a request refused before it reached GraphQL.
	status    int
	code      string
	operation string // the client's operation name
	root      string // kind and first root field, e.g. "query:tenant"
	tenant    string
	user      string
	// websocket marks a connection: its many operations share this requestInfo, so the
	// operation layers leave it alone (it is then read-only and race-free).
	websocket bool
}

// failed records the error that left a request without data, for its status and log.
func (ri *requestInfo) failed(e *gqlerror.Error) { ri.status, ri.code = statusOf(e), codeOf(e) }

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

// api is the HTTP face of the server.
type api struct {
	graphql  http.Handler
	builder  *access.Builder
	limits   Limits
	log      *slog.Logger
	metrics  *metrics.Metrics
	ws       *wsgorilla.Implementation
	sessions *live.Sessions
}

// query serves POST /query: it enforces the transport rules (POST, application/json, one
// operation, body limit), builds the RequestContext, and runs the operation. Its answer's
// HTTP status is the status of the error that left it without data.
func (a *api) query(w http.ResponseWriter, r *http.Request) {
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
		ctx, _ := wsgorilla.WithEnding(context.WithValue(r.Context(), wsRequestIDKey{}, requestID))
		a.graphql.ServeHTTP(w, r.WithContext(ctx))
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		a.fail(w, ri, apperr.E(apperr.MethodNotAllowed, "only POST is served on /query"))
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		a.fail(w, ri, apperr.E(apperr.UnsupportedMediaType, "Content-Type must be application/json"))
		return
	}
	ctl := http.NewResponseController(w)
	_ = ctl.SetReadDeadline(time.Now().Add(a.limits.BodyRead))
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
	if err := checkBody(body); err != nil {
		a.fail(w, ri, err)
		return
	}
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
	ri.tenant, ri.user = rc.TenantID, rc.UserID
	ctx := reqctx.With(r.Context(), rc)
	r = r.WithContext(ctx)
	r.Header.Del("Upgrade") // gqlgen picks its websocket transport for any Upgrade header
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	a.graphql.ServeHTTP(&statusWriter{ResponseWriter: w, info: ri}, r)
}

// checkBody accepts one JSON object that decodes as gqlgen's request parameters: no
// batches, no malformed JSON, no wrongly typed members. gqlgen's own decode error quotes
// the whole body, so a body it would refuse must never reach it.
func checkBody(body []byte) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return apperr.E(apperr.BadUserInput, "batched requests are not supported: send one operation per request")
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber() // as gqlgen decodes: a number it would take is taken here
	if len(trimmed) == 0 || trimmed[0] != '{' || dec.Decode(&params) != nil ||
		len(bytes.TrimSpace(trimmed[dec.InputOffset():])) != 0 { // one value, nothing after it
		return apperr.E(apperr.BadUserInput, "request body must be a JSON object with a string query and object variables")
	}
	return nil
}

// errorBody is the GraphQL-shaped answer to a request refused before it ran.
type errorBody struct {
	Errors gqlerror.List `json:"errors"`
	Data   any           `json:"data"`
}

// fail writes err as a GraphQL error response with its status.
func (a *api) fail(w http.ResponseWriter, ri *requestInfo, err error) {
	e := apperr.GraphQL(apperr.CodeOf(err), apperr.MessageOf(err))
	ri.failed(e)
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

// observe wraps every request: a deadline, the request info, the access log and metrics.
func (a *api) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := &requestInfo{}
		ctx, cancel := context.WithCancel(context.WithValue(r.Context(), infoKey{}, ri))
		if !isWebsocket(r) { // a websocket lives as long as its token; requests get a deadline
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

// mountGraphiQL serves the GraphQL IDE (dev only) on mux: its page at / and its assets,
// all embedded in the binary, so it works with no network.
func mountGraphiQL(mux *http.ServeMux) error {
	ide, err := graphiql.New(graphiql.Config{
		Title: "Northstar", Endpoint: "/query", Subscriptions: "/query", DefaultQuery: ideDefaultQuery,
	})
	if err != nil {
		return err
	}
	mux.Handle("GET /{$}", ide)
	mux.Handle("GET "+graphiql.AssetPrefix, ide)
	return nil
}

// ideDefaultQuery is the IDE's editor text on a first visit: how to call as someone.
const ideDefaultQuery = `# Northstar GraphQL IDE (dev). Sign up or log in (mutations signup, login), then
# put the token and the tenant in the Headers tab below, e.g.
#   {"Authorization": "Bearer <token>", "X-Tenant-Id": "t_..."}
# Subscriptions run over a websocket on /query with the same headers.
{
  __typename
}
`

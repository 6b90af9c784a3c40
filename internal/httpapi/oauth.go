package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/serviceaccount"
)

// TokenGranter grants client-credentials tokens (serviceaccount.Service).
type TokenGranter interface {
	// Grant checks a client id and secret and issues a token holding scopes (all the
	// account's when empty). Returns UNAUTHENTICATED (unknown client or wrong secret),
	// FORBIDDEN (a scope the client does not hold), RATE_LIMITED, UNAVAILABLE.
	Grant(ctx context.Context, clientID, secret string, scopes []string) (serviceaccount.Token, error)
}

// maxTokenRequest bounds a token request's body.
const maxTokenRequest = 16 << 10

// oauthError is an RFC 6749 §5.2 error response.
type oauthError struct {
	status      int
	code        string // the "error" member
	description string
	retryAfter  time.Duration
}

// OAuthToken serves POST /oauth/token: the OAuth 2.0 client-credentials grant (RFC 6749
// §4.4). The client authenticates with HTTP Basic or with client_id and client_secret in
// the form body (§2.3.1), not both; parameters may not repeat (§3.2). The answer is
// {"access_token","token_type":"Bearer","expires_in","scope"}, never cached; errors are
// §5.2's: invalid_request, invalid_client (401), unsupported_grant_type, invalid_scope.
// Too many failures for one client id answer 429 with Retry-After.
func (a *API) OAuthToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	tok, oerr := a.grant(w, r)
	if oerr != nil {
		info(r.Context()).code = oerr.code
		if oerr.status == http.StatusUnauthorized && r.Header.Get("Authorization") != "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="northstar", charset="UTF-8"`)
		}
		if oerr.retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int((oerr.retryAfter+time.Second-1)/time.Second)))
		}
		writeJSON(w, oerr.status, map[string]string{"error": oerr.code, "error_description": oerr.description})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": tok.AccessToken,
		"token_type":   "Bearer",
		"expires_in":   int(time.Until(tok.Claims.ExpiresAt).Round(time.Second).Seconds()),
		"scope":        strings.Join(tok.Claims.Scopes, " "),
	})
}

// grant reads a token request and asks the granter.
func (a *API) grant(w http.ResponseWriter, r *http.Request) (serviceaccount.Token, *oauthError) {
	invalid := func(format string, args ...any) *oauthError {
		return &oauthError{status: http.StatusBadRequest, code: "invalid_request", description: fmt.Sprintf(format, args...)}
	}
	if r.Method != http.MethodPost {
		return serviceaccount.Token{}, &oauthError{status: http.StatusMethodNotAllowed, code: "invalid_request", description: "use POST"}
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		return serviceaccount.Token{}, invalid("Content-Type must be application/x-www-form-urlencoded")
	}
	ctl := http.NewResponseController(w)
	_ = ctl.SetReadDeadline(time.Now().Add(a.limits.BodyRead))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxTokenRequest))
	_ = ctl.SetReadDeadline(time.Time{})
	if err != nil {
		return serviceaccount.Token{}, invalid("the body could not be read or is larger than %d bytes", maxTokenRequest)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return serviceaccount.Token{}, invalid("the body is not a valid form")
	}
	for name, values := range form {
		if len(values) > 1 {
			return serviceaccount.Token{}, invalid("the parameter %q is repeated", name)
		}
	}
	switch gt := form.Get("grant_type"); {
	case gt == "":
		return serviceaccount.Token{}, invalid("grant_type is required")
	case gt != "client_credentials":
		return serviceaccount.Token{}, &oauthError{status: http.StatusBadRequest, code: "unsupported_grant_type", description: "only client_credentials is supported"}
	}
	clientID, secret, basic := r.BasicAuth()
	if basic {
		// §2.3.1: the id and secret are form-encoded before Basic encoding.
		var errID, errSecret error
		clientID, errID = url.QueryUnescape(clientID)
		secret, errSecret = url.QueryUnescape(secret)
		if errID != nil || errSecret != nil {
			return serviceaccount.Token{}, invalid("the Basic credentials are not form-encoded")
		}
		if form.Has("client_id") || form.Has("client_secret") {
			return serviceaccount.Token{}, invalid("authenticate with HTTP Basic or with client_id and client_secret, not both")
		}
	} else {
		clientID, secret = form.Get("client_id"), form.Get("client_secret")
	}
	if clientID == "" || secret == "" {
		return serviceaccount.Token{}, &oauthError{status: http.StatusUnauthorized, code: "invalid_client", description: "client authentication is required"}
	}
	tok, err := a.tokens.Grant(r.Context(), clientID, secret, strings.Fields(form.Get("scope")))
	if err == nil {
		return tok, nil
	}
	var ae *apperr.Error
	errors.As(err, &ae)
	switch apperr.CodeOf(err) {
	case apperr.Unauthenticated:
		return tok, &oauthError{status: http.StatusUnauthorized, code: "invalid_client", description: ae.Message}
	case apperr.Forbidden:
		return tok, &oauthError{status: http.StatusBadRequest, code: "invalid_scope", description: ae.Message}
	case apperr.RateLimited:
		return tok, &oauthError{status: http.StatusTooManyRequests, code: "rate_limited", description: ae.Message, retryAfter: ae.RetryAfter}
	case apperr.Unavailable:
		return tok, &oauthError{status: http.StatusServiceUnavailable, code: "temporarily_unavailable", description: ae.Message}
	}
	a.log.ErrorContext(r.Context(), "oauth token", "err", err)
	return tok, &oauthError{status: http.StatusInternalServerError, code: "server_error", description: apperr.InternalMessage}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

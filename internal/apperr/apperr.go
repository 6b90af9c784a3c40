// Package apperr defines Northstar's error codes and the single table that maps them to
// transport statuses. Every layer returns *Error values (or wraps them); anything else is
// treated as INTERNAL and never shown to clients.
package apperr

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Code classifies an error for clients. The set is closed: clients switch on it.
type Code string

// The error codes of the API contract (SPEC "Errors").
const (
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	ContextMissing  Code = "CONTEXT_MISSING"
	ContextInvalid  Code = "CONTEXT_INVALID"
	ContextMismatch Code = "CONTEXT_MISMATCH"
	BadUserInput    Code = "BAD_USER_INPUT"
	NotFound        Code = "NOT_FOUND"
	Conflict        Code = "CONFLICT"
	RouteMissing    Code = "ROUTE_MISSING"
	// Unavailable: a backing store (Firestore, Redis) did not answer in time, or a
	// write kept losing to concurrent writers; the client may retry later.
	Unavailable Code = "UNAVAILABLE"
	Internal    Code = "INTERNAL"

	// Transport-level codes, produced before an operation runs.
	RequestTooLarge      Code = "REQUEST_TOO_LARGE"
	MethodNotAllowed     Code = "METHOD_NOT_ALLOWED"
	UnsupportedMediaType Code = "UNSUPPORTED_MEDIA_TYPE"
	RateLimited          Code = "RATE_LIMITED"
	// DocumentNotTrusted: the server runs trusted documents only (serve
	// --trusted-documents=required), or a hash names no trusted document.
	DocumentNotTrusted Code = "DOCUMENT_NOT_TRUSTED"
)

// statuses is the one table from code to HTTP status.
var statuses = map[Code]int{
	Unauthenticated:      http.StatusUnauthorized,
	Forbidden:            http.StatusForbidden,
	ContextMissing:       http.StatusBadRequest,
	ContextInvalid:       http.StatusBadRequest,
	ContextMismatch:      http.StatusBadRequest,
	BadUserInput:         http.StatusBadRequest,
	NotFound:             http.StatusNotFound,
	Conflict:             http.StatusConflict,
	RouteMissing:         http.StatusServiceUnavailable,
	Unavailable:          http.StatusServiceUnavailable,
	Internal:             http.StatusInternalServerError,
	RequestTooLarge:      http.StatusRequestEntityTooLarge,
	MethodNotAllowed:     http.StatusMethodNotAllowed,
	UnsupportedMediaType: http.StatusUnsupportedMediaType,
	RateLimited:          http.StatusTooManyRequests,
	DocumentNotTrusted:   http.StatusBadRequest,
}

// InternalMessage is the only text clients see for an internal error.
const InternalMessage = "internal error"

// Error is an error meant for clients: Message is safe to show.
type Error struct {
	Code    Code
	Message string
	// RetryAfter, when set (RATE_LIMITED), is how long the client should wait: clients
	// see it as extensions.retryAfter in whole seconds and a Retry-After header.
	RetryAfter time.Duration
}

// Error implements error.
func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// E returns an *Error with a formatted, client-safe message.
func E(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Limited returns a RATE_LIMITED *Error that asks the client to wait retryAfter.
func Limited(retryAfter time.Duration, format string, args ...any) *Error {
	return &Error{Code: RateLimited, Message: fmt.Sprintf(format, args...), RetryAfter: retryAfter}
}

// CodeOf returns the code of the first *Error in err's chain, or Internal when there is none.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// MessageOf returns the client-safe message of err: the *Error's message, or
// InternalMessage for anything else.
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	return InternalMessage
}

// Known reports whether code is one of this package's codes.
func Known(code Code) bool {
	_, ok := statuses[code]
	return ok
}

// Status maps a code to its HTTP status; unknown codes are 500.
func Status(code Code) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// GraphQL returns the GraphQL error clients see for code: message, and the extensions
// code and status (from the one table). It is the one place that shape is built: the error
// presenter, requests refused before they run, and the websocket adapter all use it.
func GraphQL(code Code, message string) *gqlerror.Error {
	return &gqlerror.Error{Message: message, Extensions: map[string]any{"code": string(code), "status": Status(code)}}
}

// Present returns the GraphQL error clients see for err: GraphQL(CodeOf(err),
// MessageOf(err)), with extensions.retryAfter (whole seconds, rounded up) when err asks
// the client to wait.
func Present(err error) *gqlerror.Error {
	out := GraphQL(CodeOf(err), MessageOf(err))
	var e *Error
	if errors.As(err, &e) && e.RetryAfter > 0 {
		out.Extensions["retryAfter"] = int((e.RetryAfter + time.Second - 1) / time.Second)
	}
	return out
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }

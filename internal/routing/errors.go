package routing

import (
	"fmt"

	"github.com/northstar/northstar/internal/apperr"
)

// FieldError is a route (or key) refused because of one field. The field travels as data
// so that callers that locate a problem, like a routes file naming the line, need not
// parse it back out of the message. Clients see exactly the BAD_USER_INPUT error
// "field: message": Unwrap yields that *apperr.Error, so apperr.CodeOf, apperr.MessageOf
// and the error presenter read it like any other.
type FieldError struct {
	// Field names the route field at fault as clients spell it: "backendType",
	// "config.address", "secretRefs".
	Field string
	// Message says what is wrong with the field, without naming it.
	Message string
}

// fieldErr returns a *FieldError with a formatted, client-safe message.
func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Error reads like the client-facing error, so logs and wrapped errors read as before.
func (e *FieldError) Error() string { return e.client().Error() }

// Unwrap returns the client-facing *apperr.Error, so errors.As finds its code and message.
func (e *FieldError) Unwrap() error { return e.client() }

func (e *FieldError) client() *apperr.Error {
	return &apperr.Error{Code: apperr.BadUserInput, Message: e.Field + ": " + e.Message}
}

package wsgorilla

// Close codes: the one table of every code a Northstar websocket closes with (SPEC
// "Operations and limits"). The 44xx codes are graphql-transport-ws's own where it defines
// them; the others are chosen for what the graphql-ws client does with them: it never
// retries 4400, 4401, 4409, 4429 or 4500 (the client must change something first), and it
// retries 4403, 1001 and 1013.
const (
	// CloseGoingAway: the server is shutting down; reconnect elsewhere and resume with
	// after.
	CloseGoingAway = 1001
	// CloseTryAgain (RFC 6455 "try again later"): a store did not answer at
	// connection_init, or a subscription fell too far behind to be served (multiplex);
	// reconnect and resume with after.
	CloseTryAgain = 1013
	// CloseBadRequest: a malformed connection_init payload.
	CloseBadRequest = 4400
	// CloseUnauthorized: no, bad or expired token, an ended session, or an operation
	// before connection_init; get a new token first.
	CloseUnauthorized = 4401
	// CloseForbidden: access to the tenant refused or lost.
	CloseForbidden = 4403
	// CloseInitTimeout: no connection_init within the init timeout.
	CloseInitTimeout = 4408
	// CloseSubscriberExists: an operation started under an id still active.
	CloseSubscriberExists = 4409
	// CloseTooManyInits: a second connection_init.
	CloseTooManyInits = 4429
	// CloseInternal: the server failed.
	CloseInternal = 4500
)

package httpapi

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
)

// postTransport is gqlgen's POST transport (transport.POST with its defaults) for a body
// ServeHTTP has already read and decoded (checkBody, into requestInfo.params): gqlgen's
// own would read the body again and decode it a second time, which for a trusted
// document sent by hash cost as much CPU as the decode that checked it. Its answers are
// transport.POST's: the same Content-Type negotiation, statuses and JSON.
type postTransport struct{}

var _ graphql.Transport = postTransport{}

// Supports takes the POST requests ServeHTTP decoded; anything else never reaches gqlgen
// without a websocket upgrade.
func (postTransport) Supports(r *http.Request) bool {
	return r.Method == http.MethodPost && info(r.Context()).params != nil
}

// Do runs the decoded operation and writes its answer, as transport.POST.Do does after
// its decode.
func (postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	params := info(ctx).params
	contentType := responseContentType(r.Header.Get("Accept"))
	w.Header().Add("Content-Type", contentType)
	params.Headers = r.Header
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		status := http.StatusOK
		if errcode.GetErrorKind(errs) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if contentType == graphqlResponseJSON {
				status = http.StatusBadRequest
			}
		}
		w.WriteHeader(status)
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeResponse(w, responses(ctx))
}

const graphqlResponseJSON = "application/graphql-response+json"

// responseContentType picks the answer's media type from the Accept header as
// transport.POST does by default: application/json unless the client asks for
// application/graphql-response+json first, or accepts neither.
func responseContentType(accept string) string {
	if accept == "" {
		return "application/json"
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "*/*", "application/*", "application/json":
			return "application/json"
		case graphqlResponseJSON:
			return graphqlResponseJSON
		}
	}
	return graphqlResponseJSON
}

// writeResponse writes response as gqlgen's transports do; a response that does not marshal
// panics into the server's recover function.
func writeResponse(w io.Writer, response *graphql.Response) {
	b, err := json.Marshal(response)
	if err != nil {
		panic(fmt.Errorf("unable to marshal %s: %w", string(response.Data), err))
	}
	_, _ = w.Write(b)
}

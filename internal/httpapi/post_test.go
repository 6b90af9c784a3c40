package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestPostTransport: postTransport answers a decoded body exactly as gqlgen's
// transport.POST answers the same body: status, headers and JSON, for every Accept
// header and for operations that run, that fail validation and that fail otherwise.
func TestPostTransport(t *testing.T) {
	accepts := []string{"", "application/json", "*/*", "application/*", "application/graphql-response+json",
		"application/graphql-response+json, application/json", "text/html", "text/html, application/json;q=0.5", ";;, */*"}
	for _, query := range []string{"{ ok }", "invalid", "refused"} {
		for _, accept := range accepts {
			t.Run(query+"/"+accept, func(t *testing.T) {
				body, _ := json.Marshal(map[string]string{"query": query})
				want := httptest.NewRecorder()
				transport.POST{}.Do(want, postRequest(t, context.Background(), accept, string(body)), fakeExecutor{})

				params, _, err := checkBody(body)
				if err != nil {
					t.Fatal(err)
				}
				ctx := context.WithValue(context.Background(), infoKey{}, &requestInfo{params: params})
				got := httptest.NewRecorder()
				r := postRequest(t, ctx, accept, "")
				if !(postTransport{}).Supports(r) {
					t.Fatal("postTransport does not take a decoded POST")
				}
				postTransport{}.Do(got, r, fakeExecutor{})

				if got.Code != want.Code || !reflect.DeepEqual(got.Header(), want.Header()) || got.Body.String() != want.Body.String() {
					t.Fatalf("postTransport: %d %v %s; transport.POST: %d %v %s",
						got.Code, got.Header(), got.Body, want.Code, want.Header(), want.Body)
				}
			})
		}
	}
}

func postRequest(t *testing.T, ctx context.Context, accept, body string) *http.Request {
	t.Helper()
	r := httptest.NewRequestWithContext(ctx, http.MethodPost, "/query", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	return r
}

// fakeExecutor runs "{ ok }", fails "invalid" validation and refuses "refused" with an
// error of no protocol kind.
type fakeExecutor struct{}

func (fakeExecutor) CreateOperationContext(_ context.Context, p *graphql.RawParams) (*graphql.OperationContext, gqlerror.List) {
	oc := &graphql.OperationContext{RawQuery: p.Query}
	switch p.Query {
	case "invalid":
		err := gqlerror.Errorf("Cannot query field")
		errcode.Set(err, errcode.ValidationFailed)
		return oc, gqlerror.List{err}
	case "refused":
		return oc, gqlerror.List{gqlerror.Errorf("refused")}
	}
	return oc, nil
}

func (fakeExecutor) DispatchOperation(ctx context.Context, _ *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{"ok":true}`)}), ctx
}

func (fakeExecutor) DispatchError(_ context.Context, list gqlerror.List) *graphql.Response {
	return &graphql.Response{Errors: list}
}

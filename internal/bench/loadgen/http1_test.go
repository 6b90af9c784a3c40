package loadgen

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// cannedConn answers every write with the same bytes, like a keep-alive server.
type cannedConn struct {
	answer []byte
	r      bytes.Reader
}

func (c *cannedConn) Write(p []byte) (int, error) {
	c.r.Reset(c.answer)
	return len(p), nil
}

func (c *cannedConn) Read(p []byte) (int, error) { return c.r.Read(p) }

func TestExchanger(t *testing.T) {
	tests := []struct {
		name   string
		answer string
		expect string
		ok     bool
		err    error
		body   string
	}{
		{"ContentLength", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{\"data\":{}}", `"data"`, true, nil, `{"data":{}}`},
		{"Chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nTrailer: 1\r\n\r\n", "lo wo", true, nil, "hello world"},
		{"Status", "HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\n{}", "", false, nil, "{}"},
		{"MissingText", "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n{\"errors\":1}", `"data"`, false, nil, `{"errors":1}`},
		{"Close", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", "", true, errClose, "ok"},
		{"NoLength", "HTTP/1.1 200 OK\r\n\r\nok", "", false, nil, ""},
		{"Truncated", "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nshort", "", false, io.ErrUnexpectedEOF, ""},
		{"Garbage", "SSH-2.0-OpenSSH\r\n", "", false, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newExchanger(&cannedConn{answer: []byte(tt.answer)}, []byte(tt.expect))
			ok, err := x.do([]byte("GET / HTTP/1.1\r\n\r\n"))
			if ok != tt.ok {
				t.Fatalf("ok = %v (err %v), want %v", ok, err, tt.ok)
			}
			switch {
			case tt.err != nil && !errors.Is(err, tt.err):
				t.Fatalf("err = %v, want %v", err, tt.err)
			case tt.err == nil && !tt.ok && tt.body == "" && err == nil:
				t.Fatal("a malformed answer was not an error")
			case tt.body != "" && string(x.body) != tt.body:
				t.Fatalf("body = %q, want %q", x.body, tt.body)
			}
		})
	}
}

// TestExchangerDoesNotAllocate guards the hot path: a round trip and its recording.
func TestExchangerDoesNotAllocate(t *testing.T) {
	for _, answer := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-Request-Id: abc\r\n\r\n{\"data\":\"x\"}",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + strings.Repeat("400\r\n"+strings.Repeat("x", 1024)+"\r\n", 40) + "0\r\n\r\n",
	} {
		x := newExchanger(&cannedConn{answer: []byte(answer)}, []byte("x"))
		req := BuildRequest(http.MethodPost, "h", "/query", http.Header{"Content-Type": {"application/json"}}, []byte(`{}`))
		h := NewHistogram()
		_, _ = x.do(req) // grows the body buffer once
		n := testing.AllocsPerRun(1000, func() {
			if ok, err := x.do(req); !ok || err != nil {
				t.Fatal(ok, err)
			}
			h.Record(12345)
		})
		if n != 0 {
			t.Fatalf("a round trip allocates %v times", n)
		}
	}
}

func TestBuildRequest(t *testing.T) {
	got := string(BuildRequest(http.MethodPost, "127.0.0.1:1", "/query",
		http.Header{"X-Tenant-Id": {"t_a"}, "Content-Type": {"application/json"}}, []byte(`{"query":"{ a }"}`)))
	want := "POST /query HTTP/1.1\r\nHost: 127.0.0.1:1\r\nContent-Type: application/json\r\nX-Tenant-Id: t_a\r\nContent-Length: 17\r\n\r\n{\"query\":\"{ a }\"}"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

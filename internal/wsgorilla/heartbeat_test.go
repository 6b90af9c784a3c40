package wsgorilla

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/gorilla/websocket"
)

// TestKeepAlive: a peer that answers pings stays connected, legacy clients get "ka"
// messages, and a peer that stops answering is closed after two intervals.
func TestKeepAlive(t *testing.T) {
	const interval = 100 * time.Millisecond
	impl := New(Options{KeepAlive: interval})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		transport.Websocket{Implementation: impl}.Do(w, r, nil)
	}))
	t.Cleanup(srv.Close)
	dial := func(protocol string) *websocket.Conn {
		t.Helper()
		d := websocket.Dialer{Subprotocols: []string{protocol}}
		ws, _, err := d.Dial("ws"+strings.TrimPrefix(srv.URL, "http"), nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ws.Close() })
		return ws
	}

	t.Run("LegacyGetsKeepAliveMessages", func(t *testing.T) {
		ws := dial("graphql-ws")
		pings := 0
		ws.SetPingHandler(func(string) error {
			pings++
			return ws.WriteControl(websocket.PongMessage, nil, time.Now().Add(time.Second))
		})
		kas := 0
		deadline := time.Now().Add(10 * interval)
		for kas < 3 {
			_ = ws.SetReadDeadline(deadline)
			_, data, err := ws.ReadMessage()
			if err != nil {
				t.Fatalf("after %d keepalives: %v", kas, err)
			}
			var m struct{ Type string }
			if json.Unmarshal(data, &m) == nil && m.Type == "ka" {
				kas++
			}
		}
		if pings < 2 {
			t.Fatalf("%d ping frames with 3 keepalives", pings)
		}
	})
	t.Run("SilentPeerClosed", func(t *testing.T) {
		ws := dial("graphql-transport-ws")
		ws.SetPingHandler(func(string) error { return nil }) // never pongs
		start := time.Now()
		_ = ws.SetReadDeadline(time.Now().Add(20 * interval))
		for {
			if _, _, err := ws.ReadMessage(); err != nil {
				if d := time.Since(start); d < 2*interval || d > 10*interval {
					t.Fatalf("closed after %s (%v), want about three intervals", d, err)
				}
				return
			}
		}
	})
}

package loadgen

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
)

// BuildRequest returns the bytes of one HTTP/1.1 request with a keep-alive connection, for
// Target.Request. Header order is sorted, so the bytes are reproducible.
func BuildRequest(method, host, path string, header http.Header, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, path, host)
	keys := make([]string, 0, len(header))
	for k := range header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range header[k] {
			fmt.Fprintf(&b, "%s: %s\r\n", k, v)
		}
	}
	if body != nil || method == http.MethodPost {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// errClose reports that the server closes the connection after this answer.
var errClose = errors.New("loadgen: server closed the connection")

// exchanger sends one request and reads its response on one connection; it keeps its
// buffers between calls so that a round trip does not allocate.
type exchanger struct {
	rw     io.ReadWriter
	br     *bufio.Reader
	body   []byte
	expect []byte
	status int
}

func newExchanger(rw io.ReadWriter, expect []byte) *exchanger {
	return &exchanger{rw: rw, br: bufio.NewReaderSize(rw, 16<<10), body: make([]byte, 0, 16<<10), expect: expect}
}

// do writes req and reads the whole answer. ok reports an accepted answer: status 200
// with the expected text. A non-nil error means the connection cannot be used again: an
// I/O or protocol error, or errClose after a complete answer when the server closes.
func (x *exchanger) do(req []byte) (ok bool, err error) {
	if _, err := x.rw.Write(req); err != nil {
		return false, err
	}
	return x.readResponse()
}

func (x *exchanger) readResponse() (ok bool, err error) {
	x.status = 0
	x.body = x.body[:0]
	line, err := x.br.ReadSlice('\n')
	if err != nil {
		return false, err
	}
	// "HTTP/1.1 200 OK\r\n"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return false, fmt.Errorf("loadgen: malformed status line %q", line)
	}
	x.status = int(line[9]-'0')*100 + int(line[10]-'0')*10 + int(line[11]-'0')
	length, chunked, closing := -1, false, false
	for {
		line, err = x.br.ReadSlice('\n')
		if err != nil {
			return false, err
		}
		h := bytes.TrimRight(line, "\r\n")
		if len(h) == 0 {
			break
		}
		colon := bytes.IndexByte(h, ':')
		if colon < 0 {
			return false, fmt.Errorf("loadgen: malformed header %q", h)
		}
		name, value := h[:colon], bytes.TrimSpace(h[colon+1:])
		switch {
		case asciiEqualFold(name, "Content-Length"):
			if length, err = atoi(value); err != nil {
				return false, err
			}
		case asciiEqualFold(name, "Transfer-Encoding"):
			chunked = asciiEqualFold(value, "chunked")
		case asciiEqualFold(name, "Connection"):
			closing = asciiEqualFold(value, "close")
		}
	}
	switch {
	case chunked:
		err = x.readChunked()
	case length >= 0:
		err = x.readN(length)
	default:
		err = errors.New("loadgen: answer without Content-Length or chunked encoding")
	}
	if err != nil {
		return false, err
	}
	ok = x.status == http.StatusOK && (len(x.expect) == 0 || bytes.Contains(x.body, x.expect))
	if closing {
		return ok, errClose
	}
	return ok, nil
}

func (x *exchanger) readN(n int) error {
	start := len(x.body)
	if cap(x.body)-start < n {
		grown := make([]byte, start, start+n)
		copy(grown, x.body)
		x.body = grown
	}
	x.body = x.body[:start+n]
	_, err := io.ReadFull(x.br, x.body[start:])
	return err
}

func (x *exchanger) readChunked() error {
	for {
		line, err := x.br.ReadSlice('\n')
		if err != nil {
			return err
		}
		size := bytes.TrimRight(line, "\r\n")
		if i := bytes.IndexByte(size, ';'); i >= 0 {
			size = size[:i]
		}
		n, err := hexAtoi(size)
		if err != nil {
			return err
		}
		if n == 0 {
			// Trailers, then the empty line.
			for {
				line, err = x.br.ReadSlice('\n')
				if err != nil {
					return err
				}
				if len(bytes.TrimRight(line, "\r\n")) == 0 {
					return nil
				}
			}
		}
		if err := x.readN(n); err != nil {
			return err
		}
		if _, err := x.br.Discard(2); err != nil { // CRLF after the chunk
			return err
		}
	}
}

func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c, d := b[i], s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

func atoi(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 12 {
		return 0, fmt.Errorf("loadgen: bad Content-Length %q", b)
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("loadgen: bad Content-Length %q", b)
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

func hexAtoi(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 8 {
		return 0, fmt.Errorf("loadgen: bad chunk size %q", b)
	}
	n := 0
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			n = n<<4 | int(c-'0')
		case 'a' <= c && c <= 'f':
			n = n<<4 | int(c-'a'+10)
		case 'A' <= c && c <= 'F':
			n = n<<4 | int(c-'A'+10)
		default:
			return 0, fmt.Errorf("loadgen: bad chunk size %q", b)
		}
	}
	return n, nil
}

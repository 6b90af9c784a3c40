package httpapi

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddress is the caller's IP address, for the rate limits and the logs: the peer's,
// unless the peer is a trusted proxy. Then it is the last X-Forwarded-For hop that is not
// a trusted proxy, read from the right: each proxy appends the address it saw, so only the
// hops our proxies appended can be believed, and the first untrusted one is the client.
// A malformed hop where a client should be, or a chain of trusted hops only, gives the
// nearest trusted address rather than anything the client wrote.
func clientAddress(r *http.Request, trusted []netip.Prefix) string {
	peer, ok := parseAddr(r.RemoteAddr)
	if !ok {
		return r.RemoteAddr
	}
	if !isTrusted(peer, trusted) {
		return peer.String()
	}
	nearest := peer
	forwarded := r.Header.Values("X-Forwarded-For")
	for i := len(forwarded) - 1; i >= 0; i-- {
		hops := strings.Split(forwarded[i], ",")
		for j := len(hops) - 1; j >= 0; j-- {
			hop, ok := parseAddr(strings.TrimSpace(hops[j]))
			if !ok {
				return nearest.String()
			}
			if !isTrusted(hop, trusted) {
				return hop.String()
			}
			nearest = hop
		}
	}
	return nearest.String()
}

// parseAddr reads "ip", "ip:port" or "[ipv6]:port", IPv4-mapped IPv6 as IPv4.
func parseAddr(s string) (netip.Addr, bool) {
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap().WithZone(""), true
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ParseTrustedProxies reads a comma-separated list of CIDRs or addresses (the
// --trusted-proxies flag); a bare address is a network of one.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, &net.ParseError{Type: "CIDR or IP address", Text: f}
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// Package ids generates and validates Northstar record ids. Every id that reaches a
// Firestore path or a Redis channel name passes Valid first.
package ids

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/binary"
	"strings"
	"time"
)

// Record id prefixes.
const (
	Tenant  = "t"
	User    = "u"
	Surface = "s"
	App     = "a"
	Project = "p"
	Thread  = "h"
	Message = "m"
	Canvas  = "c"
	// AccessEvent prefixes the access log's records.
	AccessEvent = "e"
	// AuditEvent prefixes the audit log's events.
	AuditEvent = "ae"
	// Invitation prefixes invitations to join a tenant.
	Invitation = "iv"
	// Session prefixes sign-in sessions, ServiceAccount service accounts.
	Session        = "ss"
	ServiceAccount = "sa"
)

// System is the one hardcoded tenant.
const System = "t_system"

// Valid reports whether id is well formed — ^[a-z]{1,2}_[a-z0-9_-]+$ in at most 64 bytes:
// a one- or two-letter prefix, '_', then at least one of [a-z0-9_-]. It rejects '/',
// '..', control characters and anything long. (A byte loop: it runs several times per
// request.)
func Valid(id string) bool {
	if len(id) > 64 || len(id) < 3 || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	body := 2 // where the part after the prefix starts
	if id[1] != '_' {
		if id[1] < 'a' || id[1] > 'z' || id[2] != '_' {
			return false
		}
		body = 3
	}
	if len(id) == body {
		return false
	}
	for i := body; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// ValidFor reports whether id is well formed and has the given prefix.
func ValidFor(prefix, id string) bool {
	return strings.HasPrefix(id, prefix+"_") && Valid(id)
}

var encoding = base32.NewEncoding("0123456789abcdefghijklmnopqrstuv").WithPadding(base32.NoPadding)

// New returns a fresh id with the given prefix. Ids sort by creation time (millisecond
// resolution, then 80 random bits), which makes them usable as pagination keys.
func New(prefix string) string {
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(time.Now().UnixMilli()))
	var b [16]byte
	copy(b[:6], ms[2:]) // 48 bits of milliseconds last until the year 10889
	_, _ = rand.Read(b[6:])
	return prefix + "_" + encoding.EncodeToString(b[:])
}

package ids

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// validOracle is the id rule as a regular expression, independent of the byte loop
// that implements it.
var validOracle = regexp.MustCompile(`^(?:[a-z]_[a-z0-9_-]{1,62}|[a-z]{2}_[a-z0-9_-]{1,61})$`)

// FuzzValid: Valid agrees with validOracle, and whatever it accepts is safe as one Firestore path segment and one Redis
// channel name component: at most 64 bytes of lower-case ASCII letters, digits, '_' and
// '-', after a one- or two-letter prefix and '_' — so never '/', "..", '.', '*', whitespace,
// control characters, upper case or non-ASCII, and never Firestore's reserved "__…__"
// form. ValidFor agrees with Valid and the prefix.
func FuzzValid(f *testing.F) {
	for _, s := range []string{
		"t_system", "p_1", "u_06h00sbrvma843uvucp4o12ti0", "a_x-y_z", "t_" + strings.Repeat("a", 62), "ss_a", "sa_" + strings.Repeat("a", 61),
		"", "t_", "t", "T_a", "ttt_a", "tt_", "t1_a", "t_A", "t_a/b", "t_..", "t_a.b", "t_*", "t_a\x00", "t_a b",
		"t_" + strings.Repeat("a", 63), "ss_" + strings.Repeat("a", 62), "t_é", "t_a\n", "\nt_a", "t_a\u2028", "__t_a__", "t_\u212a",
		"t_" + strings.Repeat("a", 10<<10), "../t_a", "t_%2e%2e", "t_a\x7f", "t__", "t_-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		valid := Valid(id)
		if want := validOracle.MatchString(id); valid != want {
			t.Fatalf("Valid(%q) = %v, the rule says %v", id, valid, want)
		}
		for _, prefix := range []string{Tenant, User, Surface, App, Project, Thread, Message, Session, ServiceAccount, "x"} {
			if want := valid && strings.HasPrefix(id, prefix+"_"); ValidFor(prefix, id) != want {
				t.Fatalf("ValidFor(%q, %q) = %v, want %v", prefix, id, !want, want)
			}
		}
		if !valid {
			return
		}
		switch {
		case len(id) > 64:
			t.Fatalf("Valid accepted %d bytes", len(id))
		case len(id) < 3 || id[0] < 'a' || id[0] > 'z' || (id[1] != '_' && id[2] != '_'):
			t.Fatalf("Valid accepted %q without a prefix", id)
		case strings.Contains(id, "/"), strings.Contains(id, ".."), strings.Contains(id, "."):
			t.Fatalf("Valid accepted the path-like %q", id)
		case strings.HasPrefix(id, "__") && strings.HasSuffix(id, "__"):
			t.Fatalf("Valid accepted Firestore's reserved form %q", id)
		case strings.ContainsAny(id, "*?[]{}:# \\\"'%"):
			t.Fatalf("Valid accepted a pattern or quoting character in %q", id)
		}
		for i, r := range id {
			switch {
			case r > unicode.MaxASCII:
				t.Fatalf("Valid accepted non-ASCII %q at %d in %q", r, i, id)
			case unicode.IsControl(r), unicode.IsSpace(r):
				t.Fatalf("Valid accepted control or space %q at %d in %q", r, i, id)
			case unicode.IsUpper(r):
				t.Fatalf("Valid accepted upper case %q at %d in %q", r, i, id)
			case !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-'):
				t.Fatalf("Valid accepted %q at %d in %q", r, i, id)
			}
		}
	})
}

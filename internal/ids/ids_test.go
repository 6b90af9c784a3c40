package ids

import (
	"strings"
	"testing"
)

func TestValid(t *testing.T) {
	for _, id := range []string{"t_system", "p_1", "u_06h00sbrvma843uvucp4o12ti0", "a_x-y_z", "t_" + strings.Repeat("a", 62), "ss_a", "sa_" + strings.Repeat("a", 61)} {
		if !Valid(id) {
			t.Errorf("Valid(%q) = false", id)
		}
	}
	for _, id := range []string{"", "t_", "t", "T_a", "ttt_a", "tt_", "t1_a", "t_A", "t_a/b", "t_..", "t_a.b", "t_*", "t_a\x00", "t_a b",
		"t_" + strings.Repeat("a", 63), "ss_" + strings.Repeat("a", 62), "t_é"} {
		if Valid(id) {
			t.Errorf("Valid(%q) = true", id)
		}
	}
	if !ValidFor(Tenant, "t_a") || ValidFor(Project, "t_a") {
		t.Error("ValidFor ignores the prefix")
	}
}

func TestNewSortsByCreation(t *testing.T) {
	prev := New(Project)
	for range 1000 {
		id := New(Project)
		if !ValidFor(Project, id) {
			t.Fatalf("New made an invalid id %q", id)
		}
		if id == prev {
			t.Fatalf("New repeated %q", id)
		}
		if id[:len("p_")+8] < prev[:len("p_")+8] {
			t.Fatalf("%q sorts before the earlier %q", id, prev)
		}
		prev = id
	}
}

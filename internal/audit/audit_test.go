package audit

import (
	"context"
	"testing"
	"time"
)

type record struct {
	Name     string            `audit:"name"`
	Tags     []string          `audit:"tags"`
	Config   map[string]string `audit:"config"`
	Archived bool              `audit:"archived"`
	Hash     string            // a secret: not tagged, never audited
	Count    int
}

func TestDiff(t *testing.T) {
	a := record{Name: "A", Tags: []string{"x"}, Config: map[string]string{"b": "2", "a": "1"}, Hash: "h1", Count: 1}
	b := a
	b.Name, b.Archived, b.Hash, b.Count = "B", true, "h2", 2
	b.Config = map[string]string{"a": "1", "b": "3"}
	str := func(c Change) string {
		s := c.Field + ":"
		if c.From != nil {
			s += *c.From
		}
		s += "->"
		if c.To != nil {
			s += *c.To
		}
		return s
	}
	cases := []struct {
		name     string
		from, to *record
		want     []string
	}{
		{"Update", &a, &b, []string{"name:A->B", "config:a=1, b=2->a=1, b=3", "archived:false->true"}},
		{"Create", nil, &a, []string{"name:->A", "tags:->x", "config:->a=1, b=2", "archived:->false"}},
		{"Delete", &a, nil, []string{"name:A->", "tags:x->", "config:a=1, b=2->", "archived:false->"}},
		{"Nothing", &a, &a, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Diff(c.from, c.to)
			if len(got) != len(c.want) {
				t.Fatalf("Diff = %v, want %v", got, c.want)
			}
			for i := range got {
				if str(got[i]) != c.want[i] {
					t.Errorf("change %d = %s, want %s", i, str(got[i]), c.want[i])
				}
			}
		})
	}
}

func TestOrigin(t *testing.T) {
	if o := OriginFrom(context.Background()); o.Actor.Kind != System || o.Actor.ID != "system" {
		t.Errorf("no origin: %+v, want the system", o)
	}
	ctx := WithOrigin(context.Background(), Origin{Actor: Actor{Kind: ServiceAccount, ID: "sa_bot", Label: "deployer"}, RequestID: "r1"})
	ev := New(ctx, time.Unix(10, 0), "t_acme", "route.set", "route", "t_acme:dev:_:chat_bus")
	if ev.Actor.ID != "sa_bot" || ev.Actor.Label != "deployer" || ev.RequestID != "r1" || ev.ID == "" || !ev.At.Equal(time.Unix(10, 0)) {
		t.Errorf("New = %+v", ev)
	}
}

func TestCursor(t *testing.T) {
	c := Cursor{At: time.Unix(1700000000, 123456789).UTC(), ID: "ae_0123abc"}
	got, ok := ParseCursor(c.String())
	if !ok || got != c {
		t.Errorf("round trip: %+v, %v", got, ok)
	}
	for _, bad := range []string{"", "!!", "bm90LWEtY3Vyc29y", Cursor{At: c.At, ID: "p_1"}.String()} {
		if _, ok := ParseCursor(bad); ok {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
}

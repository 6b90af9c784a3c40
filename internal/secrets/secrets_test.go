package secrets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "redis-password")
	if err := os.WriteFile(file, []byte("s3cr3t-value\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 100<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(name string) (string, bool) {
		if name == "REDIS_PASSWORD" {
			return "env-s3cr3t", true
		}
		return "", false
	}
	dev := New(Config{AllowEnv: true, LookupEnv: env})
	prod := New(Config{LookupEnv: env})

	ok := []struct {
		r         *Resolver
		ref, want string
	}{
		{prod, "file://" + file, "s3cr3t-value"},
		{dev, "env://REDIS_PASSWORD", "env-s3cr3t"},
	}
	for _, c := range ok {
		got, err := c.r.Resolve(context.Background(), c.ref)
		if err != nil || string(got) != c.want {
			t.Errorf("Resolve(%q) = %q, %v", c.ref, got, err)
		}
	}

	bad := []struct {
		name string
		r    *Resolver
		ref  string
		want string
	}{
		{"EnvOutsideDev", prod, "env://REDIS_PASSWORD", "only allowed in dev"},
		{"EnvUnset", dev, "env://NOPE", "not set"},
		{"UnknownScheme", prod, "vault://x", "unknown scheme"},
		{"NotAReference", prod, "s3cr3t-value", "not a reference"},
		{"MissingFile", prod, "file://" + filepath.Join(dir, "nope"), "cannot open"},
		{"RelativeFile", prod, "file://relative/path", "want file:///absolute/path"},
		{"TooLarge", prod, "file://" + big, "larger than"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			v, err := c.r.Resolve(context.Background(), c.ref)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Resolve(%q) = %q, %v; want an error containing %q", c.ref, v, err, c.want)
			}
			if !strings.Contains(err.Error(), c.ref[:min(len(c.ref), 20)]) {
				t.Fatalf("error %q does not name the reference", err)
			}
			if strings.Contains(err.Error(), "s3cr3t") && !strings.Contains(c.ref, "s3cr3t") {
				t.Fatalf("error %q leaks a secret value", err)
			}
		})
	}
}

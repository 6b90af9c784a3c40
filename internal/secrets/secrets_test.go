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
	dev := mustNew(t, Config{Dir: dir, AllowEnv: true, LookupEnv: env})
	prod := mustNew(t, Config{Dir: dir, LookupEnv: env})

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

func mustNew(t *testing.T, cfg Config) *Resolver {
	t.Helper()
	r, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// secretsDir makes a secrets directory with a secret for t_acme, one for t_other, one for
// the system, and a secret outside it; it returns the directory and the outside file.
func secretsDir(t *testing.T) (dir, outside string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "secrets")
	outside = filepath.Join(root, "outside-s3cr3t")
	for _, f := range []string{outside, filepath.Join(dir, "t_acme", "redis"), filepath.Join(dir, "t_other", "redis"), filepath.Join(dir, "t_system", "redis")} {
		if err := os.MkdirAll(filepath.Dir(f), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte("s3cr3t-value\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	link(outside, "t_acme/escape")                               // a file outside the directory
	link(filepath.Join(dir, "t_other", "redis"), "t_acme/other") // another tenant's secret
	link(filepath.Join(dir, "t_acme", "redis"), "t_acme/alias")  // stays inside: fine
	link(filepath.Join(root, "nowhere"), "t_acme/dangling")
	link(root, "t_acme/up") // a directory outside
	return dir, outside
}

func TestResolveConfined(t *testing.T) {
	dir, outside := secretsDir(t)
	r := mustNew(t, Config{Dir: dir})
	for _, ref := range []string{"file://" + dir + "/t_acme/redis", "file://" + dir + "/t_acme/alias", "file://" + dir + "/t_system/redis"} {
		if got, err := r.Resolve(context.Background(), ref); err != nil || string(got) != "s3cr3t-value" {
			t.Errorf("Resolve(%q) = %q, %v", ref, got, err)
		}
	}
	bad := map[string]struct{ ref, want string }{
		"EtcPasswd":      {"file:///etc/passwd", "outside the secrets directory"},
		"ProcEnviron":    {"file:///proc/self/environ", "outside the secrets directory"},
		"Outside":        {"file://" + outside, "outside the secrets directory"},
		"RelativeHost":   {"file://../../etc/passwd", "want file:///absolute/path"},
		"DotDot":         {"file://" + dir + "/t_acme/../../outside-s3cr3t", "not clean"},
		"DotDotEncoded":  {"file://" + dir + "/t_acme/%2e%2e/%2e%2e/outside-s3cr3t", "not clean"},
		"DoubleSlash":    {"file://" + dir + "//t_acme/redis", "not clean"},
		"Dot":            {"file://" + dir + "/./t_acme/redis", "not clean"},
		"TrailingSlash":  {"file://" + dir + "/t_acme/redis/", "not clean"},
		"FourSlashes":    {"file:///" + dir + "/t_acme/redis", "want file:///absolute/path"},
		"TheDirItself":   {"file://" + dir, "outside the secrets directory"},
		"SymlinkEscape":  {"file://" + dir + "/t_acme/escape", "symlink leads outside"},
		"SymlinkDirUp":   {"file://" + dir + "/t_acme/up/outside-s3cr3t", "symlink leads outside"},
		"DanglingSymlnk": {"file://" + dir + "/t_acme/dangling", "leads nowhere"},
		"Directory":      {"file://" + dir + "/t_acme", "not a regular file"},
	}
	for name, c := range bad {
		t.Run(name, func(t *testing.T) {
			v, err := r.Resolve(context.Background(), c.ref)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Resolve(%q) = %q, %v; want an error containing %q", c.ref, v, err, c.want)
			}
			if !strings.Contains(err.Error(), c.ref) || strings.Contains(err.Error(), "s3cr3t-value") {
				t.Fatalf("error %q does not name the reference, or leaks the value", err)
			}
		})
	}
}

func TestCheckRef(t *testing.T) {
	dir, _ := secretsDir(t)
	r := mustNew(t, Config{Dir: dir})
	ok := []struct{ tenant, ref string }{
		{"t_acme", "file://" + dir + "/t_acme/redis"},
		{"t_acme", "file://" + dir + "/t_acme/not-yet-mounted"},
		{"t_acme", "file://" + dir + "/t_acme/alias"},
		{"t_system", "file://" + dir + "/t_system/redis"},
	}
	for _, c := range ok {
		if err := r.CheckRef(c.tenant, c.ref); err != nil {
			t.Errorf("CheckRef(%s, %q) = %v", c.tenant, c.ref, err)
		}
	}
	bad := map[string]struct{ tenant, ref, want string }{
		"OtherTenant":      {"t_acme", "file://" + dir + "/t_other/redis", "outside the secrets directory"},
		"SystemSecret":     {"t_acme", "file://" + dir + "/t_system/redis", "outside the secrets directory"},
		"SystemUsesTenant": {"t_system", "file://" + dir + "/t_acme/redis", "outside the secrets directory"},
		"TopLevel":         {"t_acme", "file://" + dir + "/redis", "outside the secrets directory"},
		"EtcPasswd":        {"t_acme", "file:///etc/passwd", "outside the secrets directory"},
		"DotDot":           {"t_acme", "file://" + dir + "/t_acme/../t_other/redis", "not clean"},
		"SymlinkToOther":   {"t_acme", "file://" + dir + "/t_acme/other", "symlink leads outside"},
		"SymlinkEscape":    {"t_acme", "file://" + dir + "/t_acme/escape", "symlink leads outside"},
		"Dangling":         {"t_acme", "file://" + dir + "/t_acme/dangling", "leads nowhere"},
		"Env":              {"t_system", "env://REDIS_PASSWORD", "want file://"},
		"TenantDotDot":     {"..", "file://" + dir + "/redis", "no secrets directory"},
	}
	for name, c := range bad {
		t.Run(name, func(t *testing.T) {
			err := r.CheckRef(c.tenant, c.ref)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("CheckRef(%s, %q) = %v; want an error containing %q", c.tenant, c.ref, err, c.want)
			}
		})
	}
}

func TestNewRefusesBadDir(t *testing.T) {
	for _, d := range []string{"relative", "/", "/run/secrets/", "/run/../secrets"} {
		if _, err := New(Config{Dir: d}); err == nil {
			t.Errorf("New(Dir %q) accepted", d)
		}
	}
	if r := mustNew(t, Config{}); r.Dir() != DefaultDir {
		t.Errorf("default Dir = %q", r.Dir())
	}
}

// TestSchemes checks that Readable names exactly the schemes Resolve reads, as SchemeOf
// reads them from a reference.
func TestSchemes(t *testing.T) {
	dev := mustNew(t, Config{Dir: t.TempDir(), AllowEnv: true, LookupEnv: func(string) (string, bool) { return "", false }})
	for _, ref := range []string{"file:///nope", "env://NOPE", "vault://x", "gcp-sm://p/s", "files:///x", "FILE:///x"} {
		scheme := SchemeOf(ref)
		_, err := dev.Resolve(context.Background(), ref)
		unknown := err != nil && strings.Contains(err.Error(), "unknown scheme")
		if Readable(scheme) == unknown {
			t.Errorf("Readable(%q) = %v, but Resolve(%q) = %v", scheme, Readable(scheme), ref, err)
		}
	}
	for ref, want := range map[string]string{"file:///a": SchemeFile, "env://A": SchemeEnv, "s3cr3t": "", "": ""} {
		if got := SchemeOf(ref); got != want {
			t.Errorf("SchemeOf(%q) = %q, want %q", ref, got, want)
		}
	}
}

package routing

import (
	"errors"
	"strings"
	"testing"
)

const goodFile = `# dev routes
routes:
  - resourceKind: chat_bus
    tenantId: t_system
    env: development
    backendType: redis
    config:
      address: ${redis}
    secretRefs:
      - password=env://REDIS_PASSWORD
  - resourceKind: media
    tenantId: t_acme
    env: prod
    projectId: p_site
    backendType: gcs
    config: {bucket: acme-media}
`

func TestParseFile(t *testing.T) {
	routes, err := ParseFile([]byte(goodFile), map[string]string{"redis": "127.0.0.1:6390"})
	if err != nil {
		t.Fatal(err)
	}
	if len(routes) != 2 {
		t.Fatalf("parsed %d routes", len(routes))
	}
	r := routes[0]
	if r.Env != "dev" || r.Config["address"] != "127.0.0.1:6390" || r.Secret("password") != "env://REDIS_PASSWORD" {
		t.Fatalf("route 0 = %+v", r)
	}
	if routes[1].ProjectID != "p_site" || routes[1].Config["bucket"] != "acme-media" {
		t.Fatalf("route 1 = %+v", routes[1])
	}
}

func TestParseFileErrors(t *testing.T) {
	route := func(lines ...string) string {
		return "routes:\n  - resourceKind: chat_bus\n    tenantId: t_system\n    env: dev\n" + strings.Join(lines, "\n") + "\n"
	}
	cases := []struct {
		name, file    string
		line          int
		field, reason string
	}{
		{"Syntax", "routes: [\n", 1, "", "did not find"},
		{"Empty", "", 1, "", "empty file"},
		{"TopNotMapping", "- a\n", 1, "", "mapping"},
		{"UnknownTop", "routez: []\n", 1, "routez", "unknown key"},
		{"RoutesNotList", "routes: 3\n", 1, "routes", "list"},
		{"UnknownField", route("    backendType: redis", "    colour: blue"), 6, "routes[0].colour", "unknown field"},
		{"Memory", route("    backendType: memory"), 5, "routes[0].backendType", "not a durable backend"},
		{"Unknown", route("    backendType: floppy"), 5, "routes[0].backendType", "unknown"},
		{"BackendTypeMissing", route(), 2, "routes[0].backendType", "unknown \"\""},
		{"ConfigKeyInvalid", route("    backendType: gcs", "    config: {bucket: b, \"1x\": v}"), 6, "routes[0].config", "key \"1x\" is not valid"},
		{"RedisNeedsAddress", route("    backendType: redis", "    config:", "      db: \"1\""), 7, "routes[0].config.address", "required"},
		{"RedisBadAddress", route("    backendType: redis", "    config:", "      address: nowhere"), 7, "routes[0].config.address", "host:port"},
		{"SecretInConfig", route("    backendType: redis", "    config:", "      address: a:1", "      password: hunter2"), 7, "routes[0].config.password", "secretRefs"},
		{"BadSecretRef", route("    backendType: gcs", "    config: {bucket: b}", "    secretRefs: [hunter2]"), 7, "routes[0].secretRefs", "name=reference"},
		{"MissingVar", route("    backendType: redis", "    config: {address: \"${nope}\"}"), 6, "routes[0].config.address", "${nope}"},
		{"BadEnv", "routes:\n  - resourceKind: chat_bus\n    tenantId: t_system\n    env: qa\n    backendType: redis\n    config: {address: a:1}\n", 4, "routes[0].env", "dev, staging, prod"},
		{"BadTenant", "routes:\n  - resourceKind: chat_bus\n    tenantId: ../etc\n    env: dev\n    backendType: redis\n    config: {address: a:1}\n", 3, "routes[0].tenantId", "tenant id"},
		{"ListAsValue", route("    backendType: [redis]"), 5, "routes[0].backendType", "single value"},
		{"Duplicate", route("    backendType: gcs", "    config: {bucket: b}", "  - resourceKind: chat_bus", "    tenantId: t_system", "    env: dev", "    backendType: gcs", "    config: {bucket: c}"), 7, "routes[1]", "already declared on line 2"},
		{"FieldTwice", route("    backendType: gcs", "    backendType: s3"), 6, "routes[0].backendType", "twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseFile([]byte(c.file), nil)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a *FileError", err)
			}
			if fe.Line != c.line || fe.Field != c.field || !strings.Contains(fe.Msg, c.reason) {
				t.Fatalf("got %q (line %d, field %q), want line %d, field %q, reason containing %q", err, fe.Line, fe.Field, c.line, c.field, c.reason)
			}
		})
	}
}

// FuzzParseFile checks the parser never panics and that whatever it accepts is valid.
func FuzzParseFile(f *testing.F) {
	f.Add([]byte(goodFile))
	f.Add([]byte("routes: []\n"))
	f.Add([]byte("routes:\n  - {resourceKind: x, tenantId: t_a, env: prod, backendType: s3, config: {bucket: b, region: r}}\n"))
	f.Add([]byte("routes: [\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		routes, err := ParseFile(data, map[string]string{"redis": "127.0.0.1:1"})
		if err != nil {
			return
		}
		for _, r := range routes {
			if err := Validate(&r); err != nil {
				t.Fatalf("accepted an invalid route %+v: %v", r, err)
			}
		}
	})
}

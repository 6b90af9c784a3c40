package main

import (
	"context"
	"flag"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/northstar/northstar/internal/httpapi"
)

// TestNewMainValidatesConfig: the configuration's rules hold however a server is started
// (serve, dev, tests, an embedding program), because NewMain enforces them before it
// connects to anything.
func TestNewMainValidatesConfig(t *testing.T) {
	cases := map[string]struct {
		cfg  Config
		want string
	}{
		"ProdOnEmulator": {Config{Env: "prod", ProjectID: "p", SigningKeyRef: "file:///run/secrets/k", EmulatorHost: "127.0.0.1:1"},
			"prod never runs on the emulator"},
		"BadEnv":       {Config{Env: "qa", ProjectID: "p", SigningKeyRef: "file:///run/secrets/k"}, `--env "qa"`},
		"NoProject":    {Config{Env: "dev", SigningKeyRef: "file:///run/secrets/k"}, "GOOGLE_CLOUD_PROJECT"},
		"NoSigningKey": {Config{Env: "dev", ProjectID: "p"}, "signing key"},
		"TrustedDocumentsMode": {Config{Env: "dev", ProjectID: "p", SigningKeyRef: "file:///run/secrets/k", TrustedDocuments: "strict"},
			"--trusted-documents"},
		"RelativeSecretsDir": {Config{Env: "dev", ProjectID: "p", SigningKeyRef: "file:///run/secrets/k", SecretsDir: "secrets"},
			"absolute path"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := NewMain(context.Background(), c.cfg, nil)
			if err == nil {
				m.Close()
				t.Fatal("NewMain accepted the configuration")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("NewMain: %v, want it to mention %q", err, c.want)
			}
		})
	}
}

// TestServingFlags: serve and dev share --allowed-origins, --token-ttl and --limit, and
// both refuse a bad value with a message naming the flag before starting anything.
func TestServingFlags(t *testing.T) {
	cases := map[string]struct {
		args []string
		want string
	}{
		"OriginWithPath":    {[]string{"--allowed-origins", "https://app.example.com/console"}, `"https://app.example.com/console" is not an origin`},
		"OriginNoScheme":    {[]string{"--allowed-origins", "app.example.com"}, "is not an origin"},
		"OriginFTP":         {[]string{"--allowed-origins", "https://ok.example.com,ftp://files.example.com"}, `"ftp://files.example.com" is not an origin`},
		"TokenTTLTooShort":  {[]string{"--token-ttl", "10s"}, "--token-ttl 10s: want between 1m and 24h"},
		"TokenTTLTooLong":   {[]string{"--token-ttl", "48h"}, "want between 1m and 24h"},
		"LimitUnknown":      {[]string{"--limit", "dept=14"}, `no limit "dept": want one of body, parser-tokens, depth`},
		"LimitNotPositive":  {[]string{"--limit", "depth=0"}, "depth=0: want a positive whole number"},
		"LimitNoValue":      {[]string{"--limit", "depth"}, `"depth": want name=value`},
		"LimitBadSize":      {[]string{"--limit", "body=4GB"}, "body=4GB: want a positive size in bytes"},
		"LimitBadDuration":  {[]string{"--limit", "request=soon"}, "request=soon: want a positive duration"},
		"LimitNegativeSize": {[]string{"--limit", "body=-9007199254740993KiB"}, "want a positive size in bytes"},
		"LimitTwoUnits":     {[]string{"--limit", "body=1MiBKiB"}, "want a positive size in bytes"},
	}
	for name, c := range cases {
		for _, cmd := range []string{"serve", "dev"} {
			t.Run(name+"/"+cmd, func(t *testing.T) {
				var stdout, stderr strings.Builder
				// No Firestore and no key: a serve or dev that got past its flags would
				// fail later, with another message.
				args := append([]string{cmd, "--env", "staging"}, c.args...)
				if cmd == "dev" {
					args = append([]string{cmd}, c.args...)
				}
				code := run(context.Background(), args, Environment{ProjectID: "p", EmulatorHost: "127.0.0.1:1"}, &stdout, &stderr)
				if code == 0 || !strings.Contains(stderr.String(), c.want) {
					t.Fatalf("exit %d, stderr:\n%s\nwant it to contain %q", code, stderr.String(), c.want)
				}
				if strings.Contains(stdout.String(), "starting") {
					t.Fatalf("started something before refusing its flags:\n%s", stdout.String())
				}
			})
		}
	}

	t.Run("DevRedisNotHostPort", func(t *testing.T) {
		var stdout, stderr strings.Builder
		code := run(context.Background(), []string{"dev", "--redis", "localhost"}, Environment{EmulatorHost: "127.0.0.1:1"}, &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), `--redis "localhost": want host:port`) || stdout.Len() > 0 {
			t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout.String(), stderr.String())
		}
	})
	t.Run("Applied", func(t *testing.T) {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		f := addServingFlags(fs)
		err := fs.Parse([]string{"--allowed-origins", "https://App.Example.com, http://localhost:5173/", "--token-ttl", "5m",
			"--limit", "depth=16", "--limit", "body=4MiB", "--limit", "websocket-init=3s"})
		if err != nil {
			t.Fatal(err)
		}
		var cfg Config
		if err := f.apply(&cfg); err != nil {
			t.Fatal(err)
		}
		want := httpapi.DefaultLimits()
		want.Depth, want.BodyBytes, want.WebsocketInit = 16, 4<<20, 3*time.Second
		if cfg.Limits != want {
			t.Errorf("limits = %+v, want %+v", cfg.Limits, want)
		}
		if cfg.TokenTTL != 5*time.Minute {
			t.Errorf("token TTL = %s, want 5m", cfg.TokenTTL)
		}
		if got := strings.Join(cfg.AllowedOrigins, " "); got != "https://app.example.com http://localhost:5173" {
			t.Errorf("allowed origins = %q", got)
		}
	})
	t.Run("EveryLimitNamed", func(t *testing.T) {
		var l httpapi.Limits
		for _, name := range httpapi.LimitNames {
			value := "7"
			if strings.Contains(name, "read") || name == "idle" || name == "request" || name == "websocket-init" {
				value = "7s"
			}
			if err := l.Set(name + "=" + value); err != nil {
				t.Errorf("--limit %s=%s: %v", name, value, err)
			}
		}
		// Every field is set: a limit added to Limits without a name would stay zero.
		v := reflect.ValueOf(l)
		for i := range v.NumField() {
			if v.Field(i).IsZero() {
				t.Errorf("Limits.%s has no --limit name", v.Type().Field(i).Name)
			}
		}
	})
}

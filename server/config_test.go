package main

import (
	"context"
	"strings"
	"testing"
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

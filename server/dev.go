package main

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"

	"github.com/northstar/northstar/internal/devinfra"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/routing"
)

// Dev defaults: what `make run` serves.
const (
	devProjectID     = "northstar-dev"
	devAdminEmail    = "admin@northstar.local"
	devAdminPassword = "northstar-dev-admin"
)

// runDev starts a Firestore emulator (unless FIRESTORE_EMULATOR_HOST names one) and a
// Redis (unless --redis names one), bootstraps t_system with a dev admin, and serves env
// dev with the GraphQL IDE. It stops what it started on exit.
func runDev(ctx context.Context, args []string, env Environment, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	data := fs.String("data", "", "directory keeping the emulator's data (and the dev secrets) across restarts")
	secretsDir := fs.String("secrets-dir", "", "secrets directory (default DATA/secrets); the dev signing key is created in it. "+secretsDirUsage)
	email := fs.String("admin-email", devAdminEmail, "dev system admin email")
	password := fs.String("admin-password", devAdminPassword, "dev system admin password")
	redisAddr := fs.String("redis", "", "a Redis (host:port) to use instead of starting one")
	serving := addServingFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := Config{Env: "dev", LookupEnv: env.LookupEnv}
	if err := serving.apply(&cfg); err != nil {
		return err
	}
	if *redisAddr != "" {
		if _, _, err := net.SplitHostPort(*redisAddr); err != nil {
			return fmt.Errorf("--redis %q: want host:port", *redisAddr)
		}
	}
	dir := *data
	if dir == "" {
		tmp, err := os.MkdirTemp("", "northstar-dev-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	dir = abs

	projectID := env.ProjectID
	if projectID == "" {
		projectID = devProjectID
	}
	host := env.EmulatorHost
	if host == "" {
		fmt.Fprintln(stdout, "starting the Firestore emulator…")
		opts := devinfra.FirestoreOptions{Log: io.Discard}
		if *data != "" {
			opts.DataDir, opts.ProjectID = filepath.Join(dir, "firestore"), projectID
		}
		emu, err := devinfra.StartFirestore(ctx, opts)
		if err != nil {
			return err
		}
		defer emu.Stop()
		host = emu.Host
	}
	redis := *redisAddr
	if redis == "" {
		fmt.Fprintln(stdout, "starting Redis…")
		rds, err := devinfra.StartRedis(ctx, devinfra.RedisOptions{Log: io.Discard})
		if err != nil {
			return err
		}
		defer rds.Stop()
		redis = rds.Addr
	}
	secDir := *secretsDir
	if secDir == "" {
		secDir = filepath.Join(dir, "secrets")
	}
	if secDir, err = filepath.Abs(secDir); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(secDir, "t_system"), 0o700); err != nil {
		return err
	}
	keyPath, err := devSigningKey(dir, secDir)
	if err != nil {
		return err
	}
	bootstrapKey := env.BootstrapKey
	if bootstrapKey == "" {
		bootstrapKey = randomHex(16)
	}
	cfg.ProjectID, cfg.EmulatorHost, cfg.BootstrapKey = projectID, host, bootstrapKey
	cfg.SigningKeyRef, cfg.SecretsDir = "file://"+keyPath, secDir
	m, err := NewMain(ctx, cfg, newLogger(stderr))
	if err != nil {
		return err
	}
	defer m.Close()
	if _, err := m.Tenancy().BootstrapSystem(ctx, bootstrapKey, *email, *password); err != nil {
		return fmt.Errorf("bootstrapping the dev data: %w", err)
	}
	routes, err := routing.ParseFile(devRoutes, map[string]string{"redis": redis})
	if err != nil {
		return fmt.Errorf("routes.dev.yaml: %w", err)
	}
	fmt.Fprintln(stdout, "applying server/routes.dev.yaml…")
	if err := applyRoutes(ctx, m.Routes(), routes, false, stdout); err != nil {
		return err
	}
	if err := m.waitForRoutes(ctx, routes); err != nil {
		return err
	}
	if err := m.CheckStartup(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (pass --addr 127.0.0.1:PORT)", *addr, err)
	}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, `
Northstar dev server
  GraphQL endpoint   %s/query
  GraphiQL IDE       %s/
  Firestore emulator %s (project %s)
  Redis              %s
  secrets directory  %s
  system admin       %s / %s
  bootstrap key      %s
northstar dev: ready on %s
`, base, base, host, projectID, redis, secDir, *email, *password, bootstrapKey, base)
	return m.Serve(ctx, ln, shutdownGrace)
}

// devRoutes is server/routes.dev.yaml.
//
//go:embed routes.dev.yaml
var devRoutes []byte

// devSigningKey returns the path of the dev token signing key in the secrets directory
// secDir, creating it once. A key kept in the data directory dir by an older version moves
// there, so tokens issued before stay valid.
func devSigningKey(dir, secDir string) (string, error) {
	path := filepath.Join(secDir, "signing-key.pem")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.Rename(filepath.Join(dir, "signing-key.pem"), path); err == nil {
		return path, nil
	}
	pem, err := identity.GenerateEd25519PEM()
	if err != nil {
		return "", err
	}
	return path, os.WriteFile(path, pem, 0o600)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

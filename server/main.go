// Command northstar is the Northstar control-plane server.
//
//	northstar dev [--addr 127.0.0.1:8080] [--data DIR] [--secrets-dir DIR] [--redis HOST:PORT] [--admin-email E --admin-password P] [serving flags]
//	northstar serve --env ENV [--addr HOST:PORT] --signing-key file:///path [--secrets-dir /run/secrets] [--drain 5s] [serving flags]
//	northstar bootstrap [--admin-email E --admin-password P]
//	northstar routes apply -f FILE [--dry-run] [--var NAME=VALUE] [--secrets-dir /run/secrets]
//	northstar schema
//
// The serving flags, on serve and dev: [--allowed-origins ORIGIN,…] [--token-ttl 15m]
// [--limit NAME=VALUE]…
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/httpapi"
	"github.com/northstar/northstar/internal/identity"
	"github.com/northstar/northstar/internal/secrets"
	"github.com/northstar/northstar/internal/tenancy"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], readEnvironment(), os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `usage: northstar <command> [flags]

commands:
  dev        start a local Firestore emulator, bootstrap it and serve env dev with a GraphQL IDE
  serve      serve the API (--env dev|staging|prod)
  bootstrap  create t_system, the modes and the first system admin (SYSTEM_BOOTSTRAP_KEY)
  routes     apply a declarative routes file: routes apply -f FILE [--dry-run] [--var NAME=VALUE] [--secrets-dir DIR]
  documents  register an App's trusted documents: documents apply -f MANIFEST --app a_… [--dry-run]
  schema     print the GraphQL schema
`

// run executes one command and returns the process exit code. Failures print one line
// to stderr naming what is wrong and how to fix it.
func run(ctx context.Context, args []string, env Environment, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "dev":
		err = runDev(ctx, args[1:], env, stdout, stderr)
	case "serve":
		err = runServe(ctx, args[1:], env, stderr)
	case "bootstrap":
		err = runBootstrap(ctx, args[1:], env, stdout, stderr)
	case "routes":
		err = runRoutes(ctx, args[1:], env, stdout, stderr)
	case "documents":
		err = runDocuments(ctx, args[1:], env, stdout, stderr)
	case "schema":
		err = printSchema(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "northstar: unknown command %q\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		fmt.Fprintf(stderr, "northstar %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// secretsDirUsage describes --secrets-dir, the same on every command that takes it.
const secretsDirUsage = "directory every file:// secret lives under; a tenant's routes may use only DIR/<tenantId>/…, t_system's DIR/t_system/…"

// shutdownGrace is how long in-flight requests get after SIGTERM.
const shutdownGrace = 15 * time.Second

func runServe(ctx context.Context, args []string, env Environment, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	envName := fs.String("env", "", "environment to serve: dev, staging or prod (required)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	key := fs.String("signing-key", "", "secret reference to the Ed25519 PEM token signing key, e.g. file:///run/secrets/northstar-signing-key")
	drain := fs.Duration("drain", 5*time.Second, "after SIGTERM, keep serving this long with /readyz answering 503 before closing")
	secretsDir := fs.String("secrets-dir", secrets.DefaultDir, secretsDirUsage)
	proxies := fs.String("trusted-proxies", "", "comma-separated CIDRs of the proxies in front of the server, whose X-Forwarded-For names the client (rate limits count per client address)")
	trustedDocs := fs.String("trusted-documents", httpapi.DocumentsAllowed, "allowed: run trusted documents by hash and any other document; required: run trusted documents only (DOCUMENT_NOT_TRUSTED otherwise)")
	serving := addServingFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	trusted, err := httpapi.ParseTrustedProxies(*proxies)
	if err != nil {
		return fmt.Errorf("--trusted-proxies: %w", err)
	}
	cfg := Config{
		Env: *envName, ProjectID: env.ProjectID, EmulatorHost: env.EmulatorHost, BootstrapKey: env.BootstrapKey,
		SigningKeyRef: *key, SecretsDir: *secretsDir, LookupEnv: env.LookupEnv, Drain: *drain, TrustedProxies: trusted,
		TrustedDocuments: *trustedDocs,
	}
	if err := serving.apply(&cfg); err != nil {
		return err
	}
	log := newLogger(stderr)
	m, err := NewMain(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.CheckStartup(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", *addr, err)
	}
	log.Info("serving", "addr", ln.Addr().String(), "env", m.cfg.Env)
	return m.Serve(ctx, ln, shutdownGrace)
}

func runBootstrap(ctx context.Context, args []string, env Environment, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bootstrap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("admin-email", "", "email of the first system admin (created once)")
	password := fs.String("admin-password", "", "password of the first system admin")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if env.BootstrapKey == "" {
		return fmt.Errorf("SYSTEM_BOOTSTRAP_KEY is not set: export it (the same key the server checks)")
	}
	client, store, err := openStore(ctx, env.ProjectID, env.EmulatorHost, nil)
	if err != nil {
		return err
	}
	defer client.Close()
	svc := tenancy.NewService(tenancy.Config{
		Store:        store,
		Passwords:    identity.NewPasswordHasher(identity.DefaultArgon2Params()),
		BootstrapKey: env.BootstrapKey,
	})
	t, err := svc.BootstrapSystem(ctx, env.BootstrapKey, *email, *password)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bootstrapped %s (mode %s)\n", t.ID, t.ModeID)
	return nil
}

// printSchema prints the SDL the server serves.
func printSchema(w io.Writer) error {
	formatter.NewFormatter(w, formatter.WithIndent("  ")).FormatSchema(graph.NewExecutableSchema(graph.Config{}).Schema())
	return nil
}

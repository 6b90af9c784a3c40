package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/routing"
	"github.com/northstar/northstar/internal/secrets"
	"github.com/northstar/northstar/internal/tenancy"
)

// varsFlag collects repeated --var NAME=VALUE flags.
type varsFlag map[string]string

func (v varsFlag) String() string { return "" }

func (v varsFlag) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return errors.New("want NAME=VALUE")
	}
	v[name] = value
	return nil
}

// runRoutes implements `northstar routes apply`.
func runRoutes(ctx context.Context, args []string, env Environment, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "apply" {
		return errors.New("usage: northstar routes apply -f FILE [--dry-run] [--var NAME=VALUE] [--secrets-dir DIR]")
	}
	fs := flag.NewFlagSet("routes apply", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", "routes file (YAML) to apply (required)")
	dryRun := fs.Bool("dry-run", false, "print what would change and write nothing")
	vars := varsFlag{}
	fs.Var(vars, "var", "NAME=VALUE for a ${NAME} placeholder in the file (repeatable)")
	secretsDir := fs.String("secrets-dir", secrets.DefaultDir, secretsDirUsage)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	scope, err := secrets.New(secrets.Config{Dir: *secretsDir})
	if err != nil {
		return fmt.Errorf("--secrets-dir: %w", err)
	}
	if *file == "" {
		return errors.New("-f FILE is required")
	}
	data, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	routes, err := routing.ParseFile(data, vars)
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	client, store, err := openStore(ctx, env.ProjectID, env.EmulatorHost, nil)
	if err != nil {
		return err
	}
	defer client.Close()
	svc := routing.NewService(routing.ServiceConfig{Store: store, Projects: tenancy.NewService(tenancy.Config{Store: store}), Secrets: scope})
	return applyRoutes(ctx, svc, routes, *dryRun, stdout)
}

// cliActor is who runs a command, for the audit log: the operating-system user and host
// when they are known ("alice@ops-1"), "cli" otherwise.
func cliActor() audit.Actor {
	label := "cli"
	if u, err := user.Current(); err == nil && u.Username != "" {
		label = u.Username
		if host, err := os.Hostname(); err == nil && host != "" {
			label += "@" + host
		}
	}
	return audit.Actor{Kind: audit.System, ID: "cli", Label: label}
}

// applyRoutes applies routes and prints one line per route and a summary.
func applyRoutes(ctx context.Context, svc *routing.Service, routes []routing.Route, dryRun bool, w io.Writer) error {
	ctx = audit.ActingAs(ctx, cliActor())
	plan, err := svc.Apply(ctx, routes, dryRun)
	counts := map[routing.Outcome]int{}
	for _, c := range plan {
		counts[c.Outcome]++
		verb := string(c.Outcome)
		if dryRun && c.Outcome != routing.Unchanged {
			verb = "would be " + verb
		}
		fmt.Fprintf(w, "%-22s %s\n", verb, c.Key)
	}
	if err != nil {
		return err
	}
	suffix := ""
	if dryRun {
		suffix = " (dry run: nothing written)"
	}
	if counts[routing.Created]+counts[routing.Updated] == 0 {
		fmt.Fprintf(w, "no changes: %d routes already up to date%s\n", counts[routing.Unchanged], suffix)
		return nil
	}
	fmt.Fprintf(w, "%d created, %d updated, %d unchanged%s\n", counts[routing.Created], counts[routing.Updated], counts[routing.Unchanged], suffix)
	return nil
}

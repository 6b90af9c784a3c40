package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/northstar/northstar/graph"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/documents"
)

// runDocuments implements `northstar documents apply`.
func runDocuments(ctx context.Context, args []string, env Environment, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "apply" {
		return errors.New("usage: northstar documents apply -f MANIFEST --app a_… [--dry-run]")
	}
	fs := flag.NewFlagSet("documents apply", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", `manifest to apply: {"<sha256 hex>": "<document>", …}, as graphql-codegen's client preset writes it (required)`)
	app := fs.String("app", "", "the App (a_…) whose clients send these documents (required)")
	dryRun := fs.Bool("dry-run", false, "check the manifest against the schema and write nothing")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *file == "" || *app == "" {
		return errors.New("-f MANIFEST and --app APP_ID are required")
	}
	data, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	manifest, err := documents.ParseManifest(data, graph.NewExecutableSchema(graph.Config{}).Schema())
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	if *dryRun {
		n, err := documents.Apply(ctx, nil, *app, manifest, true, time.Now())
		if err == nil {
			fmt.Fprintf(stdout, "%d documents valid for %s (dry run: nothing written)\n", n, *app)
		}
		return err
	}
	client, store, err := openStore(ctx, env.ProjectID, env.EmulatorHost, nil)
	if err != nil {
		return err
	}
	defer client.Close()
	ctx = audit.ActingAs(ctx, cliActor())
	n, err := documents.Apply(ctx, store, *app, manifest, false, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d documents trusted for %s; every replica follows them within seconds\n", n, *app)
	return nil
}

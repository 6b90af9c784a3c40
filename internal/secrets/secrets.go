// Package secrets resolves secret references to values. It is the one way Northstar reads
// a secret: `file:///path` (mounted secrets) always, `env://NAME` only when the server runs
// in dev. Errors name the reference, never a value.
package secrets

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Config configures a Resolver.
type Config struct {
	// AllowEnv enables env:// references (dev only).
	AllowEnv bool
	// LookupEnv reads an environment variable; required when AllowEnv is set. The server's
	// configuration passes os.LookupEnv, so no other package reads the environment.
	LookupEnv func(string) (string, bool)
	// MaxSize bounds a secret file; 64 KiB when zero.
	MaxSize int64
}

// Resolver turns references into values.
type Resolver struct {
	cfg Config
}

// New returns a Resolver.
func New(cfg Config) *Resolver {
	if cfg.MaxSize == 0 {
		cfg.MaxSize = 64 << 10
	}
	return &Resolver{cfg: cfg}
}

// Resolve returns the value ref points at. File values have one trailing newline removed.
func (r *Resolver) Resolve(_ context.Context, ref string) ([]byte, error) {
	scheme, rest, ok := strings.Cut(ref, "://")
	if !ok {
		return nil, fmt.Errorf("secret %q: not a reference (want file:///path or env://NAME)", ref)
	}
	switch scheme {
	case "file":
		return r.file(ref, rest)
	case "env":
		if !r.cfg.AllowEnv || r.cfg.LookupEnv == nil {
			return nil, fmt.Errorf("secret %q: env:// references are only allowed in dev", ref)
		}
		v, ok := r.cfg.LookupEnv(rest)
		if !ok || v == "" {
			return nil, fmt.Errorf("secret %q: environment variable %s is not set", ref, rest)
		}
		return []byte(v), nil
	}
	return nil, fmt.Errorf("secret %q: unknown scheme %q (want file or env)", ref, scheme)
}

func (r *Resolver) file(ref, rest string) ([]byte, error) {
	u, err := url.Parse("file://" + rest)
	if err != nil || u.Host != "" || u.Path == "" {
		return nil, fmt.Errorf("secret %q: want file:///absolute/path", ref)
	}
	f, err := os.Open(u.Path)
	if err != nil {
		return nil, fmt.Errorf("secret %q: cannot open the file: %w", ref, pathless(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("secret %q: %w", ref, pathless(err))
	}
	if st.Size() > r.cfg.MaxSize {
		return nil, fmt.Errorf("secret %q: file is larger than %d bytes", ref, r.cfg.MaxSize)
	}
	b := make([]byte, st.Size())
	if _, err := f.ReadAt(b, 0); err != nil && st.Size() > 0 {
		return nil, fmt.Errorf("secret %q: %w", ref, pathless(err))
	}
	b, _ = bytes.CutSuffix(b, []byte("\n"))
	return b, nil
}

// pathless drops the *PathError wrapper so messages carry the reason once.
func pathless(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

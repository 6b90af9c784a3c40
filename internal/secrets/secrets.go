// Package secrets resolves secret references to values. It is the one way Northstar reads
// a secret: `file:///path` (mounted secrets under the secrets directory) always,
// `env://NAME` only when the server runs in dev. Errors name the reference, never a value.
package secrets

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// DefaultDir is the secrets directory when none is configured.
const DefaultDir = "/run/secrets"

// Config configures a Resolver.
type Config struct {
	// Dir is the secrets directory: every file:// reference names a file under it, and a
	// tenant's routes only files under Dir/<tenantId>/. Absolute; DefaultDir when empty.
	Dir string
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

// New returns a Resolver. It fails when Dir is not an absolute, clean path.
func New(cfg Config) (*Resolver, error) {
	if cfg.Dir == "" {
		cfg.Dir = DefaultDir
	}
	if !filepath.IsAbs(cfg.Dir) || filepath.Clean(cfg.Dir) != cfg.Dir || cfg.Dir == "/" {
		return nil, fmt.Errorf("secrets directory %q: want an absolute, clean path other than /", cfg.Dir)
	}
	if cfg.MaxSize == 0 {
		cfg.MaxSize = 64 << 10
	}
	return &Resolver{cfg: cfg}, nil
}

// Dir returns the secrets directory.
func (r *Resolver) Dir() string { return r.cfg.Dir }

// The reference schemes, as in file:///run/secrets/t_acme/redis.
const (
	// SchemeFile is file:///path: a file under the secrets directory. Always readable.
	SchemeFile = "file"
	// SchemeEnv is env://NAME: an environment variable. Readable only when the server runs
	// in dev (Config.AllowEnv).
	SchemeEnv = "env"
)

// readers are the schemes Resolve reads, in the order messages name them: the one list of
// the schemes a secret reference may use (routes may name no other, see Readable).
var readers = [...]struct {
	scheme string
	read   func(r *Resolver, ref, rest string) ([]byte, error)
}{
	{SchemeFile, (*Resolver).readFile},
	{SchemeEnv, (*Resolver).readEnv},
}

// SchemeOf returns the scheme of ref ("file" for file:///run/secrets/x), or "" when ref is
// not a reference.
func SchemeOf(ref string) string {
	scheme, _, ok := strings.Cut(ref, "://")
	if !ok {
		return ""
	}
	return scheme
}

// Readable reports whether Resolve reads references of scheme. Configuration may refuse
// more (env:// outside dev), but never accept a scheme for which this is false.
func Readable(scheme string) bool {
	for _, rd := range readers {
		if rd.scheme == scheme {
			return true
		}
	}
	return false
}

// Resolve returns the value ref points at. File values have one trailing newline removed.
// A file reference must be a clean absolute path under the secrets directory, and must
// still be under it once symlinks are followed.
func (r *Resolver) Resolve(_ context.Context, ref string) ([]byte, error) {
	scheme, rest, ok := strings.Cut(ref, "://")
	if !ok {
		return nil, fmt.Errorf("secret %q: not a reference (want file:///path or env://NAME)", ref)
	}
	for _, rd := range readers {
		if rd.scheme == scheme {
			return rd.read(r, ref, rest)
		}
	}
	names := make([]string, 0, len(readers))
	for _, rd := range readers {
		names = append(names, rd.scheme)
	}
	return nil, fmt.Errorf("secret %q: unknown scheme %q (want %s)", ref, scheme, strings.Join(names, " or "))
}

func (r *Resolver) readFile(ref, _ string) ([]byte, error) {
	p, err := r.confined(ref, r.cfg.Dir)
	if err != nil {
		return nil, err
	}
	return r.file(ref, p)
}

func (r *Resolver) readEnv(ref, name string) ([]byte, error) {
	if !r.cfg.AllowEnv || r.cfg.LookupEnv == nil {
		return nil, fmt.Errorf("secret %q: env:// references are only allowed in dev", ref)
	}
	v, ok := r.cfg.LookupEnv(name)
	if !ok || v == "" {
		return nil, fmt.Errorf("secret %q: environment variable %s is not set", ref, name)
	}
	return []byte(v), nil
}

// CheckRef reports whether the routes of tenantID may use the file reference ref: a clean
// absolute path under Dir/<tenantID>/ (t_system's routes: Dir/t_system/) that does not
// leave that directory through a symlink. The file need not exist yet; Resolve checks
// again when it is read. Only file:// references are scoped: anything else is refused.
func (r *Resolver) CheckRef(tenantID, ref string) error {
	if tenantID == "" || tenantID == "." || tenantID == ".." || strings.ContainsAny(tenantID, `/\`) {
		return fmt.Errorf("secret %q: no secrets directory for tenant %q", ref, tenantID)
	}
	if SchemeOf(ref) != SchemeFile {
		return fmt.Errorf("secret %q: want file://%s/%s/NAME", ref, r.cfg.Dir, tenantID)
	}
	_, err := r.confined(ref, filepath.Join(r.cfg.Dir, tenantID))
	return err
}

// confined returns the path of the file reference ref, symlinks followed, once it is known
// to be a clean absolute path under dir (itself under the secrets directory), also with
// symlinks followed as far as the path exists.
func (r *Resolver) confined(ref, dir string) (string, error) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "file" || u.Host != "" || u.Opaque != "" || u.RawQuery != "" || u.Fragment != "" ||
		!strings.HasPrefix(u.Path, "/") || strings.HasPrefix(ref, "file:////") {
		return "", fmt.Errorf("secret %q: want file:///absolute/path", ref)
	}
	p := u.Path
	if path.Clean(p) != p || strings.Contains(p, "/../") || strings.HasSuffix(p, "/..") {
		return "", fmt.Errorf("secret %q: the path is not clean (no //, ., .. or trailing /)", ref)
	}
	if !within(p, dir) {
		return "", fmt.Errorf("secret %q: outside the secrets directory %s", ref, dir+"/")
	}
	realDir, err := realPath(dir)
	if err != nil {
		return "", fmt.Errorf("secret %q: secrets directory %s: %w", ref, dir, pathless(err))
	}
	realRoot, err := realPath(r.cfg.Dir)
	if err != nil {
		return "", fmt.Errorf("secret %q: secrets directory %s: %w", ref, r.cfg.Dir, pathless(err))
	}
	target, err := realPath(p)
	if err != nil {
		return "", fmt.Errorf("secret %q: %w", ref, pathless(err))
	}
	if !within(target, realDir) || !within(target, realRoot) {
		return "", fmt.Errorf("secret %q: a symlink leads outside the secrets directory %s", ref, dir+"/")
	}
	return target, nil
}

// within reports whether p is strictly below dir (both clean).
func within(p, dir string) bool {
	return strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

// errDangling is a symlink whose target does not exist: where it leads cannot be checked.
var errDangling = errors.New("a symlink on the path leads nowhere")

// realPath follows symlinks in p as far as p exists and appends the rest unchanged.
func realPath(p string) (string, error) {
	var rest []string
	for {
		rp, err := filepath.EvalSymlinks(p)
		if err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				rp = filepath.Join(rp, rest[i])
			}
			return rp, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(p); lerr == nil {
			return "", errDangling
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = append(rest, filepath.Base(p))
		p = parent
	}
}

func (r *Resolver) file(ref, p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("secret %q: cannot open the file: %w", ref, pathless(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("secret %q: %w", ref, pathless(err))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("secret %q: not a regular file", ref)
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

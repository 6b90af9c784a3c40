package devinfra

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	defaultFirestoreTimeout = 60 * time.Second
	// firestoreGrace is how long the emulator gets to exit after SIGTERM.
	firestoreGrace = 10 * time.Second
	// exportPrefix names the exports Stop writes into FirestoreOptions.DataDir.
	exportPrefix = "northstar-"
)

// FirestoreOptions configures StartFirestore. Every field is optional except ProjectID,
// which DataDir requires.
type FirestoreOptions struct {
	// Port to listen on; 0 picks a free one.
	Port int
	// DataDir, when set, keeps ProjectID's data across restarts: Stop exports it there and
	// the next start imports the newest export. Empty means in-memory only.
	DataDir string
	// ProjectID is the project whose (default) database is kept in DataDir. Required when
	// DataDir is set; ignored otherwise. The emulator exports one database at a time.
	ProjectID string
	// Log receives the emulator's output; nil discards it.
	Log io.Writer
	// StartTimeout bounds the wait for the emulator to answer; 0 means 60s.
	StartTimeout time.Duration
}

// Firestore is a running Firestore emulator. Stop it when done.
type Firestore struct {
	// Host is the emulator's "127.0.0.1:PORT", the value for FIRESTORE_EMULATOR_HOST.
	Host string

	opts    FirestoreOptions
	mu      sync.Mutex
	proc    *process // nil once stopped
	stopErr error
}

// StartFirestore starts `gcloud emulators firestore start` and returns once it answers
// HTTP. ctx bounds only the start-up; the emulator runs until Stop. The error says so when
// gcloud is missing, and quotes the emulator's last output when it exits or times out.
func StartFirestore(ctx context.Context, opts FirestoreOptions) (*Firestore, error) {
	gcloud, err := exec.LookPath("gcloud")
	if err != nil {
		return nil, errors.New("devinfra: gcloud not found on PATH: install the Google Cloud CLI and " +
			"its Firestore emulator (Debian: apt-get install -y google-cloud-cli-firestore-emulator, needs Java)")
	}
	opts.StartTimeout = withDefault(opts.StartTimeout, defaultFirestoreTimeout)
	args := []string{"emulators", "firestore", "start"}
	if opts.DataDir != "" {
		if opts.ProjectID == "" {
			return nil, errors.New("devinfra: FirestoreOptions.DataDir needs ProjectID")
		}
		if err := os.MkdirAll(opts.DataDir, 0o755); err != nil {
			return nil, fmt.Errorf("devinfra: firestore data dir: %w", err)
		}
		if meta := latestExport(opts.DataDir); meta != "" {
			args = append(args, "--import-data="+meta)
		}
	}
	f := &Firestore{opts: opts}
	err = startOnFreePort(opts.Port, func(port int) error {
		host := hostPort(port)
		p, err := startProcess(gcloud, append(args, "--host-port="+host), opts.Log)
		if err != nil {
			return err
		}
		if err := p.waitReady(ctx, host, opts.StartTimeout, func(ctx context.Context) error {
			return firestoreReady(ctx, host)
		}); err != nil {
			return err
		}
		f.Host, f.proc = host, p
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Stop exports the data when DataDir is set, then stops the emulator and every process
// it forked: SIGTERM to the group, SIGKILL after 10s. It is safe to call more than once.
//
// The export is explicit because gcloud's --export-on-exit does not work with this
// emulator: it runs only on the emulator's /shutdown endpoint, not on signals, and then
// fails on an empty database id.
func (f *Firestore) Stop() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.proc == nil {
		return f.stopErr
	}
	var errs []error
	if f.opts.DataDir != "" {
		errs = append(errs, f.export())
	}
	errs = append(errs, f.proc.stop(syscall.SIGTERM, firestoreGrace))
	f.proc, f.stopErr = nil, errors.Join(errs...)
	return f.stopErr
}

// export writes ProjectID's (default) database to a new export in DataDir and removes
// older ones. A failed export leaves the previous one in place.
func (f *Firestore) export() error {
	name := exportPrefix + time.Now().UTC().Format("20060102T150405.000000000")
	body, _ := json.Marshal(map[string]string{
		"database":         "projects/" + f.opts.ProjectID + "/databases/(default)",
		"export_directory": f.opts.DataDir,
		"export_name":      name,
	})
	ctx, cancel := context.WithTimeout(context.Background(), firestoreGrace)
	defer cancel()
	url := "http://" + f.Host + "/emulator/v1/projects/" + f.opts.ProjectID + ":export"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("devinfra: firestore export: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Close = true
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("devinfra: firestore export: %w", err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("devinfra: firestore export: %s: %s", resp.Status, bytes.TrimSpace(msg))
	}
	var errs []error
	for _, old := range exports(f.opts.DataDir) {
		if old != name {
			errs = append(errs, os.RemoveAll(filepath.Join(f.opts.DataDir, old)))
		}
	}
	return errors.Join(errs...)
}

// latestExport returns the metadata file of the newest complete export in dir, or "".
func latestExport(dir string) string {
	names := exports(dir)
	for i := len(names) - 1; i >= 0; i-- {
		meta := filepath.Join(dir, names[i], names[i]+".overall_export_metadata")
		if _, err := os.Stat(meta); err == nil {
			return meta
		}
	}
	return ""
}

// exports lists the export directories in dir, oldest first (the names sort by time).
func exports(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), exportPrefix) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// firestoreReady reports whether the emulator at host answers GET / with "Ok".
func firestoreReady(ctx context.Context, host string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+host+"/", nil)
	if err != nil {
		return err
	}
	req.Close = true // Leave no idle connection to a server that is about to go.
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64))
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(string(body)) != "Ok" {
		return fmt.Errorf("GET /: %s %q", resp.Status, body)
	}
	return nil
}

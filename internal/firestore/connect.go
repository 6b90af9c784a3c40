package firestore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
	vkit "cloud.google.com/go/firestore/apiv1"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	grpcbackoff "google.golang.org/grpc/backoff"
	"google.golang.org/grpc/credentials/insecure"
)

// Options says where Firestore is.
type Options struct {
	// ProjectID is the GCP project. Required.
	ProjectID string
	// EmulatorHost ("127.0.0.1:PORT") selects a Firestore emulator, without TLS.
	// Empty: real Firestore with application default credentials.
	EmulatorHost string
}

// Client is a connection to Firestore: the client library's Client, and the API's own
// client for the one call the library offers only behind its rate-limited BulkWriter
// (BatchWrite; see batch.go).
type Client struct {
	*firestore.Client
	api      *vkit.Client
	database string // "projects/{project}/databases/(default)"
}

// Close closes both clients.
func (c *Client) Close() error { return errors.Join(c.api.Close(), c.Client.Close()) }

// Connect returns a Firestore client. Like firestore.NewClient it makes no RPC: probe the
// connection with Store.Probe under a deadline.
func Connect(ctx context.Context, o Options) (*Client, error) {
	if o.ProjectID == "" {
		return nil, fmt.Errorf("firestore: no project id: set GOOGLE_CLOUD_PROJECT")
	}
	// Reconnect within about a second of Firestore's return (gRPC's default backoff grows
	// to two minutes): the guard's probes and the first requests after an outage must not
	// wait on a stale backoff.
	reconnect := grpc.WithConnectParams(grpc.ConnectParams{
		Backoff:           grpcbackoff.Config{BaseDelay: 100 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: time.Second},
		MinConnectTimeout: time.Second,
	})
	// options returns each client's options; with the emulator each gets its own
	// connection, which it closes.
	options := func() ([]option.ClientOption, error) {
		if o.EmulatorHost == "" {
			return []option.ClientOption{option.WithGRPCDialOption(reconnect)}, nil
		}
		conn, err := grpc.NewClient(o.EmulatorHost, reconnect,
			grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithPerRPCCredentials(emulatorCreds{}))
		if err != nil {
			return nil, fmt.Errorf("firestore: emulator %s: %w", o.EmulatorHost, err)
		}
		return []option.ClientOption{option.WithGRPCConn(conn)}, nil
	}
	opts, err := options()
	if err != nil {
		return nil, err
	}
	c, err := firestore.NewClient(ctx, o.ProjectID, opts...)
	if err != nil {
		return nil, fmt.Errorf("firestore: %w", err)
	}
	if opts, err = options(); err == nil {
		var api *vkit.Client
		if api, err = vkit.NewClient(ctx, opts...); err == nil {
			return &Client{Client: c, api: api, database: "projects/" + o.ProjectID + "/databases/(default)"}, nil
		}
	}
	_ = c.Close()
	return nil, fmt.Errorf("firestore: %w", err)
}

// emulatorCreds authenticates to the emulator as its owner, which bypasses security rules
// (what the client library does when FIRESTORE_EMULATOR_HOST is set).
type emulatorCreds struct{}

func (emulatorCreds) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer owner"}, nil
}

func (emulatorCreds) RequireTransportSecurity() bool { return false }

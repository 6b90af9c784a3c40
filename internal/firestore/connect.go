package firestore

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
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

// Connect returns a Firestore client. Like firestore.NewClient it makes no RPC: probe the
// connection with Store.Probe under a deadline.
func Connect(ctx context.Context, o Options) (*firestore.Client, error) {
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
	opts := []option.ClientOption{option.WithGRPCDialOption(reconnect)}
	if o.EmulatorHost != "" {
		conn, err := grpc.NewClient(o.EmulatorHost, reconnect,
			grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithPerRPCCredentials(emulatorCreds{}))
		if err != nil {
			return nil, fmt.Errorf("firestore: emulator %s: %w", o.EmulatorHost, err)
		}
		opts = []option.ClientOption{option.WithGRPCConn(conn)}
	}
	c, err := firestore.NewClient(ctx, o.ProjectID, opts...)
	if err != nil {
		return nil, fmt.Errorf("firestore: %w", err)
	}
	return c, nil
}

// emulatorCreds authenticates to the emulator as its owner, which bypasses security rules
// (what the client library does when FIRESTORE_EMULATOR_HOST is set).
type emulatorCreds struct{}

func (emulatorCreds) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer owner"}, nil
}

func (emulatorCreds) RequireTransportSecurity() bool { return false }

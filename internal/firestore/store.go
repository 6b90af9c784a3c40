// Package firestore implements Northstar's durable store on Cloud Firestore.
//
// Layout: tenants/{t} with subcollections projects, surfaces and apps; users/{u};
// emails/{sha256(email)} reserving each email for one user; memberships/{t}:{u}; modes/{m}.
// Every transaction body only reads and writes through its transaction, so Firestore may
// retry it safely.
package firestore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"cloud.google.com/go/firestore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Store implements tenancy.Store.
type Store struct {
	client *firestore.Client
}

var _ tenancy.Store = (*Store)(nil)

// New returns a Store over client. It makes no RPC; call Probe to check the connection.
func New(client *firestore.Client) *Store { return &Store{client: client} }

// Probe reads one document to prove Firestore answers. It reports whether t_system
// exists.
func (s *Store) Probe(ctx context.Context) (systemExists bool, err error) {
	_, err = s.tenants().Doc(ids.System).Get(ctx)
	switch status.Code(err) {
	case codes.OK:
		return true, nil
	case codes.NotFound:
		return false, nil
	}
	return false, fmt.Errorf("firestore: probe: %w", err)
}

func (s *Store) tenants() *firestore.CollectionRef     { return s.client.Collection("tenants") }
func (s *Store) users() *firestore.CollectionRef       { return s.client.Collection("users") }
func (s *Store) emails() *firestore.CollectionRef      { return s.client.Collection("emails") }
func (s *Store) memberships() *firestore.CollectionRef { return s.client.Collection("memberships") }
func (s *Store) modes() *firestore.CollectionRef       { return s.client.Collection("modes") }

func (s *Store) emailDoc(email string) *firestore.DocumentRef {
	sum := sha256.Sum256([]byte(email))
	return s.emails().Doc(hex.EncodeToString(sum[:]))
}

func (s *Store) membershipDoc(tenantID, userID string) *firestore.DocumentRef {
	return s.memberships().Doc(tenantID + ":" + userID)
}

func (s *Store) sub(tenantID, name string) *firestore.CollectionRef {
	return s.tenants().Doc(tenantID).Collection(name)
}

// emailRecord reserves an email for one user.
type emailRecord struct {
	UserID string `firestore:"userId"`
}

// wrap turns a Firestore error into an apperr code where the condition is one clients
// may see, and into a wrapped internal error otherwise.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	switch status.Code(err) {
	case codes.NotFound:
		return apperr.E(apperr.NotFound, "not found")
	case codes.AlreadyExists:
		return apperr.E(apperr.Conflict, "already exists")
	}
	return fmt.Errorf("firestore: %s: %w", op, err)
}

func notFound(what string) error { return apperr.E(apperr.NotFound, "no such %s", what) }

func isNotFound(err error) bool { return status.Code(err) == codes.NotFound }

// get reads one document into a T, or returns NOT_FOUND naming what.
func get[T any](ctx context.Context, ref *firestore.DocumentRef, what string) (T, error) {
	var v T
	snap, err := ref.Get(ctx)
	if isNotFound(err) {
		return v, notFound(what)
	}
	if err != nil {
		return v, wrap("get "+what, err)
	}
	if err := snap.DataTo(&v); err != nil {
		return v, wrap("decode "+what, err)
	}
	return v, nil
}

// txGet reads one document inside a transaction.
func txGet[T any](tx *firestore.Transaction, ref *firestore.DocumentRef, what string) (T, bool, error) {
	var v T
	snap, err := tx.Get(ref)
	if isNotFound(err) {
		return v, false, nil
	}
	if err != nil {
		return v, false, err
	}
	if err := snap.DataTo(&v); err != nil {
		return v, false, fmt.Errorf("decode %s: %w", what, err)
	}
	return v, true, nil
}

// all decodes every document of an iterator, setting ids with setID.
func all[T any](it *firestore.DocumentIterator, setID func(*T, string)) ([]T, error) {
	snaps, err := it.GetAll()
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(snaps))
	for _, snap := range snaps {
		var v T
		if err := snap.DataTo(&v); err != nil {
			return nil, fmt.Errorf("decode %s: %w", snap.Ref.Path, err)
		}
		if setID != nil {
			setID(&v, snap.Ref.ID)
		}
		out = append(out, v)
	}
	return out, nil
}

package firestore

import (
	"sync/atomic"

	"cloud.google.com/go/firestore"
)

// followed is the last snapshot a listener delivered of a collection, so that a
// versioned write to one of its documents can start from it instead of reading the
// document first: the write is then one round trip (its commit) instead of two.
//
// The copy is never trusted, only tried. It may be behind the store (a change the
// listener has not delivered yet), never ahead of it. The write it leads to is
// conditional on the copy's update time (or, for a document the copy lacks, on the
// document still not existing), so a stale copy cannot make a wrong write land: the
// commit fails its precondition and versioned reads the document and decides again, at
// once. When deciding on the copy ends in an error (a CONFLICT on its version, a
// NOT_FOUND), versioned reads the document too before it answers, so no error a caller
// sees comes from a stale copy either. What a stale copy costs is the round trip it
// was meant to save, plus the failed commit.
//
// One listener at a time keeps a followed: the one that stops clears it.
//
// Covered by TestFollowedCopy (stale copies: a version behind, one that misses a created
// document, one that still has a deleted one; each answered as a read would, after one
// read; and a current copy, written over with no read), and exercised by
// server/contention_test.go (twenty API writers of one route at once).
type followed struct {
	docs atomic.Pointer[map[string]*firestore.DocumentSnapshot] // by document id; nil while no listener runs
}

// set replaces the copy with a listener's snapshot of the whole collection.
func (f *followed) set(docs []*firestore.DocumentSnapshot) {
	m := make(map[string]*firestore.DocumentSnapshot, len(docs))
	for _, d := range docs {
		m[d.Ref.ID] = d
	}
	f.docs.Store(&m)
}

// clear forgets the copy, when its listener stops.
func (f *followed) clear() { f.docs.Store(nil) }

// lookup returns the copy of document id: known is false when no listener runs (or f is
// nil), and snap is nil when the listener's collection had no such document.
func (f *followed) lookup(id string) (snap *firestore.DocumentSnapshot, known bool) {
	if f == nil {
		return nil, false
	}
	m := f.docs.Load()
	if m == nil {
		return nil, false
	}
	return (*m)[id], true
}

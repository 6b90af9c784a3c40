package firestore

import (
	"context"
	"fmt"
	"time"

	"cloud.google.com/go/firestore"
	pb "cloud.google.com/go/firestore/apiv1/firestorepb"

	"github.com/northstar/northstar/internal/follow"
)

// RoutesStat implements routing.Source: how many routes are stored, and the newest
// updatedAt.
func (s *Store) RoutesStat(ctx context.Context) (follow.Stat, error) {
	return s.collectionStat(ctx, s.routes(), s.routes().OrderBy("updatedAt", firestore.Desc), "updatedAt")
}

// DocumentsStat implements documents.Store: how many trusted documents are stored, and
// the newest createdAt.
func (s *Store) DocumentsStat(ctx context.Context) (follow.Stat, error) {
	return s.collectionStat(ctx, s.trustedDocuments(), s.trustedDocuments().OrderBy("createdAt", firestore.Desc), "createdAt")
}

// collectionStat reads what a follower's copy of coll is compared with (internal/follow):
// a count aggregation, and the first document of newest (coll ordered by field, newest
// first, written out by the caller so that TestIndexConfig sees the field queried),
// whose field must be a timestamp (the followers take their newest from the same field).
// Two small reads, whatever the collection's size: the aggregation costs one read per
// thousand index entries.
func (s *Store) collectionStat(ctx context.Context, coll *firestore.CollectionRef, newest firestore.Query, field string) (follow.Stat, error) {
	ctx, done := s.bound(ctx)
	defer done()
	res, err := coll.NewAggregationQuery().WithCount("n").Get(ctx)
	if err != nil {
		return follow.Stat{}, fmt.Errorf("firestore: counting %s: %w", coll.ID, err)
	}
	n, ok := res["n"].(*pb.Value)
	if !ok {
		return follow.Stat{}, fmt.Errorf("firestore: counting %s: no count in %v", coll.ID, res)
	}
	stat := follow.Stat{Count: int(n.GetIntegerValue())}
	docs, err := newest.Limit(1).Documents(ctx).GetAll()
	if err != nil {
		return follow.Stat{}, fmt.Errorf("firestore: the newest of %s: %w", coll.ID, err)
	}
	if len(docs) == 1 {
		v, err := docs[0].DataAt(field)
		if err != nil {
			return follow.Stat{}, fmt.Errorf("firestore: the newest of %s: %w", coll.ID, err)
		}
		if stat.Newest, ok = v.(time.Time); !ok {
			return follow.Stat{}, fmt.Errorf("firestore: %s.%s of %s is %T, not a time", coll.ID, field, docs[0].Ref.ID, v)
		}
	}
	return stat, nil
}

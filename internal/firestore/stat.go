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

// AccessStat implements live.AccessLog: the newest access event's commit time. The log
// expires (a TTL on expireAt), so its count is not compared.
func (s *Store) AccessStat(ctx context.Context) (follow.Stat, error) {
	ctx, done := s.bound(ctx)
	defer done()
	newest, err := newestAt(ctx, s.accessEvents().OrderBy("at", firestore.Desc), "at")
	return follow.Stat{Newest: newest}, err
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
	stat.Newest, err = newestAt(ctx, newest, field)
	return stat, err
}

// newestAt returns the timestamp field of the first document of q (ordered by it, newest
// first); zero when q matches nothing.
func newestAt(ctx context.Context, q firestore.Query, field string) (time.Time, error) {
	docs, err := q.Limit(1).Documents(ctx).GetAll()
	if err != nil || len(docs) == 0 {
		return time.Time{}, wrap("read the newest "+field, err)
	}
	v, err := docs[0].DataAt(field)
	if err != nil {
		return time.Time{}, wrap("read the newest "+field, err)
	}
	t, ok := v.(time.Time)
	if !ok {
		return time.Time{}, fmt.Errorf("firestore: %s of %s is %T, not a time", field, docs[0].Ref.Path, v)
	}
	return t, nil
}

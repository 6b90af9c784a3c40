package firestore

import (
	"context"
	"sync"

	pb "cloud.google.com/go/firestore/apiv1/firestorepb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/northstar/northstar/internal/chat"
)

// Group commit of message creates. A busy thread's posts are independent documents
// (messages/{seq}), but sending each in its own request costs the store and this process
// more than the write itself: measured on the emulator with 64 concurrent writers (CPU of
// the whole machine per create, after warm-up), about 300-420 µs as one Create per
// request and 90-190 µs in BatchWrite requests of 8. So CreateMessage hands its write to
// a batcher, which keeps up to maxBatchesInFlight BatchWrite requests in flight: a write
// that finds a free sender goes out at once, alone (an idle store adds no latency);
// writes that arrive while every sender is busy queue, and the next free sender takes
// all of them (up to maxBatch). No timer: batches grow exactly as far as the store's
// latency makes writes wait anyway.
//
// BatchWrite, unlike a commit, is not atomic: each write has its own status, so a post
// whose seq is taken (CONFLICT) or whose write fails affects no other post in the batch,
// and a create stays create-if-absent. The client library sends BatchWrite only through
// its BulkWriter, which throttles to a fixed rate, holds writes up to a second for a
// batch and has one context for all writes; hence the API client in Client and the
// encoding in messageFields, kept equal to the library's by TestBatchedMessageEncoding.
//
// Failure modes. A request that fails or times out fails each of its writes with its
// error; each post then settles its seq as after a failed single create (chat.Service.
// Post: the skip marker's create finds the message when the write landed after all). A
// caller whose context ends while its write is queued is answered at once, and its write
// is dropped before it is sent; one whose context ends while its write is in flight is
// answered at once too and settles its seq the same way. A store known to be down fails
// a request at once (bound), like any other operation. TestBatcher covers the batching
// and these paths with a scripted store; the chat tests and part e of make bench run it
// against the emulator.
const (
	maxBatchesInFlight = 2
	// maxBatch stays well inside BatchWrite's limits (500 writes, 10 MiB: a message is at
	// most chat.MaxTextLength characters).
	maxBatch = 100
)

// batchWriter sends writes in one BatchWrite request and returns each write's error
// (nil when it was applied), or the request's error.
type batchWriter func(ctx context.Context, writes []*pb.Write) ([]error, error)

// batcher groups concurrent writes into BatchWrite requests.
type batcher struct {
	write batchWriter
	// bound bounds a request, as every store operation is (Store.bound).
	bound func(context.Context) (context.Context, context.CancelFunc)

	mu      sync.Mutex
	queue   []*pendingWrite
	senders int // goroutines sending requests, at most maxBatchesInFlight
}

type pendingWrite struct {
	ctx   context.Context
	write *pb.Write
	done  chan error // buffered: the sender never waits for the caller
}

// do sends w in the next request and returns its error, or ctx's error when ctx ends
// first (the write may still be applied then, unless it was still queued).
func (b *batcher) do(ctx context.Context, w *pb.Write) error {
	p := &pendingWrite{ctx: ctx, write: w, done: make(chan error, 1)}
	b.mu.Lock()
	b.queue = append(b.queue, p)
	if b.senders < maxBatchesInFlight {
		b.senders++
		go b.send()
	}
	b.mu.Unlock()
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// send sends what is queued, a batch at a time, until the queue is empty.
func (b *batcher) send() {
	for {
		b.mu.Lock()
		n := min(len(b.queue), maxBatch)
		if n == 0 {
			b.senders--
			b.mu.Unlock()
			return
		}
		batch := make([]*pendingWrite, 0, n)
		for _, p := range b.queue[:n] {
			if p.ctx.Err() == nil { // a caller that gave up is not written for
				batch = append(batch, p)
			}
		}
		clear(b.queue[:n])
		b.queue = b.queue[n:]
		if len(b.queue) == 0 {
			b.queue = nil // let the backing array go
		}
		b.mu.Unlock()
		if len(batch) > 0 {
			b.flush(batch)
		}
	}
}

func (b *batcher) flush(batch []*pendingWrite) {
	writes := make([]*pb.Write, len(batch))
	for i, p := range batch {
		writes[i] = p.write
	}
	ctx, done := b.bound(context.Background())
	errs, err := b.write(ctx, writes)
	done()
	for i, p := range batch {
		switch {
		case err != nil:
			p.done <- err
		case i < len(errs):
			p.done <- errs[i]
		default:
			p.done <- status.Error(codes.Internal, "firestore: BatchWrite answered fewer statuses than writes")
		}
	}
}

// batchWrite is the batchWriter of a Client.
func (c *Client) batchWrite(ctx context.Context, writes []*pb.Write) ([]error, error) {
	res, err := c.api.BatchWrite(ctx, &pb.BatchWriteRequest{Database: c.database, Writes: writes})
	if err != nil {
		return nil, err
	}
	errs := make([]error, len(res.GetStatus()))
	for i, st := range res.GetStatus() {
		if st.GetCode() != 0 {
			errs[i] = status.ErrorProto(st)
		}
	}
	return errs, nil
}

// createWrite is a write that creates the document named name (a full resource name,
// DocumentRef.Path) with fields, failing with AlreadyExists when it exists.
func createWrite(name string, fields map[string]*pb.Value) *pb.Write {
	return &pb.Write{
		Operation:       &pb.Write_Update{Update: &pb.Document{Name: name, Fields: fields}},
		CurrentDocument: &pb.Precondition{ConditionType: &pb.Precondition_Exists{Exists: false}},
	}
}

// messageFields encodes m as the client library encodes a chat.Message (its firestore
// tags; skipped is omitempty).
func messageFields(m chat.Message) map[string]*pb.Value {
	str := func(s string) *pb.Value { return &pb.Value{ValueType: &pb.Value_StringValue{StringValue: s}} }
	f := map[string]*pb.Value{
		"id":        str(m.ID),
		"threadId":  str(m.ThreadID),
		"seq":       {ValueType: &pb.Value_IntegerValue{IntegerValue: int64(m.Seq)}},
		"text":      str(m.Text),
		"authorId":  str(m.AuthorID),
		"createdAt": {ValueType: &pb.Value_TimestampValue{TimestampValue: timestamppb.New(m.CreatedAt)}},
	}
	if m.Skipped {
		f["skipped"] = &pb.Value{ValueType: &pb.Value_BooleanValue{BooleanValue: true}}
	}
	return f
}

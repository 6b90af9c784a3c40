package chat

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Limits.
const (
	MaxTextLength = 4000
	MaxPage       = 100
	// replayPage is how many stored messages a subscription reads per round trip: large
	// enough that a subscriber resuming behind a busy thread catches up.
	replayPage = 500
	// streamBuffer is how many messages wait between a subscription and its consumer.
	streamBuffer = 16
	// postAttempts bounds how often one post allocates a seq again after a conflict.
	postAttempts = 8
	// maxOwners bounds the cache of realtime owners (they never change once recorded).
	maxOwners = 1 << 16
)

// Defaults of Config's timings.
const (
	// DefaultGapTimeout is how long after the allocation of a later entry a missing seq is
	// given before readers mark it skipped. It must exceed a healthy create's latency by a
	// wide margin: a writer slower than this does not lose its post, it allocates again.
	DefaultGapTimeout = 3 * time.Second
	// DefaultReorderWait is how long a live message ahead of its turn waits for the ones
	// before it to arrive live before the stream reads the store.
	DefaultReorderWait = 250 * time.Millisecond
	// skipTimeout bounds the skip write of a failed post, made after the request's own
	// context may have ended.
	skipTimeout = 2 * time.Second
)

// Counters observes what the service cannot report to its callers.
type Counters interface {
	// PublishFailed counts a message stored but not published (subscribers recover it).
	PublishFailed()
	// SequencerFailed counts a post that allocated its seq from the store because the
	// sequencer (Redis) failed.
	SequencerFailed()
}

// Service is the chat service.
type Service struct {
	store       Store
	bus         Bus
	seq         Sequencer
	log         *slog.Logger
	counters    Counters
	now         func() time.Time
	gapTimeout  time.Duration
	reorderWait time.Duration

	hubsMu sync.Mutex
	hubs   map[string]*hub // by thread id

	ownersMu sync.RWMutex
	owners   map[string]Owner // by caller tenant and id; Kind "" records absence
}

// Config holds the Service's dependencies.
type Config struct {
	Store     Store     // required
	Bus       Bus       // required
	Sequencer Sequencer // required
	Log       *slog.Logger
	// Counters may be nil.
	Counters Counters
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// GapTimeout and ReorderWait tune how readers treat missing seqs; DefaultGapTimeout
	// and DefaultReorderWait when zero.
	GapTimeout, ReorderWait time.Duration
}

// NewService returns a Service.
func NewService(cfg Config) *Service {
	s := &Service{
		store: cfg.Store, bus: cfg.Bus, seq: cfg.Sequencer, log: cfg.Log, counters: cfg.Counters, now: cfg.Now,
		gapTimeout: cfg.GapTimeout, reorderWait: cfg.ReorderWait, hubs: map[string]*hub{}, owners: map[string]Owner{},
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.gapTimeout <= 0 {
		s.gapTimeout = DefaultGapTimeout
	}
	if s.reorderWait <= 0 {
		s.reorderWait = DefaultReorderWait
	}
	return s
}

// Topic is the bus topic of a thread.
func Topic(threadID string) string { return "chat:" + threadID }

// CreateThread creates a thread in scope s on behalf of userID.
// Returns CONTEXT_MISSING (no env), BAD_USER_INPUT.
func (s *Service) CreateThread(ctx context.Context, sc Scope, userID, title string) (Thread, error) {
	if sc.Env == "" {
		return Thread{}, apperr.E(apperr.ContextMissing, "X-Env is required: threads belong to an env")
	}
	title, err := tenancy.CleanName("title", title)
	if err != nil {
		return Thread{}, err
	}
	t := Thread{
		ID: ids.New(ids.Thread), TenantID: sc.TenantID, Env: sc.Env, ProjectID: sc.ProjectID,
		Title: title, CreatedBy: userID, CreatedAt: s.now().UTC(),
	}
	if err := s.store.CreateThread(ctx, t); err != nil {
		return Thread{}, err
	}
	// A new thread's counter starts at 0, so its first posts need not look for the
	// store's last seq. Best effort: without it, the first post recovers the counter.
	if err := s.seq.Seed(ctx, t.ID); err != nil {
		s.log.WarnContext(ctx, "chat: could not seed a new thread's counter", "thread", t.ID, "err", err)
	}
	return t, nil
}

// authorize returns NOT_FOUND unless the realtime registry records threadID as owned by sc:
// another tenant's (or project's, or env's) thread is indistinguishable from none.
func (s *Service) authorize(ctx context.Context, sc Scope, threadID string) error {
	if !ids.ValidFor(ids.Thread, threadID) {
		return apperr.E(apperr.NotFound, "no such thread")
	}
	o, err := s.owner(ctx, sc.TenantID, threadID)
	if apperr.Is(err, apperr.NotFound) || err == nil && (o.Kind != KindThread || !o.owns(sc)) {
		return apperr.E(apperr.NotFound, "no such thread") // the same words for absent and foreign
	}
	return err
}

// owner returns a realtime resource's owner (NOT_FOUND when none is recorded), as seen by
// a caller in tenantID. Owners never change once recorded, so they are cached without
// expiry (bounded: the cache empties when full), per caller tenant and id. Both choices
// keep timing from telling another tenant's resource from an absent one: absence is
// cached too (otherwise only absent ids would cost a store read every time), and a
// tenant's first question about an id costs a store read even when another tenant's
// traffic has the owner cached. Caching absence is safe because ids are random and made by
// the server when it records the owner (nobody can ask about an id before it exists
// except by guessing), and realtime resources are never deleted.
func (s *Service) owner(ctx context.Context, tenantID, id string) (Owner, error) {
	key := tenantID + "/" + id
	s.ownersMu.RLock()
	o, ok := s.owners[key]
	s.ownersMu.RUnlock()
	if !ok {
		var err error
		o, err = s.store.Owner(ctx, id)
		if err != nil && !apperr.Is(err, apperr.NotFound) {
			return Owner{}, err
		}
		if err != nil {
			o = Owner{} // absent
		}
		s.ownersMu.Lock()
		if len(s.owners) >= maxOwners {
			clear(s.owners)
		}
		s.owners[key] = o
		s.ownersMu.Unlock()
	}
	if o.Kind == "" {
		return Owner{}, apperr.E(apperr.NotFound, "no such realtime resource")
	}
	return o, nil
}

// Thread returns a thread of sc. Returns NOT_FOUND.
func (s *Service) Thread(ctx context.Context, sc Scope, id string) (Thread, error) {
	if err := s.authorize(ctx, sc, id); err != nil {
		return Thread{}, err
	}
	return s.store.Thread(ctx, id)
}

// LastSeq returns the highest seq taken in a thread (by a message or a skip marker), 0
// when none is. The caller has authorized the thread. Returns UNAVAILABLE.
func (s *Service) LastSeq(ctx context.Context, threadID string) (int, error) {
	return s.store.LastSeq(ctx, threadID)
}

// Threads lists sc's threads. Returns BAD_USER_INPUT for first outside 1..MaxPage.
func (s *Service) Threads(ctx context.Context, sc Scope, first int) ([]Thread, error) {
	if first < 1 || first > MaxPage {
		return nil, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPage)
	}
	return s.store.Threads(ctx, sc, first)
}

// Post stores a message at the thread's next seq and then publishes it (see the package
// documentation for the write path and its failure modes). A failed publish is logged and
// counted, not returned: the message is durable and subscribers recover it from the store.
// Returns BAD_USER_INPUT, NOT_FOUND, UNAVAILABLE (the store did not answer, or the thread
// stayed too contended to place the message; retry).
func (s *Service) Post(ctx context.Context, sc Scope, userID, threadID, text string) (Message, error) {
	if err := checkText(text); err != nil {
		return Message{}, err
	}
	if err := s.authorize(ctx, sc, threadID); err != nil {
		return Message{}, err
	}
	m := Message{ID: ids.New(ids.Message), ThreadID: threadID, Text: text, AuthorID: userID}
	floor := -1 // the seq to allocate above; -1 while the sequencer's counter is trusted
	for range postAttempts {
		seq, err := s.allocate(ctx, threadID, floor)
		if err != nil {
			return Message{}, err
		}
		m.Seq, m.CreatedAt = seq, s.now().UTC()
		err = s.store.CreateMessage(ctx, m)
		if err == nil {
			s.publish(ctx, m)
			return m, nil
		}
		// Settle what occupies the seq: a conflict names another entry there; any other
		// failure leaves the seq empty (skip it, so readers pass it at once) or holding
		// this very message (the create landed but its answer was lost).
		got, serr := s.skip(ctx, threadID, seq)
		if serr == nil && got.ID == m.ID {
			s.publish(ctx, m)
			return m, nil
		}
		if !apperr.Is(err, apperr.Conflict) {
			return Message{}, err
		}
		floor = seq
	}
	return Message{}, apperr.E(apperr.Unavailable, "the thread is too busy to take the message now; retry")
}

// allocate returns the seq for the next attempt of a post: from the sequencer when its
// counter is trusted (floor < 0); otherwise, or when it lacks the counter, above both floor
// and the store's last seq. When the sequencer fails, the store alone decides: last + 1,
// and a concurrent post's conflict sends the loser round again.
func (s *Service) allocate(ctx context.Context, threadID string, floor int) (int, error) {
	if floor < 0 {
		seq, ok, err := s.seq.Next(ctx, threadID)
		if err == nil && ok {
			return seq, nil
		}
		if err != nil {
			return s.allocateFromStore(ctx, threadID, floor, err)
		}
	}
	last, err := s.store.LastSeq(ctx, threadID)
	if err != nil {
		return 0, err
	}
	seq, err := s.seq.NextAfter(ctx, threadID, max(floor, last))
	if err != nil {
		return s.allocateFromStore(ctx, threadID, max(floor, last), err)
	}
	return seq, nil
}

func (s *Service) allocateFromStore(ctx context.Context, threadID string, floor int, cause error) (int, error) {
	s.log.WarnContext(ctx, "chat: sequencer failed; allocating from the store", "thread", threadID, "err", cause)
	if s.counters != nil {
		s.counters.SequencerFailed()
	}
	last, err := s.store.LastSeq(ctx, threadID)
	if err != nil {
		return 0, err
	}
	return max(floor, last) + 1, nil
}

// skip stores a skip marker at seq unless it is occupied, publishes the marker so live
// readers pass it at once, and returns the occupant. It outlives a request that ended.
func (s *Service) skip(ctx context.Context, threadID string, seq int) (Message, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), skipTimeout)
	defer cancel()
	got, err := s.store.Skip(ctx, threadID, seq, s.now().UTC())
	if err != nil {
		s.log.WarnContext(ctx, "chat: could not settle a seq; readers skip it after the gap timeout", "thread", threadID, "seq", seq, "err", err)
		return Message{}, err
	}
	if got.Skipped {
		s.publish(ctx, got)
	}
	return got, nil
}

// publish sends a stored entry to live subscribers; a failure is logged and counted.
func (s *Service) publish(ctx context.Context, m Message) {
	payload, err := json.Marshal(m)
	if err == nil {
		err = s.bus.Publish(ctx, Topic(m.ThreadID), payload)
	}
	if err != nil {
		s.log.WarnContext(ctx, "chat: message stored but not published; subscribers will recover it", "thread", m.ThreadID, "seq", m.Seq, "err", err)
		if s.counters != nil {
			s.counters.PublishFailed()
		}
	}
}

// Messages pages a thread's history: up to first messages with seq > after, oldest
// first (skipped seqs are passed over). Returns BAD_USER_INPUT, NOT_FOUND.
func (s *Service) Messages(ctx context.Context, sc Scope, threadID string, after, first int) ([]Message, error) {
	if first < 1 || first > MaxPage {
		return nil, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPage)
	}
	if after < 0 {
		return nil, apperr.E(apperr.BadUserInput, "after must not be negative")
	}
	if err := s.authorize(ctx, sc, threadID); err != nil {
		return nil, err
	}
	out := make([]Message, 0, first)
	for len(out) < first {
		want := first - len(out)
		entries, err := s.store.Messages(ctx, threadID, after, want)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			after = e.Seq
			if !e.Skipped {
				out = append(out, e)
			}
		}
		if len(entries) < want {
			break
		}
	}
	return out, nil
}

func checkText(text string) error {
	if strings.TrimSpace(text) == "" || utf8.RuneCountInString(text) > MaxTextLength || !utf8.ValidString(text) {
		return apperr.E(apperr.BadUserInput, "text must be 1 to %d characters", MaxTextLength)
	}
	for _, r := range text {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return apperr.E(apperr.BadUserInput, "text must not contain control characters")
		}
	}
	return nil
}

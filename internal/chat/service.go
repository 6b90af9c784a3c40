package chat

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
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
	// replayPage is how many stored messages a subscription reads per round trip.
	replayPage = 100
	// streamBuffer is how many messages wait between a subscription and its consumer.
	streamBuffer = 16
)

// Counters observes what the service cannot report to its callers.
type Counters interface {
	// PublishFailed counts a message stored but not published (subscribers recover it).
	PublishFailed()
}

// Service is the chat service.
type Service struct {
	store    Store
	bus      Bus
	log      *slog.Logger
	counters Counters
	now      func() time.Time
}

// Config holds the Service's dependencies.
type Config struct {
	Store Store // required
	Bus   Bus   // required
	Log   *slog.Logger
	// Counters may be nil.
	Counters Counters
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// NewService returns a Service.
func NewService(cfg Config) *Service {
	s := &Service{store: cfg.Store, bus: cfg.Bus, log: cfg.Log, counters: cfg.Counters, now: cfg.Now}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
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
	return t, nil
}

// authorize returns NOT_FOUND unless the realtime registry records threadID as owned by sc:
// another tenant's (or project's, or env's) thread is indistinguishable from none.
func (s *Service) authorize(ctx context.Context, sc Scope, threadID string) error {
	if !ids.ValidFor(ids.Thread, threadID) {
		return apperr.E(apperr.NotFound, "no such thread")
	}
	o, err := s.store.Owner(ctx, threadID)
	if err != nil {
		return err
	}
	if o.Kind != KindThread || !o.owns(sc) {
		return apperr.E(apperr.NotFound, "no such thread")
	}
	return nil
}

// Thread returns a thread of sc. Returns NOT_FOUND.
func (s *Service) Thread(ctx context.Context, sc Scope, id string) (Thread, error) {
	if err := s.authorize(ctx, sc, id); err != nil {
		return Thread{}, err
	}
	return s.store.Thread(ctx, id)
}

// Threads lists sc's threads. Returns BAD_USER_INPUT for first outside 1..MaxPage.
func (s *Service) Threads(ctx context.Context, sc Scope, first int) ([]Thread, error) {
	if first < 1 || first > MaxPage {
		return nil, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPage)
	}
	return s.store.Threads(ctx, sc, first)
}

// Post stores a message with the thread's next seq and then publishes it. A failed
// publish is logged and counted, not returned: the message is durable and subscribers
// recover it from the store. Returns BAD_USER_INPUT, NOT_FOUND.
func (s *Service) Post(ctx context.Context, sc Scope, userID, threadID, text string) (Message, error) {
	if err := checkText(text); err != nil {
		return Message{}, err
	}
	if err := s.authorize(ctx, sc, threadID); err != nil {
		return Message{}, err
	}
	m, err := s.store.AppendMessage(ctx, sc, Message{
		ID: ids.New(ids.Message), ThreadID: threadID, Text: text, AuthorID: userID, CreatedAt: s.now().UTC(),
	})
	if err != nil {
		return Message{}, err
	}
	payload, err := json.Marshal(m)
	if err == nil {
		err = s.bus.Publish(ctx, Topic(threadID), payload)
	}
	if err != nil {
		s.log.WarnContext(ctx, "chat: message stored but not published; subscribers will recover it", "thread", threadID, "seq", m.Seq, "err", err)
		if s.counters != nil {
			s.counters.PublishFailed()
		}
	}
	return m, nil
}

// Messages pages a thread's history. Returns BAD_USER_INPUT, NOT_FOUND.
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
	return s.store.Messages(ctx, threadID, after, first)
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

// Package multiplex executes a subscription once per event for all the subscribers that
// would get the same bytes, and hands each of them that one response.
//
// # Why
//
// gqlgen runs a subscription's selection set once per event and subscriber, then encodes
// the result: with 1,000 subscribers of one chat thread that is 1,000 executions of the same
// selection on the same message, about 8 µs each of the 27 µs a delivery cost (BENCHMARKS.md
// part b). Every client of an app usually sends the same subscription document (with
// trusted documents, the same hash), so the work can be shared, as Hasura's multiplexed
// subscriptions and Centrifugo's pre-encoded publications share it.
//
// # How
//
// Multiplexer.Around is an operation interceptor. For a subscription it first runs the
// operation as usual, with a probe in its context. The subscription's resolver checks the
// subscriber's access as always (directives included) and then calls Share with the name
// of the stream it would follow (for a thread: its scope and id). Share is the resolver's
// statement that every subscriber it authorizes for that stream, with the same document
// and variables, gets the same bytes per event: nothing in the selection depends on who
// asks. The resolver then returns a closed channel instead of following the stream. A
// resolver that does not call Share (another field, arguments it refuses) has run its
// real subscription, which Around returns unchanged.
//
// Subscribers that Share the same stream with the same document, operation name and
// variables form a group. The first one's arrival starts the group's one execution (the
// upstream): the same operation dispatched on a separate executor with the first
// subscriber's context, detached from its cancellation, so the group outlives the
// subscriber that started it. Each event the upstream produces is copied and encoded
// (encoding/json) once and put in the group's ring. The group's announcer, a goroutine of
// its own, then notifies every member's Receiver in a pass; a pass over many members is
// split between GOMAXPROCS goroutines (shardMembers). Publishing does not wait for the
// announcer: when a pass takes longer than the time between events, the next pass hands
// each member every response published meanwhile. A transport that follows its members
// (wsgorilla.Transport) reads the encoded bytes with Member.Next during the notification
// and writes them with only the operation's envelope: no goroutine, queue or allocation
// per member and event. A subscription without a Receiver gets a response handler that
// blocks until the member's next response. The upstream stops when the last member
// leaves, and a group whose upstream ended (its stream closed) completes every member.
//
// Where a member starts depends on the stream (Share's live). A live-only stream starts at
// the subscriber's arrival: a member joins where the group stands. A replay (a thread's
// messages after a seq, then live ones) is the same for every subscriber with the same
// variables: a member reads the group from its first response, which is what its own
// execution would have sent (the stored messages after the point, then every later one),
// as long as the group still holds that response; a group past half its ring takes no
// more members, and the next subscriber starts a new group.
//
// # Failure modes
//
//   - A member that falls more than the ring behind (its connection writes too slowly) has
//     lost events the group no longer holds. Its connection is closed with Config.Behind
//     (1013: the client reconnects and resumes with after, which is served from the store
//     by a subscription of its own), never completed, which would look like the end of the
//     stream.
//   - A replay member that joined a group close to the end of what its ring holds may find
//     the first response gone when it first reads: it is closed with Behind like any member
//     behind the ring, and resumes.
//   - Subscribers resuming from different points have different variables, hence groups of
//     their own: sharing their live part is a later step (it needs the stream's positions).
//   - An upstream that fails to start (its access check failed since the probe) sends its
//     error to the members and ends the group.
//
// Tests: multiplex_test.go (one upstream per key, different keys, pass-through, leaving,
// falling behind, the upstream ending, a refused upstream, where live and replay members
// start, a Receiver's statuses); wsgorilla TestTransport (members served by the
// transport, without a goroutine each); server TestSharedSubscriptions (groups on the emulator and Redis, an outsider
// refused while a group runs); every server-level realtime test and the npm client tests
// run thread subscriptions through it.
package multiplex

import (
	"bytes"
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// DefaultRing is how many of a group's latest responses it keeps for members that are
// behind: about 20 s of a thread posting 50 messages a second.
const DefaultRing = 1024

// Dispatcher runs an operation (*executor.Executor). The Multiplexer's must not include
// the Multiplexer itself among its interceptors.
type Dispatcher interface {
	DispatchOperation(ctx context.Context, rc *graphql.OperationContext) (graphql.ResponseHandler, context.Context)
}

// Config configures New.
type Config struct {
	// Upstream runs each group's one execution. Required.
	Upstream Dispatcher
	// Behind is called with a member's context when it fell more than the ring behind; it
	// must end the member's connection (1013). Required.
	Behind func(ctx context.Context)
	// Ring is the number of responses a group keeps; DefaultRing when 0.
	Ring int
}

// Multiplexer groups subscribers that share a stream (see the package documentation).
type Multiplexer struct {
	cfg Config

	mu      sync.Mutex
	groups  map[string]*group // the group a new subscriber of a key joins
	running int               // groups whose upstream runs, joinable or not
	members int
}

// New returns a Multiplexer.
func New(cfg Config) *Multiplexer {
	if cfg.Ring <= 0 {
		cfg.Ring = DefaultRing
	}
	return &Multiplexer{cfg: cfg, groups: map[string]*group{}}
}

type probeKey struct{}

// probe records the stream a resolver shares.
type probe struct {
	stream string
	live   bool
}

// Share is called by a subscription resolver once it has authorized the subscriber: it
// says that every subscriber it authorizes for stream, with the same document and
// variables, gets the same bytes per event. live tells where a subscriber's stream starts:
// at its arrival (a live-only subscription), so it joins a running group where the group
// stands; or at a point its arguments name (a replay, such as a thread's messages after a
// seq), so it joins a running group from the group's first response, while the group
// still holds it, and otherwise starts a new group. When Share returns true the resolver
// returns a closed channel and follows nothing: the subscriber is served by its group.
// When it returns false (the subscription is not being started through a Multiplexer, or
// is a group's own execution) the resolver subscribes as usual.
func Share(ctx context.Context, stream string, live bool) bool {
	p, ok := ctx.Value(probeKey{}).(*probe)
	if !ok || stream == "" {
		return false
	}
	p.stream, p.live = stream, live
	return true
}

// Closed returns a closed channel: what a resolver returns when Share returned true.
func Closed[T any]() <-chan T {
	ch := make(chan T)
	close(ch)
	return ch
}

// Receiver takes a member's responses without a goroutine of its own. A transport puts
// one in an operation's context (WithReceiver) before dispatching it; when the subscriber
// joins a group, Around calls Follow with the Member that serves it and returns a handler
// that ends at once, and from then on the group calls Notify whenever the member has
// something to read (Member.Next). A subscription without a Receiver is served by the
// handler Around returns, which blocks until the member's next response.
type Receiver interface {
	// Follow is called once, before the first Notify.
	Follow(*Member)
	// Notify says the member has responses to read or has ended. It is called from the
	// group's announcing goroutine, one member after the other (or, at its arrival, from
	// the subscriber's), and may read the member's responses and write them out, but must not
	// wait for a slow connection or call into the group otherwise: every member waits for
	// it.
	Notify()
}

type receiverKey struct{}

// WithReceiver returns ctx carrying r, for Around to find (see Receiver).
func WithReceiver(ctx context.Context, r Receiver) context.Context {
	return context.WithValue(ctx, receiverKey{}, r)
}

// Around is the operation interceptor (handler.Server.AroundOperations). Register it after
// the interceptors every subscriber must pass one by one (quotas), since members of a
// group pass through them but not through anything after Around.
func (m *Multiplexer) Around(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	rc := graphql.GetOperationContext(ctx)
	if rc == nil || rc.Operation == nil || rc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	p := &probe{}
	h := next(context.WithValue(ctx, probeKey{}, p))
	if p.stream == "" {
		return h // not shared: the operation ran as usual
	}
	key, err := groupKey(rc, p.stream)
	if err != nil {
		return next(ctx) // variables that do not encode: no group, the operation as usual
	}
	r, follows := ctx.Value(receiverKey{}).(Receiver)
	var wake chan struct{}
	if !follows {
		wake = make(chan struct{}, 1)
		r = signal(wake)
	}
	mb := m.join(ctx, rc, key, p.live, r)
	context.AfterFunc(ctx, func() { m.leave(mb) })
	if follows {
		return func(context.Context) *graphql.Response { return nil }
	}
	return func(context.Context) *graphql.Response { return mb.await(wake) }
}

// signal is the Receiver of a member served by a blocking handler (Member.await).
type signal chan struct{}

func (s signal) Follow(*Member) {}

func (s signal) Notify() {
	select {
	case s <- struct{}{}:
	default: // a wake-up is pending already
	}
}

// groupKey names what the group's bytes depend on: the stream, the document, the
// operation and the variables (encoding/json sorts map keys).
func groupKey(rc *graphql.OperationContext, stream string) (string, error) {
	vars, err := json.Marshal(rc.Variables)
	if err != nil {
		return "", err
	}
	return strings.Join([]string{stream, rc.OperationName, string(vars), rc.RawQuery}, "\x00"), nil
}

// join adds a member for ctx, read by r, to the group of key, starting the group when
// there is none, or when the member needs the group's first response (a replay) and the
// group may no longer hold it by the time the member reads: a new group then replays for
// the newcomers, and the old one serves its members on.
func (m *Multiplexer) join(ctx context.Context, rc *graphql.OperationContext, key string, live bool, r Receiver) *Member {
	m.mu.Lock()
	g, ok := m.groups[key]
	if ok && !live && g.head.Load() > int64(len(g.ring)/2) {
		ok = false
	}
	if !ok {
		g = newGroup(m, key, m.cfg.Ring)
		m.groups[key] = g
		m.running++
	}
	g.members++
	m.members++
	mb := &Member{ctx: ctx, g: g, recv: r}
	r.Follow(mb)
	pending := g.add(mb, live)
	if ok {
		m.mu.Unlock()
		if pending {
			r.Notify()
		}
		return mb
	}
	upCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	g.cancel = cancel
	m.mu.Unlock()
	if pending {
		r.Notify()
	}
	h, _ := m.cfg.Upstream.DispatchOperation(upCtx, rc)
	go g.run(upCtx, h)
	go g.announce()
	return mb
}

// leave removes a member; the last one stops the group's upstream.
func (m *Multiplexer) leave(mb *Member) {
	g := mb.g
	g.remove(mb)
	m.mu.Lock()
	defer m.mu.Unlock()
	g.members--
	m.members--
	if g.members == 0 {
		m.retire(g)
		g.stop()
	}
}

// ended retires a group whose upstream ended, so the next subscriber starts a new one.
func (m *Multiplexer) ended(g *group) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.retire(g)
}

// retire takes g out of the running groups, once; m.mu is held.
func (m *Multiplexer) retire(g *group) {
	if m.groups[g.key] == g {
		delete(m.groups, g.key)
	}
	if !g.retired {
		g.retired = true
		m.running--
	}
}

// Groups reports the groups whose upstream runs and the subscribers they serve, for
// metrics and tests.
func (m *Multiplexer) Groups() (groups, members int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.running, m.members
}

// group is the subscribers of one key and their one execution.
type group struct {
	mux     *Multiplexer
	key     string
	members int  // guarded by mux.mu
	retired bool // guarded by mux.mu: its upstream ended or its last member left

	stopOnce sync.Once
	cancel   context.CancelFunc // ends the upstream; set by join under mux.mu

	// The ring holds the latest responses, response n at ring[n%len(ring)] until response
	// n+len(ring) takes its place. head counts the responses published.
	ring []atomic.Pointer[entry]
	head atomic.Int64

	mu      sync.Mutex
	readers []*Member // every member, notified at each publication
	// wakeup has a token when a publication awaits announce's pass; closed when the
	// upstream ended.
	wakeup chan struct{}
	// notifying is the members notify is waking; only announce uses it.
	notifying []*Member
	done      atomic.Bool // the upstream ended: after head, nothing more comes; set under mu
}

func newGroup(m *Multiplexer, key string, ring int) *group {
	return &group{mux: m, key: key, ring: make([]atomic.Pointer[entry], ring), wakeup: make(chan struct{}, 1)}
}

// add registers mb, a live one at the group's head. It reports whether mb has something
// to read already (a replay, or a group that ended), which no pass of the announcer may
// tell it: the caller notifies it, outside the locks (a notification may write).
func (g *group) add(mb *Member, live bool) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	head := g.head.Load()
	if live {
		mb.cursor = head
	}
	mb.index = len(g.readers)
	g.readers = append(g.readers, mb)
	return g.done.Load() || mb.cursor < head
}

// remove unregisters mb.
func (g *group) remove(mb *Member) {
	g.mu.Lock()
	defer g.mu.Unlock()
	last := g.readers[len(g.readers)-1]
	g.readers[mb.index], last.index = last, mb.index
	g.readers[len(g.readers)-1] = nil
	g.readers = g.readers[:len(g.readers)-1]
}

// run publishes each response of the upstream until it ends.
func (g *group) run(ctx context.Context, h graphql.ResponseHandler) {
	defer g.finish()
	for {
		r := h(ctx)
		if r == nil {
			return
		}
		// The executor reuses its buffer for the next event: keep a copy, made once for
		// every member, and the response's encoding, which is what a transport sends.
		r = &graphql.Response{Data: bytes.Clone(r.Data), Errors: r.Errors, Extensions: r.Extensions}
		encoded, err := json.Marshal(r)
		if err != nil {
			encoded, _ = json.Marshal(&graphql.Response{Errors: gqlerror.List{gqlerror.Errorf("encoding the response: %v", err)}})
		}
		g.publish(&entry{r: r, encoded: encoded})
		if len(r.Errors) > 0 && len(r.Data) == 0 {
			return // the upstream could not start (a refusal is one response)
		}
	}
}

// entry is a response, its encoding and its number in the group's stream.
type entry struct {
	n       int64
	r       *graphql.Response
	encoded []byte
}

func (g *group) publish(e *entry) {
	n := g.head.Load()
	e.n = n
	g.ring[n%int64(len(g.ring))].Store(e)
	g.head.Store(n + 1)
	select {
	case g.wakeup <- struct{}{}:
	default: // the announcer has a pass to make already
	}
}

// announce notifies the members of every publication, pass after pass, on a goroutine of
// its own, until the upstream ended; then once more, so that they complete. Publishing
// does not wait for a pass: when the members take longer to notify than the upstream to
// publish (their connections write on the announcer's goroutine), the next pass hands
// each of them every response published meanwhile, several to one write.
func (g *group) announce() {
	for range g.wakeup {
		g.notify()
	}
	g.notify()
}

// shardMembers is how many members one goroutine notifies in a pass: about 25 ms of
// writes on this kind of machine. A pass over more members is split between up to
// GOMAXPROCS goroutines; below it one goroutine writes them all, which costs the least
// CPU (no hand-offs between threads).
const shardMembers = 2048

// notify wakes every member, outside the lock: members come and go meanwhile. A member
// that left may be notified once more, and finds its subscription ended.
func (g *group) notify() {
	g.mu.Lock()
	g.notifying = append(g.notifying[:0], g.readers...)
	g.mu.Unlock()
	ms := g.notifying
	defer clear(ms) // hold no member that leaves
	shards := min(runtime.GOMAXPROCS(0), (len(ms)+shardMembers-1)/shardMembers)
	if shards <= 1 {
		for _, mb := range ms {
			mb.recv.Notify()
		}
		return
	}
	per := (len(ms) + shards - 1) / shards
	var wg sync.WaitGroup
	for i := per; i < len(ms); i += per {
		part := ms[i:min(i+per, len(ms))]
		wg.Go(func() {
			for _, mb := range part {
				mb.recv.Notify()
			}
		})
	}
	for _, mb := range ms[:per] {
		mb.recv.Notify()
	}
	wg.Wait()
}

// finish marks the upstream ended and wakes the members, which complete.
func (g *group) finish() {
	g.mu.Lock()
	g.done.Store(true)
	g.mu.Unlock()
	close(g.wakeup) // announce's last pass
	g.mux.ended(g)
	g.stop()
}

func (g *group) stop() { g.stopOnce.Do(func() { g.cancel() }) }

// Status is what Member.Next found.
type Status uint8

const (
	// Empty: nothing to read until the next Notify.
	Empty Status = iota
	// Ready: Next returned the member's next response.
	Ready
	// Done: the group's stream ended; complete the subscription.
	Done
	// Behind: the member fell more than the ring behind and lost responses; call
	// Member.FellBehind, which ends its connection (1013), and send nothing more.
	Behind
)

// Member is one subscriber of a group. Its responses are read by one goroutine at a time.
type Member struct {
	ctx    context.Context
	g      *group
	recv   Receiver
	index  int   // in g.readers; guarded by g.mu
	cursor int64 // the number of the next response it reads; only its reader uses it
}

// Next returns the member's next response, encoded as encoding/json encodes a
// graphql.Response, when the status is Ready. The bytes are shared by every member and
// must not be modified.
func (mb *Member) Next() ([]byte, Status) {
	e, st := mb.take()
	if st != Ready {
		return nil, st
	}
	return e.encoded, Ready
}

// take is Next's entry.
func (mb *Member) take() (*entry, Status) {
	g := mb.g
	if mb.cursor < g.head.Load() {
		e := g.ring[mb.cursor%int64(len(g.ring))].Load()
		if e.n != mb.cursor { // a later response took its place
			return nil, Behind
		}
		mb.cursor++
		return e, Ready
	}
	if g.done.Load() && mb.cursor >= g.head.Load() {
		return nil, Done
	}
	return nil, Empty
}

// await is the blocking handler's read: the member's next response, nil when the
// subscription ends (the member's context ended, the upstream ended, or it fell behind).
// It waits on the member's own context whatever context the transport passes.
func (mb *Member) await(wake <-chan struct{}) *graphql.Response {
	for {
		e, st := mb.take()
		switch st {
		case Ready:
			return e.r
		case Done:
			return nil
		case Behind:
			mb.FellBehind()
			select {
			case <-mb.ctx.Done():
			case <-time.After(behindWait): // Behind could not end it: complete rather than hang
			}
			return nil
		}
		select {
		case <-wake:
		case <-mb.ctx.Done():
			return nil
		}
	}
}

// FellBehind ends the member's connection through Config.Behind (1013). The subscription
// must not be completed: completing would tell the client the stream is over, where it
// should reconnect and resume.
func (mb *Member) FellBehind() { mb.g.mux.cfg.Behind(mb.ctx) }

// behindWait bounds how long a blocking member that fell behind waits for its connection
// to end.
const behindWait = 5 * time.Second

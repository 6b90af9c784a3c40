package follow

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fake is a copy fed by a fake stream, and the collection it follows.
type fake struct {
	mu      sync.Mutex
	local   Stat
	applied uint64
	store   Stat
	fail    error // what Store answers, when set
	watches int
	stale   []Stat // the local Stats OnStale was given
	errs    int
	checks  int // OnCheckErr calls
}

func (f *fake) apply(s Stat) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.local = s
	f.applied++
}

func (f *fake) options(watch func(ctx context.Context, n int) error) Options {
	return Options{
		Check: 10 * time.Millisecond,
		Watch: func(ctx context.Context) error {
			f.mu.Lock()
			f.watches++
			n := f.watches
			f.mu.Unlock()
			return watch(ctx, n)
		},
		Store: func(context.Context) (Stat, error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			return f.store, f.fail
		},
		Local: func() (Stat, uint64) {
			f.mu.Lock()
			defer f.mu.Unlock()
			return f.local, f.applied
		},
		OnStale: func(local, _ Stat) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.stale = append(f.stale, local)
		},
		OnErr: func(error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.errs++
		},
		OnCheckErr: func(error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.checks++
		},
	}
}

func (f *fake) counts() (watches, stale, errs int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.watches, len(f.stale), f.errs
}

// run runs Run with o for d, then stops it and waits for it to return.
func run(t *testing.T, o Options, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { Run(ctx, o); close(done) }()
	time.Sleep(d)
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
}

var (
	t0 = time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)
	t1 = t0.Add(time.Second)
)

// A stream that delivered its first snapshot and then nothing, while the collection
// moved on, is restarted once: its new first snapshot brings the copy level.
func TestQuietStreamRestarted(t *testing.T) {
	f := &fake{store: Stat{Count: 2, Newest: t1}}
	run(t, f.options(func(ctx context.Context, n int) error {
		if n == 1 {
			f.apply(Stat{Count: 1, Newest: t0}) // then quiet
		} else {
			f.apply(Stat{Count: 2, Newest: t1}) // a new stream starts from the whole collection
		}
		<-ctx.Done()
		return ctx.Err()
	}), 300*time.Millisecond)
	watches, stale, errs := f.counts()
	if watches != 2 || stale != 1 || errs != 0 {
		t.Fatalf("watches %d, stale reports %d, errors %d; want 2, 1, 0", watches, stale, errs)
	}
	if got := f.stale[0]; got.Count != 1 || !got.Newest.Equal(t0) {
		t.Fatalf("OnStale got the copy's Stat %v, want 1 document at %v", got, t0)
	}
}

// A stream that keeps delivering is alive, even when every check catches the copy a
// change behind the collection.
func TestDeliveringStreamKept(t *testing.T) {
	f := &fake{store: Stat{Count: 5, Newest: t1}}
	run(t, f.options(func(ctx context.Context, _ int) error {
		for i := 0; ; i++ {
			f.apply(Stat{Count: i % 5, Newest: t0})
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(2 * time.Millisecond):
			}
		}
	}), 300*time.Millisecond)
	if watches, stale, _ := f.counts(); watches != 1 || stale != 0 {
		t.Fatalf("watches %d, stale reports %d; want 1, 0", watches, stale)
	}
}

// A quiet stream is not restarted while the copy matches the collection, nor while the
// collection cannot be read (no evidence): that run of failed checks is reported once.
func TestQuietStreamKept(t *testing.T) {
	for name, c := range map[string]struct {
		f      *fake
		checks int
	}{
		"Matching":   {&fake{store: Stat{Count: 1, Newest: t0}}, 0},
		"StoreFails": {&fake{store: Stat{Count: 2, Newest: t1}, fail: errors.New("unavailable")}, 1},
	} {
		t.Run(name, func(t *testing.T) {
			f := c.f
			run(t, f.options(func(ctx context.Context, _ int) error {
				f.apply(Stat{Count: 1, Newest: t0})
				<-ctx.Done()
				return ctx.Err()
			}), 200*time.Millisecond)
			if watches, stale, _ := f.counts(); watches != 1 || stale != 0 || f.checks != c.checks {
				t.Fatalf("watches %d, stale reports %d, check errors reported %d; want 1, 0, %d", watches, stale, f.checks, c.checks)
			}
		})
	}
}

// A copy that a fresh snapshot does not bring level is restarted less and less often.
func TestRestartsBackOff(t *testing.T) {
	f := &fake{store: Stat{Count: 2, Newest: t1}}
	run(t, f.options(func(ctx context.Context, _ int) error {
		f.apply(Stat{Count: 1, Newest: t0}) // never level
		<-ctx.Done()
		return ctx.Err()
	}), 1500*time.Millisecond)
	// Checks every 10 ms: restarts after 20, 40, 80, 160, then every 320 ms: 7 in 1.5 s at
	// most (75 without the back-off).
	if _, stale, _ := f.counts(); stale < 3 || stale > 8 {
		t.Fatalf("%d restarts in 1.5 s, want 3 to 8", stale)
	}
}

// A failed stream is reported and watched again.
func TestFailedStreamRetried(t *testing.T) {
	f := &fake{}
	o := f.options(func(ctx context.Context, n int) error {
		if n == 1 {
			return errors.New("stream broke")
		}
		<-ctx.Done()
		return ctx.Err()
	})
	o.Store = nil // no checks
	run(t, o, 400*time.Millisecond)
	if watches, stale, errs := f.counts(); watches != 2 || errs != 1 || stale != 0 {
		t.Fatalf("watches %d, errors %d, stale reports %d; want 2, 1, 0", watches, errs, stale)
	}
}

// A watch that ends on its own terms (nil) is watched again at once, and is no error;
// a failed one waits at most MaxDelay.
func TestEndedWatchRenewed(t *testing.T) {
	f := &fake{}
	o := f.options(func(ctx context.Context, n int) error {
		switch {
		case n <= 3:
			return nil // a bounded watch that ran its time
		case n <= 6:
			return errors.New("stream broke")
		}
		<-ctx.Done()
		return ctx.Err()
	})
	o.Store, o.MaxDelay = nil, 150*time.Millisecond
	// The three failures wait 100 + 150 + 150 ms; uncapped they would wait 100 + 200 +
	// 400 ms, past the 600 ms this runs.
	run(t, o, 600*time.Millisecond)
	if watches, _, errs := f.counts(); watches != 7 || errs != 3 {
		t.Fatalf("watches %d, errors %d; want 7 and 3 (the nil ends are no errors)", watches, errs)
	}
}

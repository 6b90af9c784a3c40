package ratelimit

import (
	"context"
	"time"
)

// Rates are the limits the SPEC sets; DefaultRates returns them. A zero Rate turns its
// limit off.
type Rates struct {
	// LoginFailuresPerEmail and LoginFailuresPerAddress refuse logins (even with the right
	// password) once an email or a client address has this many failures in the window.
	LoginFailuresPerEmail, LoginFailuresPerAddress Rate
	// CreationsPerAddress and CreationsPerUser bound signups and createTenant calls.
	CreationsPerAddress, CreationsPerUser Rate
	// TokenFailuresPerClient refuses /oauth/token for a client id with this many failures.
	TokenFailuresPerClient Rate
}

// DefaultRates returns the SPEC's limits.
func DefaultRates() Rates {
	return Rates{
		LoginFailuresPerEmail:   Rate{Limit: 10, Window: 15 * time.Minute},
		LoginFailuresPerAddress: Rate{Limit: 50, Window: 15 * time.Minute},
		CreationsPerAddress:     Rate{Limit: 20, Window: time.Hour},
		CreationsPerUser:        Rate{Limit: 20, Window: time.Hour},
		TokenFailuresPerClient:  Rate{Limit: 30, Window: 15 * time.Minute},
	}
}

// Policy applies Rates with a Limiter: the one place that says which event counts
// against which key.
type Policy struct {
	limiter *Limiter
	rates   Rates
}

// NewPolicy returns a Policy.
func NewPolicy(l *Limiter, r Rates) *Policy { return &Policy{limiter: l, rates: r} }

// Login returns RATE_LIMITED while email or address has too many recent failures
// (asking Redis once for both). Otherwise the caller reports the attempt's outcome to
// done: a failure counts against both (one more round trip); a success clears the
// email's failures, when it had any (only its owner can do that).
func (p *Policy) Login(ctx context.Context, email, address string) (done func(ok bool), err error) {
	byEmail := Query{"login-email", p.rates.LoginFailuresPerEmail, email}
	byAddress := Query{"login-address", p.rates.LoginFailuresPerAddress, address}
	counts, err := p.limiter.Check(ctx, byEmail, byAddress)
	if err != nil {
		return nil, err
	}
	return func(ok bool) {
		switch {
		case !ok:
			p.limiter.Add(ctx, byEmail, byAddress)
		case counts[0] > 0:
			p.limiter.Reset(ctx, byEmail)
		}
	}, nil
}

// Create counts one creation (a signup, or createTenant by userID) against address and,
// when set, userID; it returns RATE_LIMITED, counting nothing more, when either is at
// its limit.
func (p *Policy) Create(ctx context.Context, userID, address string) error {
	if err := p.limiter.Take(ctx, Query{"create-address", p.rates.CreationsPerAddress, address}); err != nil {
		return err
	}
	if userID == "" {
		return nil
	}
	return p.limiter.Take(ctx, Query{"create-user", p.rates.CreationsPerUser, userID})
}

// Token returns RATE_LIMITED while clientID has too many recent failures; otherwise the
// caller reports the attempt's outcome to done.
func (p *Policy) Token(ctx context.Context, clientID string) (done func(ok bool), err error) {
	q := Query{"token-client", p.rates.TokenFailuresPerClient, clientID}
	if _, err := p.limiter.Check(ctx, q); err != nil {
		return nil, err
	}
	return func(ok bool) {
		if !ok {
			p.limiter.Add(ctx, q)
		}
	}, nil
}

package chat

import (
	"context"
	"time"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/ids"
	"github.com/northstar/northstar/internal/tenancy"
)

// Canvases are the realtime registry's second kind of resource: owned by a (tenant, env,
// project) like threads, recorded durably with their creator, and authorized by that
// record on every read. Their content protocol is a later phase, so they need no bus:
// Canvases works with the store alone, even while no chat_bus route exists.

// Canvas is a shared drawing surface in a project.
type Canvas struct {
	ID        string    `firestore:"-"`
	TenantID  string    `firestore:"tenantId"`
	Env       string    `firestore:"env"`
	ProjectID string    `firestore:"projectId"`
	Title     string    `firestore:"title" audit:"title"`
	CreatedBy string    `firestore:"createdBy"`
	CreatedAt time.Time `firestore:"createdAt"`
}

// CanvasStore keeps canvases (internal/firestore).
type CanvasStore interface {
	// CreateCanvas stores c, records its owner in the realtime registry and ev in its
	// tenant's audit log, atomically.
	CreateCanvas(ctx context.Context, c Canvas, ev audit.Event) error
	// Owner returns a realtime resource's recorded owner. Returns NOT_FOUND.
	Owner(ctx context.Context, id string) (Owner, error)
	// Canvas returns a canvas. Returns NOT_FOUND.
	Canvas(ctx context.Context, id string) (Canvas, error)
	// Canvases lists a project's canvases, newest first.
	Canvases(ctx context.Context, s Scope, limit int) ([]Canvas, error)
}

// Canvases creates and reads canvases.
type Canvases struct {
	store CanvasStore
	now   func() time.Time
}

// NewCanvases returns Canvases over store; now is the clock (time.Now when nil).
func NewCanvases(store CanvasStore, now func() time.Time) *Canvases {
	if now == nil {
		now = time.Now
	}
	return &Canvases{store: store, now: now}
}

// Create creates a canvas in sc by whoever acts in ctx. Returns CONTEXT_MISSING (no
// env), BAD_USER_INPUT.
func (c *Canvases) Create(ctx context.Context, sc Scope, title string) (Canvas, error) {
	if sc.Env == "" {
		return Canvas{}, apperr.E(apperr.ContextMissing, "X-Env is required: canvases belong to an env")
	}
	title, err := tenancy.CleanName("title", title)
	if err != nil {
		return Canvas{}, err
	}
	now := c.now().UTC()
	v := Canvas{ID: ids.New(ids.Canvas), TenantID: sc.TenantID, Env: sc.Env, ProjectID: sc.ProjectID,
		Title: title, CreatedBy: audit.OriginFrom(ctx).Actor.ID, CreatedAt: now}
	if err := c.store.CreateCanvas(ctx, v, audit.New(ctx, now, sc.TenantID, "canvas.create", "canvas", v.ID)); err != nil {
		return Canvas{}, err
	}
	return v, nil
}

// Canvas returns a canvas of sc. Another scope's canvas is NOT_FOUND, like an absent one.
func (c *Canvases) Canvas(ctx context.Context, sc Scope, id string) (Canvas, error) {
	if !ids.ValidFor(ids.Canvas, id) {
		return Canvas{}, errNoCanvas
	}
	o, err := c.store.Owner(ctx, id)
	if apperr.Is(err, apperr.NotFound) || err == nil && (o.Kind != KindCanvas || !o.owns(sc)) {
		return Canvas{}, errNoCanvas
	}
	if err != nil {
		return Canvas{}, err
	}
	return c.store.Canvas(ctx, id)
}

var errNoCanvas = apperr.E(apperr.NotFound, "no such canvas")

// List lists sc's canvases, newest first. Returns BAD_USER_INPUT for first outside
// 1..MaxPage.
func (c *Canvases) List(ctx context.Context, sc Scope, first int) ([]Canvas, error) {
	if first < 1 || first > MaxPage {
		return nil, apperr.E(apperr.BadUserInput, "first must be between 1 and %d", MaxPage)
	}
	return c.store.Canvases(ctx, sc, first)
}

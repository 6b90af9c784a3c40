package tenancy

import (
	"context"
	"unicode/utf8"

	"github.com/northstar/northstar/internal/apperr"
	"github.com/northstar/northstar/internal/ids"
)

// Modes, surfaces and apps after their creation: updates name the version they read,
// deletes are final. Modes belong to t_system and their changes go to its audit log.

// maxDescriptionLength bounds a mode's description.
const maxDescriptionLength = 500

// CreateMode creates a mode. Returns BAD_USER_INPUT (a malformed id, name or
// description), CONFLICT (the id is taken).
func (s *Service) CreateMode(ctx context.Context, id, name, description string) (Mode, error) {
	m, err := modeFields(id, name, description)
	if err != nil {
		return Mode{}, err
	}
	m.OwnerTenant, m.Meta = ids.System, s.meta()
	return m, s.store.CreateMode(ctx, m, s.event(ctx, ids.System, "mode.create", "mode", id))
}

// UpdateMode renames and redescribes a mode; expectedVersion must be its version.
// Returns BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version).
func (s *Service) UpdateMode(ctx context.Context, id, name, description string, expectedVersion int) (Mode, error) {
	next, err := modeFields(id, name, description)
	if err != nil {
		if !validModeID(id) {
			return Mode{}, apperr.E(apperr.NotFound, "no such mode")
		}
		return Mode{}, err
	}
	now := s.now().UTC()
	return s.store.UpdateMode(ctx, id, expectedVersion, func(m *Mode) error {
		m.Name, m.Description, m.UpdatedAt = next.Name, next.Description, now
		return nil
	}, s.event(ctx, ids.System, "mode.update", "mode", id))
}

// DeleteMode deletes a mode no tenant uses. Returns NOT_FOUND, CONFLICT (a tenant uses
// it).
func (s *Service) DeleteMode(ctx context.Context, id string) error {
	if !validModeID(id) {
		return apperr.E(apperr.NotFound, "no such mode")
	}
	return s.store.DeleteMode(ctx, id, s.event(ctx, ids.System, "mode.delete", "mode", id))
}

// modeFields checks a mode's id, name and description.
func modeFields(id, name, description string) (Mode, error) {
	if !validModeID(id) {
		return Mode{}, apperr.E(apperr.BadUserInput, "mode id must be 1 to 32 of a-z, 0-9, - and _")
	}
	name, err := CleanName("mode name", name)
	if err != nil {
		return Mode{}, err
	}
	if utf8.RuneCountInString(description) > maxDescriptionLength || !utf8.ValidString(description) {
		return Mode{}, apperr.E(apperr.BadUserInput, "description must be at most %d characters", maxDescriptionLength)
	}
	return Mode{ID: id, Name: name, Description: description}, nil
}

// UpdateSurface renames tenantID's surface id. Returns BAD_USER_INPUT, NOT_FOUND (also
// another tenant's), CONFLICT (stale version).
func (s *Service) UpdateSurface(ctx context.Context, tenantID, id, name string, expectedVersion int) (Surface, error) {
	name, err := CleanName("surface name", name)
	if err != nil {
		return Surface{}, err
	}
	if !ids.ValidFor(ids.Surface, id) {
		return Surface{}, apperr.E(apperr.NotFound, "no such surface")
	}
	now := s.now().UTC()
	return s.store.UpdateSurface(ctx, tenantID, id, expectedVersion, func(v *Surface) error {
		v.Name, v.UpdatedAt = name, now
		return nil
	}, s.event(ctx, tenantID, "surface.update", "surface", id))
}

// DeleteSurface deletes tenantID's surface id. Returns NOT_FOUND.
func (s *Service) DeleteSurface(ctx context.Context, tenantID, id string) error {
	if !ids.ValidFor(ids.Surface, id) {
		return apperr.E(apperr.NotFound, "no such surface")
	}
	return s.store.DeleteSurface(ctx, tenantID, id, s.event(ctx, tenantID, "surface.delete", "surface", id))
}

// UpdateApp renames tenantID's app id. Returns BAD_USER_INPUT, NOT_FOUND (also another
// tenant's), CONFLICT (stale version).
func (s *Service) UpdateApp(ctx context.Context, tenantID, id, name string, expectedVersion int) (App, error) {
	name, err := CleanName("app name", name)
	if err != nil {
		return App{}, err
	}
	if !ids.ValidFor(ids.App, id) {
		return App{}, apperr.E(apperr.NotFound, "no such app")
	}
	now := s.now().UTC()
	return s.store.UpdateApp(ctx, tenantID, id, expectedVersion, func(v *App) error {
		v.Name, v.UpdatedAt = name, now
		return nil
	}, s.event(ctx, tenantID, "app.update", "app", id))
}

// DeleteApp deletes tenantID's app id. Returns NOT_FOUND.
func (s *Service) DeleteApp(ctx context.Context, tenantID, id string) error {
	if !ids.ValidFor(ids.App, id) {
		return apperr.E(apperr.NotFound, "no such app")
	}
	return s.store.DeleteApp(ctx, tenantID, id, s.event(ctx, tenantID, "app.delete", "app", id))
}

package main

import (
	"context"
	"net/http"
	"testing"

	"cloud.google.com/go/firestore"
)

const (
	createCanvasMutation = `mutation($i: CreateCanvasInput!) { createCanvas(input: $i) { id tenantId projectId env title createdBy } }`
	canvasQuery          = `query($id: ID!) { canvas(id: $id) { id title } }`
)

// TestCanvases: canvases are owned realtime resources — created by members in the
// context project (not by VIEWERs, not in an archived project), listed and read only in
// their own scope (another project's, another tenant's, or a thread's id is NOT_FOUND),
// audited, and still owned after a restart.
func TestCanvases(t *testing.T) {
	first, _ := newChatServer(t, "")
	f := newChatFixture(t, first)
	env := first.main.cfg.Env
	var made struct {
		CreateCanvas struct{ ID, TenantID, ProjectID, Env, Title, CreatedBy string }
	}
	first.gql(t, f.h, createCanvasMutation, map[string]any{"i": map[string]any{"projectId": f.project, "title": " Whiteboard "}}).decode(t, &made)
	c := made.CreateCanvas
	if c.TenantID != f.owner.TenantID || c.ProjectID != f.project || c.Env != env || c.Title != "Whiteboard" || c.CreatedBy != f.owner.UserID {
		t.Fatalf("createCanvas = %+v", c)
	}
	other := first.createProject(t, f.owner, "Other")
	otherH := chatHeaders(f.owner, env, other)
	var list struct{ Canvases []struct{ ID string } }
	first.gql(t, otherH, `{ canvases { id } }`, nil).decode(t, &list)
	if len(list.Canvases) != 0 {
		t.Fatalf("another project lists %+v", list.Canvases)
	}
	expectError(t, first.gql(t, otherH, canvasQuery, map[string]any{"id": c.ID}), "NOT_FOUND", http.StatusNotFound)
	expectError(t, first.gql(t, f.h, canvasQuery, map[string]any{"id": f.thread}), "NOT_FOUND", http.StatusNotFound)
	expectError(t, first.gql(t, f.h, `query($id: ID!) { thread(id: $id) { id } }`, map[string]any{"id": c.ID}), "NOT_FOUND", http.StatusNotFound)
	expectError(t, first.gql(t, f.h, createCanvasMutation, map[string]any{"i": map[string]any{"projectId": other, "title": "X"}}), "CONTEXT_MISMATCH", http.StatusBadRequest)
	expectError(t, first.gql(t, f.owner.headers().with("X-Project-Id", f.project), createCanvasMutation,
		map[string]any{"i": map[string]any{"projectId": f.project, "title": "X"}}), "CONTEXT_MISSING", http.StatusBadRequest)

	viewer := first.addMemberAs(t, f.owner, first.signup(t, "viewer"), "VIEWER")
	viewerH := chatHeaders(viewer, env, f.project)
	expectError(t, first.gql(t, viewerH, createCanvasMutation, map[string]any{"i": map[string]any{"projectId": f.project, "title": "X"}}), "FORBIDDEN", http.StatusForbidden)
	first.gql(t, viewerH, canvasQuery, map[string]any{"id": c.ID}).decode(t, &struct{}{})

	evs, _ := first.auditLog(t, f.owner.headers(), map[string]any{"target": c.ID})
	if len(evs) != 1 || evs[0].Action != "canvas.create" || evs[0].Actor.ID != f.owner.UserID {
		t.Fatalf("canvas events: %+v", evs)
	}

	// Archived: readable, no new canvases.
	archived := first.createProject(t, f.owner, "Archived")
	first.gql(t, f.owner.headers(), `mutation($i: ArchiveProjectInput!) { archiveProject(input: $i) { id } }`,
		map[string]any{"i": map[string]any{"projectId": archived, "expectedVersion": 1}}).decode(t, &struct{}{})
	expectError(t, first.gql(t, chatHeaders(f.owner, env, archived), createCanvasMutation,
		map[string]any{"i": map[string]any{"projectId": archived, "title": "X"}}), "CONFLICT", http.StatusConflict)

	// Ownership is in Firestore, not in the process: a restarted server still knows it.
	first.Close()
	first.main.Close()
	second := newServer(t, withProject(first.project))
	owner := second.login(t, f.owner.Email, "password-owner")
	owner.TenantID = f.owner.TenantID
	var got struct{ Canvas struct{ ID, Title string } }
	second.gql(t, chatHeaders(owner, env, f.project), canvasQuery, map[string]any{"id": c.ID}).decode(t, &got)
	if got.Canvas.ID != c.ID || got.Canvas.Title != "Whiteboard" {
		t.Fatalf("after a restart: %+v", got.Canvas)
	}
	intruder := second.signup(t, "intruder")
	p := second.createProject(t, intruder, "P")
	expectError(t, second.gql(t, chatHeaders(intruder, env, p), canvasQuery, map[string]any{"id": c.ID}), "NOT_FOUND", http.StatusNotFound)
	// The registry record is what authorizes: its scope decides, whatever the canvas says.
	if _, err := second.main.client.Collection("canvases").Doc(c.ID).Update(context.Background(),
		[]firestore.Update{{Path: "tenantId", Value: intruder.TenantID}, {Path: "projectId", Value: p}}); err != nil {
		t.Fatal(err)
	}
	expectError(t, second.gql(t, chatHeaders(intruder, env, p), canvasQuery, map[string]any{"id": c.ID}), "NOT_FOUND", http.StatusNotFound)
}

package main

import (
	"net/http"
	"testing"
)

// TestArchivedProjectIsReadOnly: archiving a project on one replica refuses new threads
// and messages with CONFLICT on both (the other within 5 s, through the access log),
// while its messages stay readable; unarchiving opens it again.
func TestArchivedProjectIsReadOnly(t *testing.T) {
	a, _ := newChatServer(t, "")
	b := newChatReplica(t, a)
	f := newChatFixture(t, a)
	a.postMessage(t, f.h, f.thread, "m1")
	b.postMessage(t, f.h, f.thread, "m2") // b has the project cached as open

	setArchived := func(archive bool, version int) {
		t.Helper()
		field := "archiveProject"
		if !archive {
			field = "unarchiveProject"
		}
		r := a.gql(t, f.owner.headers(), `mutation($i: ArchiveProjectInput!) { `+field+`(input: $i) { archived } }`,
			map[string]any{"i": map[string]any{"projectId": f.project, "expectedVersion": version}})
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", field, r.Errors)
		}
	}
	post := `mutation($i: PostMessageInput!) { postMessage(input: $i) { seq } }`
	postVars := map[string]any{"i": map[string]any{"threadId": f.thread, "text": "late"}}
	createThread := `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`
	threadVars := map[string]any{"i": map[string]any{"projectId": f.project, "title": "New"}}

	setArchived(true, 1)
	expectError(t, a.gql(t, f.h, post, postVars), "CONFLICT", http.StatusConflict)
	expectError(t, a.gql(t, f.h, createThread, threadVars), "CONFLICT", http.StatusConflict)
	waitFor(t, func() bool { return b.gql(t, f.h, post, postVars).code() == "CONFLICT" })
	expectError(t, b.gql(t, f.h, createThread, threadVars), "CONFLICT", http.StatusConflict)
	var msgs struct{ Messages []struct{ Seq int } }
	b.gql(t, f.h, `query($t: ID!) { messages(threadId: $t) { seq } }`, map[string]any{"t": f.thread}).decode(t, &msgs)
	if len(msgs.Messages) != 2 {
		t.Fatalf("messages of the archived project: %+v, want its 2", msgs.Messages)
	}

	setArchived(false, 2)
	waitFor(t, func() bool { return len(b.gql(t, f.h, post, postVars).Errors) == 0 })
	if seq := a.postMessage(t, f.h, f.thread, "again"); seq < 3 {
		t.Fatalf("posting after unarchiving gave seq %d", seq)
	}
}

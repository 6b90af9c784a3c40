// A live view of a chat thread of the context project and env: its recent messages,
// then new ones as they are posted (messagePosted over graphql-ws), and a form to post.
//
// Following resumes without gaps or duplicates: the subscription asks for the messages
// after the last seq shown, and the variables it sends are updated as messages arrive,
// so when graphql-ws reconnects (it resends the same payload) the server replays exactly
// what was missed. A message already shown (same seq) is never shown twice.
import { request } from './api';
import { button, el, field, liveStatus, onSubmit, row, showError, table, when } from './dom';
import { graphql } from './gql';
import { connect, subscribe } from './live';
import { ctx, onLeave, type Scope } from './scope';

const Threads = graphql(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`);

const CreateThread = graphql(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`);

const Post = graphql(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`);

const Follow = graphql(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`);

/** How many earlier messages a thread opens with. */
const backlog = 50;

/** chatTab lists the threads of the context project and env, and opens one. */
export async function chatTab(s: Scope, out: Element): Promise<void> {
  if (!s.projectId) {
    out.replaceChildren(el('p', { id: 'chat-needs-project' }, 'Threads belong to a project: choose one in the context bar above.'));
    return;
  }
  try {
    const { threads } = await request(Threads, {}, ctx(s));
    const rows = threads.map((th) => row(
      button(th.title, { 'data-thread': th.id }, () => void threadView(s, out, th.id, th.title, th.lastSeq)), String(th.lastSeq), when(th.createdAt)));
    const [titleLabel, title] = field('new-thread-title', 'Title', { required: '' });
    const status = liveStatus();
    const form = el('form', { id: 'create-thread' }, titleLabel, title, el('button', { type: 'submit' }, 'Start a thread'), status);
    onSubmit(form, status, async () => {
      const { createThread } = await request(CreateThread, { input: { projectId: s.projectId, title: title.value } }, ctx(s));
      await threadView(s, out, createThread.id, title.value, 0);
    });
    out.replaceChildren(el('h3', {}, `Threads in ${s.env}`), table('threads', ['Thread', 'Messages', 'Started'], rows), form);
  } catch (e) {
    showError(out, e);
  }
}

async function threadView(s: Scope, out: Element, threadId: string, title: string, lastSeq: number): Promise<void> {
  const messages = el('ol', { id: 'messages', 'aria-live': 'polite' });
  const live = el('p', { id: 'chat-live' }, 'Connecting…');
  const [textLabel, text] = field('message-text', 'Message', { required: '', maxlength: '4000', autocomplete: 'off' });
  const status = liveStatus();
  const form = el('form', { id: 'post-message', class: 'inline' }, textLabel, text, el('button', { type: 'submit' }, 'Post'), status);
  onSubmit(form, status, async () => {
    await request(Post, { input: { threadId, text: text.value } }, ctx(s));
    text.value = '';
    text.focus();
  });
  out.replaceChildren(button('All threads', { id: 'threads-back' }, () => void chatTab(s, out)),
    el('h3', { id: 'thread-title' }, title), messages, live, form);
  text.focus();

  if (!out.isConnected) return; // another page was chosen meanwhile
  let shown = Math.max(0, lastSeq - backlog);
  const variables = { threadId, after: shown };
  const client = connect(ctx(s));
  client.on('connected', () => {
    live.textContent = 'Following.';
  });
  client.on('closed', () => {
    live.textContent = 'Reconnecting…';
  });
  let left = false;
  let stop = (): void => undefined;
  // The server ends the stream of a subscriber that fell too far behind: follow again
  // from the last message shown.
  const follow = (): void => {
    stop = subscribe(client, Follow, variables, (d) => {
      const m = d.messagePosted;
      if (m.seq <= shown) return;
      shown = m.seq;
      variables.after = m.seq; // what a reconnection resumes after
      const who = m.authorId === s.session.userId ? 'you' : m.authorId;
      messages.append(el('li', { 'data-seq': String(m.seq) }, el('span', { class: 'meta' }, `${who} · `, when(m.createdAt), ' '), m.text));
    }, (e) => showError(live, e), () => {
      if (!left) follow();
    });
  };
  follow();
  onLeave(() => {
    left = true;
    stop();
    void client.dispose();
  });
}

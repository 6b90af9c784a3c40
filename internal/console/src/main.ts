// The console's pages: sign in, then the tenants the user belongs to and, for the one
// chosen, its audit log. Each page is a small function that calls typed documents and
// renders into #app.
import { ApiError, request } from './api';
import { graphql } from './gql';
import { resume, session, signIn, signOut } from './session';

const Tenants = graphql(`
  query ConsoleTenants {
    tenants { id name mode { id name } }
  }
`);

const AuditLog = graphql(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const app = document.getElementById('app') as HTMLElement;

/** el makes an element with text and attributes. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** showError renders an error with its code, message and request id. */
function showError(where: HTMLElement, e: unknown): void {
  const text = e instanceof ApiError ? e.describe() : `UNEXPECTED: ${String(e)}`;
  where.replaceChildren(el('p', { role: 'alert', class: 'error' }, text));
}

function signInPage(): void {
  const email = el('input', { id: 'email', type: 'email', autocomplete: 'username', required: '' });
  const password = el('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: '' });
  const status = el('div', { 'aria-live': 'polite' });
  const form = el('form', { id: 'sign-in' },
    el('h1', {}, 'Northstar console'),
    el('label', { for: 'email' }, 'Email'), email,
    el('label', { for: 'password' }, 'Password'), password,
    el('button', { type: 'submit' }, 'Sign in'), status);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    signIn(email.value, password.value).then(homePage, (e: unknown) => showError(status, e));
  });
  app.replaceChildren(form);
  email.focus();
}

async function homePage(): Promise<void> {
  const s = session();
  if (!s) return signInPage();
  const out = el('main', {});
  const logout = el('button', { id: 'sign-out', type: 'button' }, 'Sign out');
  logout.addEventListener('click', () => void signOut().then(signInPage));
  app.replaceChildren(el('header', {}, el('span', { id: 'who' }, s.email), logout), out);
  try {
    const { tenants } = await request(Tenants, {}, { token: s.token });
    const list = el('ul', { id: 'tenants' });
    for (const t of tenants) {
      const open = el('button', { type: 'button', 'data-tenant': t.id }, `${t.name} (${t.mode.name})`);
      open.addEventListener('click', () => void auditPage(t.id, t.name));
      list.append(el('li', {}, open));
    }
    out.replaceChildren(el('h2', {}, 'Your tenants'), list);
  } catch (e) {
    showError(out, e);
  }
}

async function auditPage(tenantId: string, name: string): Promise<void> {
  const s = session();
  if (!s) return signInPage();
  const out = document.querySelector('main') ?? app;
  try {
    const { auditEvents } = await request(AuditLog, { first: 20 }, { token: s.token, tenantId });
    const rows = auditEvents.edges.map(({ node }) =>
      el('tr', {},
        el('td', {}, node.at),
        el('td', { class: 'action' }, node.action),
        el('td', {}, `${node.targetType} ${node.targetId}`),
        el('td', {}, node.actor.label ?? node.actor.id),
        el('td', {}, node.changes.map((c) => `${c.field}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; '))));
    const table = el('table', { id: 'audit' },
      el('thead', {}, el('tr', {}, ...['When', 'Action', 'Target', 'By', 'Changes'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows));
    out.replaceChildren(el('h2', {}, `Audit log of ${name}`), table);
  } catch (e) {
    showError(out as HTMLElement, e);
  }
}

void resume().then((s) => (s ? homePage() : signInPage()));

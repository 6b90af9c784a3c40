// The console's entry: sign in or sign up, then the tenants the user belongs to, the
// invitations waiting for them, and a tenant's pages (tenant.ts).
import { request } from './api';
import { button, el, field, liveStatus, showError, when } from './dom';
import { leave } from './scope';
import { systemPage } from './system';
import { graphql } from './gql';
import { resume, session, signIn, signOut, signUp } from './session';
import { tenantPage } from './tenant';

const Home = graphql(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId tenantName role expiresAt }
  }
`);

const Accept = graphql(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`);

const Decline = graphql(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`);

const app = document.getElementById('app') as HTMLElement;

function signInPage(): void {
  const [emailLabel, email] = field('email', 'Email', { type: 'email', autocomplete: 'username', required: '' });
  const [passwordLabel, password] = field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: '' });
  const [tenantLabel, tenant] = field('tenant-name', 'New tenant (sign up only)', { type: 'text' });
  const status = el('div', { 'aria-live': 'polite' });
  const form = el('form', { id: 'sign-in' },
    el('h1', {}, 'Northstar console'),
    emailLabel, email, passwordLabel, password,
    el('button', { type: 'submit' }, 'Sign in'),
    tenantLabel, tenant,
    button('Sign up', { id: 'sign-up' }, () => {
      signUp(email.value, password.value, tenant.value).then(() => homePage(), (e: unknown) => showError(status, e));
    }),
    status);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    signIn(email.value, password.value).then(() => homePage(true), (e: unknown) => showError(status, e));
  });
  app.replaceChildren(form);
  email.focus();
}

/** clearPlace drops the page from the address (the hash): the tenant list has none. */
function clearPlace(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/** homePage lists the user's tenants and invitations; with restore, it first goes back
 * to the page the address names (a reload), when the user may still see it. */
async function homePage(restore = false): Promise<void> {
  leave();
  const s = session();
  if (!s) return signInPage();
  const place = new URLSearchParams(location.hash.slice(1));
  if (!restore) clearPlace();
  const out = el('main', {});
  const nav = el('nav', { 'aria-label': 'Console', class: 'top' }, button('Tenants', { id: 'home' }, () => void homePage()));
  app.replaceChildren(
    el('header', {}, el('span', { id: 'who' }, s.email), nav, button('Sign out', { id: 'sign-out' }, () => void signOut().then(() => {
      clearPlace();
      signInPage();
    }))),
    out);
  try {
    const { tenants, myInvitations } = await request(Home, {}, { session: s });
    const all = tenants.map((t) => ({ id: t.id, name: t.name }));
    if (tenants.some((t) => t.id === 't_system')) {
      nav.append(button('System', { id: 'system' }, () => {
        leave();
        void systemPage(s, out);
      }));
    }
    const list = el('ul', { id: 'tenants' }, ...tenants.map((t) =>
      el('li', {}, button(`${t.name} (${t.mode.name})`, { 'data-tenant': t.id }, () => void tenantPage(s, out, t.id, all)))));
    if (restore && place.has('system') && tenants.some((t) => t.id === 't_system')) {
      return systemPage(s, out);
    }
    const tenant = place.get('tenant');
    if (restore && tenant && all.some((t) => t.id === tenant)) {
      return tenantPage(s, out, tenant, all, { tab: place.get('tab') ?? undefined, env: place.get('env') ?? undefined, projectId: place.get('project') ?? undefined });
    }
    clearPlace();
    const status = liveStatus();
    const answer = (run: () => Promise<unknown>) => (): void => void run().then(() => homePage(), (e: unknown) => showError(status, e));
    const waiting = el('ul', { id: 'my-invitations' }, ...myInvitations.map((i) =>
      el('li', {}, `${i.role} in ${i.tenantName} (${i.tenantId}), until `, when(i.expiresAt), ' ',
        button('Accept', { 'data-invitation': i.id }, answer(() => request(Accept, { id: i.id }, { session: s }))),
        button('Decline', { 'aria-label': `Decline the invitation to ${i.tenantName}` }, answer(() => request(Decline, { id: i.id }, { session: s }))))));
    out.replaceChildren(el('h2', {}, 'Your tenants'), list,
      ...(myInvitations.length > 0 ? [el('h2', {}, 'Invitations for you'), waiting, status] : []));
  } catch (e) {
    showError(out, e);
  }
}

void resume().then((s) => (s ? homePage(true) : signInPage()));

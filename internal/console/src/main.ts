// The console's entry: sign in or sign up, then the tenants the user belongs to, the
// invitations waiting for them, and a tenant's pages (tenant.ts).
import { request } from './api';
import { button, el, field, showError } from './dom';
import { graphql } from './gql';
import { resume, session, signIn, signOut, signUp } from './session';
import { tenantPage } from './tenant';

const Home = graphql(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`);

const Accept = graphql(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
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
      signUp(email.value, password.value, tenant.value).then(homePage, (e: unknown) => showError(status, e));
    }),
    status);
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
  app.replaceChildren(
    el('header', {}, el('span', { id: 'who' }, s.email), button('Sign out', { id: 'sign-out' }, () => void signOut().then(signInPage))),
    out);
  try {
    const { tenants, myInvitations } = await request(Home, {}, { token: s.token });
    const list = el('ul', { id: 'tenants' }, ...tenants.map((t) =>
      el('li', {}, button(`${t.name} (${t.mode.name})`, { 'data-tenant': t.id }, () => void tenantPage(s, out, t.id, t.name)))));
    const status = el('div', { 'aria-live': 'polite' });
    const waiting = el('ul', { id: 'my-invitations' }, ...myInvitations.map((i) =>
      el('li', {}, `${i.role} in ${i.tenantId} `, button('Accept', { 'data-invitation': i.id }, () =>
        void request(Accept, { id: i.id }, { token: s.token }).then(homePage, (e: unknown) => showError(status, e))))));
    out.replaceChildren(el('h2', {}, 'Your tenants'), list,
      ...(myInvitations.length > 0 ? [el('h2', {}, 'Invitations for you'), waiting, status] : []));
  } catch (e) {
    showError(out, e);
  }
}

void resume().then((s) => (s ? homePage() : signInPage()));

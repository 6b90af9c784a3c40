// Service accounts: the tenant's machine clients. A secret is shown once, when it is
// made (created or rotated); the API never returns it again.
import { request } from './api';
import { confirmButton, el, field, liveStatus, onSubmit, row, showError, table, when } from './dom';
import { graphql } from './gql';
import { ctx, type Scope } from './scope';

const Accounts = graphql(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`);

const Create = graphql(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`);

const Rotate = graphql(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`);

const Delete = graphql(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`);

const scopes = ['routes:read', 'chat:read', 'chat:write'];

/** accountsTab lists the tenant's service accounts, with create, rotate and delete. */
export async function accountsTab(s: Scope, out: Element, secret?: { name: string; clientId: string; clientSecret: string }): Promise<void> {
  const reload = (shown?: typeof secret): Promise<void> => accountsTab(s, out, shown);
  const status = liveStatus({ id: 'accounts-status' });
  try {
    const { serviceAccounts } = await request(Accounts, {}, ctx(s));
    const rows = serviceAccounts.map((a) => row(a.name, a.id, a.scopes.join(', '), when(a.createdAt), el('span', {},
      confirmButton('Rotate secret', { 'aria-label': `Rotate the secret of ${a.name}` }, () => request(Rotate, { id: a.id }, ctx(s))
        .then((r) => reload({ name: r.rotateServiceAccountSecret.serviceAccount.name, ...r.rotateServiceAccountSecret }), (e: unknown) => showError(status, e))),
      confirmButton('Delete', { 'aria-label': `Delete ${a.name}` }, () => request(Delete, { id: a.id }, ctx(s))
        .then(() => reload(), (e: unknown) => showError(status, e))))));
    const [nameLabel, name] = field('account-name', 'Name', { required: '' });
    const boxes = scopes.map((sc) => el('input', { type: 'checkbox', id: `scope-${sc.replace(':', '-')}`, value: sc }));
    const formStatus = liveStatus();
    const form = el('form', { id: 'create-account' }, el('h3', {}, 'New service account'), nameLabel, name,
      el('fieldset', {}, el('legend', {}, 'Scopes'), ...boxes.map((b) => el('label', {}, b, ` ${b.value}`))),
      el('button', { type: 'submit' }, 'Create'), formStatus);
    onSubmit(form, formStatus, async () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      const { createServiceAccount: c } = await request(Create, { input: { tenantId: s.tenantId, name: name.value, scopes: chosen } }, ctx(s));
      await reload({ name: c.serviceAccount.name, clientId: c.clientId, clientSecret: c.clientSecret });
    });
    const parts: Node[] = [el('h3', {}, 'Service accounts')];
    if (secret) {
      parts.push(el('div', { id: 'account-secret', role: 'status', class: 'secret' },
        el('p', {}, `The secret of ${secret.name}, shown this once: copy it now.`),
        el('p', {}, 'Client id: ', el('code', {}, secret.clientId)),
        el('p', {}, 'Client secret: ', el('code', { id: 'client-secret' }, secret.clientSecret))));
    }
    parts.push(table('accounts', ['Name', 'Client id', 'Scopes', 'Created', ''], rows), status, form);
    out.replaceChildren(...parts);
  } catch (e) {
    showError(out, e);
  }
}

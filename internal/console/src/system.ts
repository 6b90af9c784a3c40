// System administration (members of t_system): every tenant, searched and paged, and
// the modes tenants run in.
import { request } from './api';
import { button, confirmButton, el, field, fill, liveStatus, onSubmit, row, select, showError, swap, table, when } from './dom';
import { graphql } from './gql';
import type { Session } from './session';

const AllTenants = graphql(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const SetTenantMode = graphql(`
  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }
  }
`);

const Modes = graphql(`
  query ConsoleModes {
    modes { id name description version }
  }
`);

const CreateMode = graphql(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`);

const UpdateMode = graphql(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`);

const DeleteMode = graphql(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`);

const system = { tenantId: 't_system' };

/** systemPage shows every tenant and the modes in out. */
export async function systemPage(session: Session, where: Element): Promise<void> {
  history.replaceState(null, '', '#system');
  const out = swap(where);
  const tenants = el('section', {});
  const modes = el('section', {});
  out.replaceChildren(el('h2', {}, 'System'), tenants, modes);
  await Promise.all([tenantsSection(session, tenants), modesSection(session, modes)]);
}

async function tenantsSection(session: Session, out: Element): Promise<void> {
  const [searchLabel, search] = field('tenant-search', 'Search by name or id', { type: 'search' });
  const status = liveStatus({ id: 'all-tenants-status' });
  const list = table('all-tenants', ['Name', 'Id', 'Mode', 'Version', 'Created'], []);
  const pager = el('div', { class: 'pager' });
  // The cursors of the pages before the one shown: Relay paging goes forward only. The
  // pages are of the search last submitted, not of what the field holds meanwhile.
  const before: (string | null)[] = [];
  let at: string | null = null;
  let searched = '';
  // The modes a tenant can move to, read once for the section (not again for each page).
  const choices = request(Modes, {}, { session, ...system });
  const show = async (after: string | null): Promise<void> => {
    const [{ allTenants }, { modes }] = await Promise.all([
      request(AllTenants, { first: 20, after, search: searched || null }, { session, ...system }), choices]);
    at = after;
    // Each tenant's mode is a select: choosing another moves the tenant at the version
    // listed, then the page is read again; a refusal (CONFLICT for a stale version) shows
    // over it.
    fill(list, allTenants.edges.map(({ node: t }) => {
      const [, mode] = select(`mode-of-${t.id}`, '', modes.map((m): [string, string] => [m.id, m.name]), t.mode.id);
      mode.setAttribute('aria-label', `Mode of ${t.name}`);
      const move = async (): Promise<void> => {
        let refused: unknown;
        try {
          await request(SetTenantMode, { tenantId: t.id, mode: mode.value, expectedVersion: t.version }, { session, ...system });
        } catch (e) {
          refused = e;
        }
        await show(at);
        if (refused !== undefined) showError(status, refused);
      };
      mode.addEventListener('change', () => void move().catch((e: unknown) => showError(status, e)));
      return row(t.name, t.id, mode, String(t.version), when(t.createdAt));
    }));
    const next = allTenants.pageInfo.endCursor ?? null;
    pager.replaceChildren(
      ...(before.length > 0 ? [button('Previous page', { id: 'tenants-previous' }, () => void show(before.pop() ?? null).catch((e: unknown) => showError(status, e)))] : []),
      ...(allTenants.pageInfo.hasNextPage ? [button('Next page', { id: 'tenants-next' }, () => {
        before.push(at);
        void show(next).catch((e: unknown) => showError(status, e));
      })] : []));
  };
  const form = el('form', { id: 'search-tenants', class: 'inline', role: 'search' }, searchLabel, search, el('button', { type: 'submit' }, 'Search'), status);
  onSubmit(form, status, () => {
    before.length = 0;
    searched = search.value;
    return show(null);
  });
  try {
    await show(null);
  } catch (e) {
    return showError(out, e);
  }
  out.replaceChildren(el('h3', {}, 'All tenants'), form, list, pager);
}

async function modesSection(session: Session, out: Element): Promise<void> {
  const reload = (): Promise<void> => modesSection(session, out);
  const status = liveStatus({ id: 'modes-status' });
  try {
    const { modes } = await request(Modes, {}, { session, ...system });
    const rows = modes.map((m) => {
      const name = el('input', { value: m.name, 'aria-label': `Name of ${m.id}` });
      const description = el('input', { value: m.description ?? '', 'aria-label': `Description of ${m.id}` });
      const save = button('Save', { 'aria-label': `Save ${m.id}` }, () => void request(UpdateMode,
        { input: { id: m.id, name: name.value, description: description.value || null, expectedVersion: m.version } }, { session, ...system })
        .then(reload, (e: unknown) => showError(status, e)));
      const remove = confirmButton('Delete', { 'aria-label': `Delete ${m.id}` }, () => request(DeleteMode, { id: m.id }, { session, ...system })
        .then(reload, (e: unknown) => showError(status, e)));
      return row(m.id, name, description, String(m.version), el('span', {}, save, remove));
    });
    const [idLabel, id] = field('mode-id', 'Id (a-z, 0-9, - and _)', { required: '', pattern: '[a-z0-9_\\-]{1,32}' });
    const [nameLabel, name] = field('mode-name', 'Name', { required: '' });
    const [descriptionLabel, description] = field('mode-description', 'Description');
    const formStatus = liveStatus();
    const form = el('form', { id: 'create-mode' }, el('h4', {}, 'New mode'), idLabel, id, nameLabel, name, descriptionLabel, description,
      el('button', { type: 'submit' }, 'Create mode'), formStatus);
    onSubmit(form, formStatus, () =>
      request(CreateMode, { input: { id: id.value, name: name.value, description: description.value || null } }, { session, ...system }).then(reload));
    out.replaceChildren(el('h3', {}, 'Modes'), table('modes', ['Id', 'Name', 'Description', 'Version', ''], rows), status, form);
  } catch (e) {
    showError(out, e);
  }
}

// A tenant's pages behind a context bar (tenant, env, project) and tabs: the overview
// and projects for every member; members, routes, service accounts and the audit log,
// and every write control, for ADMINs and OWNERs only (the API refuses the rest anyway).
import { request } from './api';
import { auditTab } from './audit';
import { accountsTab } from './accounts';
import { chatTab } from './chat';
import { button, confirmButton, el, field, liveStatus, onSubmit, row, select, showError, swap, table, when } from './dom';
import { graphql } from './gql';
import { membersTab } from './members';
import { routesTab } from './routes';
import { envs, isAdmin, leave, ctx, type Scope } from './scope';
import type { Session } from './session';

const Roles = graphql(`
  query ConsoleRoles {
    context { roles }
    tenant { name }
    projects(first: 100) { edges { node { id name } } }
  }
`);

const Overview = graphql(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`);

const UpdateTenant = graphql(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`);

const Projects = graphql(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id tenantId name version }
    apps { id tenantId name version }
  }
`);

const UpdateProject = graphql(`
  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { id name version }
  }
`);

const UpdateSurface = graphql(`
  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
    updateSurface(input: $input) { id name version }
  }
`);

const UpdateApp = graphql(`
  mutation ConsoleUpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) { id name version }
  }
`);

const CreateProject = graphql(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`);

const ArchiveProject = graphql(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`);

const UnarchiveProject = graphql(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`);

const CreateSurface = graphql(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`);

const DeleteSurface = graphql(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`);

const CreateApp = graphql(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`);

const DeleteApp = graphql(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`);

type Page = (s: Scope, out: Element) => Promise<void>;

/** A named, versioned record of the tenant (or system-wide): a project, surface or app. */
interface Named {
  id: string;
  tenantId: string;
  name: string;
  version: number;
}

interface Tab {
  id: string;
  label: string;
  adminOnly: boolean;
  show: Page;
}

const projectsPage: Tab = { id: 'tab-projects', label: 'Projects', adminOnly: false, show: projectsTab };

const tabs: Tab[] = [
  { id: 'tab-overview', label: 'Overview', adminOnly: false, show: overviewTab },
  projectsPage,
  { id: 'tab-chat', label: 'Chat', adminOnly: false, show: chatTab },
  { id: 'tab-members', label: 'Members', adminOnly: true, show: membersTab },
  { id: 'tab-routes', label: 'Routes', adminOnly: true, show: routesTab },
  { id: 'tab-accounts', label: 'Service accounts', adminOnly: true, show: accountsTab },
  { id: 'tab-audit', label: 'Audit log', adminOnly: true, show: auditTab },
];

/** A tenant the user can switch to. */
export interface TenantChoice {
  id: string;
  name: string;
}

/** Where a tenant's pages open: a tab, and the context bar's env and project. */
export interface Place {
  tab?: string;
  env?: string;
  projectId?: string;
}

/** tenantPage shows tenantId's pages in out, opening on its projects unless at names
 * another tab (and an env and project). The address keeps where the user is (#tenant=…),
 * so a reload of the tab comes back to the same page. */
export async function tenantPage(session: Session, where: Element, tenantId: string, all: TenantChoice[], at: Place = {}): Promise<void> {
  leave();
  const out = swap(where);
  const name = all.find((t) => t.id === tenantId)?.name ?? tenantId;
  let loaded;
  try {
    loaded = await request(Roles, {}, { session, tenantId });
  } catch (e) {
    return showError(out, e);
  }
  if (!out.isConnected) return; // another page was chosen meanwhile
  const listed = (id: string | undefined): boolean => loaded.projects.edges.some(({ node }) => node.id === id);
  const s: Scope = {
    session, tenantId, tenantName: name, roles: loaded.context.roles,
    env: at.env && envs.includes(at.env) ? at.env : 'dev', projectId: at.projectId && listed(at.projectId) ? at.projectId : '',
    refresh: async () => {},
  };
  const body = el('section', { id: 'page' });
  let current: Tab = tabs.find((t) => t.id === (at.tab ?? 'tab-projects') && (!t.adminOnly || isAdmin(s))) ?? projectsPage;
  const nav = el('nav', { 'aria-label': 'Tenant pages' });
  const show = (tab: Tab): void => {
    leave();
    current = tab;
    const place = new URLSearchParams({ tenant: tenantId, tab: tab.id, env: s.env });
    if (s.projectId) place.set('project', s.projectId);
    history.replaceState(null, '', `#${place.toString()}`);
    for (const b of nav.querySelectorAll('button')) b.removeAttribute('aria-current');
    nav.querySelector(`#${tab.id}`)?.setAttribute('aria-current', 'page');
    void tab.show(s, swap(body));
  };
  for (const tab of tabs) {
    if (!tab.adminOnly || isAdmin(s)) nav.append(button(tab.label, { id: tab.id }, () => show(tab)));
  }

  const [tenantLabel, tenantSelect] = select('context-tenant', 'Tenant', all.map((t) => [t.id, t.name]), tenantId);
  tenantSelect.addEventListener('change', () => void tenantPage(session, where, tenantSelect.value, all, { tab: current.id, env: s.env }));
  const [envLabel, envSelect] = select('context-env', 'Env', envs.map((e) => [e, e]), s.env);
  envSelect.addEventListener('change', () => {
    s.env = envSelect.value;
    show(current);
  });
  const projectOptions = (l: typeof loaded): [string, string][] =>
    [['', 'No project'], ...l.projects.edges.map(({ node }): [string, string] => [node.id, node.name])];
  const [projectLabel, projectSelect] = select('context-project', 'Project', projectOptions(loaded), s.projectId);
  projectSelect.addEventListener('change', () => {
    s.projectId = projectSelect.value;
    show(current);
  });
  const heading = el('h2', { id: 'tenant-name' }, name);
  const roleLine = el('p', { id: 'role' }, `Your role: ${s.roles.join(', ')}`);
  // After a page changed what the bar shows: the name (also in the tenant switcher), the
  // projects (the chosen one stays chosen while it is listed) and the caller's roles. A
  // caller who became or stopped being an ADMIN gets the tenant's pages afresh, with the
  // tabs and controls of the new role.
  s.refresh = async (): Promise<void> => {
    const fresh = await request(Roles, {}, { session, tenantId });
    const wasAdmin = isAdmin(s);
    s.tenantName = fresh.tenant.name;
    s.roles = fresh.context.roles;
    if (isAdmin(s) !== wasAdmin) {
      return tenantPage(session, where, tenantId, all, { tab: current.id, env: s.env, projectId: s.projectId });
    }
    heading.textContent = fresh.tenant.name;
    roleLine.textContent = `Your role: ${s.roles.join(', ')}`;
    const choice = all.find((t) => t.id === tenantId);
    if (choice) choice.name = fresh.tenant.name;
    const option = [...tenantSelect.options].find((o) => o.value === tenantId);
    if (option) option.textContent = fresh.tenant.name;
    const options = projectOptions(fresh);
    projectSelect.replaceChildren(...options.map(([v, l]) => el('option', { value: v }, l)));
    projectSelect.value = s.projectId;
    if (!options.some(([v]) => v === s.projectId)) {
      // The chosen project left the list (archived): the pages act without one now.
      s.projectId = '';
      projectSelect.value = '';
      show(current);
    }
  };
  const bar = el('div', { class: 'context', role: 'group', 'aria-label': 'Context' },
    el('span', {}, tenantLabel, tenantSelect), el('span', {}, envLabel, envSelect), el('span', {}, projectLabel, projectSelect));
  out.replaceChildren(bar, heading, roleLine, nav, body);
  show(current);
}

async function overviewTab(s: Scope, out: Element): Promise<void> {
  try {
    const { tenant } = await request(Overview, {}, ctx(s));
    const parts: Node[] = [
      el('h3', {}, 'Tenant'),
      el('dl', { id: 'tenant' },
        el('dt', {}, 'Name'), el('dd', {}, tenant.name),
        el('dt', {}, 'Id'), el('dd', {}, tenant.id),
        el('dt', {}, 'Mode'), el('dd', { id: 'tenant-mode' }, `${tenant.mode.name} (${tenant.mode.id})${tenant.mode.description ? ` — ${tenant.mode.description}` : ''}`),
        el('dt', {}, 'Version'), el('dd', {}, String(tenant.version)),
        el('dt', {}, 'Created'), el('dd', {}, when(tenant.createdAt)),
        el('dt', {}, 'Updated'), el('dd', {}, when(tenant.updatedAt))),
    ];
    if (isAdmin(s)) {
      const [nameLabel, name] = field('tenant-rename', 'New name', { required: '', value: tenant.name });
      const status = liveStatus();
      const form = el('form', { id: 'rename-tenant' }, nameLabel, name, el('button', { type: 'submit' }, 'Rename'), status);
      onSubmit(form, status, async () => {
        await request(UpdateTenant, { input: { tenantId: s.tenantId, name: name.value, expectedVersion: tenant.version } }, ctx(s));
        await s.refresh();
        await overviewTab(s, out);
      });
      parts.push(form);
    }
    out.replaceChildren(...parts);
  } catch (e) {
    showError(out, e);
  }
}

async function projectsTab(s: Scope, out: Element): Promise<void> {
  // A change here may change the context bar's projects too.
  const reload = async (): Promise<void> => {
    await s.refresh();
    await projectsTab(s, out);
  };
  const status = liveStatus({ id: 'projects-status' });
  const act = (run: () => Promise<unknown>) => (): Promise<void> => run().then(reload).catch((e: unknown) => showError(status, e));
  try {
    const { projects, surfaces, apps } = await request(Projects, {}, ctx(s));
    const admin = isAdmin(s);
    const projectRows = projects.edges.map(({ node: p }) => {
      const actions = el('span', {});
      if (admin) {
        const input = { input: { projectId: p.id, expectedVersion: p.version } };
        actions.append(p.archived
          ? button('Unarchive', { 'aria-label': `Unarchive ${p.name}` }, act(() => request(UnarchiveProject, input, ctx(s))))
          : button('Archive', { 'aria-label': `Archive ${p.name}` }, act(() => request(ArchiveProject, input, ctx(s)))));
      }
      return row(p.name, p.id, p.archived ? 'archived' : 'active', String(p.version), actions);
    });
    // System-wide surfaces and apps are listed too; only the tenant's own can change here.
    const isOwn = (i: Named): boolean => i.tenantId === s.tenantId;
    const named = (kind: string, items: Named[], remove: (id: string) => Promise<unknown>) =>
      items.map((i) => row(i.name, i.id, isOwn(i) ? String(i.version) : `${i.version} (system-wide)`,
        admin && isOwn(i) ? confirmButton('Delete', { 'aria-label': `Delete the ${kind} ${i.name}` }, act(() => remove(i.id))) : ''));
    const parts: Node[] = [
      el('h3', {}, 'Projects'),
      table('projects', ['Name', 'Id', 'State', 'Version', ''], projectRows),
      el('h3', {}, 'Surfaces'),
      table('surfaces', ['Name', 'Id', 'Version', ''], named('surface', surfaces, (id) => request(DeleteSurface, { id }, ctx(s)))),
      el('h3', {}, 'Apps'),
      table('apps', ['Name', 'Id', 'Version', ''], named('app', apps, (id) => request(DeleteApp, { id }, ctx(s)))),
      status,
    ];
    if (admin) {
      const create = (id: string, label: string, run: (name: string) => Promise<unknown>): HTMLFormElement => {
        const [nameLabel, name] = field(`${id}-name`, `${label} name`, { required: '' });
        const formStatus = liveStatus();
        const form = el('form', { id }, nameLabel, name, el('button', { type: 'submit' }, `Create ${label.toLowerCase()}`), formStatus);
        onSubmit(form, formStatus, () => run(name.value).then(reload));
        return form;
      };
      // Renaming names the version listed: a stale one is CONFLICT, shown with its request id.
      // Nothing to rename, no form.
      const rename = (id: string, label: string, items: Named[], run: (item: Named, name: string) => Promise<unknown>): HTMLFormElement[] => {
        if (items.length === 0) return [];
        const [whichLabel, which] = select(`${id}-which`, `${label} to rename`, items.map((i): [string, string] => [i.id, i.name]), items[0]?.id ?? '');
        const [nameLabel, name] = field(`${id}-name`, `New ${label.toLowerCase()} name`, { required: '' });
        const formStatus = liveStatus();
        const form = el('form', { id }, whichLabel, which, nameLabel, name, el('button', { type: 'submit' }, `Rename ${label.toLowerCase()}`), formStatus);
        onSubmit(form, formStatus, async () => {
          const item = items.find((i) => i.id === which.value);
          if (item) await run(item, name.value).then(reload);
        });
        return [form];
      };
      const projectItems = projects.edges.map(({ node: p }): Named => ({ id: p.id, name: p.name, version: p.version, tenantId: s.tenantId }));
      parts.push(el('div', { class: 'forms' },
        create('create-project', 'Project', (name) => request(CreateProject, { input: { tenantId: s.tenantId, name } }, ctx(s))),
        create('create-surface', 'Surface', (name) => request(CreateSurface, { input: { tenantId: s.tenantId, name } }, ctx(s))),
        create('create-app', 'App', (name) => request(CreateApp, { input: { tenantId: s.tenantId, name } }, ctx(s)))));
      const renames = [
        ...rename('rename-project', 'Project', projectItems, (p, name) =>
          request(UpdateProject, { input: { projectId: p.id, name, expectedVersion: p.version } }, ctx(s))),
        ...rename('rename-surface', 'Surface', surfaces.filter(isOwn), (v, name) =>
          request(UpdateSurface, { input: { id: v.id, name, expectedVersion: v.version } }, ctx(s))),
        ...rename('rename-app', 'App', apps.filter(isOwn), (v, name) =>
          request(UpdateApp, { input: { id: v.id, name, expectedVersion: v.version } }, ctx(s))),
      ];
      if (renames.length > 0) parts.push(el('div', { class: 'forms' }, ...renames));
    }
    out.replaceChildren(...parts);
  } catch (e) {
    showError(out, e);
  }
}

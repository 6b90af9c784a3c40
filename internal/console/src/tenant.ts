// A tenant's pages: members and invitations, and the audit log.
import { request } from './api';
import { connect, subscribe } from './live';
import { button, el, field, showError } from './dom';
import { graphql } from './gql';
import type { Role } from './gql/graphql';
import type { Session } from './session';

const Members = graphql(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`);

const Invite = graphql(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`);

const Revoke = graphql(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
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

const roles: Role[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

const Routes = graphql(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } version updatedBy }
  }
`);

const RouteChanged = graphql(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env version deleted }
  }
`);

/** The open routes subscription, ended when any tab opens. */
let stopRoutes: (() => void) | null = null;

function leaveRoutes(): void {
  stopRoutes?.();
  stopRoutes = null;
}

const Roles = graphql(`
  query ConsoleRoles {
    context { roles }
  }
`);

const Projects = graphql(`
  query ConsoleProjects {
    projects(first: 100) { edges { node { id name version } } }
  }
`);

const CreateProject = graphql(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`);

/** tenantPage shows a tenant with the tabs the caller's role opens in out: projects for
 * every member; members, invitations and the audit log, and the write controls, for
 * ADMINs and OWNERs only (the API refuses the rest anyway). */
export async function tenantPage(s: Session, out: Element, tenantId: string, name: string): Promise<void> {
  const body = el('section', {});
  try {
    const { context } = await request(Roles, {}, { token: s.token, tenantId });
    const admin = context.roles.some((r) => r === 'ADMIN' || r === 'OWNER');
    const tabs = el('nav', { 'aria-label': 'Tenant' }, button('Projects', { id: 'tab-projects' }, () => void projectsTab(s, body, tenantId, admin)));
    if (admin) {
      tabs.append(
        button('Members', { id: 'tab-members' }, () => void membersTab(s, body, tenantId)),
        button('Routes', { id: 'tab-routes' }, () => void routesTab(s, body, tenantId)),
        button('Audit log', { id: 'tab-audit' }, () => void auditTab(s, body, tenantId)));
    }
    out.replaceChildren(el('h2', { id: 'tenant-name' }, name), el('p', { id: 'role' }, `Your role: ${context.roles.join(', ')}`), tabs, body);
    void projectsTab(s, body, tenantId, admin);
  } catch (e) {
    showError(out, e);
  }
}

async function routesTab(s: Session, out: Element, tenantId: string): Promise<void> {
  leaveRoutes();
  const ctx = { token: s.token, tenantId };
  const live = el('p', { id: 'routes-live', 'aria-live': 'polite' }, 'Following changes…');
  const table = el('tbody', {});
  const load = async (): Promise<void> => {
    const { routes } = await request(Routes, {}, ctx);
    table.replaceChildren(...routes.map((r) => el('tr', {},
      el('td', {}, r.resourceKind), el('td', {}, r.env), el('td', {}, r.projectId ?? 'tenant-wide'), el('td', {}, r.backendType),
      el('td', {}, r.config.map((c) => `${c.key}=${c.value}`).join(', ')), el('td', {}, String(r.version)), el('td', {}, r.updatedBy))));
  };
  try {
    await load();
  } catch (e) {
    return showError(out, e);
  }
  out.replaceChildren(el('h3', {}, 'Routes'), el('table', { id: 'routes' },
    el('thead', {}, el('tr', {}, ...['Kind', 'Env', 'Project', 'Backend', 'Config', 'Version', 'By'].map((h) => el('th', { scope: 'col' }, h)))), table), live);
  const client = connect(ctx);
  const stop = subscribe(client, RouteChanged, {}, (d) => {
    const c = d.routeChanged;
    live.textContent = `${c.resourceKind} (${c.env}) ${c.deleted ? 'deleted' : `is at version ${c.version}`}`;
    void load().catch((e: unknown) => showError(live, e));
  }, (e) => showError(live, e));
  stopRoutes = () => {
    stop();
    void client.dispose();
  };
}

async function projectsTab(s: Session, out: Element, tenantId: string, admin: boolean): Promise<void> {
  leaveRoutes();
  const ctx = { token: s.token, tenantId };
  try {
    const { projects } = await request(Projects, {}, ctx);
    const list = el('ul', { id: 'projects' }, ...projects.edges.map(({ node }) => el('li', {}, `${node.name} (version ${node.version})`)));
    const parts: Node[] = [el('h3', {}, 'Projects'), list];
    if (admin) {
      const [nameLabel, name] = field('project-name', 'Name', { required: '' });
      const status = el('div', { 'aria-live': 'polite' });
      const form = el('form', { id: 'create-project' }, nameLabel, name, el('button', { type: 'submit' }, 'Create project'), status);
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        request(CreateProject, { input: { tenantId, name: name.value } }, ctx)
          .then(() => projectsTab(s, out, tenantId, admin), (e: unknown) => showError(status, e));
      });
      parts.push(form);
    }
    out.replaceChildren(...parts);
  } catch (e) {
    showError(out, e);
  }
}

async function membersTab(s: Session, out: Element, tenantId: string): Promise<void> {
  leaveRoutes();
  const ctx = { token: s.token, tenantId };
  try {
    const { members, invitations } = await request(Members, {}, ctx);
    const memberRows = members.map((m) =>
      el('tr', {}, el('td', {}, m.user?.email ?? m.userId), el('td', {}, m.role)));
    const inviteRows = invitations.map((i) => {
      const cells = [el('td', {}, i.email), el('td', {}, i.role), el('td', { class: 'status' }, i.status), el('td', {}, i.expiresAt)];
      const actions = el('td', {});
      if (i.status === 'PENDING') {
        actions.append(button('Revoke', { 'aria-label': `Revoke the invitation of ${i.email}` }, () =>
          void request(Revoke, { id: i.id }, ctx).then(() => membersTab(s, out, tenantId), (e: unknown) => showError(status, e))));
      }
      return el('tr', {}, ...cells, actions);
    });
    const [emailLabel, email] = field('invite-email', 'Email', { type: 'email', required: '' });
    const role = el('select', { id: 'invite-role' }, ...roles.map((r) => el('option', r === 'MEMBER' ? { value: r, selected: '' } : { value: r }, r)));
    const status = el('div', { 'aria-live': 'polite' });
    const form = el('form', { id: 'invite' }, el('h3', {}, 'Invite someone'), emailLabel, email,
      el('label', { for: 'invite-role' }, 'Role'), role, el('button', { type: 'submit' }, 'Invite'), status);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      request(Invite, { input: { tenantId, email: email.value, role: role.value as Role } }, ctx)
        .then(() => membersTab(s, out, tenantId), (e: unknown) => showError(status, e));
    });
    out.replaceChildren(
      el('h3', {}, 'Members'),
      el('table', { id: 'members' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Email'), el('th', { scope: 'col' }, 'Role'))), el('tbody', {}, ...memberRows)),
      el('h3', {}, 'Invitations'),
      el('table', { id: 'invitations' }, el('thead', {}, el('tr', {}, ...['Email', 'Role', 'Status', 'Expires', ''].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...inviteRows)),
      form);
  } catch (e) {
    showError(out, e);
  }
}

async function auditTab(s: Session, out: Element, tenantId: string): Promise<void> {
  leaveRoutes();
  try {
    const { auditEvents } = await request(AuditLog, { first: 20 }, { token: s.token, tenantId });
    const rows = auditEvents.edges.map(({ node }) =>
      el('tr', {},
        el('td', {}, node.at),
        el('td', { class: 'action' }, node.action),
        el('td', {}, `${node.targetType} ${node.targetId}`),
        el('td', {}, node.actor.label ?? node.actor.id),
        el('td', {}, node.changes.map((c) => `${c.field}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; '))));
    out.replaceChildren(el('h3', {}, 'Audit log'), el('table', { id: 'audit' },
      el('thead', {}, el('tr', {}, ...['When', 'Action', 'Target', 'By', 'Changes'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)));
  } catch (e) {
    showError(out, e);
  }
}

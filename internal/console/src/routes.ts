// Routes: the effective route of a resource kind in the context, the tenant's routes
// followed live (routeChanged over graphql-ws), setting and deleting them with the
// version read (a conflict is shown with the current version, and saving again then
// replaces it), and a dry run of a pasted routes file.
import { ApiError, request } from './api';
import { button, confirmButton, el, field, fill, liveStatus, onSubmit, row, select, showError, table, when } from './dom';
import { graphql } from './gql';
import type { ConsoleRoutesQuery } from './gql/graphql';
import { connect, subscribe } from './live';
import { ctx, envs, onLeave, type Scope } from './scope';

const Routes = graphql(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`);

// The members' emails: a route names its last writer by user id (or cli, for routes apply).
const Authors = graphql(`
  query ConsoleRouteAuthors {
    members { userId user { email } }
  }
`);

const Resolve = graphql(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`);

const SetRoute = graphql(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`);

const DeleteRoute = graphql(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`);

const Plan = graphql(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`);

const RouteChanged = graphql(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env projectId version deleted }
  }
`);

type Route = ConsoleRoutesQuery['routes'][number];

const config = (entries: { key: string; value: string }[]): string => entries.map((c) => `${c.key}=${c.value}`).join(', ');
const same = (r: Pick<Route, 'resourceKind' | 'env' | 'projectId'>, kind: string, env: string, projectId: string): boolean =>
  r.resourceKind === kind && r.env === env && (r.projectId ?? '') === projectId;

/** routesTab shows the routes page in out. */
export async function routesTab(s: Scope, out: Element): Promise<void> {
  let routes: Route[] = [];
  let projects: [string, string][] = [];
  const list = table('routes', ['Kind', 'Env', 'Project', 'Backend', 'Config', 'Version', 'Updated', 'By', ''], []);
  // Emails for the user ids in By. The members are read again only when a route names a
  // writer not asked about yet (a new member; cli once); without them By shows the ids.
  const authors = new Map<string, string>();
  const asked = new Set<string>();
  const by = (id: string): string => authors.get(id) ?? id;
  const learnAuthors = async (): Promise<void> => {
    const unknown = routes.map((r) => r.updatedBy).filter((id) => !authors.has(id) && !asked.has(id));
    if (unknown.length === 0) return;
    unknown.forEach((id) => asked.add(id));
    const got = await request(Authors, {}, ctx(s)).catch(() => null);
    for (const m of got?.members ?? []) if (m.user) authors.set(m.userId, m.user.email);
  };
  // The route the form edits, as it was when the form took it (Edit, or a save).
  let edited: { kind: string; env: string; projectId: string } | null = null;
  const live = el('p', { id: 'routes-live', 'aria-live': 'polite' }, 'Following changes…');
  const listStatus = liveStatus({ id: 'routes-status' });

  // The set form; editing a route fills it with the route and the version read.
  const [kindLabel, kind] = field('route-kind', 'Resource kind', { required: '', pattern: '[a-z0-9_]+' });
  const [envLabel, env] = select('route-env', 'Env', envs.map((e) => [e, e]), s.env);
  const [projectLabel, project] = select('route-project', 'Project', [['', 'Tenant-wide']], '');
  const [backendLabel, backend] = field('route-backend', 'Backend type', { required: '' });
  const configBox = el('textarea', { id: 'route-config', rows: '3', placeholder: 'address=redis.internal:6379' });
  const refsBox = el('textarea', { id: 'route-secrets', rows: '2', placeholder: 'password=file:///run/secrets/…' });
  const version = el('input', { type: 'hidden', id: 'route-version', value: '' });
  const editing = el('p', { id: 'route-editing' }, 'A new route (saving fails if one exists).');
  const formStatus = liveStatus({ id: 'route-status' });
  const setForm = el('form', { id: 'set-route' }, el('h3', {}, 'Set a route'), editing,
    kindLabel, kind, envLabel, env, projectLabel, project, backendLabel, backend,
    el('label', { for: 'route-config' }, 'Config (key=value per line)'), configBox,
    el('label', { for: 'route-secrets' }, 'Secret references (name=reference per line)'), refsBox,
    version, el('button', { type: 'submit' }, 'Save route'), formStatus);

  const edit = (r: Route): void => {
    kind.value = r.resourceKind;
    env.value = r.env;
    project.value = r.projectId ?? '';
    backend.value = r.backendType;
    configBox.value = r.config.map((c) => `${c.key}=${c.value}`).join('\n');
    refsBox.value = r.secretRefs.join('\n');
    version.value = String(r.version);
    editing.textContent = `Editing ${r.resourceKind} (${r.env}) at version ${r.version}.`;
    edited = { kind: r.resourceKind, env: r.env, projectId: r.projectId ?? '' };
    kind.focus();
  };
  const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

  const render = (): void => {
    fill(list, routes.map((r) => {
      const input = { resourceKind: r.resourceKind, tenantId: s.tenantId, env: r.env, projectId: r.projectId, expectedVersion: r.version };
      const actions = el('span', {},
        button('Edit', { 'aria-label': `Edit ${r.resourceKind} (${r.env})` }, () => edit(r)),
        confirmButton('Delete', { 'aria-label': `Delete ${r.resourceKind} (${r.env})` }, () => request(DeleteRoute, { input }, ctx(s))
          .then(load, (e: unknown) => conflict(listStatus, e, `${r.resourceKind} (${r.env})`))));
      return row(r.resourceKind, r.env, r.projectId ?? 'tenant-wide', r.backendType, config(r.config), String(r.version), when(r.updatedAt), el('span', { title: r.updatedBy }, by(r.updatedBy)), actions);
    }));
  };
  const load = async (): Promise<void> => {
    const got = await request(Routes, {}, ctx(s));
    routes = got.routes;
    await learnAuthors();
    projects = got.projects.edges.map(({ node }) => [node.id, node.name]);
    const chosen = project.value;
    const options: [string, string][] = [['', 'Tenant-wide'], ...projects];
    project.replaceChildren(...options.map(([v, l]) => el('option', { value: v }, l)));
    project.value = chosen;
    render();
  };
  // A conflict names the version now stored; the form keeps the edit and takes that
  // version, so saving again replaces it knowingly.
  const conflict = (where: Element, e: unknown, what: string): void => {
    showError(where, e);
    if (!(e instanceof ApiError) || e.code !== 'CONFLICT') return;
    void load().then(() => {
      const now = routes.find((r) => same(r, kind.value, env.value, project.value));
      const note = now
        ? `${what} is now at version ${now.version} (by ${by(now.updatedBy)}). Your edit is kept: save again to replace that version.`
        : `${what} no longer exists. Your edit is kept: save again to create it.`;
      version.value = now ? String(now.version) : '';
      editing.textContent = now ? `Editing ${now.resourceKind} (${now.env}) at version ${now.version}.` : 'A new route (saving fails if one exists).';
      where.append(el('p', { class: 'resolution' }, note));
    });
  };
  onSubmit(setForm, formStatus, async () => {
    const config = lines(configBox.value).map((l) => {
      const i = l.indexOf('=');
      return i < 0 ? { key: l, value: '' } : { key: l.slice(0, i).trim(), value: l.slice(i + 1).trim() };
    });
    const input = {
      resourceKind: kind.value, tenantId: s.tenantId, env: env.value, projectId: project.value || null,
      backendType: backend.value, config, secretRefs: lines(refsBox.value),
      expectedVersion: version.value ? Number(version.value) : null,
    };
    try {
      const { setRoute } = await request(SetRoute, { input }, ctx(s));
      formStatus.replaceChildren(el('p', {}, `Saved ${setRoute.resourceKind} at version ${setRoute.version}.`));
      version.value = String(setRoute.version);
      editing.textContent = `Editing ${setRoute.resourceKind} (${env.value}) at version ${setRoute.version}.`;
      edited = { kind: setRoute.resourceKind, env: env.value, projectId: project.value };
      await load();
    } catch (e) {
      conflict(formStatus, e, `${kind.value} (${env.value})`);
    }
  });

  // The effective route in the context bar's env and project.
  const [lookupLabel, lookupKind] = field('resolve-kind', 'Resource kind', { required: '' });
  const resolved = liveStatus({ id: 'resolved' });
  const lookup = el('form', { id: 'resolve-route' },
    el('h3', {}, `Effective route in ${s.env}${s.projectId ? ', this project' : ''}`), lookupLabel, lookupKind,
    el('button', { type: 'submit' }, 'Resolve'), resolved);
  onSubmit(lookup, resolved, async () => {
    const { route } = await request(Resolve, { kind: lookupKind.value }, ctx(s));
    const r = route.route;
    resolved.replaceChildren(el('p', {},
      `${r.backendType} ${config(r.config)} — matched at the ${route.matchedScope} scope (${r.tenantId}, ${r.env}${r.projectId ? `, ${r.projectId}` : ''}), version ${r.version}`));
  });

  // A dry run of a routes file.
  const fileBox = el('textarea', { id: 'routes-file', rows: '6', required: '', placeholder: 'routes:\n  - {resourceKind: kpi, tenantId: …, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}' });
  const planOut = liveStatus({ id: 'routes-plan' });
  const planForm = el('form', { id: 'plan-routes' }, el('h3', {}, 'Preview a routes file'),
    el('label', { for: 'routes-file' }, 'Routes file (YAML, as for northstar routes apply)'), fileBox,
    el('button', { type: 'submit' }, 'Preview changes'), planOut);
  onSubmit(planForm, planOut, async () => {
    const { routesPlan } = await request(Plan, { file: fileBox.value }, ctx(s));
    const rows = routesPlan.map((p) => row(p.outcome, p.resourceKind, p.env, p.projectId ?? 'tenant-wide',
      p.changes.map((c) => `${c.field}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; ')));
    const counts = ['CREATE', 'UPDATE', 'UNCHANGED'].map((o) => `${routesPlan.filter((p) => p.outcome === o).length} ${o.toLowerCase()}`);
    planOut.replaceChildren(el('p', {}, `Nothing was written: ${counts.join(', ')}.`), table('plan', ['Outcome', 'Kind', 'Env', 'Project', 'Changes'], rows));
  });

  try {
    await load();
  } catch (e) {
    return showError(out, e);
  }
  out.replaceChildren(lookup, el('h3', {}, 'Routes'), list, live, listStatus, setForm, planForm);

  if (!out.isConnected) return; // another page was chosen meanwhile
  const client = connect({ session: s.session, tenantId: s.tenantId }); // every env: the list shows them all
  const stop = subscribe(client, RouteChanged, {}, (d) => {
    const c = d.routeChanged;
    live.textContent = `${c.resourceKind} (${c.env}) ${c.deleted ? 'deleted' : `is at version ${c.version}`}`;
    // The route the form edits was deleted: saving now creates it again.
    if (c.deleted && edited && same(c, edited.kind, edited.env, edited.projectId) && version.value) {
      version.value = '';
      editing.textContent = `${c.resourceKind} (${c.env}) was deleted. Your edit is kept: saving creates it again.`;
      edited = null;
    }
    void load().catch((e: unknown) => showError(live, e));
  }, (e) => showError(live, e));
  onLeave(() => {
    stop();
    void client.dispose();
  });
}

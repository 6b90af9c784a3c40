// The audit log: newest first, filtered by action or target, a page at a time.
import { request } from './api';
import { button, el, field, fill, liveStatus, onSubmit, row, showError, table, when } from './dom';
import { graphql } from './gql';
import { ctx, type Scope } from './scope';

const AuditLog = graphql(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** auditTab shows the tenant's audit log with its filters. */
export async function auditTab(s: Scope, out: Element): Promise<void> {
  const [actionLabel, action] = field('audit-action', 'Action (e.g. route.set)');
  const [targetLabel, target] = field('audit-target', 'Target id');
  const status = liveStatus({ id: 'audit-status' });
  const log = table('audit', ['When', 'Action', 'Target', 'By', 'Changes', 'Request'], []);
  const more = el('div', {});
  const filters = el('form', { id: 'audit-filters', class: 'inline' }, actionLabel, action, targetLabel, target,
    el('button', { type: 'submit' }, 'Filter'), status);
  const page = async (after: string | null): Promise<void> => {
    const { auditEvents } = await request(AuditLog,
      { first: 20, after, action: action.value || null, targetId: target.value || null }, ctx(s));
    fill(log, auditEvents.edges.map(({ node }) => row(
      when(node.at), node.action, `${node.targetType} ${node.targetId}`, node.actor.label ?? node.actor.id,
      node.changes.map((c) => `${c.field}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; '), node.requestId ?? '')), after !== null);
    const next = auditEvents.pageInfo.endCursor ?? null;
    more.replaceChildren(...(auditEvents.pageInfo.hasNextPage
      ? [button('Older events', { id: 'audit-older' }, () => void page(next).catch((e: unknown) => showError(status, e)))]
      : []));
  };
  onSubmit(filters, status, () => page(null));
  try {
    await page(null);
  } catch (e) {
    return showError(out, e);
  }
  out.replaceChildren(el('h3', {}, 'Audit log'), filters, log, more);
}

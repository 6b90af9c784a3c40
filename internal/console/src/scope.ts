// Where a tenant's pages act: the signed-in user, the tenant and the caller's roles in
// it, and the env and project chosen in the context bar. Pages read it when they load,
// so switching env or project is reloading the open page.
import type { Context } from './api';
import type { Role } from './gql/graphql';
import type { Session } from './session';

export interface Scope {
  session: Session;
  tenantId: string;
  tenantName: string;
  roles: Role[];
  env: string;
  /** The chosen project; '' for none. */
  projectId: string;
  /** refresh reloads what the context bar shows (the tenant's name, the projects, the
   * caller's roles) after a page changed it. */
  refresh: () => Promise<void>;
}

/** The envs a context can name. */
export const envs = ['dev', 'staging', 'prod'];

/** isAdmin reports whether the caller may write in the tenant (ADMIN or OWNER). */
export function isAdmin(s: Scope): boolean {
  return s.roles.some((r) => r === 'ADMIN' || r === 'OWNER');
}

/** ctx is the request context of s: the tenant and env, and the project when chosen. */
export function ctx(s: Scope): Context {
  const c: Context = { session: s.session, tenantId: s.tenantId, env: s.env };
  if (s.projectId) c.projectId = s.projectId;
  return c;
}

let leaving: (() => void)[] = [];

/** onLeave registers what to close (a subscription, a websocket) when the page changes. */
export function onLeave(close: () => void): void {
  leaving.push(close);
}

/** leave closes what the open page left running. */
export function leave(): void {
  const closing = leaving;
  leaving = [];
  for (const close of closing) close();
}

// Members (their roles, changed with the version read; removal) and invitations.
import { request } from './api';
import { confirmButton, el, field, liveStatus, onSubmit, row, select, showError, table, when } from './dom';
import { graphql } from './gql';
import type { Role } from './gql/graphql';
import { ctx, type Scope } from './scope';

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

const SetRole = graphql(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`);

const Remove = graphql(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`);

const roles: Role[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];
const roleOptions = roles.map((r): [string, string] => [r, r]);

/** membersTab lists the tenant's members and invitations, with the forms that change them. */
export async function membersTab(s: Scope, out: Element, refused?: unknown): Promise<void> {
  // A change of the caller's own role changes the context bar (and maybe the tabs) too.
  const reload = async (): Promise<void> => {
    await s.refresh();
    await membersTab(s, out);
  };
  const status = liveStatus({ id: 'members-status' });
  if (refused !== undefined) showError(status, refused);
  const act = (run: () => Promise<unknown>): Promise<void> => run().then(reload).catch((e: unknown) => showError(status, e));
  try {
    const { members, invitations } = await request(Members, {}, ctx(s));
    const memberRows = members.map((m) => {
      const who = m.user?.email ?? m.userId;
      const [, role] = select(`role-${m.userId}`, '', roleOptions, m.role);
      role.setAttribute('aria-label', `Role of ${who}`);
      // A refused change reads the members again (the role and version stored now) and
      // shows the refusal over them.
      role.addEventListener('change', () => void request(SetRole,
        { input: { tenantId: s.tenantId, userId: m.userId, role: role.value as Role, expectedVersion: m.version } }, ctx(s))
        .then(reload, (e: unknown) => membersTab(s, out, e))
        .catch((e: unknown) => showError(status, e)));
      const remove = confirmButton('Remove', { 'aria-label': `Remove ${who}` }, () => act(() =>
        request(Remove, { input: { tenantId: s.tenantId, userId: m.userId } }, ctx(s))));
      return row(who, role, String(m.version), remove);
    });
    const inviteRows = invitations.map((i) => {
      const actions = i.status === 'PENDING'
        ? confirmButton('Revoke', { 'aria-label': `Revoke the invitation of ${i.email}` }, () => act(() => request(Revoke, { id: i.id }, ctx(s))))
        : '';
      const r = row(i.email, i.role, i.status, when(i.expiresAt), actions);
      r.cells[2]?.setAttribute('class', 'status');
      return r;
    });
    const [emailLabel, email] = field('invite-email', 'Email', { type: 'email', required: '' });
    const [roleLabel, role] = select('invite-role', 'Role', roleOptions, 'MEMBER');
    const formStatus = liveStatus();
    const form = el('form', { id: 'invite' }, el('h3', {}, 'Invite someone'), emailLabel, email, roleLabel, role,
      el('button', { type: 'submit' }, 'Invite'), formStatus);
    onSubmit(form, formStatus, () =>
      request(Invite, { input: { tenantId: s.tenantId, email: email.value, role: role.value as Role } }, ctx(s)).then(reload));
    out.replaceChildren(
      el('h3', {}, 'Members'), table('members', ['Email', 'Role', 'Version', ''], memberRows), status,
      el('h3', {}, 'Invitations'), table('invitations', ['Email', 'Role', 'Status', 'Expires', ''], inviteRows),
      form);
  } catch (e) {
    showError(out, e);
  }
}

/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ArchiveProjectInput = {
  expectedVersion: number;
  projectId: string;
};

export type ConfigEntryInput = {
  key: string;
  value: string;
};

export type CreateAppInput = {
  name: string;
  tenantId: string;
};

export type CreateModeInput = {
  description?: string | null | undefined;
  /** 1 to 32 of a-z, 0-9, - and _. */
  id: string;
  name: string;
};

export type CreateProjectInput = {
  name: string;
  tenantId: string;
};

export type CreateServiceAccountInput = {
  name: string;
  scopes: Array<string>;
  tenantId: string;
};

export type CreateSurfaceInput = {
  name: string;
  tenantId: string;
};

export type CreateThreadInput = {
  projectId: string;
  title: string;
};

export type DeleteRouteInput = {
  env: string;
  /** Given: delete only that version (stale is CONFLICT). */
  expectedVersion?: number | null | undefined;
  projectId?: string | null | undefined;
  resourceKind: string;
  tenantId: string;
};

export type InvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  /** Pending past its expiry. */
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteMemberInput = {
  /** Where the invitation goes; the invitee accepts it signed in with this email. */
  email: string;
  role: Role;
  tenantId: string;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type PostMessageInput = {
  /** 1 to 4,000 characters. */
  text: string;
  threadId: string;
};

export type RemoveMemberInput = {
  tenantId: string;
  userId: string;
};

export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

export type RoutePlanOutcome =
  | 'CREATE'
  | 'UNCHANGED'
  | 'UPDATE';

export type SetMemberRoleInput = {
  /** When given, must be the membership's version (CONFLICT otherwise). */
  expectedVersion?: number | null | undefined;
  role: Role;
  tenantId: string;
  userId: string;
};

export type SetRouteInput = {
  backendType: string;
  config?: Array<ConfigEntryInput> | null | undefined;
  env: string;
  /** Omitted: create only (an existing route is CONFLICT). Given: replace that version (stale is CONFLICT). */
  expectedVersion?: number | null | undefined;
  projectId?: string | null | undefined;
  resourceKind: string;
  secretRefs?: Array<string> | null | undefined;
  tenantId: string;
};

export type SignupInput = {
  email: string;
  password: string;
  tenantName: string;
};

export type UpdateAppInput = {
  /** The version read; a stale one fails with CONFLICT. */
  expectedVersion: number;
  /** An app of the context tenant (system admins: of t_system, with it as the context). */
  id: string;
  name: string;
};

export type UpdateModeInput = {
  description?: string | null | undefined;
  /** The version read; a stale one fails with CONFLICT. */
  expectedVersion: number;
  id: string;
  name: string;
};

export type UpdateProjectInput = {
  /** The version read; a stale one fails with CONFLICT. */
  expectedVersion: number;
  name: string;
  projectId: string;
};

export type UpdateSurfaceInput = {
  /** The version read; a stale one fails with CONFLICT. */
  expectedVersion: number;
  /** A surface of the context tenant (system admins: of t_system, with it as the context). */
  id: string;
  name: string;
};

export type UpdateTenantInput = {
  /** The version read; a stale one fails with CONFLICT. */
  expectedVersion: number;
  name: string;
  tenantId: string;
};

export type ConsoleServiceAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleServiceAccountsQuery = { serviceAccounts: Array<{ id: string, name: string, scopes: Array<string>, createdAt: string }> };

export type ConsoleCreateServiceAccountMutationVariables = Exact<{
  input: CreateServiceAccountInput;
}>;


export type ConsoleCreateServiceAccountMutation = { createServiceAccount: { clientId: string, clientSecret: string, serviceAccount: { name: string } } };

export type ConsoleRotateServiceAccountMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleRotateServiceAccountMutation = { rotateServiceAccountSecret: { clientId: string, clientSecret: string, serviceAccount: { name: string } } };

export type ConsoleDeleteServiceAccountMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteServiceAccountMutation = { deleteServiceAccount: boolean };

export type ConsoleAuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  action?: string | null | undefined;
  targetId?: string | null | undefined;
}>;


export type ConsoleAuditLogQuery = { auditEvents: { edges: Array<{ node: { id: string, at: string, action: string, targetType: string, targetId: string, requestId: string | null, actor: { kind: string, id: string, label: string | null }, changes: Array<{ field: string, from: string | null, to: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleThreadsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleThreadsQuery = { threads: Array<{ id: string, title: string, createdAt: string, lastSeq: number }> };

export type ConsoleCreateThreadMutationVariables = Exact<{
  input: CreateThreadInput;
}>;


export type ConsoleCreateThreadMutation = { createThread: { id: string } };

export type ConsolePostMutationVariables = Exact<{
  input: PostMessageInput;
}>;


export type ConsolePostMutation = { postMessage: { seq: number } };

export type ConsoleFollowSubscriptionVariables = Exact<{
  threadId: string;
  after?: number | null | undefined;
}>;


export type ConsoleFollowSubscription = { messagePosted: { seq: number, text: string, authorId: string, createdAt: string } };

export type ConsoleHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleHomeQuery = { tenants: Array<{ id: string, name: string, mode: { id: string, name: string } }>, myInvitations: Array<{ id: string, tenantId: string, tenantName: string, role: Role, expiresAt: string }> };

export type ConsoleAcceptMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleAcceptMutation = { acceptInvitation: { tenantId: string, role: Role } };

export type ConsoleDeclineMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeclineMutation = { declineInvitation: boolean };

export type ConsoleMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMembersQuery = { members: Array<{ userId: string, role: Role, version: number, user: { email: string } | null }>, invitations: Array<{ id: string, email: string, role: Role, status: InvitationStatus, expiresAt: string }> };

export type ConsoleInviteMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type ConsoleInviteMutation = { inviteMember: { id: string, email: string, role: Role, status: InvitationStatus } };

export type ConsoleRevokeMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleRevokeMutation = { revokeInvitation: boolean };

export type ConsoleSetRoleMutationVariables = Exact<{
  input: SetMemberRoleInput;
}>;


export type ConsoleSetRoleMutation = { setMemberRole: { userId: string, role: Role, version: number } };

export type ConsoleRemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type ConsoleRemoveMemberMutation = { removeMember: boolean };

export type ConsoleRoutesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRoutesQuery = { routes: Array<{ resourceKind: string, env: string, projectId: string | null, backendType: string, secretRefs: Array<string>, version: number, updatedBy: string, updatedAt: string, config: Array<{ key: string, value: string }> }>, projects: { edges: Array<{ node: { id: string, name: string } }> } };

export type ConsoleRouteAuthorsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRouteAuthorsQuery = { members: Array<{ userId: string, user: { email: string } | null }> };

export type ConsoleResolveRouteQueryVariables = Exact<{
  kind: string;
}>;


export type ConsoleResolveRouteQuery = { route: { matchedScope: string, route: { tenantId: string, env: string, projectId: string | null, backendType: string, version: number, config: Array<{ key: string, value: string }> } } };

export type ConsoleSetRouteMutationVariables = Exact<{
  input: SetRouteInput;
}>;


export type ConsoleSetRouteMutation = { setRoute: { resourceKind: string, version: number } };

export type ConsoleDeleteRouteMutationVariables = Exact<{
  input: DeleteRouteInput;
}>;


export type ConsoleDeleteRouteMutation = { deleteRoute: boolean };

export type ConsoleRoutesPlanQueryVariables = Exact<{
  file: string;
}>;


export type ConsoleRoutesPlanQuery = { routesPlan: Array<{ resourceKind: string, env: string, projectId: string | null, outcome: RoutePlanOutcome, changes: Array<{ field: string, from: string | null, to: string | null }> }> };

export type ConsoleRouteChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRouteChangedSubscription = { routeChanged: { resourceKind: string, env: string, projectId: string | null, version: number, deleted: boolean } };

export type ConsoleLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ConsoleLoginMutation = { login: { token: string, refreshToken: string | null, expiresAt: string, user: { id: string, email: string } } };

export type ConsoleSignupMutationVariables = Exact<{
  input: SignupInput;
}>;


export type ConsoleSignupMutation = { signup: { token: string, refreshToken: string | null, expiresAt: string, user: { id: string, email: string } } };

export type ConsoleRefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ConsoleRefreshMutation = { refreshSession: { token: string, refreshToken: string | null, expiresAt: string, user: { id: string, email: string } } };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { logout: boolean };

export type ConsoleAllTenantsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type ConsoleAllTenantsQuery = { allTenants: { edges: Array<{ node: { id: string, name: string, version: number, createdAt: string, mode: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleSetTenantModeMutationVariables = Exact<{
  tenantId: string;
  mode: string;
  expectedVersion?: number | null | undefined;
}>;


export type ConsoleSetTenantModeMutation = { setTenantMode: { id: string, version: number, mode: { id: string } } };

export type ConsoleModesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleModesQuery = { modes: Array<{ id: string, name: string, description: string | null, version: number }> };

export type ConsoleCreateModeMutationVariables = Exact<{
  input: CreateModeInput;
}>;


export type ConsoleCreateModeMutation = { createMode: { id: string } };

export type ConsoleUpdateModeMutationVariables = Exact<{
  input: UpdateModeInput;
}>;


export type ConsoleUpdateModeMutation = { updateMode: { id: string, version: number } };

export type ConsoleDeleteModeMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteModeMutation = { deleteMode: boolean };

export type ConsoleRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRolesQuery = { context: { roles: Array<Role> }, tenant: { name: string }, projects: { edges: Array<{ node: { id: string, name: string } }> } };

export type ConsoleTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTenantQuery = { tenant: { id: string, name: string, version: number, createdAt: string, updatedAt: string, mode: { id: string, name: string, description: string | null } } };

export type ConsoleUpdateTenantMutationVariables = Exact<{
  input: UpdateTenantInput;
}>;


export type ConsoleUpdateTenantMutation = { updateTenant: { id: string, name: string, version: number } };

export type ConsoleProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleProjectsQuery = { projects: { edges: Array<{ node: { id: string, name: string, version: number, archived: boolean } }> }, surfaces: Array<{ id: string, tenantId: string, name: string, version: number }>, apps: Array<{ id: string, tenantId: string, name: string, version: number }> };

export type ConsoleUpdateProjectMutationVariables = Exact<{
  input: UpdateProjectInput;
}>;


export type ConsoleUpdateProjectMutation = { updateProject: { id: string, name: string, version: number } };

export type ConsoleUpdateSurfaceMutationVariables = Exact<{
  input: UpdateSurfaceInput;
}>;


export type ConsoleUpdateSurfaceMutation = { updateSurface: { id: string, name: string, version: number } };

export type ConsoleUpdateAppMutationVariables = Exact<{
  input: UpdateAppInput;
}>;


export type ConsoleUpdateAppMutation = { updateApp: { id: string, name: string, version: number } };

export type ConsoleCreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type ConsoleCreateProjectMutation = { createProject: { id: string } };

export type ConsoleArchiveProjectMutationVariables = Exact<{
  input: ArchiveProjectInput;
}>;


export type ConsoleArchiveProjectMutation = { archiveProject: { id: string, archived: boolean } };

export type ConsoleUnarchiveProjectMutationVariables = Exact<{
  input: ArchiveProjectInput;
}>;


export type ConsoleUnarchiveProjectMutation = { unarchiveProject: { id: string, archived: boolean } };

export type ConsoleCreateSurfaceMutationVariables = Exact<{
  input: CreateSurfaceInput;
}>;


export type ConsoleCreateSurfaceMutation = { createSurface: { id: string } };

export type ConsoleDeleteSurfaceMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteSurfaceMutation = { deleteSurface: boolean };

export type ConsoleCreateAppMutationVariables = Exact<{
  input: CreateAppInput;
}>;


export type ConsoleCreateAppMutation = { createApp: { id: string } };

export type ConsoleDeleteAppMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteAppMutation = { deleteApp: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleServiceAccountsDocument = new TypedDocumentString(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `, {"hash":"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}) as unknown as TypedDocumentString<ConsoleServiceAccountsQuery, ConsoleServiceAccountsQueryVariables>;
export const ConsoleCreateServiceAccountDocument = new TypedDocumentString(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `, {"hash":"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}) as unknown as TypedDocumentString<ConsoleCreateServiceAccountMutation, ConsoleCreateServiceAccountMutationVariables>;
export const ConsoleRotateServiceAccountDocument = new TypedDocumentString(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `, {"hash":"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}) as unknown as TypedDocumentString<ConsoleRotateServiceAccountMutation, ConsoleRotateServiceAccountMutationVariables>;
export const ConsoleDeleteServiceAccountDocument = new TypedDocumentString(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `, {"hash":"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}) as unknown as TypedDocumentString<ConsoleDeleteServiceAccountMutation, ConsoleDeleteServiceAccountMutationVariables>;
export const ConsoleAuditLogDocument = new TypedDocumentString(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
    edges {
      node {
        id
        at
        action
        targetType
        targetId
        requestId
        actor {
          kind
          id
          label
        }
        changes {
          field
          from
          to
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}) as unknown as TypedDocumentString<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
export const ConsoleThreadsDocument = new TypedDocumentString(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `, {"hash":"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}) as unknown as TypedDocumentString<ConsoleThreadsQuery, ConsoleThreadsQueryVariables>;
export const ConsoleCreateThreadDocument = new TypedDocumentString(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `, {"hash":"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}) as unknown as TypedDocumentString<ConsoleCreateThreadMutation, ConsoleCreateThreadMutationVariables>;
export const ConsolePostDocument = new TypedDocumentString(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `, {"hash":"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}) as unknown as TypedDocumentString<ConsolePostMutation, ConsolePostMutationVariables>;
export const ConsoleFollowDocument = new TypedDocumentString(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `, {"hash":"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}) as unknown as TypedDocumentString<ConsoleFollowSubscription, ConsoleFollowSubscriptionVariables>;
export const ConsoleHomeDocument = new TypedDocumentString(`
    query ConsoleHome {
  tenants {
    id
    name
    mode {
      id
      name
    }
  }
  myInvitations {
    id
    tenantId
    tenantName
    role
    expiresAt
  }
}
    `, {"hash":"sha256:d3f085774093e767df9c897ae30a53d69bf977857c313700337f1d0a1ec01e88"}) as unknown as TypedDocumentString<ConsoleHomeQuery, ConsoleHomeQueryVariables>;
export const ConsoleAcceptDocument = new TypedDocumentString(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `, {"hash":"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}) as unknown as TypedDocumentString<ConsoleAcceptMutation, ConsoleAcceptMutationVariables>;
export const ConsoleDeclineDocument = new TypedDocumentString(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `, {"hash":"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}) as unknown as TypedDocumentString<ConsoleDeclineMutation, ConsoleDeclineMutationVariables>;
export const ConsoleMembersDocument = new TypedDocumentString(`
    query ConsoleMembers {
  members {
    userId
    role
    version
    user {
      email
    }
  }
  invitations {
    id
    email
    role
    status
    expiresAt
  }
}
    `, {"hash":"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}) as unknown as TypedDocumentString<ConsoleMembersQuery, ConsoleMembersQueryVariables>;
export const ConsoleInviteDocument = new TypedDocumentString(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `, {"hash":"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}) as unknown as TypedDocumentString<ConsoleInviteMutation, ConsoleInviteMutationVariables>;
export const ConsoleRevokeDocument = new TypedDocumentString(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `, {"hash":"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}) as unknown as TypedDocumentString<ConsoleRevokeMutation, ConsoleRevokeMutationVariables>;
export const ConsoleSetRoleDocument = new TypedDocumentString(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `, {"hash":"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}) as unknown as TypedDocumentString<ConsoleSetRoleMutation, ConsoleSetRoleMutationVariables>;
export const ConsoleRemoveMemberDocument = new TypedDocumentString(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `, {"hash":"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}) as unknown as TypedDocumentString<ConsoleRemoveMemberMutation, ConsoleRemoveMemberMutationVariables>;
export const ConsoleRoutesDocument = new TypedDocumentString(`
    query ConsoleRoutes {
  routes {
    resourceKind
    env
    projectId
    backendType
    config {
      key
      value
    }
    secretRefs
    version
    updatedBy
    updatedAt
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}) as unknown as TypedDocumentString<ConsoleRoutesQuery, ConsoleRoutesQueryVariables>;
export const ConsoleRouteAuthorsDocument = new TypedDocumentString(`
    query ConsoleRouteAuthors {
  members {
    userId
    user {
      email
    }
  }
}
    `, {"hash":"sha256:eac49af5696a78301a94f478953266e5526ef5de8da42c664f1d53fa05154d31"}) as unknown as TypedDocumentString<ConsoleRouteAuthorsQuery, ConsoleRouteAuthorsQueryVariables>;
export const ConsoleResolveRouteDocument = new TypedDocumentString(`
    query ConsoleResolveRoute($kind: String!) {
  route(resourceKind: $kind) {
    matchedScope
    route {
      tenantId
      env
      projectId
      backendType
      config {
        key
        value
      }
      version
    }
  }
}
    `, {"hash":"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}) as unknown as TypedDocumentString<ConsoleResolveRouteQuery, ConsoleResolveRouteQueryVariables>;
export const ConsoleSetRouteDocument = new TypedDocumentString(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `, {"hash":"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}) as unknown as TypedDocumentString<ConsoleSetRouteMutation, ConsoleSetRouteMutationVariables>;
export const ConsoleDeleteRouteDocument = new TypedDocumentString(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `, {"hash":"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}) as unknown as TypedDocumentString<ConsoleDeleteRouteMutation, ConsoleDeleteRouteMutationVariables>;
export const ConsoleRoutesPlanDocument = new TypedDocumentString(`
    query ConsoleRoutesPlan($file: String!) {
  routesPlan(file: $file) {
    resourceKind
    env
    projectId
    outcome
    changes {
      field
      from
      to
    }
  }
}
    `, {"hash":"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}) as unknown as TypedDocumentString<ConsoleRoutesPlanQuery, ConsoleRoutesPlanQueryVariables>;
export const ConsoleRouteChangedDocument = new TypedDocumentString(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    projectId
    version
    deleted
  }
}
    `, {"hash":"sha256:c5176f967beed53c4a4e906f7e3add45bd185aaa4fed88d5df95506c7098a765"}) as unknown as TypedDocumentString<ConsoleRouteChangedSubscription, ConsoleRouteChangedSubscriptionVariables>;
export const ConsoleLoginDocument = new TypedDocumentString(`
    mutation ConsoleLogin($input: LoginInput!) {
  login(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `, {"hash":"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}) as unknown as TypedDocumentString<ConsoleLoginMutation, ConsoleLoginMutationVariables>;
export const ConsoleSignupDocument = new TypedDocumentString(`
    mutation ConsoleSignup($input: SignupInput!) {
  signup(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `, {"hash":"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}) as unknown as TypedDocumentString<ConsoleSignupMutation, ConsoleSignupMutationVariables>;
export const ConsoleRefreshDocument = new TypedDocumentString(`
    mutation ConsoleRefresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `, {"hash":"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}) as unknown as TypedDocumentString<ConsoleRefreshMutation, ConsoleRefreshMutationVariables>;
export const ConsoleLogoutDocument = new TypedDocumentString(`
    mutation ConsoleLogout {
  logout
}
    `, {"hash":"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}) as unknown as TypedDocumentString<ConsoleLogoutMutation, ConsoleLogoutMutationVariables>;
export const ConsoleAllTenantsDocument = new TypedDocumentString(`
    query ConsoleAllTenants($first: Int, $after: String, $search: String) {
  allTenants(first: $first, after: $after, search: $search) {
    edges {
      node {
        id
        name
        version
        createdAt
        mode {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}) as unknown as TypedDocumentString<ConsoleAllTenantsQuery, ConsoleAllTenantsQueryVariables>;
export const ConsoleSetTenantModeDocument = new TypedDocumentString(`
    mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
  setTenantMode(
    tenantId: $tenantId
    mode: $mode
    expectedVersion: $expectedVersion
  ) {
    id
    version
    mode {
      id
    }
  }
}
    `, {"hash":"sha256:562385d272536001dec0d070d04f14523cd4c1ad400b6b721a9d90bc84501a8f"}) as unknown as TypedDocumentString<ConsoleSetTenantModeMutation, ConsoleSetTenantModeMutationVariables>;
export const ConsoleModesDocument = new TypedDocumentString(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `, {"hash":"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}) as unknown as TypedDocumentString<ConsoleModesQuery, ConsoleModesQueryVariables>;
export const ConsoleCreateModeDocument = new TypedDocumentString(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `, {"hash":"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}) as unknown as TypedDocumentString<ConsoleCreateModeMutation, ConsoleCreateModeMutationVariables>;
export const ConsoleUpdateModeDocument = new TypedDocumentString(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `, {"hash":"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}) as unknown as TypedDocumentString<ConsoleUpdateModeMutation, ConsoleUpdateModeMutationVariables>;
export const ConsoleDeleteModeDocument = new TypedDocumentString(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `, {"hash":"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}) as unknown as TypedDocumentString<ConsoleDeleteModeMutation, ConsoleDeleteModeMutationVariables>;
export const ConsoleRolesDocument = new TypedDocumentString(`
    query ConsoleRoles {
  context {
    roles
  }
  tenant {
    name
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:306d4900c2d9ff987e6ba8d9c6386fc646afd8d0f8ee3756c24503093ff10a4c"}) as unknown as TypedDocumentString<ConsoleRolesQuery, ConsoleRolesQueryVariables>;
export const ConsoleTenantDocument = new TypedDocumentString(`
    query ConsoleTenant {
  tenant {
    id
    name
    version
    createdAt
    updatedAt
    mode {
      id
      name
      description
    }
  }
}
    `, {"hash":"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}) as unknown as TypedDocumentString<ConsoleTenantQuery, ConsoleTenantQueryVariables>;
export const ConsoleUpdateTenantDocument = new TypedDocumentString(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `, {"hash":"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}) as unknown as TypedDocumentString<ConsoleUpdateTenantMutation, ConsoleUpdateTenantMutationVariables>;
export const ConsoleProjectsDocument = new TypedDocumentString(`
    query ConsoleProjects {
  projects(first: 100, includeArchived: true) {
    edges {
      node {
        id
        name
        version
        archived
      }
    }
  }
  surfaces {
    id
    tenantId
    name
    version
  }
  apps {
    id
    tenantId
    name
    version
  }
}
    `, {"hash":"sha256:f0d24efef394f5d7b1d11820e515c3e2763a7f2795d122e0ff6966167e2d7cca"}) as unknown as TypedDocumentString<ConsoleProjectsQuery, ConsoleProjectsQueryVariables>;
export const ConsoleUpdateProjectDocument = new TypedDocumentString(`
    mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    id
    name
    version
  }
}
    `, {"hash":"sha256:931b8056037b694a4bc10ec2865c5ac1a32f2859a81ead6de14f490effa985da"}) as unknown as TypedDocumentString<ConsoleUpdateProjectMutation, ConsoleUpdateProjectMutationVariables>;
export const ConsoleUpdateSurfaceDocument = new TypedDocumentString(`
    mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
  updateSurface(input: $input) {
    id
    name
    version
  }
}
    `, {"hash":"sha256:7b069dbad461d22c80a10e45dbb01f8511a25ebc00bb511587083726c011a771"}) as unknown as TypedDocumentString<ConsoleUpdateSurfaceMutation, ConsoleUpdateSurfaceMutationVariables>;
export const ConsoleUpdateAppDocument = new TypedDocumentString(`
    mutation ConsoleUpdateApp($input: UpdateAppInput!) {
  updateApp(input: $input) {
    id
    name
    version
  }
}
    `, {"hash":"sha256:c07b1508762771e2a7c34a12548f926a4e545aacd8bbb11592eddfc847b61c48"}) as unknown as TypedDocumentString<ConsoleUpdateAppMutation, ConsoleUpdateAppMutationVariables>;
export const ConsoleCreateProjectDocument = new TypedDocumentString(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `, {"hash":"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}) as unknown as TypedDocumentString<ConsoleCreateProjectMutation, ConsoleCreateProjectMutationVariables>;
export const ConsoleArchiveProjectDocument = new TypedDocumentString(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `, {"hash":"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}) as unknown as TypedDocumentString<ConsoleArchiveProjectMutation, ConsoleArchiveProjectMutationVariables>;
export const ConsoleUnarchiveProjectDocument = new TypedDocumentString(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `, {"hash":"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}) as unknown as TypedDocumentString<ConsoleUnarchiveProjectMutation, ConsoleUnarchiveProjectMutationVariables>;
export const ConsoleCreateSurfaceDocument = new TypedDocumentString(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `, {"hash":"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}) as unknown as TypedDocumentString<ConsoleCreateSurfaceMutation, ConsoleCreateSurfaceMutationVariables>;
export const ConsoleDeleteSurfaceDocument = new TypedDocumentString(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `, {"hash":"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}) as unknown as TypedDocumentString<ConsoleDeleteSurfaceMutation, ConsoleDeleteSurfaceMutationVariables>;
export const ConsoleCreateAppDocument = new TypedDocumentString(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `, {"hash":"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}) as unknown as TypedDocumentString<ConsoleCreateAppMutation, ConsoleCreateAppMutationVariables>;
export const ConsoleDeleteAppDocument = new TypedDocumentString(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `, {"hash":"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"}) as unknown as TypedDocumentString<ConsoleDeleteAppMutation, ConsoleDeleteAppMutationVariables>;
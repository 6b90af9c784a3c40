/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CreateProjectInput = {
  name: string;
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

export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

export type SignupInput = {
  email: string;
  password: string;
  tenantName: string;
};

export type ConsoleHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleHomeQuery = { tenants: Array<{ id: string, name: string, mode: { id: string, name: string } }>, myInvitations: Array<{ id: string, tenantId: string, role: Role, expiresAt: string }> };

export type ConsoleAcceptMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleAcceptMutation = { acceptInvitation: { tenantId: string, role: Role } };

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

export type ConsoleAuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  action?: string | null | undefined;
}>;


export type ConsoleAuditLogQuery = { auditEvents: { edges: Array<{ node: { id: string, at: string, action: string, targetType: string, targetId: string, requestId: string | null, actor: { kind: string, id: string, label: string | null }, changes: Array<{ field: string, from: string | null, to: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleRoutesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRoutesQuery = { routes: Array<{ resourceKind: string, env: string, projectId: string | null, backendType: string, version: number, updatedBy: string, config: Array<{ key: string, value: string }> }> };

export type ConsoleRouteChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRouteChangedSubscription = { routeChanged: { resourceKind: string, env: string, version: number, deleted: boolean } };

export type ConsoleRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRolesQuery = { context: { roles: Array<Role> } };

export type ConsoleProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleProjectsQuery = { projects: { edges: Array<{ node: { id: string, name: string, version: number } }> } };

export type ConsoleCreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type ConsoleCreateProjectMutation = { createProject: { id: string } };

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
    role
    expiresAt
  }
}
    `, {"hash":"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}) as unknown as TypedDocumentString<ConsoleHomeQuery, ConsoleHomeQueryVariables>;
export const ConsoleAcceptDocument = new TypedDocumentString(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `, {"hash":"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}) as unknown as TypedDocumentString<ConsoleAcceptMutation, ConsoleAcceptMutationVariables>;
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
export const ConsoleAuditLogDocument = new TypedDocumentString(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String) {
  auditEvents(first: $first, after: $after, action: $action) {
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
    `, {"hash":"sha256:483a6db1802d536ce9147874e28f01f1426c82f19f34052e6cb60f3977d96348"}) as unknown as TypedDocumentString<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
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
    version
    updatedBy
  }
}
    `, {"hash":"sha256:783ad2fa9f20b993f998c21044ea39e195bbe4f0da8d21eeba288b023c6afbd8"}) as unknown as TypedDocumentString<ConsoleRoutesQuery, ConsoleRoutesQueryVariables>;
export const ConsoleRouteChangedDocument = new TypedDocumentString(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    version
    deleted
  }
}
    `, {"hash":"sha256:999d04ee0ba6c5f51de9905db9d58b73046ef56a80f1e9556bbde56ed4ccd1f0"}) as unknown as TypedDocumentString<ConsoleRouteChangedSubscription, ConsoleRouteChangedSubscriptionVariables>;
export const ConsoleRolesDocument = new TypedDocumentString(`
    query ConsoleRoles {
  context {
    roles
  }
}
    `, {"hash":"sha256:0a37bf7f0e518cca76585c0d8ead2f8f3c65226b0d37f1dbdb937346ef557016"}) as unknown as TypedDocumentString<ConsoleRolesQuery, ConsoleRolesQueryVariables>;
export const ConsoleProjectsDocument = new TypedDocumentString(`
    query ConsoleProjects {
  projects(first: 100) {
    edges {
      node {
        id
        name
        version
      }
    }
  }
}
    `, {"hash":"sha256:11b1eb10a2e657e7f12464f9795d791483c0768b4fe4fde9c1d712455d0b86d2"}) as unknown as TypedDocumentString<ConsoleProjectsQuery, ConsoleProjectsQueryVariables>;
export const ConsoleCreateProjectDocument = new TypedDocumentString(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `, {"hash":"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}) as unknown as TypedDocumentString<ConsoleCreateProjectMutation, ConsoleCreateProjectMutationVariables>;
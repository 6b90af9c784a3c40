/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type LoginInput = {
  email: string;
  password: string;
};

export type ConsoleTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTenantsQuery = { tenants: Array<{ id: string, name: string, mode: { id: string, name: string } }> };

export type ConsoleAuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  action?: string | null | undefined;
}>;


export type ConsoleAuditLogQuery = { auditEvents: { edges: Array<{ node: { id: string, at: string, action: string, targetType: string, targetId: string, requestId: string | null, actor: { kind: string, id: string, label: string | null }, changes: Array<{ field: string, from: string | null, to: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ConsoleLoginMutation = { login: { token: string, refreshToken: string | null, expiresAt: string, user: { id: string, email: string } } };

export type ConsoleRefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ConsoleRefreshMutation = { refreshSession: { token: string, refreshToken: string | null, expiresAt: string, user: { id: string, email: string } } };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { logout: boolean };

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

export const ConsoleTenantsDocument = new TypedDocumentString(`
    query ConsoleTenants {
  tenants {
    id
    name
    mode {
      id
      name
    }
  }
}
    `, {"hash":"sha256:9baea9c822e9b5d39d098106b94633aedbbf29722846933fca7d987b46d57444"}) as unknown as TypedDocumentString<ConsoleTenantsQuery, ConsoleTenantsQueryVariables>;
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
/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleTenants {\n    tenants { id name mode { id name } }\n  }\n": typeof types.ConsoleTenantsDocument,
    "\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ConsoleAuditLogDocument,
    "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n": typeof types.ConsoleRefreshDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": typeof types.ConsoleLogoutDocument,
};
const documents: Documents = {
    "\n  query ConsoleTenants {\n    tenants { id name mode { id name } }\n  }\n": types.ConsoleTenantsDocument,
    "\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ConsoleAuditLogDocument,
    "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n": types.ConsoleLoginDocument,
    "\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n": types.ConsoleRefreshDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": types.ConsoleLogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTenants {\n    tenants { id name mode { id name } }\n  }\n"): typeof import('./graphql').ConsoleTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ConsoleAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n"): typeof import('./graphql').ConsoleLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n"): typeof import('./graphql').ConsoleRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogout {\n    logout\n  }\n"): typeof import('./graphql').ConsoleLogoutDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

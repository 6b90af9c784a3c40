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
    "\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n": typeof types.ConsoleHomeDocument,
    "\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n": typeof types.ConsoleAcceptDocument,
    "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n": typeof types.ConsoleSignupDocument,
    "\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n": typeof types.ConsoleRefreshDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": typeof types.ConsoleLogoutDocument,
    "\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n": typeof types.ConsoleMembersDocument,
    "\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n": typeof types.ConsoleInviteDocument,
    "\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n": typeof types.ConsoleRevokeDocument,
    "\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ConsoleAuditLogDocument,
    "\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } version updatedBy }\n  }\n": typeof types.ConsoleRoutesDocument,
    "\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n": typeof types.ConsoleRouteChangedDocument,
    "\n  query ConsoleRoles {\n    context { roles }\n  }\n": typeof types.ConsoleRolesDocument,
    "\n  query ConsoleProjects {\n    projects(first: 100) { edges { node { id name version } } }\n  }\n": typeof types.ConsoleProjectsDocument,
    "\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n": typeof types.ConsoleCreateProjectDocument,
};
const documents: Documents = {
    "\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n": types.ConsoleHomeDocument,
    "\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n": types.ConsoleAcceptDocument,
    "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n": types.ConsoleLoginDocument,
    "\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n": types.ConsoleSignupDocument,
    "\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n": types.ConsoleRefreshDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": types.ConsoleLogoutDocument,
    "\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n": types.ConsoleMembersDocument,
    "\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n": types.ConsoleInviteDocument,
    "\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n": types.ConsoleRevokeDocument,
    "\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ConsoleAuditLogDocument,
    "\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } version updatedBy }\n  }\n": types.ConsoleRoutesDocument,
    "\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n": types.ConsoleRouteChangedDocument,
    "\n  query ConsoleRoles {\n    context { roles }\n  }\n": types.ConsoleRolesDocument,
    "\n  query ConsoleProjects {\n    projects(first: 100) { edges { node { id name version } } }\n  }\n": types.ConsoleProjectsDocument,
    "\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n": types.ConsoleCreateProjectDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n"): typeof import('./graphql').ConsoleHomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n"): typeof import('./graphql').ConsoleAcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n"): typeof import('./graphql').ConsoleLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n"): typeof import('./graphql').ConsoleSignupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n"): typeof import('./graphql').ConsoleRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogout {\n    logout\n  }\n"): typeof import('./graphql').ConsoleLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n"): typeof import('./graphql').ConsoleMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n"): typeof import('./graphql').ConsoleInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n"): typeof import('./graphql').ConsoleRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditLog($first: Int, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ConsoleAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } version updatedBy }\n  }\n"): typeof import('./graphql').ConsoleRoutesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n"): typeof import('./graphql').ConsoleRouteChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRoles {\n    context { roles }\n  }\n"): typeof import('./graphql').ConsoleRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProjects {\n    projects(first: 100) { edges { node { id name version } } }\n  }\n"): typeof import('./graphql').ConsoleProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n"): typeof import('./graphql').ConsoleCreateProjectDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

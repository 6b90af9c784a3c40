// The console's one GraphQL client: POST /query with the session's token and context,
// each document sent by its hash (the console's documents are trusted documents), and
// the one place that turns an error into what the user sees.
import type { TypedDocumentString } from './gql/graphql';

/** An error as the user sees it: the API's code and message, and the request id. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId: string,
  ) {
    super(message);
  }

  /** The line the console shows. */
  describe(): string {
    return `${this.code}: ${this.message}` + (this.requestId ? ` (request ${this.requestId})` : '');
  }
}

/** The signed-in user's credentials; refreshing replaces token in place, so every
 * holder of the object sends the new one. */
export interface Credentials {
  token: string;
}

/** Who sends a request and in which context (the X-Tenant-Id, X-Env and X-Project-Id
 * headers, or connection_init's payload on a websocket). */
export interface Context {
  session?: Credentials;
  tenantId?: string;
  env?: string;
  projectId?: string;
}

let refresh: (() => Promise<boolean>) | null = null;

/** onExpired sets what renews an expired access token (session.ts): a request refused
 * with UNAUTHENTICATED is sent once more after it succeeds. */
export function onExpired(renew: () => Promise<boolean>): void {
  refresh = renew;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs doc with variables and returns its data, or throws an ApiError. */
export async function request<TResult, TVariables>(
  doc: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  context: Context = {},
): Promise<TResult> {
  try {
    return await send(doc, variables, context);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'UNAUTHENTICATED' || !context.session || !refresh || !(await refresh())) throw e;
    return send(doc, variables, context);
  }
}

async function send<TResult, TVariables>(
  doc: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  context: Context,
): Promise<TResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (context.session) headers['Authorization'] = `Bearer ${context.session.token}`;
  if (context.tenantId) headers['X-Tenant-Id'] = context.tenantId;
  if (context.env) headers['X-Env'] = context.env;
  if (context.projectId) headers['X-Project-Id'] = context.projectId;
  const hash = doc.__meta__?.['hash'];
  const body = hash
    ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
    : { query: doc.toString(), variables };
  let res: Response;
  try {
    res = await fetch('/query', { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (e) {
    throw new ApiError('NETWORK', `the API did not answer: ${String(e)}`, '');
  }
  const requestId = res.headers.get('X-Request-Id') ?? '';
  let out: GraphQLResponse<TResult>;
  try {
    out = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`HTTP_${res.status}`, 'the API answered something that is not GraphQL', requestId);
  }
  const first = out.errors?.[0];
  if (first) {
    throw new ApiError(first.extensions?.code ?? 'ERROR', first.message, requestId);
  }
  if (out.data == null) {
    throw new ApiError(`HTTP_${res.status}`, 'no data in the answer', requestId);
  }
  return out.data;
}

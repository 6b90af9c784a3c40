// Subscriptions over graphql-ws (graphql-transport-ws), sending each document by its
// hash like api.ts, with the session's token and context in connection_init.
import { createClient, type Client } from 'graphql-ws';
import { ApiError, type Context } from './api';
import type { TypedDocumentString } from './gql/graphql';

/** connect opens a websocket to /query acting in context. */
export function connect(context: Context): Client {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/query`;
  return createClient({
    url,
    connectionParams: () => ({
      authorization: context.session ? `Bearer ${context.session.token}` : undefined,
      tenantId: context.tenantId,
      env: context.env,
      projectId: context.projectId,
    }),
    retryAttempts: 5,
  });
}

/** subscribe runs doc on client, calling onData with each event, and onError or
 * onComplete once when it ends. graphql-ws sends variables again, as they are then, when
 * it reconnects. */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  doc: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  onError: (e: ApiError) => void,
  onComplete: () => void = () => undefined,
): () => void {
  const hash = doc.__meta__?.['hash'] as string | undefined;
  return client.subscribe<TResult>(
    hash
      ? { query: '', variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
      : { query: doc.toString(), variables },
    {
      next: (msg) => {
        const first = msg.errors?.[0];
        if (first) onError(new ApiError(String(first.extensions?.['code'] ?? 'ERROR'), first.message, ''));
        else if (msg.data) onData(msg.data);
      },
      error: (e) => onError(new ApiError('SUBSCRIPTION', e instanceof Error ? e.message : 'the subscription ended with an error', '')),
      complete: onComplete,
    },
  );
}

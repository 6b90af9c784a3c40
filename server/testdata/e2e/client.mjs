#!/usr/bin/env node
// client.mjs subscribes to messagePosted with a real npm GraphQL websocket client, so the
// Go tests (server/npm_e2e_test.go) can check the server against what browsers and Node
// apps actually run: graphql-ws for the graphql-transport-ws subprotocol ("modern") and
// subscriptions-transport-ws for the legacy graphql-ws subprotocol ("legacy").
//
// Output is one JSON object per stdout line: {"seq":N,"text":"..."} per message received,
// or a single error line. Exit codes:
//   0  --count messages received
//   2  bad command line
//   3  the connection closed (refused, or ended early): {"error":"closed","code":C,"reason":"..."}
//   4  the subscription answered with GraphQL errors: {"error":"graphql","errors":[...]}
//   5  --timeout-ms passed first: {"error":"timeout","received":N}
//   6  the server completed the subscription early: {"error":"complete","received":N}
//   7  anything else: {"error":"internal","message":"..."}
// Neither library is allowed to retry: a refusal must surface as the server's close code.

import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import subscriptionsTransportWS from 'subscriptions-transport-ws';

const { SubscriptionClient } = subscriptionsTransportWS;

const usage = `usage: node client.mjs --url ws://127.0.0.1:PORT/query --protocol modern|legacy
         --thread ID --count N [--after SEQ] [--token T] [--tenant ID] [--env dev]
         [--project ID] [--timeout-ms 30000]

Subscribes to messagePosted(threadId, after) and prints {"seq":..,"text":..} per message.
  --protocol modern  graphql-ws (graphql-transport-ws subprotocol)
  --protocol legacy  subscriptions-transport-ws (graphql-ws subprotocol)
Exit: 0 done, 2 usage, 3 closed, 4 GraphQL errors, 5 timeout, 6 completed early, 7 internal.`;

const query = `subscription ($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) { id threadId seq text authorId createdAt }
}`;

function parse(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      url: { type: 'string' },
      protocol: { type: 'string' },
      token: { type: 'string' },
      tenant: { type: 'string' },
      env: { type: 'string' },
      project: { type: 'string' },
      thread: { type: 'string' },
      after: { type: 'string' },
      count: { type: 'string' },
      'timeout-ms': { type: 'string', default: '30000' },
    },
  });
  if (values.help) return { help: true };
  const need = (name) => {
    if (!values[name]) throw new Error(`--${name} is required`);
    return values[name];
  };
  const int = (name, min) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const protocol = need('protocol');
  need('count');
  if (protocol !== 'modern' && protocol !== 'legacy') throw new Error('--protocol must be modern or legacy');
  const opts = {
    url: need('url'),
    protocol,
    thread: need('thread'),
    count: int('count', 1),
    after: values.after === undefined ? null : int('after', 0),
    timeoutMs: int('timeout-ms', 1),
    initPayload: {},
  };
  // Only what was given: an empty string is not the same as an absent field to the server.
  for (const [flag, key] of [['tenant', 'tenantId'], ['env', 'env'], ['project', 'projectId']]) {
    if (values[flag] !== undefined) opts.initPayload[key] = values[flag];
  }
  if (values.token !== undefined) opts.initPayload.authorization = `Bearer ${values.token}`;
  return opts;
}

// run drives one subscription; finish(code, line) is called once, by whoever ends it first.
function run(opts) {
  let received = 0;
  let done = false;
  let transportError = ''; // what the socket said before closing, e.g. ECONNREFUSED
  let stop = () => {};
  const timer = setTimeout(() => finish(5, { error: 'timeout', received }), opts.timeoutMs);

  function finish(code, line) {
    if (done) return;
    done = true;
    clearTimeout(timer);
    try {
      stop();
    } catch {
      // Closing an already broken socket is not worth reporting.
    }
    const out = line === undefined ? '' : JSON.stringify(line) + '\n';
    process.stdout.write(out, () => process.exit(code));
  }

  function onData(result) {
    if (done) return;
    if (result?.errors?.length) return finish(4, { error: 'graphql', errors: result.errors });
    const m = result?.data?.messagePosted;
    if (!m) return finish(7, { error: 'internal', message: `unexpected payload ${JSON.stringify(result)}` });
    received++;
    process.stdout.write(JSON.stringify({ seq: m.seq, text: m.text }) + '\n');
    if (received >= opts.count) finish(0);
  }

  function onClosed(code, reason) {
    const line = { error: 'closed', code, reason: reason ?? '' };
    if (transportError && transportError !== line.reason) line.detail = transportError;
    finish(3, line);
  }

  // onError receives GraphQL errors (plain objects from the wire) and transport failures
  // (ws ErrorEvents, close events). A socket always closes after a transport failure, and
  // the close handler reports it with its code, so those are only remembered here.
  function onError(err) {
    if (done) return;
    if (isCloseEvent(err)) return onClosed(err.code, String(err.reason ?? ''));
    const errors = Array.isArray(err) ? err : [err];
    if (errors.length > 0 && errors.every(isWireError)) return finish(4, { error: 'graphql', errors });
    transportError = String(err?.message ?? err?.error?.message ?? err);
  }

  const variables = { threadId: opts.thread, after: opts.after };
  const complete = () => finish(6, { error: 'complete', received });

  if (opts.protocol === 'modern') {
    const client = createClient({
      url: opts.url,
      webSocketImpl: WebSocket,
      connectionParams: opts.initPayload,
      lazy: false,
      retryAttempts: 0,
      shouldRetry: () => false,
      onNonLazyError: () => {}, // reported through on.closed, with the code
      on: {
        error: (err) => onError(err),
        closed: (event) => onClosed(event?.code, String(event?.reason ?? '')),
      },
    });
    stop = () => client.dispose();
    client.subscribe({ query, variables }, { next: onData, error: onError, complete });
  } else {
    // subscriptions-transport-ws assigns socket.onclose a handler that ignores the event,
    // so the close code is only visible on the socket itself: give it a WebSocket class
    // that listens first (listeners run in the order added, before the library's onclose).
    class RecordingWebSocket extends WebSocket {
      constructor(url, protocols, ...rest) {
        super(url, protocols, ...rest);
        this.addEventListener('error', (event) => onError(event));
        this.addEventListener('close', (event) => onClosed(event.code, String(event.reason ?? '')));
      }
    }
    const client = new SubscriptionClient(
      opts.url,
      { reconnect: false, lazy: false, connectionParams: opts.initPayload },
      RecordingWebSocket,
    );
    // eventemitter3 swallows unhandled 'error' events; the close that follows is what counts.
    client.onError(() => {});
    stop = () => client.close(true, true);
    client.request({ query, variables }).subscribe({ next: onData, error: onError, complete });
  }
}

// isWireError reports whether v is a GraphQL error parsed from JSON (not an Error or Event).
function isWireError(v) {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype &&
    typeof v.message === 'string';
}

function isCloseEvent(v) {
  return v !== null && typeof v === 'object' && typeof v.code === 'number' && 'reason' in v;
}

function main() {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n${usage}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(usage + '\n');
    process.exit(0);
  }
  // A library throwing from a socket callback (e.g. subscriptions-transport-ws on a message
  // type it does not know) must still end with one JSON line, not a stack trace alone.
  const crash = (err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.stdout.write(JSON.stringify({ error: 'internal', message: String(err?.message ?? err) }) + '\n', () =>
      process.exit(7),
    );
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    run(opts);
  } catch (err) {
    crash(err);
  }
}

main();

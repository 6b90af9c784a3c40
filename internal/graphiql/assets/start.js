// Starts GraphiQL in the page's #graphiql element. The page's Content-Security-Policy
// allows no inline script, so the settings arrive as data attributes of that element.
(function () {
  'use strict';
  const root = document.getElementById('graphiql');
  const settings = root.dataset;

  // Subscriptions run over graphql-transport-ws on the subscriptions path, same origin.
  let subscriptionUrl;
  if (settings.subscriptions) {
    const url = new URL(settings.subscriptions, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    subscriptionUrl = url.href;
  }

  // A browser cannot set headers on a websocket, so the headers editor's headers also
  // travel in connection_init, renamed the way the server reads them there:
  // Authorization becomes authorization, X-Tenant-Id becomes tenantId.
  function initPayload(headers) {
    const payload = {};
    for (const [name, value] of Object.entries(headers || {})) {
      const words = name.replace(/^x-/i, '').toLowerCase().split('-');
      const key = words[0] + words.slice(1).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
      payload[key] = value;
    }
    return payload;
  }

  // fetcher sends queries and mutations as POST application/json (the server refuses
  // GET) and subscriptions over the websocket, with the headers of this very run.
  function fetcher(params, opts) {
    const send = GraphiQL.createFetcher({
      url: settings.endpoint,
      subscriptionUrl,
      wsConnectionParams: initPayload(opts && opts.headers),
    });
    return send(params, opts);
  }

  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: settings.defaultQuery || undefined,
    defaultEditorToolsVisibility: 'headers',
  }));
})();

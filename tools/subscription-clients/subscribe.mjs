// Subscribes with the npm graphql-ws or graphql-sse client, as an integrator would, and prints one JSON line per
// happening on stdout: {"type":"next","at":<wall-clock ms>,"id":n,"payload":...}, "error", "complete", "closed".
// Usage: node subscribe.mjs '<json config>'  with config
//   { transport: "ws" | "sse", url, apiKey?, query, variables?, subscriptions?: n (parallel on one connection) }
// Driven by tests/Graph.Api.Tests/EndToEnd/SubscriptionClientTests.cs; runs until killed or every subscription ended.
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const config = JSON.parse(process.argv[2]);
const wallClock = () => performance.timeOrigin + performance.now();
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const count = config.subscriptions ?? 1;
let open = count;
const ended = () => {
  if (--open === 0) {
    client.dispose();
    setTimeout(() => process.exit(0), 50);
  }
};

let client;
if (config.transport === 'ws') {
  client = createWsClient({
    url: config.url,
    webSocketImpl: WebSocket,
    connectionParams: config.apiKey ? { apiKey: config.apiKey } : undefined,
    retryAttempts: 0,
    lazy: false,
    on: {
      connected: () => print({ type: 'connected' }),
      closed: (event) => print({ type: 'closed', code: event.code, reason: event.reason }),
      ping: (received) => { if (received) print({ type: 'ping' }); },
    },
  });
} else {
  client = createSseClient({
    url: config.url,
    singleConnection: false,
    retryAttempts: 0,
    headers: config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : undefined,
  });
}

for (let id = 0; id < count; id++) {
  client.subscribe(
    { query: config.query, variables: config.variables ?? {} },
    {
      next: (payload) => print({ type: 'next', id, at: wallClock(), payload }),
      error: (error) => {
        // graphql-ws gives the errors array, or the CloseEvent; graphql-sse a NetworkError carrying the response.
        const detail = Array.isArray(error) ? { errors: error }
          : error?.code !== undefined && error?.reason !== undefined ? { code: error.code, reason: error.reason }
          : { message: String(error?.message ?? error), status: error?.response?.status };
        print({ type: 'error', id, ...detail });
        ended();
      },
      complete: () => { print({ type: 'complete', id }); ended(); },
    },
  );
}

import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A real y-websocket client in Node, as any integrator's script would use. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(
  baseUrl: string,
  documentId: string,
  doc = new Y.Doc(),
  options: { params?: Record<string, string>; headers?: Record<string, string> } = {},
): TestClient {
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/sync`;
  const headers = options.headers;
  // The provider builds its socket with (url, protocols); this subclass adds headers such as a session cookie.
  const Polyfill = headers
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
    : WebSocket;
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: options.params ?? {},
    WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 300,
    // Providers in one process would otherwise sync over BroadcastChannel and
    // bypass the server, hiding exactly what these tests are meant to see.
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has finished its first sync with the server. */
export function synced(client: TestClient, timeoutMs = 15_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync timed out')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls until `check` holds, failing with `what` after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

import { type RequestListener, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type KnowledgeBase, buildBundle, fromBundle } from '../knowledge/kb.js';
import { log } from '../bot/log.js';

// Tests that expect errors would fill the output with log lines; the log's own test turns it back on.
log.setLevel('silent');

let cached: KnowledgeBase | undefined;

/** The knowledge base built from the content files in this checkout (once per test run). */
export function knowledgeBase(): KnowledgeBase {
  cached ??= fromBundle(buildBundle());
  return cached;
}

/** Starts an HTTP server on a free loopback port; returns its base URL and a function that stops it. */
export async function listen(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections and open event streams would hold the close open.
        server.closeAllConnections();
      }),
  };
}

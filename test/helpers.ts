import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type RequestListener, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { createServer as createTcpServer } from 'node:net';
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

/**
 * Starts an HTTP server on a free loopback port; returns its base URL and a function that stops it. `upgrade` takes
 * WebSocket requests (the Direct Line stream: `webchat.upgrade`).
 */
export async function listen(
  handler: RequestListener,
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  if (upgrade) server.on('upgrade', upgrade);
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

/** A loopback port nobody listens on right now (for a server started as a child process). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * A person writes `text` in `conversation` to the bot at `baseUrl` (POST /api/messages, expectReplies); returns the
 * HTTP status and the texts of the turn's replies, joined by new lines.
 */
export async function sayTo(
  baseUrl: string,
  conversation: string,
  text: string,
  serviceUrl = 'http://127.0.0.1:1/',
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'emulator',
      serviceUrl,
      text,
      locale: 'da-DK',
      from: { id: 'user-1' },
      recipient: { id: 'bot' },
      conversation: { id: conversation },
      deliveryMode: 'expectReplies',
    }),
  });
  const body = (await res.json()) as { activities?: { text?: string }[] };
  return { status: res.status, text: (body.activities ?? []).map((a) => a.text ?? '').join('\n') };
}

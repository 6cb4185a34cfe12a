import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryStorage } from 'botbuilder';
import { WebSocket } from 'ws';
import { createApp } from '../../bot/app.js';
import { type Config, readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import type { Storage } from '../../bot/sdk.js';
import { type WebChat, createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';

/** An activity as a Direct Line client receives it. */
export interface Received {
  type: string;
  id: string;
  name?: string;
  text?: string;
  from: { id: string; role?: string };
  conversation?: { id: string };
  channelData?: { clientActivityID?: string };
  suggestedActions?: { actions: { title: string }[] };
}

/** Our server with the web chat and its Direct Line, in this process on a loopback port, state in memory by default. */
export async function serveDirectLine(
  env: Record<string, string> = {},
  options: { storage?: Storage; protection?: boolean } = {},
) {
  const config: Config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', ...env });
  const runtime = createBotRuntime(config, knowledgeBase(), {
    storage: options.storage ?? new MemoryStorage(),
    today: () => '2026-11-22',
  });
  const webchat: WebChat = createWebChat(config, runtime.parts);
  const protection = options.protection ? { rateLimit: config.rateLimit } : undefined;
  const server = await listen(
    createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }, protection),
    webchat.upgrade,
  );
  return {
    url: server.url,
    domain: `${server.url}/v3/directline`,
    config,
    runtime,
    webchat,
    close: async () => {
      await webchat.close();
      await server.close();
    },
  };
}

/** One HTTP call; the answer's status, headers, text and JSON (when it is JSON). */
export async function call(
  url: string,
  init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * A person on our Direct Line, spoken to with plain HTTP as a client would: a token from tokens/generate, the start,
 * then messages; `say` answers with the texts of the bot's replies to that message (read from the history).
 */
export async function person(domain: string, options: { locale?: string } = {}) {
  const generated = await call(`${domain}/tokens/generate`, { body: {} });
  const { token, conversationId, userId } = generated.json as { token: string; conversationId: string; userId: string };
  const started = await call(`${domain}/conversations`, {
    token,
    body: options.locale ? { locale: options.locale } : {},
  });
  if (started.status !== 201) throw new Error(`start answered ${started.status}: ${started.text}`);
  let watermark = '';
  const read = async () => {
    const res = await call(`${domain}/conversations/${conversationId}/activities?watermark=${watermark}`, { token });
    if (res.status !== 200) return [];
    const body = res.json as { activities: Received[]; watermark: string };
    watermark = body.watermark;
    return body.activities;
  };
  const welcome = await read();
  return {
    token,
    conversationId,
    userId,
    streamUrl: (started.json as { streamUrl: string }).streamUrl,
    welcome,
    /** The history after what was read so far (nothing when the token is refused). */
    read,
    async say(text: string): Promise<{ status: number; texts: string; activities: Received[] }> {
      const res = await call(`${domain}/conversations/${conversationId}/activities`, {
        token,
        body: { type: 'message', text, from: { id: userId } },
      });
      const activities = res.status === 200 ? await read() : [];
      const texts = activities
        .filter((a) => a.type === 'message' && a.from.role === 'bot')
        .map((a) => a.text ?? '')
        .join('\n');
      return { status: res.status, texts, activities };
    },
  };
}

/** A Direct Line stream (WebSocket) and the texts of what it has received, as they arrive. */
export async function openStream(streamUrl: string) {
  const socket = new WebSocket(streamUrl);
  const sets: { activities: Received[]; watermark: string }[] = [];
  socket.on('message', (data: Buffer) => {
    if (data.length > 0) sets.push(JSON.parse(data.toString('utf8')) as { activities: Received[]; watermark: string });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`the stream answered ${res.statusCode}`)));
    socket.once('error', reject);
  });
  const activities = () => sets.flatMap((s) => s.activities);
  return {
    socket,
    sets,
    activities,
    text: () =>
      activities()
        .map((a) => a.text ?? '')
        .join('\n'),
    async until(needle: string, timeoutMs = 10_000): Promise<void> {
      for (let waited = 0; !activities().some((a) => (a.text ?? '').includes(needle)); waited += 25) {
        if (waited > timeoutMs)
          throw new Error(
            `the stream did not receive "${needle}"; it has: ${activities()
              .map((a) => a.text)
              .join(' | ')}`,
          );
        await sleep(25);
      }
    },
    close: () => socket.terminate(),
  };
}

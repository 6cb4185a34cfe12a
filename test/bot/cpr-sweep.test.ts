import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { log } from '../../bot/log.js';
import { createBotRuntime } from '../../bot/runtime.js';
import type { Storage } from '../../bot/sdk.js';
import { PostgresStorage, STATE_TABLE } from '../../bot/storage/postgres-storage.js';
import { SqliteStorage } from '../../bot/storage/sqlite-storage.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';
import { freshSchema, poolOn } from './postgres.js';
import { cprCorpus, numbersIn, stringsIn } from './privacy/corpus.js';

/** A storage to run the server on, and a way to read back every key and value it holds. */
interface Backend {
  storage: Storage;
  /** Every stored key and value, as the JSON text the database holds. */
  contents(): Promise<string[]>;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'mentorbot-cpr-'));
  const file = join(dir, 'state.db');
  const storage = new SqliteStorage(file);
  return {
    storage,
    contents: async () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT key, value FROM items').all() as { key: string; value: string }[]).flatMap((r) => [
          JSON.stringify(r.key),
          r.value,
        ]);
      } finally {
        db.close();
      }
    },
    close: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const schema = await freshSchema();
  const storage = new PostgresStorage(poolOn(schema));
  const reader = poolOn(schema, 1);
  return {
    storage,
    contents: async () => {
      const { rows } = await reader.query<{ key: string; value: string }>(
        `SELECT key, value::text AS value FROM ${STATE_TABLE}`,
      );
      return rows.flatMap((r) => [JSON.stringify(r.key), r.value]);
    },
    close: async () => {
      await storage.close();
      await reader.end();
      await schema.drop();
    },
  };
}

/** The server with the web chat on `storage`, and the two ways a person writes to it. */
async function serve(storage: Storage) {
  const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' });
  const runtime = createBotRuntime(config, knowledgeBase(), { storage, today: () => '2026-11-22' });
  const webchat = createWebChat(config, runtime.parts);
  const server = await listen(
    createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }),
    webchat.upgrade,
  );
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };
  return { post, close: async () => (webchat.close(), server.close()) };
}

/** A Bot Framework activity as a channel posts it to /api/messages, asking for the turn's replies in the response. */
function activity(conversation: string, fields: Record<string, unknown>) {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1/',
    locale: 'da-DK',
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'mentorbot', role: 'bot' },
    conversation: { id: conversation },
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

/** The strings of a log line (a JSON object), or the line itself if it is not one. */
function logStrings(line: string): string[] {
  try {
    return stringsIn(JSON.parse(line));
  } catch {
    return [line];
  }
}

const corpus = cprCorpus();
const numbers = corpus.flatMap((f) => f.cpr);

describe('CPR numbers through the server: none of the corpus is stored, answered or logged, in any form', function () {
  this.timeout(180_000);

  for (const [name, open] of [
    ['SQLite', sqliteBackend],
    ['PostgreSQL', postgresBackend],
  ] as const) {
    it(`after every form of the corpus is posted to /api/messages and the web chat, on ${name}`, async () => {
      const backend = await open();
      const server = await serve(backend.storage);
      const lines: string[] = [];
      const replies: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      log.setLevel('info');
      process.stdout.write = ((chunk: unknown) => {
        lines.push(String(chunk));
        return true;
      }) as typeof process.stdout.write;
      try {
        // A conversation of its own per form and way in, so that the transcript (which keeps the newest entries
        // only) still holds every message when the storage is read.
        for (const f of corpus) {
          // The text of a message, over /api/messages and the web chat (its Direct Line).
          const generated = await server.post('/v3/directline/tokens/generate', {});
          const { token, conversationId, userId } = JSON.parse(generated.text) as {
            token: string;
            conversationId: string;
            userId: string;
          };
          const started = await server.post('/v3/directline/conversations', {}, token);
          expect(started.status).to.equal(201);
          const webchatActivities = `/v3/directline/conversations/${conversationId}/activities`;
          for (const res of [
            await server.post('/api/messages', activity(randomUUID(), { text: f.text })),
            await server.post(webchatActivities, { type: 'message', text: f.text, from: { id: userId } }, token),
          ]) {
            expect(res.status, `${f.form}: ${res.text}`).to.equal(200);
            replies.push(res.text);
          }
          // Every other field a message may carry it in: a submitted value, the names, an attachment.
          const fields = randomUUID();
          const everywhere = activity(fields, {
            text: `se vedhæftet ${f.text}`,
            value: { note: f.text, list: [f.text, { [f.text]: f.text }] },
            speak: f.text,
            summary: f.text,
            from: { id: 'user-1', role: 'user', name: f.text },
            conversation: { id: fields, name: f.text },
            attachments: [{ contentType: 'text/plain', name: f.text, content: f.text }],
          });
          const res = await server.post('/api/messages', everywhere);
          expect(res.status, `${f.form}: ${res.text}`).to.equal(200);
          replies.push(res.text);
          const card = await server.post(
            webchatActivities,
            { type: 'message', from: { id: userId }, value: { note: f.text, [f.text]: [f.text] } },
            token,
          );
          expect(card.status, `${f.form}: ${card.text}`).to.equal(200);
          replies.push(card.text);
        }
      } finally {
        process.stdout.write = write;
        log.setLevel('silent');
        await server.close();
      }
      try {
        const stored = await backend.contents();
        expect(stored.join('\n'), 'the storage holds the conversations').to.include('se vedhæftet');
        const found = (texts: string[]) => [...new Set(texts.flatMap((t) => numbersIn(t, numbers)))];
        expect(found(stored.flatMap((s) => stringsIn(JSON.parse(s)))), 'numbers in storage').to.deep.equal([]);
        expect(found(replies.flatMap((r) => stringsIn(JSON.parse(r)))), 'numbers in the replies').to.deep.equal([]);
        expect(found(lines.flatMap(logStrings)), 'numbers in the log').to.deep.equal([]);
      } finally {
        await backend.close();
      }
    });
  }
});

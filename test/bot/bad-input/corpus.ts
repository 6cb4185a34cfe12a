import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/**
 * The bad-input corpus (test/cases/bad-input/*.yaml): hostile or broken requests, each with what the server must
 * answer. The format is described in test/cases/bad-input/README.md.
 */
export type Target = 'messages' | 'webchat' | 'search' | 'assess';

/**
 * How a web chat case gets its token (for `method: WS`, the ticket in the streamUrl): `valid` (of a started
 * conversation), `fresh` (from tokens/generate, not started yet), `none`, `malformed`, `forged`, `tampered-payload`,
 * `expired`, `other-secret`, `foreign` (valid, for another conversation), `ticket` (the other kind: the stream
 * ticket as a bearer token, or the conversation token in the streamUrl).
 */
export type TokenKind =
  | 'valid'
  | 'fresh'
  | 'none'
  | 'forged'
  | 'expired'
  | 'other-secret'
  | 'malformed'
  | 'tampered-payload'
  | 'foreign'
  | 'ticket';

export type Expectation =
  | '4xx'
  | 'polite'
  | 'accepted'
  /** The WebSocket opens (101). */
  | 'stream'
  /** 501 with no body: the Bot Framework SDK's own answer to an invoke that the bot has no handler for. */
  | 'not-implemented'
  /** `bare`: answered by Node's HTTP parser before express (e.g. 431 for a huge URL), so the body is not our JSON. */
  | { status: number; field?: string; bare?: boolean }
  | { polite: true; sameConversation?: boolean };

export interface BadInputCase {
  file: string;
  name: string;
  target: Target;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** The body exactly as sent. */
  raw?: string;
  /** A body, sent as JSON. */
  json?: unknown;
  /** messages / webchat: a valid message activity with this text. */
  text?: string;
  /** messages / webchat: fields laid over the valid activity; null removes a field. */
  activity?: Record<string, unknown>;
  /** search: the query parameters (a list repeats the parameter). */
  query?: Record<string, string | string[]>;
  token?: TokenKind;
  /** Where the token goes: the Authorization header (default) or ?token=. */
  tokenIn?: 'header' | 'query';
  expect: Expectation;
}

/** Long, odd or binary values a readable YAML file cannot hold: `{ gen: name, ...arguments }` anywhere in a case. */
const GENERATORS: Record<string, (args: Record<string, unknown>) => unknown> = {
  /** `unit` repeated `count` times, after `prefix`. */
  repeat: (a) => `${String(a.prefix ?? '')}${String(a.unit ?? 'a').repeat(Number(a.count))}`,
  /** Every C0 control character, DEL and the C1 controls, around `around` (default "hej"). */
  controls: (a) => {
    let s = '';
    for (let c = 0; c < 0x20; c++) s += String.fromCharCode(c);
    s += '\u007f';
    for (let c = 0x80; c < 0xa0; c++) s += String.fromCharCode(c);
    return `${String(a.around ?? 'hej')}${s}${String(a.around ?? 'hej')}`;
  },
  /** JSON of `depth` nested arrays (or objects with `key`). */
  nested: (a) => {
    const depth = Number(a.depth);
    return typeof a.key === 'string'
      ? `${`{"${a.key}":`.repeat(depth)}1${'}'.repeat(depth)}`
      : `${'['.repeat(depth)}${']'.repeat(depth)}`;
  },
  /** A nested value (not its JSON): `depth` objects inside each other. */
  deepValue: (a) => {
    let v: unknown = 'bund';
    for (let i = 0; i < Number(a.depth); i++) v = { n: v };
    return v;
  },
  /** A JSON object of about `bytes` bytes: a message activity padded with a long field. */
  bigActivity: (a) => JSON.stringify({ type: 'message', text: 'hej', padding: 'x'.repeat(Number(a.bytes)) }),
  /** `count` attachments of one small image each. */
  attachments: (a) =>
    Array.from({ length: Number(a.count) }, (_, i) => ({
      contentType: 'image/png',
      contentUrl: `https://example.invalid/${i}.png`,
      name: `${i}.png`,
    })),
  /** `count` made-up fields. */
  manyFields: (a) => Object.fromEntries(Array.from({ length: Number(a.count) }, (_, i) => [`f${i}`, i])),
};

function resolve(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolve);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.gen === 'string') {
      const g = GENERATORS[o.gen];
      if (!g) throw new Error(`Unknown generator "${o.gen}"; known: ${Object.keys(GENERATORS).join(', ')}`);
      return g(o);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolve(v)]));
  }
  return value;
}

const TARGETS = ['messages', 'webchat', 'search', 'assess'];
const KEYS = new Set([
  'name',
  'target',
  'method',
  'path',
  'headers',
  'raw',
  'json',
  'text',
  'activity',
  'query',
  'token',
  'tokenIn',
  'expect',
]);

/**
 * Every case in the folder, generators expanded; a case without a name, a known target or an expectation is an error.
 */
export function loadCorpus(dir: string): BadInputCase[] {
  const cases: BadInputCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const list = YAML.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
    for (const [i, raw] of list.entries()) {
      const stray = Object.keys(raw).filter((k) => !KEYS.has(k));
      if (stray.length > 0)
        throw new Error(`${file}, case ${i + 1}: unknown keys ${stray.join(', ')} (a comma in an unquoted name?)`);
      const c = resolve(raw) as BadInputCase;
      if (typeof c.name !== 'string' || !TARGETS.includes(c.target) || c.expect === undefined) {
        throw new Error(`${file}, case ${i + 1}: needs a name, a target (${TARGETS.join(', ')}) and an expect`);
      }
      cases.push({ ...c, file });
    }
  }
  return cases;
}

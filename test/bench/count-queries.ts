/**
 * Preloaded into a bot process by scale-bench.ts (node --import …/count-queries.js dist/bot/main.js): counts the
 * PostgreSQL round trips the process makes (every pg Client query, the pool's included), by kind of statement, and
 * the keys its writes touch, so the bench can say how many queries a turn costs and whether any row is written by
 * every conversation. On SIGUSR2 it writes the counts so far to QUERY_COUNT_FILE as JSON. A test tool only.
 */
import { writeFileSync } from 'node:fs';
import pg from 'pg';

export interface QueryCounts {
  total: number;
  byKind: Record<string, number>;
  /** Writes per first parameter (the key), for the statements that write the state, transcripts and rate limits. */
  writesByKey: Record<string, number>;
}

/** A statement's kind: its first word, or what it calls (pg_advisory_lock …) for a SELECT of a function. */
export function statementKind(sql: string): string {
  const text = sql.trim();
  const call = /^SELECT\s+(pg_[a-z_]+)\(/i.exec(text);
  if (call) return call[1]!.toLowerCase();
  const table = /\b(?:INTO|UPDATE|FROM)\s+([a-z_]+)/i.exec(text)?.[1] ?? '';
  const verb = /^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase() ?? '?';
  return table ? `${verb} ${table}` : verb;
}

const counts: QueryCounts = { total: 0, byKind: {}, writesByKey: {} };
const file = process.env.QUERY_COUNT_FILE;
if (file) {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const sql = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    const kind = statementKind(sql);
    counts.total++;
    counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
    const params = Array.isArray(args[1]) ? (args[1] as unknown[]) : [];
    if (/^(INSERT|WITH|UPDATE|DELETE)/.test(kind) && typeof params[0] === 'string') {
      counts.writesByKey[params[0]] = (counts.writesByKey[params[0]] ?? 0) + 1;
    }
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
  process.on('SIGUSR2', () => writeFileSync(file, JSON.stringify(counts)));
}

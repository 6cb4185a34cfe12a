import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { BadRequest, sendError } from '../api/errors.js';
import { OpsStatsQuery, parseRequest } from '../api/validate.js';
import type { DayStats, Metrics } from './metrics.js';
import { addDays } from '../../knowledge/dates.js';

function tokenMatches(header: unknown, token: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function csvCell(value: string | number): string {
  const s = String(value);
  // Quote, double quotes, and keep a spreadsheet from reading a cell as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The days as CSV rows: day, what, key, count. */
export function statsCsv(days: DayStats[]): string {
  const rows = [['day', 'what', 'key', 'count']];
  for (const d of days) {
    for (const [k, n] of Object.entries(d.questions)) rows.push([d.day, 'question', k, String(n)]);
    for (const field of ['topics', 'paths', 'handoffs', 'unanswered'] as const) {
      for (const [k, n] of Object.entries(d[field])) rows.push([d.day, field.replace(/s$/, ''), k, String(n)]);
    }
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/**
 * The operators' view: `GET /api/ops/stats?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv`, behind
 * `Authorization: Bearer <OPS_TOKEN>`. Without an OPS_TOKEN the endpoint does not exist.
 */
export function opsRouter(metrics: Metrics, token: string | null, today: () => string): Router {
  const router = Router();
  router.get('/ops/stats', async (req, res) => {
    if (!token) return sendError(res, 404, 'path', 'There is no GET /api/ops/stats here');
    if (!tokenMatches(req.headers.authorization, token))
      return sendError(res, 401, 'authorization', "The operators' token is needed (Authorization: Bearer <OPS_TOKEN>)");
    const query = parseRequest(OpsStatsQuery, req.query);
    const to = query.to ?? today();
    const from = query.from ?? addDays(to, -6);
    if (from > to) throw new BadRequest('from', 'from must not be after to');
    const format = query.format;
    const days = await metrics.days(from, to);
    res.set('cache-control', 'no-store');
    if (format === 'csv') return void res.type('text/csv; charset=utf-8').send(statsCsv(days));
    res.json({ from, to, days });
  });
  return router;
}

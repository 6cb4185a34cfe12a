/**
 * npm run report: a summary of what citizens asked, from the running service's operators' endpoint.
 * Usage: OPS_TOKEN=... npm run report [-- --url http://localhost:3978] [-- --days 7]
 */
import { parseArgs } from 'node:util';
import { addDays, todayInDenmark } from '../../knowledge/dates.js';
import type { DayStats } from './metrics.js';
import { emptyDay, mergeDay } from './metrics.js';

const USAGE = 'Usage: OPS_TOKEN=... npm run report [-- --url http://localhost:3978] [-- --days 7]';

/** The command line: the server's address (--url, else MENTORBOT_URL) and how many days back (--days, 1 to 366). */
export function reportOptions(
  args: string[],
  env: NodeJS.ProcessEnv,
): { url: string; days: number } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { url: { type: 'string' }, days: { type: 'string' } } }));
  } catch (e) {
    return { error: (e as Error).message };
  }
  const url = (values.url ?? env.MENTORBOT_URL ?? 'http://localhost:3978').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(url)) return { error: `--url must be an http(s) address, got "${url}"` };
  const days = values.days ?? '7';
  if (!/^\d{1,3}$/.test(days) || Number(days) < 1 || Number(days) > 366)
    return { error: `--days must be a whole number from 1 to 366, got "${days}"` };
  return { url, days: Number(days) };
}

function top(counts: Record<string, number>, n: number): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n);
}

/** The report as text, from the days' counts. */
export function reportText(days: DayStats[]): string {
  const total = days.reduce((acc, d) => mergeDay(acc, { ...d, day: acc.day }), emptyDay('total'));
  const q = total.questions;
  const asked = q.article + q.ambiguous + q.redirect + q.none;
  const pct = (n: number) => (asked ? `${Math.round((n / asked) * 100)} %` : '-');
  const lines = [
    `Mentorbot, ${days[0]?.day ?? ''} til ${days.at(-1)?.day ?? ''}`,
    '',
    `Spørgsmål: ${asked}. Besvaret ${q.article} (${pct(q.article)}), "Mente du" ${q.ambiguous} (${pct(q.ambiguous)}), henvist andetsteds ${q.redirect}, ikke besvaret ${q.none} (${pct(q.none)}).`,
    '',
    'Emner (artikler):',
    ...top(total.topics, 10).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`),
    '',
    'Ikke besvaret (maskeret):',
    ...top(total.unanswered, 15).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`),
    '',
    'Forløb:',
    ...top(total.paths, 20).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`),
    '',
    'Overdragelser til medarbejder:',
    ...top(total.handoffs, 10).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const options = reportOptions(process.argv.slice(2), process.env);
  if ('error' in options) {
    console.error(`${options.error}\n${USAGE}`);
    return 2;
  }
  const { url, days } = options;
  const token = process.env.OPS_TOKEN;
  if (!token) {
    console.error("Sæt OPS_TOKEN (samme som serverens). / Set OPS_TOKEN (the same as the server's).");
    return 1;
  }
  const to = todayInDenmark();
  const from = addDays(to, -(days - 1));
  let res: Response;
  try {
    res = await fetch(`${url}/api/ops/stats?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    console.error(`Kan ikke nå ${url}. Kører serveren (npm start)? / Cannot reach ${url}. Is the server running?`);
    return 1;
  }
  if (!res.ok) {
    console.error(`Serveren svarede ${res.status}. / The server answered ${res.status}.`);
    return 1;
  }
  process.stdout.write(reportText(((await res.json()) as { days: DayStats[] }).days));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void main().then((code) => process.exit(code));
}

/**
 * The service's numbers beyond one bot's turn cost (npm run bench runs it after the bot bench): time to start, latency
 * at 50 concurrent conversations and the peak memory, and throughput of two instances on one PostgreSQL database
 * against one (goal ≥ 1.6×). Loopback, bounded in time. Needs PostgreSQL (TEST_DATABASE_URL, default the local one).
 *
 * node dist/test/bench/scale-bench.js [--duration 8]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../helpers.js';
import { type ReplyTally, conversationRequests } from './bench-lib.js';
import { BOT_MIX } from './bot-mix.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATABASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const children = new Set<ChildProcess>();

/** Starts `node dist/bot/main.js` and resolves when /readyz answers 200, with the milliseconds that took. */
async function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist/bot/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_PER_CONVERSATION: '0',
      MicrosoftAppId: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the bot exited while starting');
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url, ms: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  children.delete(child);
}

/** Peak resident memory of a process (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

async function load(url: string, connections: number, duration: number): Promise<autocannon.Result> {
  const tally: ReplyTally = { answered: 0, silent: 0 };
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url: `${url}/api/messages`,
        connections,
        duration,
        timeout: 20,
        requests: conversationRequests(BOT_MIX, tally),
      },
      (e, r) => (e ? reject(e) : resolve(r)),
    ),
  );
}

function check(r: autocannon.Result, what: string): void {
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${what}: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '8' } } });
  const duration = Number(values.duration);
  console.log(
    `Scale benchmark: loopback, ${duration} s per run. Machine: ${cpus()[0]?.model ?? '?'} x ${cpus().length}, Node ${process.version}`,
  );

  // Time to start (SQLite, a fresh data folder each time): from spawn to /readyz answering 200.
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'mentorbot-start-'));
    const s = await start({ DATA_DIR: dir });
    starts.push(s.ms);
    await stop(s.child);
    rmSync(dir, { recursive: true, force: true });
  }
  starts.sort((a, b) => a - b);
  console.log(
    `Time to start (to /readyz): median ${starts[1]!.toFixed(0)} ms (${starts.map((m) => m.toFixed(0)).join(', ')})`,
  );

  // 50 concurrent conversations on one instance (SQLite).
  const dir = mkdtempSync(join(tmpdir(), 'mentorbot-50-'));
  const one = await start({ DATA_DIR: dir });
  await load(one.url, 10, 2);
  const fifty = await load(one.url, 50, duration);
  check(fifty, '50 conversations');
  console.log(
    `50 concurrent conversations (SQLite): ${fifty.requests.average.toFixed(0)} turns/s, p50 ${fifty.latency.p50} ms, p99 ${fifty.latency.p99} ms, peak RSS ${peakRssMiB(one.child.pid!).toFixed(0)} MiB`,
  );
  await stop(one.child);
  rmSync(dir, { recursive: true, force: true });

  // One instance against two on one PostgreSQL database (a fresh schema).
  const schema = `mentorbot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(DATABASE);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const shared = { DATABASE_URL: url.toString(), STORAGE: '', WEBCHAT_TOKEN_SECRET: randomBytes(32).toString('hex') };
  try {
    const a = await start(shared);
    await load(a.url, 10, 2);
    const single = await load(a.url, 16, duration);
    check(single, 'one instance');
    const b = await start(shared);
    await load(b.url, 10, 2);
    const [ra, rb] = await Promise.all([load(a.url, 8, duration), load(b.url, 8, duration)]);
    check(ra, 'instance A');
    check(rb, 'instance B');
    const both = ra.requests.average + rb.requests.average;
    const ratio = both / single.requests.average;
    console.log(
      `PostgreSQL, one instance: ${single.requests.average.toFixed(0)} turns/s (p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms)`,
    );
    console.log(
      `PostgreSQL, two instances: ${both.toFixed(0)} turns/s (p99 ${Math.max(ra.latency.p99, rb.latency.p99)} ms)`,
    );
    console.log(
      `Two instances / one: ${ratio.toFixed(2)}  (goal ≥ 1.6: ${ratio >= 1.6 ? 'met' : 'NOT met'}; the load generator shares the ${cpus().length} cores)`,
    );
    await stop(a.child);
    await stop(b.child);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
main()
  .catch((e: unknown) => {
    console.error(`BENCH FAILED: ${(e as Error).message}`);
    process.exitCode = 1;
  })
  .finally(cleanup);

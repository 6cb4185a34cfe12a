/**
 * Scale-out, measured per turn (npm run bench runs it after the bot bench): one instance of the bot on PostgreSQL
 * against two on the same database, each round with fresh processes and the order alternating. For each it reads the
 * instances' own CPU time from /proc and counts their PostgreSQL round trips (a preload, count-queries.ts, counts every
 * query the pg client sends), and divides both by the turns served. Goal: two instances cost within 10 % of one per
 * turn, in CPU and in queries. While two instances run, it samples pg_locks for their connections, to show that no
 * turn waits on a lock another conversation holds, and it counts the writes per key, to show that no row is written by
 * every conversation. Throughput is printed too, but the load generator, PostgreSQL and both instances share this
 * machine's cores, so it says little about capacity. Needs PostgreSQL (TEST_DATABASE_URL, default the local one).
 *
 * node dist/test/bench/scale-bench.js [--rounds 3] [--turns 1500] [--warmup 400]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../helpers.js';
import { conversationRequests, formatSpread, formatTable, newTally, parseProcStat, spread } from './bench-lib.js';
import { BOT_MIX } from './bot-mix.js';
import type { QueryCounts } from './count-queries.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATABASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Two instances against one: at most this far apart per turn, in CPU and in queries. */
const WITHIN = 0.1;
const children = new Set<ChildProcess>();
const tempDirs: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Instance {
  child: ChildProcess;
  url: string;
  countFile: string;
}

/** Starts `node dist/bot/main.js` with the query counter preloaded; resolves when /readyz answers 200. */
async function start(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mentorbot-scale-'));
  tempDirs.push(dir);
  const countFile = join(dir, 'queries.json');
  const child = spawn(
    process.execPath,
    ['--import', join(ROOT, 'dist/test/bench/count-queries.js'), join(ROOT, 'dist/bot/main.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        RATE_LIMIT_PER_ADDRESS: '0',
        RATE_LIMIT_PER_CONVERSATION: '0',
        MicrosoftAppId: '',
        QUERY_COUNT_FILE: countFile,
        DATA_DIR: dir,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the bot exited while starting');
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url, countFile };
    await sleep(20);
  }
}

async function stop(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await sleep(300);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  children.delete(child);
}

/** The instance's CPU time (ms) and query counts so far. */
async function snapshot(instance: Instance): Promise<{ cpuMs: number; queries: QueryCounts }> {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = parseProcStat(readFileSync(`/proc/${instance.child.pid}/stat`, 'utf8'));
  rmSync(instance.countFile, { force: true });
  instance.child.kill('SIGUSR2');
  for (let waited = 0; !existsSync(instance.countFile); waited += 10) {
    if (waited > 5000) throw new Error('the instance did not report its query counts');
    await sleep(10);
  }
  await sleep(20);
  const queries = JSON.parse(readFileSync(instance.countFile, 'utf8')) as QueryCounts;
  return { cpuMs: ((stat.utime + stat.stime) * 1000) / ticks, queries };
}

function load(url: string, connections: number, amount: number): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: `${url}/api/messages`,
        connections,
        amount,
        timeout: 20,
        requests: conversationRequests(BOT_MIX, newTally()),
      },
      (e, r) => (e ? reject(e) : resolve(r)),
    ),
  ).then((r) => {
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx answers and ${r.errors} errors`);
    return r;
  });
}

interface Measured {
  turns: number;
  turnsPerSecond: number;
  cpuMsPerTurn: number;
  queriesPerTurn: number;
  byKind: Record<string, number>;
  /** Writes per key in the window: how many keys, and the share of the writes that the most-written key got. */
  keysWritten: number;
  hottestKeyShare: number;
}

/** Plays `turns` turns spread over the instances at once (8 connections in all), and what they cost per turn. */
async function measure(instances: Instance[], turns: number): Promise<Measured> {
  const before = await Promise.all(instances.map(snapshot));
  const started = performance.now();
  const results = await Promise.all(
    instances.map((i) => load(i.url, 8 / instances.length, Math.round(turns / instances.length))),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await Promise.all(instances.map(snapshot));
  const served = results.reduce((n, r) => n + r.requests.total, 0);
  const byKind: Record<string, number> = {};
  const writes: Record<string, number> = {};
  let queries = 0;
  let cpuMs = 0;
  instances.forEach((_i, k) => {
    const [b, a] = [before[k]!, after[k]!];
    cpuMs += a.cpuMs - b.cpuMs;
    queries += a.queries.total - b.queries.total;
    for (const [kind, n] of Object.entries(a.queries.byKind))
      byKind[kind] = (byKind[kind] ?? 0) + n - (b.queries.byKind[kind] ?? 0);
    for (const [key, n] of Object.entries(a.queries.writesByKey)) {
      const added = n - (b.queries.writesByKey[key] ?? 0);
      if (added > 0) writes[key] = (writes[key] ?? 0) + added;
    }
  });
  const writeCounts = Object.values(writes);
  const totalWrites = writeCounts.reduce((a, b) => a + b, 0);
  for (const kind of Object.keys(byKind)) byKind[kind]! /= served;
  return {
    turns: served,
    turnsPerSecond: served / seconds,
    cpuMsPerTurn: cpuMs / served,
    queriesPerTurn: queries / served,
    byKind,
    keysWritten: writeCounts.length,
    hottestKeyShare: totalWrites ? Math.max(...writeCounts) / totalWrites : 0,
  };
}

interface LockSamples {
  samples: number;
  /** Locks the instances' connections waited for, summed over the samples, and the most at one time. */
  waiting: number;
  mostWaitingAtOnce: number;
  waitingKinds: Set<string>;
  /** Distinct advisory locks (conversations' turn locks) seen held. */
  advisoryLocks: Set<string>;
}

/** Samples pg_locks of the instances' connections (by application name) until `stop` resolves. */
async function sampleLocks(admin: pg.Client, app: string, done: Promise<unknown>): Promise<LockSamples> {
  const out: LockSamples = {
    samples: 0,
    waiting: 0,
    mostWaitingAtOnce: 0,
    waitingKinds: new Set(),
    advisoryLocks: new Set(),
  };
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const { rows } = await admin.query<{
      locktype: string;
      relation: string | null;
      objid: string | null;
      granted: boolean;
    }>(
      `SELECT l.locktype, l.relation::regclass::text AS relation, l.classid || ':' || l.objid AS objid, l.granted
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.application_name = $1`,
      [app],
    );
    out.samples++;
    const waiting = rows.filter((r) => !r.granted);
    out.waiting += waiting.length;
    out.mostWaitingAtOnce = Math.max(out.mostWaitingAtOnce, waiting.length);
    for (const w of waiting) out.waitingKinds.add(`${w.locktype}${w.relation ? ` on ${w.relation}` : ''}`);
    for (const r of rows) if (r.locktype === 'advisory' && r.granted) out.advisoryLocks.add(r.objid ?? '');
    await sleep(25);
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      turns: { type: 'string', default: '1500' },
      warmup: { type: 'string', default: '400' },
    },
  });
  const rounds = Number(values.rounds);
  const turns = Number(values.turns);
  const warmup = Number(values.warmup);
  console.log(
    `Scale-out benchmark: one instance against two on one PostgreSQL database, ${rounds} rounds with fresh processes ` +
      `(the order alternating), ${turns} turns of the mix per measurement on 8 connections in all, after ${warmup} turns ` +
      `of warm-up per instance. Machine: ${cpus()[0]?.model ?? '?'} x ${cpus().length}, Node ${process.version}; ` +
      'the load generator, PostgreSQL and the instances share its cores.',
  );
  const schema = `mentorbot_bench_${randomBytes(4).toString('hex')}`;
  const app = `mentorbot-scale-${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(DATABASE);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const shared = {
    DATABASE_URL: url.toString(),
    STORAGE: '',
    PGAPPNAME: app,
    WEBCHAT_TOKEN_SECRET: randomBytes(32).toString('hex'),
  };
  const ones: Measured[] = [];
  const twos: Measured[] = [];
  const locks: LockSamples[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      process.stdout.write(`Round ${round + 1}: `);
      const a = await start(shared);
      await load(a.url, 8, warmup);
      const b = await start(shared);
      await load(b.url, 8, warmup);
      const two = async () => {
        const measuring = measure([a, b], turns);
        const sampled = sampleLocks(admin, app, measuring);
        twos.push(await measuring);
        locks.push(await sampled);
      };
      const one = async () => ones.push(await measure([a], turns));
      if (round % 2 === 0) {
        await one();
        await two();
      } else {
        await two();
        await one();
      }
      await stop(a);
      await stop(b);
      const [o, t] = [ones.at(-1)!, twos.at(-1)!];
      console.log(
        `one ${o.cpuMsPerTurn.toFixed(2)} ms and ${o.queriesPerTurn.toFixed(2)} queries per turn, ` +
          `two ${t.cpuMsPerTurn.toFixed(2)} ms and ${t.queriesPerTurn.toFixed(2)}`,
      );
    }
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
  const pick = (list: Measured[], f: (m: Measured) => number) => spread(list.map(f));
  const ratio = (f: (m: Measured) => number) => spread(twos.map((t, i) => f(t) / f(ones[i]!)));
  const within = (r: number) =>
    Math.abs(r - 1) <= WITHIN ? 'met' : `NOT met, ${((Math.abs(r - 1) - WITHIN) * 100).toFixed(0)} points out`;
  console.log('\nMedian (lowest-highest) of the rounds:');
  console.log(
    formatTable([
      ['', 'one instance', 'two instances'],
      [
        'CPU ms per turn (the instances)',
        formatSpread(pick(ones, (m) => m.cpuMsPerTurn)),
        formatSpread(pick(twos, (m) => m.cpuMsPerTurn)),
      ],
      [
        'PostgreSQL queries per turn',
        formatSpread(pick(ones, (m) => m.queriesPerTurn)),
        formatSpread(pick(twos, (m) => m.queriesPerTurn)),
      ],
      [
        'turns/s (shared cores)',
        formatSpread(
          pick(ones, (m) => m.turnsPerSecond),
          0,
        ),
        formatSpread(
          pick(twos, (m) => m.turnsPerSecond),
          0,
        ),
      ],
    ])
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  const cpu = ratio((m) => m.cpuMsPerTurn);
  const queries = ratio((m) => m.queriesPerTurn);
  console.log(
    `Two instances / one, CPU per turn: ${formatSpread(cpu)}  (goal within ${WITHIN * 100} %: ${within(cpu.median)})`,
  );
  console.log(
    `Two instances / one, queries per turn: ${formatSpread(queries)}  (goal within ${WITHIN * 100} %: ${within(queries.median)})`,
  );
  const last = twos.at(-1)!;
  console.log(
    'Queries per turn by statement (two instances, last round): ' +
      Object.entries(last.byKind)
        .filter(([, n]) => n >= 0.005)
        .sort((x, y) => y[1] - x[1])
        .map(([kind, n]) => `${kind} ${n.toFixed(2)}`)
        .join(', '),
  );
  console.log(
    `Writes by key (two instances, last round): ${last.keysWritten} keys written in ${last.turns} turns; the most ` +
      `written key got ${(last.hottestKeyShare * 100).toFixed(1)} % of the writes (a row every conversation wrote would get about 100 %).`,
  );
  const l = locks.reduce(
    (acc, x) => ({
      samples: acc.samples + x.samples,
      waiting: acc.waiting + x.waiting,
      most: Math.max(acc.most, x.mostWaitingAtOnce),
      kinds: new Set([...acc.kinds, ...x.waitingKinds]),
      advisory: Math.max(acc.advisory, x.advisoryLocks.size),
    }),
    { samples: 0, waiting: 0, most: 0, kinds: new Set<string>(), advisory: 0 },
  );
  console.log(
    `Locks (pg_locks of the instances' connections, ${l.samples} samples while two instances ran): ${l.waiting} waiting ` +
      `lock${l.waiting === 1 ? '' : 's'} seen, at most ${l.most} at once${l.kinds.size ? ` (${[...l.kinds].join(', ')})` : ''}; ` +
      `up to ${l.advisory} different conversations' turn locks seen held in one round.`,
  );
}

const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
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

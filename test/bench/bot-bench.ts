/**
 * The bot load benchmark: what a conversation turn costs our bot, next to a bare botbuilder bot (baseline-bot.ts).
 * Each bot runs as its own child process on a free loopback port; autocannon plays whole conversations on a fixed
 * number of connections for a bounded time (after a warm-up), and the server's own CPU time is read from /proc.
 * Goal: server CPU ms per turn, ours / baseline, ≤ 1.25. Fails (exit 1) on any non-2xx answer or connection error.
 *
 * node dist/test/bench/bot-bench.js [--duration 10] [--warmup 2] [--connections 8] [--target ours|baseline]
 * `--target baseline` runs the baseline bot in the "ours" slot too (with our mix), to check the harness itself;
 * `--target <script.js>` runs that script there instead (a path relative to the project root).
 * Linux only (/proc). Needs the build, and for our bot the knowledge bundle (npm run kb:build).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  type BotFigures,
  type ProcStat,
  type ReplyTally,
  type SequenceRequest,
  conversationRequests,
  formatTable,
  parseProcStat,
} from './bench-lib.js';
import { BASELINE_MIX, BOT_MIX, type Conversation } from './bot-mix.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Target {
  label: string;
  /** The server's script, relative to the project root (or absolute); run as `node <script>`. */
  script: string;
}

/** The one place that says how to start each bot. */
const TARGETS = {
  ours: { label: 'Mentorbot', script: 'dist/bot/main.js' },
  baseline: { label: 'baseline', script: 'dist/test/bench/baseline-bot.js' },
} satisfies Record<string, Target>;

class BenchFailure extends Error {}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];
let running: autocannon.Instance | undefined;

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new BenchFailure(`--${name} needs a positive number, got "${raw}"`);
  return value;
}

/** A system setting from getconf, or the usual Linux value when getconf is missing. */
function getconf(name: string, usual: number): number {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || usual;
  } catch {
    return usual;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  child: ChildProcess;
  pid: number;
  url: string;
  /** The last lines the server wrote, to show when it fails. */
  output: () => string;
}

/** Starts a bot as a child process on a free loopback port, with a fresh data folder and auth off. */
async function startServer(target: Target): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorbot-bench-'));
  tempDirs.push(dataDir);
  // The load comes from one address at hundreds of turns a second: the rate limits are off for the measurement.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_ADDRESS: '0',
    RATE_LIMIT_PER_CONVERSATION: '0',
  };
  for (const name of Object.keys(env)) if (/^MicrosoftApp/i.test(name)) delete env[name];
  const child = spawn(process.execPath, [resolve(ROOT, target.script)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString('utf8')).slice(-2000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const server = { child, pid: child.pid!, url, output: () => tail.trim() };
  await waitUntilReady(target, server);
  return server;
}

/** Waits for /healthz, then /readyz, to answer 200; gives up after 30 s or when the server exits. */
async function waitUntilReady(target: Target, server: Server): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const path of ['/healthz', '/readyz']) {
    for (;;) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        throw new BenchFailure(`${target.label} (${target.script}) exited before it was ready:\n${server.output()}`);
      }
      const status = await fetch(server.url + path, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline)
        throw new BenchFailure(`${target.label} did not answer 200 on ${path} within 30 s:\n${server.output()}`);
      await sleep(100);
    }
  }
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
}

function procStat(pid: number): ProcStat {
  return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

function cannon(
  url: string,
  requests: SequenceRequest[],
  connections: number,
  duration: number,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    running = autocannon(
      { url: `${url}/api/messages`, connections, duration, timeout: 10, requests },
      (error, result) => {
        running = undefined;
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

interface Settings {
  duration: number;
  warmup: number;
  connections: number;
  pageSize: number;
}

/** Starts one bot, warms it up, measures it, stops it. Throws a BenchFailure on any non-2xx or connection error. */
async function measure(slot: string, target: Target, mix: readonly Conversation[], s: Settings): Promise<BotFigures> {
  process.stdout.write(`${slot}: starting ${target.script} … `);
  const server = await startServer(target);
  try {
    process.stdout.write('warming up … ');
    const warm: ReplyTally = { answered: 0, silent: 0 };
    check(slot, await cannon(server.url, conversationRequests(mix, warm), s.connections, s.warmup), server);
    process.stdout.write(`measuring ${s.duration} s … `);
    const tally: ReplyTally = { answered: 0, silent: 0 };
    const before = procStat(server.pid);
    const result = await cannon(server.url, conversationRequests(mix, tally), s.connections, s.duration);
    const after = procStat(server.pid);
    check(slot, result, server);
    console.log('done');
    return {
      label: slot === target.label ? slot : `${slot} (${target.label})`,
      turns: result.requests.total,
      seconds: result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      silent: tally.silent,
      cpuTicks: after.utime + after.stime - (before.utime + before.stime),
      rssMiB: (after.rssPages * s.pageSize) / 1024 / 1024,
    };
  } finally {
    await stopServer(server);
  }
}

function check(slot: string, result: autocannon.Result, server: Server): void {
  if (result.non2xx === 0 && result.errors === 0 && result.requests.total > 0) return;
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}: ${count}`)
    .join(', ');
  throw new BenchFailure(
    `${slot}: ${result.non2xx} non-2xx answers, ${result.errors} connection errors (${result.timeouts} timeouts), ` +
      `${result.requests.total} turns completed; statuses ${statuses || 'none'}.\nLast server output:\n${server.output() || '(none)'}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '8' },
      target: { type: 'string', default: 'ours' },
    },
  });
  const settings: Settings = {
    duration: positive('duration', values.duration),
    warmup: positive('warmup', values.warmup),
    connections: Math.round(positive('connections', values.connections)),
    pageSize: getconf('PAGESIZE', 4096),
  };
  // --target picks what runs in the "ours" slot: our bot, the baseline (to check the harness), or any script.
  const target: Target =
    values.target === 'ours' || values.target === 'baseline'
      ? TARGETS[values.target]
      : { label: values.target, script: values.target };
  const ticksPerSecond = getconf('CLK_TCK', 100);

  console.log(
    `Bot benchmark: ${settings.connections} connections, ${settings.duration} s per bot after a ${settings.warmup} s warm-up, loopback.`,
  );
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, Node ${process.version}, ${ticksPerSecond} clock ticks/s\n`,
  );
  const ours = await measure('ours', target, BOT_MIX, settings);
  const baseline = await measure('baseline', TARGETS.baseline, BASELINE_MIX, settings);
  console.log('\n' + formatTable(ours, baseline, ticksPerSecond));
  for (const f of [ours, baseline]) {
    if (f.silent > 0) console.log(`Note: ${f.label} answered ${f.silent} turns with no message.`);
  }
}

function cleanUp(): void {
  running?.stop();
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', cleanUp);
process.on('SIGINT', () => {
  console.error('\nInterrupted; stopping the bots.');
  cleanUp();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanUp();
  process.exit(143);
});

try {
  await main();
} catch (e) {
  console.error(`\nBENCH FAILED: ${e instanceof BenchFailure ? e.message : e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
